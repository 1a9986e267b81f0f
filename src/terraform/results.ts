// What Terraform said about synthesized stacks: the results TerraformJudge returns (see runner.ts).

/** One diagnostic Terraform reported for a stack. */
export interface TerraformDiagnostic {
  /** The stack's name (its folder under `cdktf.out/stacks`, or the key given to `checkSynthesized`). */
  readonly stack: string;
  /** The command that reported it: `init`, `validate`, `plan` (or `prepare` when the stack isn't JSON). */
  readonly command: string;
  /** `error` or `warning`. */
  readonly severity: string;
  /** Terraform's one-line summary, e.g. `Unsupported argument`. */
  readonly summary: string;
  /** Terraform's explanation. */
  readonly detail: string;
  /** The block it concerns, e.g. `alicloud_vpc.Vpc` or `provider.random[1]`; empty when Terraform names none. */
  readonly address: string;
  /** Where inside that block, e.g. `data_disks[0].size`; empty when it concerns the whole block. */
  readonly attributePath: string;
}

/** What Terraform said about one stack. */
export interface TerraformStackResult {
  /** The stack's name. */
  readonly stack: string;
  /** Whether `terraform validate` passed. */
  readonly valid: boolean;
  /** Whether `terraform plan` succeeded (false when validate failed, or planning was switched off). */
  readonly planned: boolean;
  /** Resources the plan would create. */
  readonly toAdd: number;
  /** Resources the plan would change in place. */
  readonly toChange: number;
  /** Resources the plan would destroy. */
  readonly toDestroy: number;
  /** Everything Terraform reported, errors and warnings. */
  readonly diagnostics: TerraformDiagnostic[];
}

/** What Terraform said about all the stacks checked. */
export interface TerraformJudgeResult {
  /** The version of Terraform that ran, e.g. `1.11.4`. */
  readonly terraformVersion: string;
  /** One result per stack, in the order they were given (a cdktf output folder: by name). */
  readonly stacks: TerraformStackResult[];
  /** How many diagnostics are errors, over all stacks. */
  readonly errorCount: number;
}
