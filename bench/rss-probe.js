// Preloaded (NODE_OPTIONS=--require) into the processes bench/main-job.ts times: each node process
// appends its peak resident set size, in KiB, to $BENCH_RSS_FILE when it exits.
"use strict";
const fs = require("fs");

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
}
