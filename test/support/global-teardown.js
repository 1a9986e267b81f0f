// jest's global teardown: fails the run when a test left something in the temp dir.
"use strict";

module.exports = require("./temporary-run-folder").teardown;
