// The upgrade contract's fixtures: the synthesized `cdk.tf.json` of every example and of the kitchen-sink
// stack, as a release of this package writes them, committed under test/fixtures/release-<version>/.
// `npm run fixtures` (scripts/release-fixtures.ts) writes the current version's folder; the folders of
// earlier releases are never rewritten. test/upgrade-contract.test.ts plans from every release's
// fixtures to what the code writes now, with real Terraform, and fails on anything destroyed or replaced.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { BringYourOwnStack } from "../../examples/bring-your-own";
import { CrossRegionStack } from "../../examples/cross-region";
import { DocsExampleStack } from "../../examples/docs-example";
import { ManyExportsStack } from "../../examples/many-exports";
import { NightlyBackupsStack } from "../../examples/nightly-backups";
import { KitchenSinkStack, StackClass } from "./synth-helpers";

/** The stacks the contract covers, by the name they are synthesized under. */
export const CONTRACT_STACKS: readonly (readonly [string, StackClass])[] = [
  ["docs-example", DocsExampleStack],
  ["bring-your-own", BringYourOwnStack],
  ["cross-region", CrossRegionStack],
  ["nightly-backups", NightlyBackupsStack],
  ["many-exports", ManyExportsStack],
  ["kitchen-sink", KitchenSinkStack],
];

/** Where the fixtures live. */
export const FIXTURES_DIR = path.join(__dirname, "..", "fixtures");

/** This package's version, whose fixtures must equal what the code writes now. */
export const CURRENT_VERSION = (
  JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }
).version;

/** The folder of a release's fixtures. */
export function releaseDir(version: string): string {
  return path.join(FIXTURES_DIR, `release-${version}`);
}

/** Every release with committed fixtures, oldest first. */
export function releases(): string[] {
  if (!fs.existsSync(FIXTURES_DIR)) return [];
  const versionOf = (folder: string) => folder.replace(/^release-/, "");
  const parts = (v: string) => v.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((folder) => folder.startsWith("release-"))
    .map(versionOf)
    .sort((a, b) => {
      const [x, y] = [parts(a), parts(b)];
      for (let i = 0; i < Math.max(x.length, y.length); i++) {
        if (x[i] !== y[i]) return (x[i] ?? -1) < (y[i] ?? -1) ? -1 : 1;
      }
      return 0;
    });
}

/** A release's fixtures, by stack name. */
export function readRelease(version: string): Map<string, string> {
  const dir = releaseDir(version);
  return new Map(
    fs
      .readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .sort()
      .map((file) => [file.replace(/\.json$/, ""), fs.readFileSync(path.join(dir, file), "utf8")]),
  );
}

/**
 * What the code writes now for every contract stack, as `cdktf synth` writes it (with the `//`
 * metadata that holds the construct paths), by stack name.
 */
export function synthesizeContractStacks(): Map<string, string> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "release-fixtures-"));
  try {
    const app = new App({ outdir, stackTraces: false });
    const stacks: TerraformStack[] = CONTRACT_STACKS.map(([name, Stack]) => new Stack(app, name));
    app.synth();
    return new Map(
      stacks.map((stack) => {
        const name = stack.node.id;
        return [name, fs.readFileSync(path.join(outdir, "stacks", name, "cdk.tf.json"), "utf8")];
      }),
    );
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * A stack's JSON without the framework's version in its `//` metadata, the one part that differs
 * between the flavours (test/flavours.test.ts).
 */
export function withoutFrameworkVersion(text: string): unknown {
  const config = JSON.parse(text) as { "//"?: { metadata?: { version?: string } } };
  delete config["//"]?.metadata?.version;
  return config;
}
