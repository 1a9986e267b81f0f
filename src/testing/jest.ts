// The jest matcher `toConformToProviderSchema()`. This folder is not part of the jsii API (src/index.ts
// does not export it): it is for TypeScript and JavaScript users, who import it directly from
// `cdktf-alicloud-image-export/lib/testing`. It needs no jest types to compile: it talks to jest through
// the global `expect`, and only augments jest's `Matchers` interface, which merges with @types/jest
// wherever that is installed.
import { SchemaConformance } from "../conformance/schema-conformance";
import { NotTerraformJsonError } from "../conformance/terraform-json";
import { Violation } from "../conformance/violation";

declare global {
  // Augmenting jest's global namespace is the documented way to type a custom matcher.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // The type parameters must match @types/jest's declaration exactly for the interfaces to merge.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> {
      /**
       * Passes when a synthesized stack (the JSON text from `Testing.synth(stack)`, or the parsed object)
       * conforms to the provider schemas this library vendors; on failure, lists every violation.
       */
      toConformToProviderSchema(): R;
    }
  }
}

/** What a matcher returns to jest. */
export interface MatcherResult {
  /** Whether the expectation holds. */
  pass: boolean;
  /** The explanation jest prints when the expectation fails. */
  message(): string;
}

/** The part of jest's global `expect` this module uses. */
export interface ExtensibleExpect {
  /** Adds custom matchers. */
  extend(matchers: { [name: string]: (this: unknown, received: unknown) => MatcherResult }): void;
}

/**
 * Registers `toConformToProviderSchema()` with jest. Call it once, e.g. in a file listed in jest's
 * `setupFilesAfterEnv`, next to cdktf's `Testing.setupJest()`.
 *
 * @example
 * import { setupConformanceMatchers } from "cdktf-alicloud-image-export/lib/testing";
 * setupConformanceMatchers();
 * // in a test:
 * expect(Testing.synth(stack)).toConformToProviderSchema();
 */
export function setupConformanceMatchers(): void {
  const expectGlobal = (globalThis as { expect?: Partial<ExtensibleExpect> }).expect;
  if (typeof expectGlobal?.extend !== "function") {
    throw new Error(
      "setupConformanceMatchers() needs jest's global expect; call it from a jest setup file (setupFilesAfterEnv)",
    );
  }
  expectGlobal.extend({ toConformToProviderSchema });
}

/** The matcher itself: jest calls it with the value given to `expect(...)`. */
export function toConformToProviderSchema(received: unknown): MatcherResult {
  let violations: Violation[];
  try {
    violations = SchemaConformance.check(received);
  } catch (e) {
    if (!(e instanceof NotTerraformJsonError)) throw e;
    // Neither verdict holds for something that is no stack: fail with `.not` too.
    const message = `expected a synthesized stack, but ${e.message.replace(/^SchemaConformance\.check: /, "")}`;
    throw new Error(message);
  }
  if (violations.length === 0) {
    return {
      pass: true,
      message: () => "expected the stack not to conform to the provider schemas, but it has no violations",
    };
  }
  const lines = violations.map((violation) => `  ${SchemaConformance.format(violation)}`);
  const count = `${violations.length} violation${violations.length === 1 ? "" : "s"}`;
  return {
    pass: false,
    message: () =>
      `expected the stack to conform to the provider schemas, but found ${count}:\n${lines.join("\n")}`,
  };
}
