// The jest matcher `toPassTerraformPlan()`: real Terraform validates and plans a synthesized stack,
// offline, against a provider served from the vendored schemas (see TerraformJudge). It is async:
// `await expect(Testing.synth(stack)).toPassTerraformPlan()`.
import { TerraformJudgeOptions } from "../terraform";
import { formatDiagnostic, judge } from "../terraform/runner";
import { toPlanWithoutDestroying } from "./diff";
import { MatcherResult } from "./jest";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> {
      /**
       * Passes when real Terraform (`terraform validate`, then `terraform plan`) accepts a synthesized
       * stack, offline; on failure, lists Terraform's diagnostics. Needs `terraform` on PATH (or
       * `terraformBinary` in the options). Returns a promise: `await` it.
       */
      toPassTerraformPlan(options?: TerraformJudgeOptions): Promise<R>;
    }
  }
}

/** The part of jest's global `expect` this module uses. */
interface AsyncExtensibleExpect {
  extend(matchers: {
    [name: string]: (this: unknown, received: unknown, ...args: never[]) => Promise<MatcherResult>;
  }): void;
}

/**
 * Registers `toPassTerraformPlan()` and `toPlanWithoutDestroying(before)` with jest. Call it once, e.g.
 * in a `setupFilesAfterEnv` file.
 *
 * @example
 * import { setupTerraformMatchers } from "cdktf-alicloud-image-export/lib/testing";
 * setupTerraformMatchers();
 * // in a test:
 * await expect(Testing.synth(stack)).toPassTerraformPlan();
 * await expect(Testing.fullSynth(stack)).toPlanWithoutDestroying("test/fixtures/last-release");
 */
export function setupTerraformMatchers(): void {
  const expectGlobal = (globalThis as { expect?: Partial<AsyncExtensibleExpect> }).expect;
  if (typeof expectGlobal?.extend !== "function") {
    throw new Error(
      "setupTerraformMatchers() needs jest's global expect; call it from a jest setup file (setupFilesAfterEnv)",
    );
  }
  expectGlobal.extend({ toPassTerraformPlan, toPlanWithoutDestroying });
}

/** The matcher itself: the value given to `expect(...)` is a synthesized stack (JSON text or object). */
export async function toPassTerraformPlan(
  received: unknown,
  options: TerraformJudgeOptions = {},
): Promise<MatcherResult> {
  if (typeof received !== "string" && (typeof received !== "object" || received === null)) {
    return {
      pass: false,
      message: () =>
        `expected a synthesized stack (the JSON from Testing.synth(stack), or the parsed object), got ${String(received)}`,
    };
  }
  const result = await judge([{ name: "stack", config: received }], options);
  const stack = result.stacks[0];
  const errors = stack.diagnostics.filter((d) => d.severity === "error");
  if (errors.length === 0 && stack.planned) {
    return {
      pass: true,
      message: () =>
        `expected Terraform to reject the stack, but it validated and planned ${stack.toAdd} to add, ` +
        `${stack.toChange} to change, ${stack.toDestroy} to destroy`,
    };
  }
  const lines = stack.diagnostics.map((d) => `  ${formatDiagnostic(d)}`);
  return {
    pass: false,
    message: () =>
      `expected the stack to pass terraform validate and plan (terraform ${result.terraformVersion}), ` +
      `but it reported ${errors.length} error${errors.length === 1 ? "" : "s"}:\n${lines.join("\n")}`,
  };
}
