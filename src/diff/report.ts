// What `diff` reports: per stack, every resource change Terraform planned (address, construct path,
// action, why, and what it means for exported files), the moves it found, and Terraform's diagnostics;
// and the words the command prints for it.
import type { TerraformDiagnostic } from "../terraform/results";
import { formatDiagnostic } from "../terraform/runner";
import type { DiffAction } from "./consequences";
import type { BlockedMove, DetectedMove } from "./moves";

export type { DiffAction } from "./consequences";
export type { BlockedMove, DetectedMove } from "./moves";

/** One resource change of a plan. */
export interface ResourceChangeReport {
  /** The address after the change (before it, for a delete), e.g. `alicloud_image_export.Export_16632B07`. */
  readonly address: string;
  /** The address it moves from, when a `moved` block moves it. */
  readonly previousAddress?: string;
  readonly type: string;
  /** The construct path inside the stack, e.g. `Export/Resource`. */
  readonly constructPath: string;
  readonly action: DiffAction;
  /** Terraform's `action_reason`, e.g. `replace_because_cannot_update`, `delete_because_no_resource_config`. */
  readonly actionReason?: string;
  /** The attribute paths that force the replacement, e.g. `oss_prefix`, `data_disks[0].size`. */
  readonly replacePaths: string[];
  /** The top-level arguments an update (or replacement) changes. */
  readonly changedArguments: string[];
  /** What it means for exported files, in words. */
  readonly consequences: string[];
  /** Whether the change destroys the resource (a delete or a replacement). */
  readonly destroys: boolean;
}

/** The diff of one stack present in both outputs. */
export interface StackDiff {
  readonly stack: string;
  /** Whether Terraform applied the before side and planned the after side. */
  readonly compared: boolean;
  /** Every managed resource change, no-ops included. */
  readonly changes: ResourceChangeReport[];
  /** Deletes and creates that are one resource moving; each comes with its fix. */
  readonly moves: DetectedMove[];
  /** Deletes and creates that would be one resource moving but for arguments that force a replacement. */
  readonly blockedMoves: BlockedMove[];
  /** What Terraform reported, errors and warnings. */
  readonly diagnostics: TerraformDiagnostic[];
  /** Whether anything would be destroyed or replaced. */
  readonly destroys: boolean;
}

/** The whole comparison. */
export interface DiffReport {
  readonly terraformVersion: string;
  /** The stacks present in both outputs, by name. */
  readonly stacks: StackDiff[];
  /** Stacks only in the before output (not compared). */
  readonly onlyBefore: string[];
  /** Stacks only in the after output (not compared). */
  readonly onlyAfter: string[];
  /** Whether anything in any stack would be destroyed or replaced. */
  readonly destroys: boolean;
  /** How many of Terraform's diagnostics are errors. */
  readonly errorCount: number;
}

const ORDER: DiffAction[] = ["replace", "delete", "update", "move", "create", "no-op"];
const PAST: { [action: string]: string } = {
  replace: "to replace",
  delete: "to delete",
  update: "to update in place",
  move: "to move",
  create: "to create",
  "no-op": "unchanged",
};

/** A stack's counts, e.g. `1 to replace, 1 to update in place, 10 unchanged`. */
function counts(stack: StackDiff): string {
  const parts = ORDER.map(
    (action) => [action, stack.changes.filter((c) => c.action === action).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([action, n]) => `${n} ${PAST[action]}`);
  return parts.length === 0 ? "no resources" : parts.join(", ");
}

/** The lines `diff` prints for one stack. */
export function formatStack(stack: StackDiff): string[] {
  if (!stack.compared) {
    return [
      `${stack.stack}: not compared, Terraform failed:`,
      ...stack.diagnostics.map((d) => `  ${formatDiagnostic(d)}`),
    ];
  }
  const lines = [`${stack.stack}: ${counts(stack)}${stack.destroys ? " (destroys)" : ""}`];
  const movedFrom = new Map(stack.moves.map((m) => [m.from, m]));
  const moveTargets = new Set(stack.moves.map((m) => m.to));
  const blockedFrom = new Map(stack.blockedMoves.map((m) => [m.from, m]));
  const shown = stack.changes
    .filter((c) => c.action !== "no-op" && !(c.action === "create" && moveTargets.has(c.address)))
    .sort(
      (a, b) =>
        ORDER.indexOf(a.action) - ORDER.indexOf(b.action) || a.constructPath.localeCompare(b.constructPath),
    );
  for (const change of shown) {
    const moved = change.previousAddress ? `, moved from ${change.previousAddress}` : "";
    const move = change.action === "delete" ? movedFrom.get(change.address) : undefined;
    const blocked = change.action === "delete" ? blockedFrom.get(change.address) : undefined;
    const again = move ? `, a move to \`${move.toPath}\`` : "";
    lines.push(
      `  ${change.action.padEnd(7)} \`${change.constructPath}\` (${change.address}${moved})${again}`,
    );
    const why = [
      ...(change.actionReason ? [change.actionReason] : []),
      ...(change.replacePaths.length > 0 ? [`${change.replacePaths.join(", ")} forces replacement`] : []),
      ...(change.action === "update" && change.changedArguments.length > 0
        ? [`changes ${change.changedArguments.join(", ")}`]
        : []),
    ];
    if (why.length > 0) lines.push(`          why: ${why.join("; ")}`);
    for (const sentence of change.consequences) lines.push(`          ${sentence}`);
    if (blocked) {
      const values = blocked.arguments.map((a) => `${a.name} (was \`${a.before}\`)`).join(", ");
      lines.push(
        `          not a move: \`${blocked.toPath}\` is the same ${blocked.type} but for ${values}, which forces a replacement; keep ${blocked.arguments.length === 1 ? "it" : "them"} as before and it can move`,
      );
    }
  }
  if (stack.moves.length > 0) {
    const updated = stack.moves.filter((m) => m.updates.length > 0);
    lines.push(
      `  ${stack.moves.length} resource${stack.moves.length === 1 ? "" : "s"} moved: the same type and configuration under a new address` +
        (updated.length > 0
          ? ` (then updated in place: ${updated.map((m) => `${m.updates.join(", ")} of \`${m.toPath}\``).join("; ")})`
          : "") +
        ". To keep them, call moveFromId on the resource at each construct path (cdktf 0.21, cdktn 0.24):",
    );
    for (const move of stack.moves) lines.push(`    ${move.toPath}: resource.${move.moveFromId};`);
    lines.push('  which writes these moved blocks (in cdk.tf.json, its "moved" list):');
    for (const move of stack.moves) lines.push(`    ${JSON.stringify({ from: move.from, to: move.to })}`);
  }
  for (const diagnostic of stack.diagnostics) lines.push(`  ${formatDiagnostic(diagnostic)}`);
  return lines;
}

/** Everything `diff` prints for a report, without the closing summary. */
export function formatReport(report: DiffReport): string[] {
  const lines = report.stacks.flatMap(formatStack);
  for (const name of report.onlyBefore) lines.push(`${name}: only in the before output, not compared`);
  for (const name of report.onlyAfter) lines.push(`${name}: only in the after output, not compared`);
  return lines;
}

/** The closing line: what would be destroyed, in how many stacks. */
export function summarize(report: DiffReport): string {
  const by = `terraform ${report.terraformVersion}, offline, with the vendored provider schemas and replacement rules`;
  const failed = report.stacks.filter((s) => !s.compared).length;
  const destroying = report.stacks.filter((s) => s.destroys);
  const destroyed = destroying.flatMap((s) => s.changes.filter((c) => c.destroys)).length;
  if (failed > 0) {
    // What the compared stacks would destroy is said too: the exit status (2) can't carry it.
    const others =
      destroyed === 0
        ? "nothing would be destroyed or replaced in the others"
        : `${destroyed} resource${destroyed === 1 ? "" : "s"} would be destroyed or replaced in ${destroying.length} of the others`;
    return (
      `${failed} of ${report.stacks.length} stack${report.stacks.length === 1 ? "" : "s"} could not be compared` +
      `${failed < report.stacks.length ? `; ${others}` : ""} (${by}).`
    );
  }
  if (destroyed === 0) {
    return `Nothing would be destroyed or replaced in ${report.stacks.length === 1 ? "the 1 stack" : `${report.stacks.length} stacks`} compared (${by}).`;
  }
  return (
    `${destroyed} resource${destroyed === 1 ? "" : "s"} would be destroyed or replaced, in ${destroying.length} of ` +
    `${report.stacks.length} stack${report.stacks.length === 1 ? "" : "s"} (${by}).`
  );
}
