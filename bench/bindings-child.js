// One sample of bench/bindings.ts, in a fresh process so that nothing is loaded yet:
//   node bench/bindings-child.js <package entry> <byo|docs|all>
// Loads the package through the entry its users load, builds and synthesizes a stack (`byo`: one export
// of an image into a bucket the user brings; `docs`: the docs example, `new ImageExport(stack, id)`;
// `all`: every binding of the `alicloud` namespace touched, the way the package root used to load them),
// and prints one JSON line: each generated binding file the process loaded and its size in bytes.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const [entry, workload] = process.argv.slice(2);
const lib = require(entry);
const { App, TerraformStack } = require("cdktf");
const generated = path.join(path.dirname(entry), "gen", "providers") + path.sep;

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-bench-bindings-"));
try {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "bindings");
  new lib.alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
  if (workload === "byo") {
    new lib.ImageExport(stack, "Export", {
      imageId: "m-bp1benchimage000001",
      ossBucket: "bench-exports",
      ossPrefix: "nightly",
    });
  } else if (workload === "docs") {
    new lib.ImageExport(stack, "Export");
  } else if (workload === "all") {
    for (const name of Object.keys(lib.alicloud)) void lib.alicloud[name];
  } else {
    throw new Error(`unknown workload ${workload}`);
  }
  app.synth();
  const files = Object.keys(require.cache)
    .filter((file) => file.startsWith(generated))
    .sort()
    .map((file) => ({ file: path.relative(generated, file), bytes: fs.statSync(file).size }));
  process.stdout.write(`${JSON.stringify(files)}\n`);
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
