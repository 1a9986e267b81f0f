// The lifecycle checks on their own (src/validation/lifecycle.ts): an oracle written another way (pairwise
// comparison of every two transitions) over generated transition lists, then the token rules.
import { TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import * as fc from "fast-check";
import {
  checkDays,
  checkLifecycle,
  LifecycleInput,
  TRANSITION_STORAGE_CLASSES,
} from "../src/validation/lifecycle";
import { Problems } from "../src/validation/problems";

const NAMES = {
  retainDeletedExportsDays: "retainDeletedExportsDays",
  transitions: "transitions",
  expireAfterDays: "expireAfterDays",
};

function run(input: LifecycleInput): { errors: readonly string[]; warnings: string[] } {
  const problems = new Problems("ExportBucket at 'stack/Bucket'");
  const warnings = checkLifecycle(problems, input, NAMES);
  return { errors: problems.messages, warnings };
}

/** Valid when every two transitions agree: the colder one comes strictly later, and no class repeats. */
function oracle(transitions: { storageClass: string; afterDays: number }[], expire?: number): boolean {
  const rank = (name: string): number => ["IA", "Archive", "ColdArchive", "DeepColdArchive"].indexOf(name);
  for (const t of transitions) {
    if (rank(t.storageClass) < 0 || !Number.isInteger(t.afterDays) || t.afterDays < 1) return false;
    if (expire !== undefined && expire <= t.afterDays) return false;
  }
  for (let i = 0; i < transitions.length; i++) {
    for (let j = 0; j < transitions.length; j++) {
      if (i === j) continue;
      const [a, b] = [transitions[i], transitions[j]];
      if (rank(a.storageClass) === rank(b.storageClass)) return false;
      if (rank(a.storageClass) < rank(b.storageClass) && a.afterDays >= b.afterDays) return false;
    }
  }
  return expire === undefined || (Number.isInteger(expire) && expire >= 1);
}

const classes = fc.constantFrom(...TRANSITION_STORAGE_CLASSES, "Standard", "archive");
const days = fc.oneof(fc.integer({ min: -2, max: 400 }), fc.constantFrom(0.5, 30.25));
const transition = fc.record({ storageClass: classes, afterDays: days });

describe("the lifecycle checks agree with a pairwise oracle", () => {
  test("over generated transitions and expiry days", () => {
    fc.assert(
      fc.property(
        fc.array(transition, { maxLength: 5 }),
        fc.option(fc.integer({ min: -1, max: 500 }), { nil: undefined }),
        (transitions, expire) => {
          const { errors } = run({ transitions, expireAfterDays: expire, retainDeletedExportsDays: 0 });
          expect(errors.length === 0).toBe(oracle(transitions, expire));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("each problem names its prop and the value it got", () => {
    fc.assert(
      fc.property(fc.array(transition, { minLength: 1, maxLength: 5 }), (transitions) => {
        for (const message of run({ transitions }).errors) {
          expect(message).toMatch(
            /^ExportBucket at 'stack\/Bucket': transitions\[\d\]\.(storageClass|afterDays) .*, got /,
          );
        }
      }),
    );
  });
});

describe("checkDays", () => {
  test.each([
    [0, 0, undefined],
    [0, -1, "must be a whole number of days, 0 or more, got -1"],
    [1, 1, undefined],
    [1, 0, "must be a whole number of days, 1 or more, got 0"],
    [1, 2.5, "must be a whole number of days, 1 or more, got 2.5 (not a whole number)"],
    [1, "7", "must be a whole number of days, 1 or more, got '7' (a string)"],
    [1, -Infinity, "must be a whole number of days, 1 or more, got -Infinity"],
  ] as [number, unknown, string | undefined][])("min %s, value %s", (min, value, expected) => {
    expect(checkDays(min)(value)).toBe(expected);
  });
});

describe("tokens are not judged", () => {
  const stack = new TerraformStack(Testing.app(), "stack");
  const numberToken = new TerraformVariable(stack, "n", { type: "number" }).numberValue;
  const stringToken = new TerraformVariable(stack, "s", { type: "string" }).stringValue;

  test("a token class or days takes the transition out of the ordering checks", () => {
    const { errors } = run({
      transitions: [
        { storageClass: "Archive", afterDays: numberToken },
        { storageClass: stringToken, afterDays: 1 },
        { storageClass: "IA", afterDays: 10 },
      ],
      expireAfterDays: numberToken,
    });
    expect(errors).toEqual([]);
  });

  test("a token list of transitions can't become part of the rule, and says so", () => {
    const list = Token.asAny(new TerraformVariable(stack, "l", { type: "list(any)" }).listValue);
    expect(run({ transitions: list }).errors).toEqual([
      "ExportBucket at 'stack/Bucket': transitions must be a list written out when the app is synthesized (each transition becomes part of the bucket's lifecycle rule), got a value known only at apply time",
    ]);
  });
});

describe("billing warnings count the retention default of 30 days", () => {
  test("Archive from day 20, expiring on day 30, then kept 30 days: 61 days surely, no warning for that file", () => {
    // The one warning is about another path: a nightly export, replaced the day after it was written, is
    // kept 30 days from the replacement, in Archive from its 20th: 31 days surely since the write.
    expect(
      run({ transitions: [{ storageClass: "Archive", afterDays: 20 }], expireAfterDays: 30 }).warnings,
    ).toEqual([
      "transitions[0] moves kept versions of deleted and replaced exports to Archive 20 days after the deletion or replacement and they are deleted 30 days after it (retainDeletedExportsDays 30), so an export replaced the day after it was written (as a nightly export is) may spend as little as 31 days since the export was written; OSS bills Archive for at least 60 days since the export was written.",
    ]);
  });

  test("Archive with retention 0 expiring on day 30 is billed extra", () => {
    expect(
      run({
        transitions: [{ storageClass: "Archive", afterDays: 20 }],
        expireAfterDays: 30,
        retainDeletedExportsDays: 0,
      }).warnings,
    ).toEqual([
      "transitions[0] moves exports to Archive after 20 days and they are deleted after 30 days (expireAfterDays 30), so they may spend as little as 30 days since the export was written; OSS bills Archive for at least 60 days since the export was written.",
    ]);
  });
});
