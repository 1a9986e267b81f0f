// `cdktf-alicloud-image-export check --terraform [--terraform-binary PATH] [<cdktf.out>]`: the stacks
// judged by real Terraform (validate and plan, offline) instead of the schema conformance checker.
import * as fs from "fs";
import * as path from "path";
import { SYNTH_COMMAND } from "../framework";
import { CliOutput, COMMAND } from "../cli/output";
import { formatDiagnostic, judge, readStacks, TerraformNotFoundError } from "./runner";

export const TERRAFORM_USAGE = `       ${COMMAND} check --terraform [--terraform-binary PATH] [<cdktf.out>]

With --terraform, real Terraform judges the stacks instead: terraform init, validate and plan run
offline against a provider served from the vendored schemas. Exit status 1 on Terraform errors, 2
when there is no terraform binary (on PATH, or at --terraform-binary), nothing to check, or a stack file
that is no Terraform JSON configuration.`;

/** Runs the Terraform check over `operands` (the words after `check`); resolves to the exit status. */
export async function checkWithTerraform(
  operands: readonly string[],
  output: CliOutput,
  cwd: string,
): Promise<number> {
  const command = COMMAND;
  const folders: string[] = [];
  let binary: string | undefined;
  for (let i = 0; i < operands.length; i++) {
    const word = operands[i];
    if (word === "--terraform") continue;
    if (word === "--terraform-binary") {
      binary = operands[++i];
      if (binary === undefined) {
        output.error(`${command}: --terraform-binary needs the path of a terraform binary`);
        return 2;
      }
      continue;
    }
    if (word.startsWith("-")) {
      output.error(`${command}: unknown option ${word}`);
      return 2;
    }
    folders.push(word);
  }
  if (folders.length > 1) {
    output.error(`${command}: expected one folder, got ${folders.length}`);
    return 2;
  }
  const folder = folders[0] ?? "cdktf.out";
  const outdir = path.resolve(cwd, folder);
  if (!fs.existsSync(outdir)) {
    output.error(`${command}: ${folder} does not exist; synthesize the app first (${SYNTH_COMMAND})`);
    return 2;
  }
  let stacks;
  try {
    stacks = readStacks([outdir]);
  } catch (e) {
    output.error(`${command}: ${(e as Error).message}`);
    return 2;
  }
  try {
    // All stacks in one Terraform run when they pass; each on its own as soon as Terraform says anything.
    const result = await judge(stacks, {
      terraformBinary: binary === undefined ? undefined : path.resolve(cwd, binary),
      batch: true,
    });
    for (const stack of result.stacks) {
      const errors = stack.diagnostics.filter((d) => d.severity === "error").length;
      if (errors === 0) {
        output.log(
          `${stack.stack}: valid; plan: ${stack.toAdd} to add, ${stack.toChange} to change, ${stack.toDestroy} to destroy`,
        );
      }
      for (const diagnostic of stack.diagnostics) output.log(formatDiagnostic(diagnostic));
    }
    const failing = result.stacks.filter((s) => s.diagnostics.some((d) => d.severity === "error")).length;
    const by = `terraform ${result.terraformVersion}, offline, with the vendored provider schemas`;
    if (result.errorCount === 0) {
      output.log(
        `${result.stacks.length === 1 ? "1 stack passes" : `All ${result.stacks.length} stacks pass`} (${by}).`,
      );
      return 0;
    }
    output.log(
      `${result.errorCount} error${result.errorCount === 1 ? "" : "s"} in ${failing} of ${result.stacks.length} stack${result.stacks.length === 1 ? "" : "s"} (${by}).`,
    );
    return 1;
  } catch (e) {
    if (e instanceof TerraformNotFoundError) {
      output.error(`${command}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
