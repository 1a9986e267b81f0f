#!/usr/bin/env node
// Makes both jsii builds current, each only when it is older than what it is made from:
//   - the cdktf flavour in the repository root (lib/ and .jsii, `npm run build`);
//   - the cdktn flavour in build/cdktn (derived by scripts/flavour.js, then compiled there with jsii).
// It also removes compiled files whose source is gone (jsii never deletes them, and `files` in
// package.json would ship them). The packaging and docs scripts (`npm run package:js`,
// `package:python`, `docgen`) start with it, so running several of them in a row compiles once.
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
// README.md is part of the assembly (jsii embeds it); package.json and tsconfig.json shape it.
const INPUTS = ["src", "package.json", "tsconfig.json", "README.md"];
const OUTPUTS = [".jsii", path.join("lib", "index.js")];

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The newest modification time under a path; directories count too, so a deleted file is noticed. */
function newestMtime(file) {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** Compiled files in lib/ (.js, .d.ts) without the src/ file they were compiled from. */
function orphans(lib, src, dir = lib) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return orphans(lib, src, file);
    const stem = entry.name.replace(/(\.d\.ts|\.js)$/, "");
    if (stem === entry.name) return [];
    const source = path.join(src, path.relative(lib, dir), `${stem}.ts`);
    return fs.existsSync(source) ? [] : [file];
  });
}

/** Builds the package in `dir` with `build` unless its outputs are newer than its inputs. */
function ensureBuilt(dir, label, build) {
  const outputs = OUTPUTS.map((file) => path.join(dir, file));
  const built = outputs.every((file) => fs.existsSync(file))
    ? Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs))
    : 0;
  const newestInput = Math.max(...INPUTS.map((file) => newestMtime(path.join(dir, file))));
  if (built < newestInput) {
    console.error(
      built === 0
        ? `no jsii build of ${label} yet: building`
        : `the jsii build of ${label} is older than its sources: rebuilding`,
    );
    build();
  }
  for (const file of orphans(path.join(dir, "lib"), path.join(dir, "src"))) {
    fs.rmSync(file);
    console.error(`removed ${path.relative(ROOT, file)}: its source is gone`);
  }
}

// Regenerating the bindings is a no-op when nothing changed; when something did, it touches src/gen.
run("npm", ["run", "--silent", "gen"], ROOT);
// Deriving the cdktn flavour writes only what changed, so its build's freshness is judged the same way.
run(process.execPath, [path.join(__dirname, "flavour.js")], ROOT);

const JSII = [path.join(ROOT, "node_modules", "jsii", "bin", "jsii"), "--silence-warnings=reserved-word"];
const only = process.argv[2];
if (only !== "cdktn") ensureBuilt(ROOT, "the cdktf flavour", () => run("npm", ["run", "build"], ROOT));
if (only !== "cdktf") {
  const cdktn = path.join(ROOT, "build", "cdktn");
  ensureBuilt(cdktn, "the cdktn flavour", () => run(process.execPath, JSII, cdktn));
}
