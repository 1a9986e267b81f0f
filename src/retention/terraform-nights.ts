// Nights of a stack through real `terraform apply` runs, against the provider served from the vendored
// schemas (src/terraform/): each night sets the stack's image variable to a new image, Terraform plans
// and applies, and Terraform alone decides what happens to each export and in which order (a replacement
// as delete then create, or create then delete with create_before_destroy). What the buckets see follows
// from Terraform's own record of the apply: each `alicloud_image_export` it deleted (apply_complete,
// action delete) is the provider's destroy, which deletes `<oss_prefix>_<image_id>_system.raw.tar.gz` of
// the planned prior state; each one it created is ECS writing the files of the planned new state. The
// fast replay (replay.ts) can then be checked against these nights, and continue from them.
import { createRequests, destroyRequest, NightRequest } from "./replay";
import { ExportInStack, StackRetention } from "./stack-reader";
import { SessionOptions, withTerraformSession } from "../terraform/session";
import { StackWorkspace } from "../terraform/workspace";

/** One night's apply, as Terraform reported it and as the buckets saw it. */
export interface TerraformNight {
  readonly night: number;
  /** The export actions Terraform planned, e.g. `alicloud_image_export.X: delete, create`. */
  readonly planned: readonly string[];
  /** The requests the apply made of the buckets, in the order Terraform completed the actions. */
  readonly requests: readonly NightRequest[];
}

/** Thrown when Terraform could not plan or apply a night; the message holds what it said. */
export class TerraformNightError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TerraformNightError";
  }
}

interface ExportValues {
  readonly image_id?: unknown;
  readonly oss_prefix?: unknown;
}

/**
 * Applies `stackJson` once a night for `nights` nights, with `variables(night)` as the variables of
 * that night (e.g. `{ image_id: "m-night0002" }`), in one session and one state. Takes a few seconds a
 * night: for the first nights only.
 */
export async function applyNights(
  stackJson: string,
  stack: StackRetention,
  nights: number,
  variables: (night: number) => { readonly [name: string]: unknown },
  options: SessionOptions = {},
): Promise<TerraformNight[]> {
  const exports = new Map<string, ExportInStack>(
    stack.buckets.flatMap((b) => b.exports.map((e): [string, ExportInStack] => [e.address, e])),
  );
  return withTerraformSession(options, {}, async (session) => {
    const workspace = new StackWorkspace(session, stack.stack, "stack");
    const failure = (what: string) =>
      new TerraformNightError(
        `${stack.stack}: ${what}: ${workspace.diagnostics.map((d) => `${d.summary}: ${d.detail}`).join("; ")}`,
      );
    if (!workspace.write(stackJson, variables(1)) || !(await workspace.init()))
      throw failure("terraform init failed");
    const result: TerraformNight[] = [];
    for (let night = 1; night <= nights; night++) {
      if (!workspace.write(stackJson, variables(night))) throw failure(`night ${night}`);
      const plan = await workspace.runChecked("plan", [
        "plan",
        "-input=false",
        "-lock=false",
        "-no-color",
        "-out=night.plan",
      ]);
      const shown = plan && (await workspace.runChecked("show", ["show", "-json", "night.plan"]));
      if (!shown) throw failure(`night ${night}: terraform plan failed`);
      const changes = exportChanges(JSON.parse(shown.stdout), exports);
      const applied = await workspace.run(["apply", "-input=false", "-lock=false", "-json", "night.plan"]);
      const events = workspace.jsonEvents("apply", applied.stdout);
      if (applied.code !== 0 || workspace.failed) throw failure(`night ${night}: terraform apply failed`);
      const requests: NightRequest[] = [];
      for (const event of events) {
        if (event.type !== "apply_complete") continue;
        const hook = event.hook as { resource?: { addr?: string }; action?: string };
        const change = changes.get(hook.resource?.addr ?? "");
        if (!change) continue;
        if (hook.action === "delete") requests.push(destroyRequest(change.export, imageOf(change.before)));
        if (hook.action === "create") requests.push(...createRequests(change.export, imageOf(change.after)));
      }
      result.push({
        night,
        planned: [...changes.values()].map((c) => `${c.export.address}: ${c.actions.join(", ")}`),
        requests,
      });
    }
    return result;
  });
}

/** The planned changes of the stack's exports, by address, with their prior and new values. */
function exportChanges(
  plan: {
    resource_changes?: { address: string; change: { actions: string[]; before: unknown; after: unknown } }[];
  },
  exports: ReadonlyMap<string, ExportInStack>,
): Map<string, { export: ExportInStack; actions: string[]; before: ExportValues; after: ExportValues }> {
  const changes = new Map<
    string,
    { export: ExportInStack; actions: string[]; before: ExportValues; after: ExportValues }
  >();
  for (const rc of plan.resource_changes ?? []) {
    const known = exports.get(rc.address);
    if (!known || rc.change.actions.every((a) => a === "no-op" || a === "read")) continue;
    const before = (rc.change.before ?? {}) as ExportValues;
    const after = (rc.change.after ?? {}) as ExportValues;
    // The keys follow the planned values; the stack's own prefix must be what Terraform sends.
    for (const values of [before, after]) {
      if (values.oss_prefix !== undefined && values.oss_prefix !== known.ossPrefix) {
        throw new TerraformNightError(
          `${rc.address}: Terraform plans oss_prefix ${JSON.stringify(values.oss_prefix)}, the stack says ${JSON.stringify(known.ossPrefix)}`,
        );
      }
    }
    changes.set(rc.address, { export: known, actions: rc.change.actions, before, after });
  }
  return changes;
}

function imageOf(values: ExportValues): string {
  if (typeof values.image_id !== "string") {
    throw new TerraformNightError(
      `an export's image_id is not known after the plan: ${JSON.stringify(values.image_id)}`,
    );
  }
  return values.image_id;
}
