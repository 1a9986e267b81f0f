// `cdktf-alicloud-image-export diff <before> <after> [--json] [--terraform-binary PATH]`: what applying the
// after output over the before one would destroy, judged by real Terraform offline (see src/diff/).
// main.ts dispatches here.
import * as path from "path";
import { formatReport, summarize } from "../diff/report";
import { DiffInputError, diffOutputs } from "../diff/runner";
import { TerraformNotFoundError } from "../terraform/session";
import type { DiffReport } from "../diff/report";
import { CliOutput, COMMAND } from "./output";

/** Exit statuses. */
export const EXIT_NOTHING_DESTROYED = 0;
export const EXIT_DESTROYS = 1;
export const EXIT_CANNOT_DIFF = 2;

export const DIFF_USAGE = `usage: ${COMMAND} diff <before> <after> [--json] [--terraform-binary PATH]

Compares two synthesized outputs (cdktf.out folders, stack folders or cdk.tf.json files) with real
Terraform, offline: for each stack in both, the before side is applied into a temporary local state and
the after side is planned against it. Prints every resource change (construct path, action, why), what
it means for exported files, and the resources that moved, with the moveFromId calls that keep them.
Stacks in only one output are listed. --json prints the same as data.

Exit status: ${EXIT_NOTHING_DESTROYED} when nothing would be destroyed or replaced, ${EXIT_DESTROYS} when something would be, ${EXIT_CANNOT_DIFF} when the
outputs can't be compared (a wrong command, no such path, no stack in both, no terraform binary, or
Terraform failed on a stack).`;

/** The exit status of a report: 2 when a stack could not be compared, 1 when something is destroyed. */
export function exitStatus(report: DiffReport): number {
  if (report.stacks.some((s) => !s.compared)) return EXIT_CANNOT_DIFF;
  return report.destroys ? EXIT_DESTROYS : EXIT_NOTHING_DESTROYED;
}

/** Runs `diff` with its operands (the words after `diff`); resolves to the exit status. */
export async function diffCommand(
  operands: readonly string[],
  output: CliOutput,
  cwd: string,
): Promise<number> {
  const usage = (problem: string) => {
    output.error(`${COMMAND}: ${problem}\n\n${DIFF_USAGE}`);
    return EXIT_CANNOT_DIFF;
  };
  const folders: string[] = [];
  let json = false;
  let binary: string | undefined;
  for (let i = 0; i < operands.length; i++) {
    const word = operands[i];
    if (word === "--json") json = true;
    else if (word === "--terraform-binary") {
      binary = operands[++i];
      if (binary === undefined) return usage("--terraform-binary needs the path of a terraform binary");
    } else if (word.startsWith("-")) return usage(`unknown option ${word}`);
    else folders.push(word);
  }
  if (folders.length !== 2) {
    return usage(
      `diff needs the before and the after output, got ${folders.length} path${folders.length === 1 ? "" : "s"}`,
    );
  }
  let report: DiffReport;
  try {
    const terraformBinary = binary === undefined ? undefined : path.resolve(cwd, binary);
    report = await diffOutputs(folders[0], folders[1], { terraformBinary }, {}, cwd);
  } catch (e) {
    if (e instanceof DiffInputError || e instanceof TerraformNotFoundError) {
      output.error(`${COMMAND}: ${e.message}`);
      return EXIT_CANNOT_DIFF;
    }
    throw e;
  }
  if (json) output.log(JSON.stringify(report, null, 2));
  else {
    for (const line of formatReport(report)) output.log(line);
    output.log(summarize(report));
  }
  return exitStatus(report);
}
