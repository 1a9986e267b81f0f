// `npm run fixtures`: writes the upgrade contract's fixtures for this package's version,
// test/fixtures/release-<version>/<stack>.json: the synthesized cdk.tf.json of every example and of the
// kitchen-sink stack, as `cdktf synth` writes them. Folders of other versions (earlier releases) are left
// alone: they are what users upgrade from. test/upgrade-contract.test.ts fails while the current
// version's fixtures differ from what the code writes, so an intended change shows up as a visible change
// to a fixture; and it fails when Terraform would destroy or replace anything on the way from any
// release's fixtures to what the code writes now.
import * as fs from "fs";
import * as path from "path";
import { CURRENT_VERSION, releaseDir, synthesizeContractStacks } from "../test/support/release-fixtures";

const dir = releaseDir(CURRENT_VERSION);
fs.mkdirSync(dir, { recursive: true });
const stacks = synthesizeContractStacks();
for (const file of fs.readdirSync(dir)) {
  if (!stacks.has(file.replace(/\.json$/, ""))) fs.rmSync(path.join(dir, file));
}
let changed = 0;
for (const [name, text] of stacks) {
  const file = path.join(dir, `${name}.json`);
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) continue;
  fs.writeFileSync(file, text);
  changed++;
}
console.log(`${path.relative(process.cwd(), dir)}: ${stacks.size} stacks, ${changed} changed`);
