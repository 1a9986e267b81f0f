// Two projects run the same test files: `cdktf` against the sources in src/, and `cdktn` against the
// CDK Terrain flavour that scripts/flavour.js derives from them into build/cdktn/ (the global setup
// re-derives it first; it is cheap when nothing changed). In the cdktn project the tests' own imports of
// the framework (`cdktf`, `cdktf/...`) resolve to `cdktn`, and their imports of the library's sources
// (`../src`, `../../src/...`, also from examples/) to the derived copy, so the derived code is what's
// tested. Both share one set of snapshots: `Testing.synth` leaves out the `//` metadata, the only part
// of the JSON that names the framework, and test/support/cdktf-json-format.js spells cdktn's empty
// objects and arrays the way cdktf's formatter does (test/flavours.test.ts compares the full files).
//
// Type-checking runs once as `npm run typecheck`; here ts-jest only transpiles (isolatedModules in
// tsconfig.dev.json), which keeps the suite fast.
const path = require("path");

/** @type {import('jest').Config} */
const shared = {
  // jest's node environment, with a temporary folder per test file that is removed after it (cdktf's
  // Testing.synth leaves a folder per call): the environment the package ships in lib/testing.
  testEnvironment: "<rootDir>/src/testing/jest-environment.ts",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.dev.json" }],
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  moduleFileExtensions: ["ts", "js", "json"],
};

const cdktn = path.dirname(require.resolve("cdktn/package.json"));

/** @type {import('jest').Config} */
module.exports = {
  // Every core: jest's default leaves one idle, and many suites wait on Terraform, npm and jsii
  // processes of their own (on the 2-core CI machine, 220 s instead of 280 s).
  maxWorkers: "100%",
  globalSetup: "<rootDir>/test/support/derive-flavour.js",
  globalTeardown: "<rootDir>/test/support/global-teardown.js",
  testSequencer: "<rootDir>/test/support/slow-first-sequencer.js",
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
  projects: [
    { ...shared, displayName: "cdktf" },
    {
      ...shared,
      displayName: "cdktn",
      // Not flavour-specific: the packaging suite builds and installs both flavours itself, the CLI
      // suite checks this repository's command and package.json, and flavours.test.ts compares the two.
      testPathIgnorePatterns: [
        "/node_modules/",
        "/test/package\\.test\\.ts$",
        "/test/cli\\.test\\.ts$",
        "/test/retention-command\\.test\\.ts$",
        // Real Terraform on the synthesized JSON, which flavours.test.ts shows is the same in both.
        "/test/retention-terraform\\.test\\.ts$",
        "/test/flavours\\.test\\.ts$",
        // These build no construct and no example: they judge plain values and JSON documents, with
        // code that has no framework import, so the derived copy is the same text.
        "/test/provider-rules\\.test\\.ts$",
        "/test/provider-state\\.test\\.ts$",
        "/test/retention-model\\.test\\.ts$",
        "/test/re2\\.test\\.ts$",
        "/test/terraform-differential\\.test\\.ts$",
        "/test/validation\\.test\\.ts$",
        // Reads the README, the benchmark's record and test sources: no framework, no library code.
        "/test/readme-figures\\.test\\.ts$",
      ],
      snapshotSerializers: ["<rootDir>/test/support/cdktf-json-format.js"],
      moduleNameMapper: {
        "^cdktf$": path.join(cdktn, "lib", "index.js"),
        "^cdktf/(.*)$": `${cdktn}/$1`,
        "^(?:\\.\\./)+src$": "<rootDir>/build/cdktn/src",
        "^(?:\\.\\./)+src/(.*)$": "<rootDir>/build/cdktn/src/$1",
      },
    },
  ],
};
