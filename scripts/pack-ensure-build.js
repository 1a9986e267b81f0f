#!/usr/bin/env node
// Runs `npm run build` unless the jsii build (lib/ and .jsii) is newer than everything it is made from,
// and removes compiled files whose source is gone (jsii never deletes them, and `files` in package.json
// would ship them). The packaging and docs scripts (`npm run package:js`, `package:python`, `docgen`)
// start with it, so running several of them in a row compiles once.
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const LIB = path.join(ROOT, "lib");
const SRC = path.join(ROOT, "src");
// README.md is part of the assembly (jsii embeds it); package.json and tsconfig.json shape it.
const INPUTS = ["src", "package.json", "tsconfig.json", "README.md"];
const OUTPUTS = [".jsii", path.join("lib", "index.js")];

function run(args) {
  const result = spawnSync("npm", args, { cwd: ROOT, stdio: "inherit" });
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
function orphans(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return orphans(file);
    const stem = entry.name.replace(/(\.d\.ts|\.js)$/, "");
    if (stem === entry.name) return [];
    const source = path.join(SRC, path.relative(LIB, dir), `${stem}.ts`);
    return fs.existsSync(source) ? [] : [file];
  });
}

// Regenerating the bindings is a no-op when nothing changed; when something did, it touches src/gen.
run(["run", "--silent", "gen"]);

const outputs = OUTPUTS.map((file) => path.join(ROOT, file));
const built = outputs.every((file) => fs.existsSync(file))
  ? Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs))
  : 0;
const newestInput = Math.max(...INPUTS.map((file) => newestMtime(path.join(ROOT, file))));
if (built < newestInput) {
  console.error(
    built === 0 ? "no jsii build yet: building" : "the jsii build is older than its sources: rebuilding",
  );
  run(["run", "build"]);
}

for (const file of orphans(LIB)) {
  fs.rmSync(file);
  console.error(`removed ${path.relative(ROOT, file)}: its source is gone`);
}
