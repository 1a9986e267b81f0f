// The jest matcher `toPlanWithoutDestroying(before)`: real Terraform applies the before stacks into a
// temporary state, offline, and plans the received (after) stacks against it (see src/diff/); it passes
// when nothing would be destroyed or replaced. It is async:
// `await expect(after).toPlanWithoutDestroying(before)`.
import { NotTerraformJsonError, readTerraformJson } from "../conformance/terraform-json";
import { formatStack, summarize } from "../diff/report";
import { DiffInputError, DiffOptions, DiffSide, diffSides, readSide } from "../diff/runner";
import { MatcherResult } from "./jest";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> {
      /**
       * Passes when applying the received stacks over `before` would destroy or replace nothing, as real
       * Terraform plans it offline (the before side applied into a temporary state, the received side
       * planned against it); on failure, prints what would be destroyed and why, and the moves that
       * would keep it. Each side is a synthesized stack (the JSON from `Testing.synth(stack)`, or the
       * parsed object) or an output folder (`cdktf.out`, the folder `Testing.fullSynth(stack)` returns,
       * a stack folder or a cdk.tf.json file). Needs `terraform` on PATH (or `terraformBinary` in the
       * options). Returns a promise: `await` it.
       */
      toPlanWithoutDestroying(before: unknown, options?: DiffOptions): Promise<R>;
    }
  }
}

/**
 * A matcher argument as one side of the comparison: a string that isn't JSON is a path; anything else must
 * be a synthesized stack (the construct itself, say, is refused with what to pass instead).
 */
function sideOf(value: unknown, what: string): DiffSide {
  if (typeof value === "string" && !value.trimStart().startsWith("{")) return readSide(value, what);
  try {
    readTerraformJson(value, what);
  } catch (e) {
    if (!(e instanceof NotTerraformJsonError)) throw e;
    throw new DiffInputError(
      `${e.message}, or an output folder (e.g. the folder Testing.fullSynth(stack) returns)`,
    );
  }
  return { stacks: new Map([["stack", value as string | object]]), single: true };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The matcher itself: `received` is the after side, `before` what is applied first. Input it can't read,
 * and stacks Terraform could not compare, throw rather than fail: a failed expectation would let
 * `expect(...).not.toPlanWithoutDestroying(...)` pass without anything compared.
 */
export async function toPlanWithoutDestroying(
  received: unknown,
  before: unknown,
  options: DiffOptions = {},
): Promise<MatcherResult> {
  let report;
  try {
    report = await diffSides(sideOf(before, "before"), sideOf(received, "the received stacks"), options);
  } catch (e) {
    if (!(e instanceof DiffInputError)) throw e;
    throw new Error(`toPlanWithoutDestroying: nothing was compared: ${e.message}`);
  }
  const failed = report.stacks.filter((s) => !s.compared);
  if (failed.length > 0) {
    throw new Error(
      `toPlanWithoutDestroying: no verdict, ${lowerFirst(summarize(report))}\n` +
        failed.flatMap(formatStack).join("\n"),
    );
  }
  const destroying = report.stacks.filter((s) => s.destroys);
  if (destroying.length === 0) {
    return {
      pass: true,
      message: () =>
        `expected the plan to destroy or replace something, but ${lowerFirst(summarize(report))}\n` +
        report.stacks.flatMap(formatStack).join("\n"),
    };
  }
  return {
    pass: false,
    message: () =>
      `expected the plan to destroy nothing, but ${lowerFirst(summarize(report))}\n` +
      destroying.flatMap(formatStack).join("\n"),
  };
}
