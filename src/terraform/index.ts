// The public face of "Terraform as the judge": TerraformJudge runs real Terraform over synthesized
// stacks, offline, against a provider served from the vendored schemas (see runner.ts).
import type { TerraformDiagnostic, TerraformJudgeResult } from "./results";
import { formatDiagnostic, judge, readStacks } from "./runner";

export type { TerraformDiagnostic, TerraformJudgeResult, TerraformStackResult } from "./results";

/** How to run Terraform. */
export interface TerraformJudgeOptions {
  /**
   * The terraform executable: a path, or a name looked up on PATH.
   * @default "terraform" (looked up on PATH)
   */
  readonly terraformBinary?: string;
  /**
   * Provider schema files (the output of `terraform providers schema -json`) to serve; every provider
   * the stacks use must be in one of them.
   * @default the schemas this package vendors (aliyun/alicloud and hashicorp/random)
   */
  readonly schemaFiles?: string[];
  /**
   * Values of the stacks' declared variables, by name (as in a `terraform.tfvars.json`).
   * @default a placeholder of each variable's type for every variable without a default
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly variables?: { [name: string]: any };
  /**
   * How long each Terraform command may run before it is stopped and reported as timed out.
   * @default 120
   */
  readonly timeoutSeconds?: number;
  /**
   * Whether to run `terraform plan` after a successful `terraform validate`.
   * @default true
   */
  readonly plan?: boolean;
  /**
   * Judge all the stacks in one Terraform run first, each a module of one configuration (one init,
   * validate and plan for all); should Terraform report anything there, every stack is judged on its
   * own instead, so verdicts and diagnostics are always those of each stack as its own root module.
   * @default false
   */
  readonly batch?: boolean;
}

/**
 * Real Terraform as the judge of synthesized stacks, offline: `terraform init`, `terraform validate`
 * and `terraform plan` run against a provider this package serves from the vendored provider schemas
 * (no registry, no credentials, no network). Terraform reports its own errors: unknown arguments,
 * blocks and types, missing required arguments, wrong types, block counts, references to attributes
 * that don't exist, reference and `depends_on` cycles, unknown functions, duplicate providers.
 *
 * The served provider checks nothing beyond the schema: the real provider's validators are not run
 * (`SchemaConformance` encodes the ones this library depends on), and data sources return
 * deterministic placeholders, not cloud data. Needs a `terraform` binary (1.x).
 *
 * @example
 *
 * const result = await TerraformJudge.checkOutput(["cdktf.out"]);
 * const lines: string[] = [];
 * for (const judged of result.stacks) {
 *   for (const diagnostic of judged.diagnostics) {
 *     lines.push(TerraformJudge.format(diagnostic)); // "<stack>: <address> <path>: error: ..."
 *   }
 * }
 */
export class TerraformJudge {
  /**
   * Checks synthesized stacks on disk.
   *
   * @param paths cdktf output folders (every `stacks/<stack>/cdk.tf.json` in them), stack folders, or
   *   `cdk.tf.json` files
   * @param options how to run Terraform
   */
  public static async checkOutput(
    paths: string[],
    options: TerraformJudgeOptions = {},
  ): Promise<TerraformJudgeResult> {
    return judge(readStacks(paths), options);
  }

  /**
   * Checks synthesized stacks held in memory, e.g. the results of `Testing.synth(stack)`.
   *
   * @param stacks each stack's `cdk.tf.json` text, by stack name
   * @param options how to run Terraform
   */
  public static async checkSynthesized(
    stacks: { [name: string]: string },
    options: TerraformJudgeOptions = {},
  ): Promise<TerraformJudgeResult> {
    return judge(
      Object.entries(stacks).map(([name, config]) => ({ name, config })),
      options,
    );
  }

  /**
   * One diagnostic as a line of text: `<stack>: <address> <path>: <severity>: <summary>: <detail>`.
   *
   * @param diagnostic the diagnostic to describe
   */
  public static format(diagnostic: TerraformDiagnostic): string {
    return formatDiagnostic(diagnostic);
  }

  private constructor() {}
}
