// `npm run graph:readme`: after `npm run synth`, rewrites each README diagram marked
// `<!-- graph: <stack> -->` with what `cdktf-alicloud-image-export graph cdktf.out/stacks/<stack>` prints.
// test/graph.test.ts fails while a diagram differs from that.
import * as fs from "fs";
import * as path from "path";
import { main } from "../src/cli/main";

const ROOT = path.join(__dirname, "..");
const README = path.join(ROOT, "README.md");
const BLOCK = /(<!-- graph: ([\w-]+) -->\n+```mermaid\n)[\s\S]*?(```)/g;

const problems: string[] = [];
let count = 0;
const readme = fs.readFileSync(README, "utf8");
const updated = readme.replace(BLOCK, (whole, opening: string, stack: string, closing: string) => {
  const out: string[] = [];
  const status = main(
    ["graph", path.join("cdktf.out", "stacks", stack)],
    { log: (line) => out.push(line), error: (line) => problems.push(line) },
    ROOT,
  );
  if (status !== 0) return whole;
  count++;
  return `${opening}${out.join("\n")}\n${closing}`;
});
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
fs.writeFileSync(README, updated);
console.log(
  `README.md: ${count} diagram${count === 1 ? "" : "s"} ${updated === readme ? "already current" : "rewritten"}.`,
);
