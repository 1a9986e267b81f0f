import { Testing } from "cdktf";
// Brings the type declarations of cdktf's jest matchers into every test file.
import "cdktf/lib/testing/adapters/jest";
import { setupConformanceMatchers } from "../src/testing";

// Registers cdktf's matchers (toHaveResourceWithProperties, toHaveProvider, ...).
Testing.setupJest();

// Registers this library's toConformToProviderSchema(), the way users do (from lib/testing once built).
setupConformanceMatchers();
