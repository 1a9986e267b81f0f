// One sample of bench/flavours.ts, in a fresh process:
//   node bench/flavour-child.js <package dir> <framework module> <exports>
// Loads the framework, then the package (as users do, through package.json's `main`), then builds and
// synthesizes a stack of <exports> bring-your-own exports plus one docs-example export, and prints one
// JSON line: the package's load time on top of the framework's, and the build+synth time, in ms.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const [dir, framework, countArg] = process.argv.slice(2);
const count = Number(countArg);
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const fromPackage = (name) => require(require.resolve(name, { paths: [dir] }));

const { App, TerraformStack } = fromPackage(framework);
const loadStart = process.hrtime.bigint();
const lib = require(path.resolve(dir));
const loadMs = ms(loadStart);

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-bench-flavour-"));
try {
  const start = process.hrtime.bigint();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "flavour");
  new lib.alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
  new lib.ImageExport(stack, "Docs");
  for (let index = 0; index < count; index++) {
    // An image of its own each, as in bench/stacks.ts: exports of one image would run one after another.
    new lib.ImageExport(stack, `Export${index}`, {
      imageId: `m-bp1byoimage${String(index).padStart(6, "0")}`,
      ossBucket: "byo-exports",
      ossPrefix: `export${index}`,
    });
  }
  app.synth();
  process.stdout.write(`${JSON.stringify({ loadMs, synthMs: ms(start) })}\n`);
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
