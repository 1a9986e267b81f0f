#!/usr/bin/env node
// The package's command: runs the compiled CLI in lib/ (built by `npm run build`, shipped in the package).
"use strict";

const fs = require("fs");
const path = require("path");

/**
 * In a clone of the repository before any build (`npm ci && npm run synth`, then this command), the
 * TypeScript sources are there and so is tsx, a development dependency: run those, in a child process
 * that loads tsx, and exit with its status. An installed package has no sources and never gets here.
 */
function runSourcesOfThisCheckout() {
  const root = path.join(__dirname, "..");
  const source = path.join(root, "src", "cli", "main.ts");
  if (!fs.existsSync(source)) return false;
  let loader;
  try {
    loader = require.resolve("tsx", { paths: [root] });
  } catch {
    return false;
  }
  const { pathToFileURL } = require("url");
  const args = ["--import", pathToFileURL(loader).href, source, ...process.argv.slice(2)];
  const result = require("child_process").spawnSync(process.execPath, args, { stdio: "inherit" });
  // Killed by a signal: no verdict, which the commands spell 2.
  process.exit(result.status ?? 2);
}

let cli;
try {
  cli = require("../lib/cli/main");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("lib/cli/main")) {
    runSourcesOfThisCheckout();
    console.error(
      // The command's name is this file's (each flavour of the package names it after itself).
      `${path.basename(__filename, ".js")}: the compiled library is missing (lib/cli/main.js). ` +
        "Run `npm run build` first, or run the source with `npx tsx src/cli/main.ts`.",
    );
    process.exit(2);
  }
  throw error;
}
// The exit status, 2 for any failure the command did not expect (never 1, which means a verdict).
cli.run(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
