// Compares two synthesized outputs with real Terraform, offline: for each stack in both, `terraform apply`
// of the before side into a temporary local state (the served provider fills in what only the cloud
// would know with deterministic placeholders), then `terraform plan -refresh=false -out` of the after
// side against that state and `terraform show -json` of the plan. Terraform decides every action; the
// served provider contributes the provider's replacement rules (schema/replacement.json). All stack
// pairs share one session (one provider server), and its temporary folder is always removed.
import * as fs from "fs";
import * as path from "path";
import { parseReplacementRules, ReplacementRules } from "../terraform/replacement-rules";
import {
  CommandResult,
  defaultConcurrency,
  DEFAULT_REPLACEMENT_RULES,
  mapConcurrently,
  SessionHooks,
  SessionOptions,
  TerraformSession,
  withTerraformSession,
} from "../terraform/session";
import { batchConfig, readStacks, writeBatchRoot } from "../terraform/runner";
import { requiredProviders, StackWorkspace } from "../terraform/workspace";
import { Body, blocksOf, Config } from "./config";
import { consequences, DiffAction } from "./consequences";
import { detectMoves } from "./moves";
import type { DiffReport, ResourceChangeReport, StackDiff } from "./report";

/** One stack to compare: its name and both sides' `cdk.tf.json` (text or parsed). */
export interface StackPair {
  readonly name: string;
  readonly before: string | object;
  readonly after: string | object;
}

/** How to run the comparison. */
export interface DiffOptions extends SessionOptions {
  /** Values of declared variables, by name (both sides); the others get placeholders of their type. */
  readonly variables?: { readonly [name: string]: unknown };
  /** How many stacks run at once. Default: the number of CPUs, at most 4. */
  readonly concurrency?: number;
}

/** The outputs can't be compared: no such path, no stacks, nothing in common. The command exits with 2. */
export class DiffInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DiffInputError";
  }
}

let vendoredRules: ReplacementRules | undefined;

function replacementRules(): ReplacementRules {
  vendoredRules ??= parseReplacementRules(
    fs.readFileSync(DEFAULT_REPLACEMENT_RULES, "utf8"),
    DEFAULT_REPLACEMENT_RULES,
  );
  return vendoredRules;
}

/** One side of a comparison: its stacks by name, and whether it was given as a single stack. */
export interface DiffSide {
  readonly stacks: ReadonlyMap<string, string | object>;
  readonly single: boolean;
}

/** A side on disk: a cdktf output folder (every stacks/<stack>), a stack folder, or a cdk.tf.json file. */
export function readSide(given: string, side = "output", cwd = process.cwd()): DiffSide {
  const full = path.resolve(cwd, given);
  let stacks;
  try {
    stacks = readStacks([full]);
  } catch (e) {
    // Named as the user gave it.
    throw new DiffInputError(`${side}: ${(e as Error).message.split(full).join(given)}`);
  }
  const single = fs.statSync(full).isFile() || fs.existsSync(path.join(full, "cdk.tf.json"));
  return { stacks: new Map(stacks.map((s) => [s.name, s.config])), single };
}

/**
 * The stack pairs of two sides, by stack name; a side given as a single stack, against a side of one
 * stack, is compared with it whatever their names.
 * Throws DiffInputError when there is nothing to compare.
 */
export function pairSides(
  b: DiffSide,
  a: DiffSide,
): { pairs: StackPair[]; onlyBefore: string[]; onlyAfter: string[] } {
  if ((b.single || a.single) && b.stacks.size === 1 && a.stacks.size === 1) {
    const [[beforeName, beforeConfig]] = [...b.stacks];
    const [[afterName, afterConfig]] = [...a.stacks];
    const name = beforeName === afterName ? afterName : `${beforeName} -> ${afterName}`;
    return { pairs: [{ name, before: beforeConfig, after: afterConfig }], onlyBefore: [], onlyAfter: [] };
  }
  const pairs = [...a.stacks.keys()]
    .filter((name) => b.stacks.has(name))
    .sort()
    .map((name) => ({ name, before: b.stacks.get(name)!, after: a.stacks.get(name)! }));
  const onlyBefore = [...b.stacks.keys()].filter((name) => !a.stacks.has(name)).sort();
  const onlyAfter = [...a.stacks.keys()].filter((name) => !b.stacks.has(name)).sort();
  if (pairs.length === 0) {
    throw new DiffInputError(
      `no stack is in both outputs (before: ${[...b.stacks.keys()].join(", ")}; after: ${[...a.stacks.keys()].join(", ")})`,
    );
  }
  return { pairs, onlyBefore, onlyAfter };
}

/** Compares two sides (see pairSides). */
export async function diffSides(
  before: DiffSide,
  after: DiffSide,
  options: DiffOptions = {},
  hooks: SessionHooks = {},
): Promise<DiffReport> {
  const { pairs, onlyBefore, onlyAfter } = pairSides(before, after);
  const compared = await diffPairs(pairs, options, hooks);
  return { ...compared, onlyBefore, onlyAfter };
}

/**
 * Compares two synthesized outputs on disk (cdktf output folders, stack folders or cdk.tf.json files;
 * see pairSides); relative paths are read from `cwd`.
 */
export async function diffOutputs(
  before: string,
  after: string,
  options: DiffOptions = {},
  hooks: SessionHooks = {},
  cwd = process.cwd(),
): Promise<DiffReport> {
  return diffSides(readSide(before, "before", cwd), readSide(after, "after", cwd), options, hooks);
}

/** Compares stack pairs, all in one Terraform session. */
export async function diffPairs(
  pairs: readonly StackPair[],
  options: DiffOptions = {},
  hooks: SessionHooks = {},
): Promise<DiffReport> {
  return withTerraformSession(options, hooks, async (session) => {
    const version = session.version();
    const stacks = await diffInSession(session, pairs, options);
    return {
      terraformVersion: await version,
      stacks,
      onlyBefore: [],
      onlyAfter: [],
      destroys: stacks.some((s) => s.destroys),
      errorCount: stacks.reduce((n, s) => n + s.diagnostics.filter((d) => d.severity === "error").length, 0),
    };
  });
}

let folders = 0;

/**
 * Compares stack pairs in a session that is already running (several rounds can share one provider
 * server); each pair gets a folder of its own in the session's temporary folder.
 */
export async function diffInSession(
  session: TerraformSession,
  pairs: readonly StackPair[],
  options: DiffOptions = {},
): Promise<StackDiff[]> {
  const names = new Set<string>();
  for (const pair of pairs) {
    if (names.has(pair.name)) throw new Error(`two stacks are named ${pair.name}`);
    names.add(pair.name);
  }
  const batched = pairs.length > 1 ? await diffBatch(session, pairs, options) : undefined;
  if (batched) return batched;
  const concurrency = options.concurrency ?? defaultConcurrency();
  return mapConcurrently(pairs, concurrency, (pair) =>
    diffStack(pair, `pair-${folders++}`, session, options),
  );
}

/**
 * Compares all pairs in one Terraform run, each stack a module (`module.s<i>`) of one configuration:
 * one init, apply, plan and show instead of four commands a stack. Returns undefined, and the pairs
 * are compared one at a time, whenever that can't stand for comparing each stack on its own: a side
 * that isn't a configuration, needs a provider not served or holds what only a root module may, or
 * any diagnostic at all from Terraform.
 */
async function diffBatch(
  session: TerraformSession,
  pairs: readonly StackPair[],
  options: DiffOptions,
): Promise<StackDiff[] | undefined> {
  const dir = path.join(session.tempDir, `batch-${folders++}`);
  const sides = pairs.map((pair) => [parse(pair.before), parse(pair.after)] as const);
  const write = (side: 0 | 1): boolean =>
    writeBatchRoot(
      session,
      dir,
      sides.map((configs) => configs[side]),
      options.variables,
    );
  const quiet = async (args: string[]): Promise<CommandResult | undefined> => {
    const result = await session.run(args, dir);
    if (result.code !== 0 || result.timedOut) return undefined;
    const said = result.stdout
      .split("\n")
      .some((line) => line.startsWith('{"') && line.includes('"type":"diagnostic"'));
    return said ? undefined : result;
  };
  const common = ["-refresh=false", "-input=false", "-lock=false", "-no-color", "-json"];
  if (!write(0) || !(await quiet(["init", "-input=false", "-no-color"]))) return undefined;
  if (!(await quiet(["apply", "-auto-approve", ...common]))) return undefined;
  if (!write(1) || !(await quiet(["init", "-input=false", "-no-color"]))) return undefined;
  if (!(await quiet(["plan", ...common, "-out=after.tfplan"]))) return undefined;
  const show = await quiet(["show", "-json", "after.tfplan"]);
  let plan: PlanJson;
  try {
    plan = JSON.parse(show?.stdout ?? "") as PlanJson;
  } catch {
    return undefined;
  }
  // Each stack's part of the plan, with its addresses as they are in the stack itself.
  const ofModule = (index: number): PlanJson => {
    const prefix = `module.s${index}.`;
    return {
      resource_changes: (plan.resource_changes ?? [])
        .filter((change) => change.address.startsWith(prefix))
        .map((change) => ({
          ...change,
          address: change.address.slice(prefix.length),
          previous_address: change.previous_address?.startsWith(prefix)
            ? change.previous_address.slice(prefix.length)
            : change.previous_address,
        })),
    };
  };
  const counted = pairs.reduce((n, _, index) => n + (ofModule(index).resource_changes?.length ?? 0), 0);
  if (counted !== (plan.resource_changes ?? []).length) return undefined;
  return pairs.map((pair, index) =>
    analyse(pair.name, sides[index][0]!, sides[index][1]!, ofModule(index), []),
  );
}

function parse(config: string | object): Config | undefined {
  return batchConfig(config) as Config | undefined;
}

/** Applies the before side, then plans the after side against its state, in one folder. */
async function diffStack(
  pair: StackPair,
  folder: string,
  session: TerraformSession,
  options: DiffOptions,
): Promise<StackDiff> {
  const workspace = new StackWorkspace(session, pair.name, folder);
  const failed = (): StackDiff => ({
    stack: pair.name,
    compared: false,
    changes: [],
    moves: [],
    blockedMoves: [],
    diagnostics: workspace.diagnostics,
    destroys: false,
  });
  const jsonCommand = async (command: string, args: string[]) => {
    const result = await workspace.run(args);
    if (result.timedOut) {
      workspace.timedOut(command);
      return false;
    }
    workspace.jsonEvents(command, result.stdout);
    if (result.code !== 0 && !workspace.failed) {
      workspace.fail(command, `terraform ${command} failed`, `${result.stderr}${result.stdout}`.trim());
    }
    return result.code === 0;
  };
  const [before, after] = [parse(pair.before), parse(pair.after)];
  if (!workspace.write(pair.before, options.variables) || !before || !(await workspace.init()))
    return failed();
  const common = ["-refresh=false", "-input=false", "-lock=false", "-no-color", "-json"];
  if (!(await jsonCommand("apply (before)", ["apply", "-auto-approve", ...common]))) return failed();

  if (!workspace.write(pair.after, options.variables) || !after) return failed();
  // init again when what it installs changed: providers, or the modules the stack calls.
  const installs = (config: Config) =>
    JSON.stringify([
      requiredProviders(config),
      (config.terraform as Config | undefined)?.required_providers,
      config.module,
    ]);
  if (installs(before) !== installs(after) && !(await workspace.init())) return failed();
  if (!(await jsonCommand("plan (after)", ["plan", ...common, "-out=after.tfplan"]))) return failed();
  const show = await workspace.runChecked("show", ["show", "-json", "after.tfplan"]);
  if (!show) return failed();
  let plan: PlanJson;
  try {
    plan = JSON.parse(show.stdout) as PlanJson;
  } catch (e) {
    workspace.fail("show", "terraform show printed no JSON plan", (e as Error).message);
    return failed();
  }
  return analyse(pair.name, before, after, plan, workspace.diagnostics);
}

/** The parts of `terraform show -json <plan>` the diff reads. */
interface PlanJson {
  resource_changes?: {
    address: string;
    previous_address?: string;
    mode: string;
    type: string;
    action_reason?: string;
    change: {
      actions: string[];
      before?: unknown;
      after?: unknown;
      after_unknown?: unknown;
      replace_paths?: (string | number)[][];
    };
  }[];
}

function actionOf(actions: readonly string[], moved: boolean): DiffAction | undefined {
  const key = [...actions].sort().join(",");
  if (key === "create,delete") return "replace";
  if (key === "create") return "create";
  if (key === "delete") return "delete";
  if (key === "update") return "update";
  if (key === "no-op") return moved ? "move" : "no-op";
  return undefined;
}

function formatPath(steps: readonly (string | number)[]): string {
  return steps
    .map((step, i) => (typeof step === "number" ? `[${step}]` : i === 0 ? step : `.${step}`))
    .join("")
    .replace(/\.\[/g, "[");
}

/** The top-level attributes whose planned value differs from the prior one (or is not known yet). */
function changedAttributes(before: unknown, after: unknown, unknown: unknown): string[] {
  const b = (before ?? {}) as Body;
  const a = (after ?? {}) as Body;
  const u = (unknown ?? {}) as Body;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys]
    .filter(
      (k) =>
        JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null) ||
        (u[k] !== undefined && u[k] !== false),
    )
    .sort();
}

/** Turns Terraform's plan into the report of one stack. */
export function analyse(
  stack: string,
  before: Config,
  after: Config,
  plan: PlanJson,
  diagnostics: StackDiff["diagnostics"],
): StackDiff {
  const [oldBlocks, newBlocks] = [blocksOf(before), blocksOf(after)];
  const changes: ResourceChangeReport[] = [];
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== "managed") continue;
    const action = actionOf(rc.change.actions, rc.previous_address !== undefined);
    if (action === undefined) continue;
    const oldAddress = rc.previous_address ?? rc.address;
    const oldBody = action === "create" ? undefined : oldBlocks.get(oldAddress)?.body;
    const newBody = action === "delete" ? undefined : newBlocks.get(rc.address)?.body;
    const constructPath =
      (action === "delete" ? oldBlocks.get(oldAddress)?.path : newBlocks.get(rc.address)?.path) ?? rc.address;
    // Arguments only: attributes the configuration sets on either side (not those computed again).
    const changed =
      action === "update" || action === "replace"
        ? changedAttributes(rc.change.before, rc.change.after, rc.change.after_unknown).filter(
            (k) => (oldBody !== undefined && k in oldBody) || (newBody !== undefined && k in newBody),
          )
        : [];
    changes.push({
      address: rc.address,
      ...(rc.previous_address !== undefined ? { previousAddress: rc.previous_address } : {}),
      type: rc.type,
      constructPath,
      action,
      ...(rc.action_reason !== undefined ? { actionReason: rc.action_reason } : {}),
      replacePaths: (rc.change.replace_paths ?? []).map(formatPath),
      changedArguments: changed,
      consequences: consequences(before, {
        type: rc.type,
        action,
        path: constructPath,
        before: oldBody,
        after: newBody,
        changed,
      }),
      destroys: action === "replace" || action === "delete",
    });
  }
  const { moves, blocked } = detectMoves(
    before,
    after,
    changes.filter((c) => c.action === "delete").map((c) => c.address),
    changes.filter((c) => c.action === "create").map((c) => c.address),
    replacementRules(),
  );
  return {
    stack,
    compared: true,
    changes,
    moves,
    blockedMoves: blocked,
    diagnostics,
    destroys: changes.some((c) => c.destroys),
  };
}
