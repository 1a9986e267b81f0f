// The whole run's temporary folder: jest's global setup points the temp dir of the run (and so of every
// worker and process it starts) at a folder of its own, and the global teardown fails the run if a test
// left anything in it, then removes it. Each test file already gets and removes a folder of its own
// (setupTemporaryFolderCleanup in test/setup.ts), so anything left here is a leak: `npm test` must end
// with nothing new in the OS temp dir. The run's folder keeps other processes' files out of the check.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");

const VARIABLES = ["TMPDIR", "TMP", "TEMP"];

function setup() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-alicloud-test-run-"));
  process.env.ALICLOUD_IMAGE_EXPORT_TEST_RUN_TMP = folder;
  for (const name of VARIABLES) process.env[name] = folder;
}

function teardown() {
  const folder = process.env.ALICLOUD_IMAGE_EXPORT_TEST_RUN_TMP;
  if (!folder) return;
  const left = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  fs.rmSync(folder, { recursive: true, force: true });
  if (left.length > 0) {
    throw new Error(
      `the tests left ${left.length} entr${left.length === 1 ? "y" : "ies"} in the temp dir: ${left.slice(0, 10).join(", ")}` +
        `${left.length > 10 ? ", ..." : ""} (a test must remove what it creates)`,
    );
  }
}

module.exports = { setup, teardown };
