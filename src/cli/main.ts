// `cdktf-alicloud-image-export check [<cdktf.out>]`: checks every synthesized stack of an app against the
// vendored provider schemas. bin/cdktf-alicloud-image-export.js runs the compiled copy of this file; in
// this repository `npx tsx src/cli/main.ts check cdktf.out` runs the source (see `npm run check`).
import * as fs from "fs";
import * as path from "path";
import { listOf } from "../conformance/json-values";
import { SchemaConformance } from "../conformance/schema-conformance";
import { NotTerraformJsonError, readTerraformJsonFile } from "../conformance/terraform-json";
import { vendoredProviderNames } from "../conformance/terraform-schema";
import { diffCommand, DIFF_USAGE } from "./diff-command";
import { graphCommand, GRAPH_USAGE } from "./graph-command";
import { retentionCommand, RETENTION_USAGE } from "./retention-command";
import { SYNTH_COMMAND } from "../framework";
import { CliOutput, COMMAND } from "./output";

export type { CliOutput } from "./output";
import { checkWithTerraform, TERRAFORM_USAGE } from "../terraform/cli";

/** Exit statuses. */
export const EXIT_CONFORMS = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_CANNOT_CHECK = 2;

export const USAGE = `usage: ${COMMAND} check [<cdktf.out>]

Checks every stacks/<stack>/cdk.tf.json in the cdktf output folder (default: cdktf.out) against the
provider schemas this library vendors, offline, and prints each violation with its stack, resource
address and attribute path.

Exit status: ${EXIT_CONFORMS} when every stack conforms, ${EXIT_VIOLATIONS} when there are violations, ${EXIT_CANNOT_CHECK} when there is nothing
to check (no such folder, no synthesized stacks), a stack file is no Terraform JSON configuration (not
JSON, another document, too large or too deeply nested), or the command is wrong.

${TERRAFORM_USAGE}

${GRAPH_USAGE}

${DIFF_USAGE}

${RETENTION_USAGE}`;

/**
 * Runs the command line `args` (without node and the script) and returns the exit status; with
 * `--terraform` and for `diff`, a promise of it (Terraform runs as child processes).
 */
export function main(
  args: readonly string[],
  output: CliOutput = console,
  cwd: string = process.cwd(),
): number | Promise<number> {
  const [command, ...operands] = args;
  if (command === "check" && operands.some((o) => o === "--terraform" || o === "--terraform-binary")) {
    return checkWithTerraform(operands, output, cwd);
  }
  if (command === "--help" || command === "-h" || command === "help") {
    output.log(USAGE);
    return EXIT_CONFORMS;
  }
  const help = operands.some((word) => word === "--help" || word === "-h");
  if (help && (command === "graph" || command === "diff" || command === "check")) {
    output.log(command === "graph" ? GRAPH_USAGE : command === "diff" ? DIFF_USAGE : USAGE);
    return EXIT_CONFORMS;
  }
  if (command === "graph") return graphCommand(operands, output, cwd);
  if (command === "diff") return diffCommand(operands, output, cwd);
  if (command === "retention") return retentionCommand(operands, output, cwd);
  if (command !== "check" || operands.length > 1) {
    const problem =
      command === undefined
        ? "no command given"
        : command !== "check"
          ? `unknown command "${command}"`
          : `expected one folder, got ${operands.length}`;
    output.error(`${COMMAND}: ${problem}\n\n${USAGE}`);
    return EXIT_CANNOT_CHECK;
  }
  return check(operands[0] ?? "cdktf.out", output, cwd);
}

function check(folder: string, output: CliOutput, cwd: string): number {
  const outdir = path.resolve(cwd, folder);
  const cannotCheck = (problem: string) => {
    output.error(`${COMMAND}: ${problem}`);
    return EXIT_CANNOT_CHECK;
  };
  if (!fs.existsSync(outdir)) {
    return cannotCheck(`${folder} does not exist; synthesize the app first (${SYNTH_COMMAND})`);
  }
  if (!fs.statSync(outdir).isDirectory()) {
    return cannotCheck(`${folder} is not a folder; pass the cdktf output folder (e.g. cdktf.out)`);
  }
  const stacksDir = path.join(outdir, "stacks");
  const stacks = fs.existsSync(stacksDir)
    ? fs
        .readdirSync(stacksDir)
        .filter((name) => fs.existsSync(path.join(stacksDir, name, "cdk.tf.json")))
        .sort()
    : [];
  if (stacks.length === 0) {
    return cannotCheck(
      `${folder} holds no synthesized stacks (no stacks/<stack>/cdk.tf.json); synthesize the app first (${SYNTH_COMMAND})`,
    );
  }

  // Every file is read first: one that is no Terraform JSON configuration stops the command (exit 2).
  const configs: { [key: string]: unknown }[] = [];
  for (const stack of stacks) {
    const shown = path.join(folder, "stacks", stack, "cdk.tf.json");
    try {
      configs.push(readTerraformJsonFile(path.join(stacksDir, stack, "cdk.tf.json"), shown).config);
    } catch (e) {
      if (e instanceof NotTerraformJsonError) return cannotCheck(e.message);
      return cannotCheck(`cannot read ${shown} (${(e as NodeJS.ErrnoException).code ?? e})`);
    }
  }

  let violationCount = 0;
  let failingStacks = 0;
  for (const [index, stack] of stacks.entries()) {
    const violations = SchemaConformance.checkParsed(configs[index]);
    if (violations.length === 0) {
      output.log(`${stack}: conforms`);
      continue;
    }
    failingStacks++;
    violationCount += violations.length;
    for (const violation of violations) output.log(`${stack}: ${SchemaConformance.format(violation)}`);
  }

  const against = `checked against ${listOf(vendoredProviderNames())}`;
  const stackWord = (n: number) => `${n} stack${n === 1 ? "" : "s"}`;
  if (violationCount === 0) {
    const all = stacks.length === 1 ? "1 stack conforms" : `All ${stacks.length} stacks conform`;
    output.log(`${all} (${against}).`);
    return EXIT_CONFORMS;
  }
  output.log(
    `${violationCount} violation${violationCount === 1 ? "" : "s"} in ${failingStacks} of ${stackWord(stacks.length)} (${against}).`,
  );
  return EXIT_VIOLATIONS;
}

/**
 * `main`, and any failure it did not expect reported as exit status 2 ("could not check"), with the
 * error's stack for a bug report: an unhandled rejection would end the process with 1, which `check`
 * documents as "violations" and `diff` as "something would be destroyed".
 */
export async function run(
  args: readonly string[],
  output: CliOutput = console,
  cwd: string = process.cwd(),
): Promise<number> {
  try {
    return await main(args, output, cwd);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    output.error(
      `${COMMAND}: failed unexpectedly, nothing was judged: ${error.message}\n${error.stack ?? ""}`,
    );
    return EXIT_CANNOT_CHECK;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((status) => (process.exitCode = status));
}
