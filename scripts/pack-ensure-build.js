#!/usr/bin/env node
// Makes both jsii builds current, each only when it is older than what it is made from (side by side
// when both are):
//   - the cdktf flavour in the repository root (lib/ and .jsii, `npm run build`);
//   - the cdktn flavour in build/cdktn (derived by scripts/flavour.js, then compiled there with jsii).
// It also removes compiled files whose source is gone (jsii never deletes them, and `files` in
// package.json would ship them). `node scripts/pack-ensure-build.js cdktf|cdktn` handles one flavour. The packaging and docs scripts (`npm run package:js`,
// `package:python`, `docgen`) start with it, so running several of them in a row compiles once.
"use strict";

const { spawn, spawnSync } = require("child_process");
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

/** Whether the package in `dir` needs a build: its outputs are missing or older than its inputs. */
function stale(dir, label) {
  const outputs = OUTPUTS.map((file) => path.join(dir, file));
  const built = outputs.every((file) => fs.existsSync(file))
    ? Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs))
    : 0;
  const newestInput = Math.max(...INPUTS.map((file) => newestMtime(path.join(dir, file))));
  if (built >= newestInput) return false;
  console.error(
    built === 0
      ? `no jsii build of ${label} yet: building`
      : `the jsii build of ${label} is older than its sources: rebuilding`,
  );
  return true;
}

function removeOrphans(dir) {
  for (const file of orphans(path.join(dir, "lib"), path.join(dir, "src"))) {
    fs.rmSync(file);
    console.error(`removed ${path.relative(ROOT, file)}: its source is gone`);
  }
}

/** Runs the builds side by side (each jsii compile is mostly one core) and exits on the first failure. */
function buildAll(builds) {
  let pending = builds.length;
  for (const { command, args, cwd } of builds) {
    spawn(command, args, { cwd, stdio: "inherit" }).on("exit", (status) => {
      if (status !== 0) process.exit(status ?? 1);
      if (--pending === 0) finish();
    });
  }
  if (pending === 0) finish();
}

// Regenerating the bindings is a no-op when nothing changed; when something did, it touches src/gen.
run("npm", ["run", "--silent", "gen"], ROOT);
// Deriving the cdktn flavour writes only what changed, so its build's freshness is judged the same way.
run(process.execPath, [path.join(__dirname, "flavour.js")], ROOT);

const CDKTN = path.join(ROOT, "build", "cdktn");
const only = process.argv[2];
const dirs = [...(only !== "cdktn" ? [ROOT] : []), ...(only !== "cdktf" ? [CDKTN] : [])];
const JSII = [path.join(ROOT, "node_modules", "jsii", "bin", "jsii"), "--silence-warnings=reserved-word"];
const builds = [];
if (dirs.includes(ROOT) && stale(ROOT, "the cdktf flavour")) {
  builds.push({ command: "npm", args: ["run", "build"], cwd: ROOT });
}
if (dirs.includes(CDKTN) && stale(CDKTN, "the cdktn flavour")) {
  builds.push({ command: process.execPath, args: JSII, cwd: CDKTN });
}
function finish() {
  dirs.forEach(removeOrphans);
}
buildAll(builds);
