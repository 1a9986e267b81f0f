// Test helpers for TypeScript and JavaScript users: `cdktf-alicloud-image-export/lib/testing`.
export { setupConformanceMatchers, toConformToProviderSchema } from "./jest";
export type { ExtensibleExpect, MatcherResult } from "./jest";
export { setupTerraformMatchers, toPassTerraformPlan } from "./terraform";
export { toPlanWithoutDestroying } from "./diff";
