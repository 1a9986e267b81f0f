// Runs real Terraform over synthesized stacks, offline, in one session (session.ts: one provider server
// for all stacks, attached through TF_REATTACH_PROVIDERS), then per stack `terraform init`, `validate
// -json` and `plan -refresh=false -input=false -lock=false -json` in its own folder (workspace.ts). In
// batch mode the stacks are first judged together, each a module of one configuration, and one at a
// time only when Terraform says anything about them. The session removes the server and the temporary
// folder afterwards, on errors and timeouts too.
import * as fs from "fs";
import * as path from "path";
import { readTerraformJson, readTerraformJsonFile } from "../conformance/terraform-json";
import { SYNTH_COMMAND } from "../framework";
import {
  CommandResult,
  defaultConcurrency,
  mapConcurrently,
  SessionHooks,
  SessionOptions,
  TerraformSession,
  withTerraformSession,
} from "./session";
import {
  prepareConfig,
  RawDiagnostic,
  requiredProviders,
  StackWorkspace,
  versionsNotServed,
} from "./workspace";
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
  /**
   * Judge all stacks in one Terraform run first, each stack a module of one configuration; when
   * Terraform reports anything at all there, every stack is judged on its own instead, so verdicts and
   * diagnostics are always those of the stack as its own root module. Much faster for many passing
   * stacks (one init, validate and plan instead of one per stack). Default: false.
   */
  readonly batch?: boolean;
}

/** Observes the run, for tests: where the server and the temporary folder are. */
export type JudgeHooks = SessionHooks;

/**
 * Reads the stacks of a cdktf output folder (`stacks/*\/cdk.tf.json`), stack folders, or cdk.tf.json
 * files. Throws when a path holds no stack, and NotTerraformJsonError when a file isn't a Terraform
 * JSON configuration (too large, too deeply nested, not JSON, or another document).
 */
export function readStacks(paths: readonly string[]): JudgeStack[] {
  const stacks: JudgeStack[] = [];
  const read = (name: string, file: string, shown: string) =>
    stacks.push({ name, config: readTerraformJsonFile(file, shown).text });
  for (const given of paths) {
    const full = path.resolve(given);
    if (!fs.existsSync(full))
      throw new Error(`${given} does not exist; synthesize the app first (${SYNTH_COMMAND})`);
    if (fs.statSync(full).isFile()) {
      read(path.basename(path.dirname(full)), full, given);
    } else if (fs.existsSync(path.join(full, "cdk.tf.json"))) {
      read(path.basename(full), path.join(full, "cdk.tf.json"), path.join(given, "cdk.tf.json"));
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
        read(
          name,
          path.join(stacksDir, name, "cdk.tf.json"),
          path.join(given, "stacks", name, "cdk.tf.json"),
        );
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
    const results =
      (options.batch && options.plan !== false && stacks.length > 1
        ? await judgeBatch(stacks, session, options)
        : undefined) ??
      (await mapConcurrently(stacks, concurrency, (stack, index) =>
        judgeStack(stack, `stack-${index}`, session, options),
      ));
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

/** A stack's configuration for a batch, or undefined when it is no Terraform JSON configuration. */
export function batchConfig(config: string | object): { [key: string]: unknown } | undefined {
  try {
    return readTerraformJson(config, "the stack");
  } catch {
    return undefined;
  }
}

/**
 * Writes a batch's root into `dir`: each configuration a module `s<i>` in `s<i>/cdk.tf.json`, called
 * from `main.tf.json` with the variables it declares. Returns false, and the stacks are to be judged
 * one at a time, when that can't stand for judging each on its own: a configuration that isn't one,
 * needs a provider not served, asks for a release other than the one served (the per-stack judge warns
 * about that), or holds what only a root module may.
 */
export function writeBatchRoot(
  session: TerraformSession,
  dir: string,
  configs: readonly ({ [key: string]: unknown } | undefined)[],
  variables: { [name: string]: unknown } | undefined,
): boolean {
  const modules: { [name: string]: { [key: string]: unknown } } = {};
  for (const [index, config] of configs.entries()) {
    if (config === undefined) return false;
    const prepared = prepareConfig(config, variables);
    if (requiredProviders(prepared.config).some((address) => !session.served.has(address))) return false;
    if (versionsNotServed(prepared.config, session.servedVersions).length > 0) return false;
    const module = asModule(prepared.config);
    if (module === undefined) return false;
    fs.mkdirSync(path.join(dir, `s${index}`), { recursive: true });
    fs.writeFileSync(path.join(dir, `s${index}`, "cdk.tf.json"), JSON.stringify(module));
    modules[`s${index}`] = { source: `./s${index}`, ...prepared.tfvars };
  }
  fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify({ module: modules }));
  return true;
}

/**
 * A stack as a module of the batch's configuration: what only a root module may hold is left out or
 * makes the stack unfit (undefined). The backend goes (prepareConfig made it local anyway). A stack's
 * only, empty default configuration of a provider goes too: in a module an empty provider block is a
 * proxy for the caller's configuration, which for an empty one is the same provider; any other
 * argument-less block (two of them, or one with only an alias) means something else in a module.
 */
export function asModule(config: { [key: string]: unknown }): { [key: string]: unknown } | undefined {
  if (config.import !== undefined || config.removed !== undefined) return undefined;
  const copy = { ...config };
  if (copy.terraform && typeof copy.terraform === "object") {
    const { backend: _backend, cloud: _cloud, ...terraform } = copy.terraform as { [key: string]: unknown };
    copy.terraform = terraform;
  }
  if (copy.provider && typeof copy.provider === "object") {
    const providers: { [name: string]: unknown } = {};
    for (const [name, blocks] of Object.entries(copy.provider as { [name: string]: unknown })) {
      const list = Array.isArray(blocks) ? blocks : [blocks];
      const empty = (block: unknown) =>
        typeof block === "object" && block !== null && Object.keys(block).every((k) => k === "alias");
      if (list.length === 1 && empty(list[0]) && !(list[0] as { alias?: unknown }).alias) continue;
      if (list.some(empty)) return undefined;
      providers[name] = blocks;
    }
    copy.provider = providers;
  }
  return copy;
}

/**
 * Judges the stacks in one Terraform run, each a module (`module.s<i>`) of one configuration. Returns
 * undefined when that can't stand for judging each stack on its own: a stack that isn't JSON, needs a
 * provider not served, or holds what only a root module may; or any diagnostic at all, error or warning.
 */
async function judgeBatch(
  stacks: readonly JudgeStack[],
  session: TerraformSession,
  options: JudgeOptions,
): Promise<TerraformStackResult[] | undefined> {
  const dir = path.join(session.tempDir, "batch");
  const configs = stacks.map((stack) => batchConfig(stack.config));
  if (!writeBatchRoot(session, dir, configs, options.variables)) return undefined;

  const quiet = (result: CommandResult) => result.code === 0 && !result.timedOut;
  if (!quiet(await session.run(["init", "-input=false", "-no-color"], dir))) return undefined;
  const validate = await session.run(["validate", "-json", "-no-color"], dir);
  try {
    const report = JSON.parse(validate.stdout) as { valid?: boolean; diagnostics?: unknown[] };
    if (!quiet(validate) || report.valid !== true || (report.diagnostics ?? []).length > 0) return undefined;
  } catch {
    return undefined;
  }
  const plan = await session.run(
    ["plan", "-refresh=false", "-input=false", "-lock=false", "-json", "-no-color"],
    dir,
  );
  if (!quiet(plan)) return undefined;
  const counts = stacks.map(() => ({ add: 0, change: 0, remove: 0 }));
  let summarized = false;
  for (const line of plan.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    let event: { type?: string; change?: { action?: string; resource?: { module?: string } } };
    try {
      event = JSON.parse(line) as typeof event;
    } catch {
      return undefined;
    }
    if (event.type === "diagnostic") return undefined;
    if (event.type === "change_summary") summarized = true;
    if (event.type !== "planned_change") continue;
    const index = Number(/^module\.s(\d+)$/.exec(event.change?.resource?.module ?? "")?.[1]);
    const count = counts[index];
    if (count === undefined) return undefined;
    const action = event.change?.action;
    if (action === "create" || action === "replace") count.add++;
    if (action === "update") count.change++;
    if (action === "delete" || action === "replace") count.remove++;
  }
  if (!summarized) return undefined;
  return stacks.map((stack, index) => ({
    stack: stack.name,
    valid: true,
    planned: true,
    toAdd: counts[index].add,
    toChange: counts[index].change,
    toDestroy: counts[index].remove,
    diagnostics: [],
  }));
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
