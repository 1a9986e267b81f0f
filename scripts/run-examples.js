#!/usr/bin/env node
// cdktf.json's `app` (what `npm run synth` / `cdktf synth` runs): the examples app, examples/main.ts.
//
// It used to run through tsx, which transpiles the sources again on every run: the library and its
// ~780 KB of generated bindings, most of the app's time. Here the TypeScript of examples/ and src/ is
// transpiled once into .gen/app/ (git-ignored) and the app runs as plain JavaScript; a stamp holding
// a hash of every input decides whether the cache is still current, so an edited file is picked up on
// the next run, exactly as with tsx. Type errors are `npm run typecheck`'s job, as they were with tsx.
//
// Stack traces point into .gen/app/*.js; `NODE_OPTIONS=--enable-source-maps npm run synth` maps them
// back to the TypeScript (the cache carries source maps).
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, ".gen", "app");
const STAMP = path.join(OUT, ".inputs.sha256");
/** The folders whose TypeScript the app is made of. */
const SOURCE_DIRS = ["src", "examples"];
/** Read at run time relative to the compiled files (e.g. src/conformance/terraform-schema.ts), linked into the cache. */
const LINKED = ["schema", "package.json"];
const ENTRY = path.join("examples", "main.js");

function typescriptFiles(dir, found = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) typescriptFiles(full, found);
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) found.push(full);
  }
  return found;
}

function inputsHash(files) {
  const hash = crypto.createHash("sha256");
  hash.update(fs.readFileSync(__filename));
  hash.update(fs.readFileSync(path.join(ROOT, "tsconfig.json")));
  hash.update(require("typescript/package.json").version);
  for (const file of files) {
    hash.update(`\0${path.relative(ROOT, file)}\0`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

/** Transpiles every file on its own (as tsx does), with the library's compiler settings. */
function compile(files, stamp) {
  const ts = require("typescript");
  const { config, error } = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  const compilerOptions = {
    ...ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT).options,
    declaration: false,
    inlineSourceMap: false,
    sourceMap: true,
    inlineSources: true,
    isolatedModules: true,
  };
  const staging = `${OUT}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  for (const file of files) {
    const relative = path.relative(ROOT, file);
    const target = path.join(staging, relative.replace(/\.ts$/, ".js"));
    const { outputText, sourceMapText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      compilerOptions,
      fileName: file,
    });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
    if (sourceMapText) fs.writeFileSync(`${target}.map`, sourceMapText);
  }
  // The examples import "../src" as users import the package; users load package.json's `main`, the
  // lazy index, so the app does too.
  for (const ext of [".js", ".js.map"]) {
    fs.copyFileSync(path.join(staging, "src", `lazy-index${ext}`), path.join(staging, "src", `index${ext}`));
  }
  for (const name of LINKED) fs.symlinkSync(path.join("..", "..", name), path.join(staging, name));
  fs.writeFileSync(path.join(staging, ".inputs.sha256"), `${stamp}\n`);
  // Swap the finished folder in, so an interrupted or concurrent run never sees half a cache.
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.renameSync(staging, OUT);
}

function main() {
  const files = SOURCE_DIRS.flatMap((dir) => typescriptFiles(path.join(ROOT, dir))).sort();
  const stamp = inputsHash(files);
  const current = fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8").trim() === stamp;
  if (!current) compile(files, stamp);
  require(path.join(OUT, ENTRY));
}

main();
