#!/usr/bin/env node
// Packages both flavours with jsii-pacmak: `node scripts/pack.js js` leaves
// dist/js/cdktf-alicloud-image-export@<version>.jsii.tgz and dist/js/cdktn-alicloud-image-export@<version>.jsii.tgz;
// `node scripts/pack.js python` writes the Python sources: dist/python (cdktf), dist/cdktn/python (cdktn).
//
// Run after scripts/pack-ensure-build.js. The cdktf flavour is packed from a staged copy of what npm
// would ship from the root (its `files`), with a package.json without `scripts`: the root's `prepare`
// generates the bindings for developers, and a published package.json carrying it makes npm warn on
// install about a script the installed package neither needs nor can run. The cdktn flavour's derived
// package.json has no scripts to begin with.
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const STAGED = path.join(ROOT, "build", "pack", "cdktf");
const CDKTN = path.join(ROOT, "build", "cdktn");

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? "");
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

/** The root package exactly as npm would pack it, minus the scripts. */
function stageRoot() {
  const [listing] = JSON.parse(run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], ROOT));
  fs.rmSync(STAGED, { recursive: true, force: true });
  for (const { path: file } of listing.files) {
    if (file === "package.json") continue;
    fs.mkdirSync(path.dirname(path.join(STAGED, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(STAGED, file));
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  delete pkg.scripts;
  fs.writeFileSync(path.join(STAGED, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
}

const target = process.argv[2];
if (target !== "js" && target !== "python") {
  console.error("usage: node scripts/pack.js js|python");
  process.exit(2);
}
stageRoot();
const PACMAK = path.join(ROOT, "node_modules", "jsii-pacmak", "bin", "jsii-pacmak");
function pacmak(outdir, ...packages) {
  const options = ["--no-npmignore", "--target", target, "--outdir", outdir];
  if (target === "python") options.push("--code-only");
  const result = spawnSync(process.execPath, [PACMAK, ...options, ...packages], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (target === "js") {
  // One run: each package's tarball gets its own name in dist/js.
  pacmak(path.join(ROOT, "dist"), STAGED, CDKTN);
} else {
  // A Python project is a folder of its own (setup.py): dist/python for cdktf, dist/cdktn/python for cdktn.
  pacmak(path.join(ROOT, "dist"), STAGED);
  pacmak(path.join(ROOT, "dist", "cdktn"), CDKTN);
}
