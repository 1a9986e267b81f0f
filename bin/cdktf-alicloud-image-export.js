#!/usr/bin/env node
// The package's command: runs the compiled CLI in lib/ (built by `npm run build`, shipped in the package).
"use strict";

const fs = require("fs");
const path = require("path");

/**
 * In a clone of the repository before any build (`npm ci && npm run synth`, then this command), the
 * TypeScript sources are there and so is tsx, a development dependency: run those instead.
 */
function sourcesOfThisCheckout() {
  const source = path.join(__dirname, "..", "src", "cli", "main.ts");
  if (!fs.existsSync(source)) return undefined;
  try {
    require("tsx/cjs");
  } catch {
    return undefined;
  }
  return require(source);
}

let cli;
try {
  cli = require("../lib/cli/main");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("lib/cli/main")) {
    cli = sourcesOfThisCheckout();
  }
  if (
    cli === undefined &&
    error &&
    error.code === "MODULE_NOT_FOUND" &&
    String(error.message).includes("lib/cli/main")
  ) {
    console.error(
      // The command's name is this file's (each flavour of the package names it after itself).
      `${require("path").basename(__filename, ".js")}: the compiled library is missing (lib/cli/main.js). ` +
        "Run `npm run build` first, or run the source with `npx tsx src/cli/main.ts`.",
    );
    process.exit(2);
  }
  if (cli === undefined) throw error;
}
// `check --terraform` answers with a promise of the exit status.
Promise.resolve(cli.main(process.argv.slice(2))).then((status) => {
  process.exitCode = status;
});
