// Runs real Terraform over synthesized stacks, offline, in one session (session.ts: one provider server
// for all stacks, attached through TF_REATTACH_PROVIDERS), then per stack `terraform init`, `validate
// -json` and `plan -refresh=false -input=false -lock=false -json` in its own folder (workspace.ts). The
// session removes the server and the temporary folder afterwards, on errors and timeouts too.
import * as fs from "fs";
import * as path from "path";
import {
  defaultConcurrency,
  mapConcurrently,
  SessionHooks,
  SessionOptions,
  TerraformSession,
  withTerraformSession,
} from "./session";
import { RawDiagnostic, StackWorkspace } from "./workspace";
import type { TerraformDiagnostic, TerraformJudgeResult, TerraformStackResult } from "./results";

export { DEFAULT_SCHEMA_FILES, findTerraform, TerraformNotFoundError } from "./session";
export { prepareConfig, requiredProviders } from "./workspace";

/** A stack to check: its name and its `cdk.tf.json` (text or parsed). */
export interface JudgeStack {
  readonly name: string;
  readonly config: string | object;
}

export interface JudgeOptions extends SessionOptions {
  /** Values of declared variables, by name; the others get placeholders of their type. */
  readonly variables?: { readonly [name: string]: unknown };
  /** Whether to plan after a successful validate. Default: true. */
  readonly plan?: boolean;
  /** How many stacks run at once. Default: the number of CPUs, at most 4. */
  readonly concurrency?: number;
}

/** Observes the run, for tests: where the server and the temporary folder are. */
export type JudgeHooks = SessionHooks;

/** Reads the stacks of a cdktf output folder (`stacks/*\/cdk.tf.json`), stack folders, or cdk.tf.json files. */
export function readStacks(paths: readonly string[]): JudgeStack[] {
  const stacks: JudgeStack[] = [];
  for (const given of paths) {
    const full = path.resolve(given);
    if (!fs.existsSync(full))
      throw new Error(`${given} does not exist; synthesize the app first (npx cdktf synth)`);
    if (fs.statSync(full).isFile()) {
      stacks.push({ name: path.basename(path.dirname(full)), config: fs.readFileSync(full, "utf8") });
    } else if (fs.existsSync(path.join(full, "cdk.tf.json"))) {
      stacks.push({
        name: path.basename(full),
        config: fs.readFileSync(path.join(full, "cdk.tf.json"), "utf8"),
      });
    } else {
      const stacksDir = path.join(full, "stacks");
      const names = fs.existsSync(stacksDir)
        ? fs
            .readdirSync(stacksDir)
            .filter((name) => fs.existsSync(path.join(stacksDir, name, "cdk.tf.json")))
            .sort()
        : [];
      if (names.length === 0) {
        throw new Error(`${given} holds no synthesized stacks (no stacks/<stack>/cdk.tf.json)`);
      }
      for (const name of names) {
        stacks.push({ name, config: fs.readFileSync(path.join(stacksDir, name, "cdk.tf.json"), "utf8") });
      }
    }
  }
  return stacks;
}

/** Runs Terraform over the stacks and returns what it said. */
export async function judge(
  stacks: readonly JudgeStack[],
  options: JudgeOptions = {},
  hooks: JudgeHooks = {},
): Promise<TerraformJudgeResult> {
  const names = new Set<string>();
  for (const stack of stacks) {
    if (names.has(stack.name)) throw new Error(`two stacks are named ${stack.name}`);
    names.add(stack.name);
  }
  return withTerraformSession(options, hooks, async (session) => {
    // Asked beside the first stacks rather than before them: it is only for the report.
    const version = session.version();
    const concurrency = options.concurrency ?? defaultConcurrency();
    const results = await mapConcurrently(stacks, concurrency, (stack, index) =>
      judgeStack(stack, `stack-${index}`, session, options),
    );
    const errorCount = results.reduce(
      (sum, r) => sum + r.diagnostics.filter((d) => d.severity === "error").length,
      0,
    );
    return { terraformVersion: await version, stacks: results, errorCount };
  });
}

/** Validates, then plans, one stack in its own folder of the session. */
async function judgeStack(
  stack: JudgeStack,
  folder: string,
  session: TerraformSession,
  options: JudgeOptions,
): Promise<TerraformStackResult> {
  const workspace = new StackWorkspace(session, stack.name, folder);
  const result = (valid: boolean, planned = false, counts = { add: 0, change: 0, remove: 0 }) => ({
    stack: stack.name,
    valid,
    planned,
    toAdd: counts.add,
    toChange: counts.change,
    toDestroy: counts.remove,
    diagnostics: workspace.diagnostics,
  });
  if (!workspace.write(stack.config, options.variables)) return result(false);
  if (!(await workspace.init())) return result(false);

  const validate = await workspace.run(["validate", "-json", "-no-color"]);
  if (validate.timedOut) {
    workspace.timedOut("validate");
    return result(false);
  }
  let valid = false;
  try {
    const report = JSON.parse(validate.stdout) as { valid: boolean; diagnostics?: RawDiagnostic[] };
    valid = report.valid;
    (report.diagnostics ?? []).forEach((d) => workspace.add("validate", d));
  } catch {
    workspace.fail("validate", "terraform validate failed", `${validate.stderr}${validate.stdout}`.trim());
    return result(false);
  }
  if (!valid || options.plan === false) return result(valid);

  const plan = await workspace.run([
    "plan",
    "-refresh=false",
    "-input=false",
    "-lock=false",
    "-json",
    "-no-color",
  ]);
  if (plan.timedOut) {
    workspace.timedOut("plan");
    return result(false);
  }
  let counts = { add: 0, change: 0, remove: 0 };
  let summarized = false;
  for (const event of workspace.jsonEvents("plan", plan.stdout)) {
    if (event.type === "change_summary" && event.changes) {
      counts = event.changes as typeof counts;
      summarized = true;
    }
  }
  const planned = plan.code === 0 && summarized;
  const planErrors = workspace.diagnostics.some((d) => d.command === "plan" && d.severity === "error");
  if (!planned && !planErrors) {
    workspace.fail("plan", "terraform plan failed", `${plan.stderr}${plan.stdout}`.trim());
  }
  return result(valid, planned, counts);
}

/** One diagnostic as a line: `<stack>: <address> <path>: <severity>: <summary>: <detail>`. */
export function formatDiagnostic(diagnostic: TerraformDiagnostic): string {
  const where = [diagnostic.address, diagnostic.attributePath].filter((p) => p !== "").join(" ");
  const detail = diagnostic.detail.replace(/\s+/g, " ").trim();
  return (
    `${diagnostic.stack}: ${where === "" ? "" : `${where}: `}${diagnostic.severity}: ${diagnostic.summary}` +
    (detail === "" ? "" : `: ${detail}`)
  );
}
