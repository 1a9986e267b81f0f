// Type-checking runs once as `npm run typecheck`; here ts-jest only transpiles (isolatedModules in
// tsconfig.dev.json), which keeps the suite fast.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.dev.json" }],
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  moduleFileExtensions: ["ts", "js", "json"],
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
