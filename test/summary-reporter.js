// Prints one plain closing line, "jest: N passed, N failed[, N skipped]", as the very last line of a run,
// so a CI log reader that doesn't know jest's format can still count the tests. Jest always prints its
// own summary after every custom reporter, hence the wait for the process to exit.
"use strict";

class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `jest: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
    process.once("exit", () => process.stderr.write(`${line}\n`));
  }
}

module.exports = ClosingLineReporter;
