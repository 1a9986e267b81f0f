// Runs the slowest suites first. On a fresh clone jest has no timings to go by and may start the
// packaging suite (about two minutes of builds and installs) last, leaving one worker idle meanwhile.
"use strict";

const Sequencer = require("@jest/test-sequencer").default;

/** Suites known to take longest, slowest first; the rest follow in jest's own order. */
const SLOWEST = [
  "package.test.ts",
  "terraform-differential.test.ts",
  "terraform-judge.test.ts",
  "diff.test.ts",
];

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const rank = (test) => {
      const index = SLOWEST.findIndex((name) => test.path.endsWith(`/test/${name}`));
      return index === -1 ? SLOWEST.length : index;
    };
    const ordered = super.sort(tests);
    return [...ordered].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowFirstSequencer;
