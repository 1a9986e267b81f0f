// The jest matcher `toPassTerraformPlan()`: real Terraform validates and plans a synthesized stack,
// offline, against a provider served from the vendored schemas (see TerraformJudge). It is async:
// `await expect(Testing.synth(stack)).toPassTerraformPlan()`.
import { TerraformJudgeOptions } from "../terraform";
import * as fs from "fs";
import { NotTerraformJsonError, readTerraformJson } from "../conformance/terraform-json";
import { formatDiagnostic, judge, JudgeStack, readStacks } from "../terraform/runner";
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

/**
 * The stacks a matcher was given: a synthesized stack (its JSON text, or parsed), or a folder on disk,
 * as `Testing.fullSynth(stack)` returns it (or a cdktf output folder, a stack's folder). Anything else
 * (the stack object itself, say) fails the expectation with what to pass instead.
 */
export function synthesizedStacks(received: unknown): JudgeStack[] {
  if (typeof received === "string" && !received.trimStart().startsWith("{")) {
    if (fs.existsSync(received)) return readStacks([received]);
    // One line that isn't JSON: meant as a path, most likely mistyped.
    if (!received.includes("\n") && received.length < 4096) {
      throw new Error(
        `expected a synthesized stack (Testing.synth(stack), its parsed JSON, or the folder Testing.fullSynth(stack) returns), but got '${received}', which is neither JSON nor an existing file or folder`,
      );
    }
  }
  try {
    readTerraformJson(received, "");
  } catch (e) {
    if (!(e instanceof NotTerraformJsonError)) throw e;
    throw new Error(
      `expected a synthesized stack (Testing.synth(stack), its parsed JSON, or the folder Testing.fullSynth(stack) returns), but it${e.message}`,
    );
  }
  return [{ name: "stack", config: received as string | object }];
}

/** The matcher itself: the value given to `expect(...)` is a synthesized stack (JSON text or object). */
export async function toPassTerraformPlan(
  received: unknown,
  options: TerraformJudgeOptions = {},
): Promise<MatcherResult> {
  const stacks = synthesizedStacks(received);
  const result = await judge(stacks, options);
  const errors = result.stacks.flatMap((s) => s.diagnostics.filter((d) => d.severity === "error"));
  if (errors.length === 0 && result.stacks.every((s) => s.planned)) {
    const counts = result.stacks.map(
      (s) =>
        `${stacks.length > 1 ? `${s.stack}: ` : ""}${s.toAdd} to add, ${s.toChange} to change, ${s.toDestroy} to destroy`,
    );
    return {
      pass: true,
      message: () =>
        `expected Terraform to reject the stack, but it validated and planned ${counts.join("; ")}`,
    };
  }
  const lines = result.stacks.flatMap((s) => s.diagnostics).map((d) => `  ${formatDiagnostic(d)}`);
  return {
    pass: false,
    message: () =>
      `expected the stack to pass terraform validate and plan (terraform ${result.terraformVersion}), ` +
      `but it reported ${errors.length} error${errors.length === 1 ? "" : "s"}:\n${lines.join("\n")}`,
  };
}
