// jest's global setup: (re)derives the cdktn flavour into build/cdktn/ before any test runs, so the
// cdktn project never tests a stale copy, however jest was started (`npm test` or `npx jest`); and gives
// the run a temporary folder of its own (temporary-run-folder.js).
"use strict";

const { spawnSync } = require("child_process");
const path = require("path");

module.exports = function globalSetup() {
  require("./temporary-run-folder").setup();
  const result = spawnSync(process.execPath, [path.join(__dirname, "..", "..", "scripts", "flavour.js")], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`scripts/flavour.js exited with ${result.status}`);
};
