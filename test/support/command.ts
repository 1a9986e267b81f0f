// Helpers for the suites that run the package's command in-process: temporary folders removed after
// the suite, a cdktf output folder made of given stacks, and the command's status and output.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";

/** The repository's root, where the command runs unless told otherwise. */
export const ROOT = path.join(__dirname, "..", "..");

const temporaryFolders: string[] = [];
afterAll(() => temporaryFolders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A new empty folder, removed when the suite ends. */
export function temporaryFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporaryFolders.push(dir);
  return dir;
}

/**
 * A cdktf output folder holding the given stacks: text is written as it is, anything else as JSON,
 * and `null` makes a stack folder without cdk.tf.json.
 */
export function outdir(stacks: { [name: string]: unknown }): string {
  const dir = temporaryFolder("cdktf.out.");
  for (const [name, stack] of Object.entries(stacks)) {
    fs.mkdirSync(path.join(dir, "stacks", name), { recursive: true });
    if (stack === null) continue;
    const text = typeof stack === "string" ? stack : JSON.stringify(stack, null, 2);
    fs.writeFileSync(path.join(dir, "stacks", name, "cdk.tf.json"), text);
  }
  return dir;
}

/** Runs the command in-process and captures what it prints. */
export function run(args: string[], cwd = ROOT) {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(args, { log: (line) => out.push(line), error: (line) => err.push(line) }, cwd);
  return { status, out, err };
}
