// The two judges of this library agree: the constructs' prop checks (src/validation/) and
// SchemaConformance (src/conformance/) read one rule table (src/rules/provider-rules.ts).
// 1. Whatever a construct accepts synthesizes a stack with no SchemaConformance violation: random
//    props for every construct, valid, at the limits, wrong, and tokens in any prop.
// 2. Every value the rule table rejects for an argument, the construct whose prop lands there
//    rejects too, with its own message; where the construct is exactly the table
//    (construct-rules.ts), it rejects nothing more.
import { TerraformStack, Testing } from "cdktf";
import * as fc from "fast-check";
import {
  alicloud,
  ExportBucket,
  ExportStorageClass,
  ImageExport,
  ImageExportRole,
  ImageScaffold,
  SchemaConformance,
  Violation,
} from "../src";
import { escapeTemplate } from "../src/literal-text";
import { valueProblem } from "../src/conformance/rule-engine";
import { ruleAt, ValueCheck } from "../src/rules/provider-rules";
import { PROP_RULES } from "../src/validation/construct-rules";
import { Problems } from "../src/validation/problems";
import {
  bool,
  BUCKET_PROPS,
  build,
  EXPORT_PROPS,
  ROLE_PROPS,
  SCAFFOLD_PROPS,
} from "./support/prop-arbitraries";
import { stackInRegion } from "./support/synth-helpers";

const RUNS = { numRuns: 150 };

/**
 * Builds the construct; when it throws, the error must be ours and name the construct; when it
 * builds, the synthesized stack must conform.
 */
function judge(kind: string, create: (stack: TerraformStack) => void): Violation[] {
  const stack = stackInRegion();
  try {
    create(stack);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(new RegExp(`^(\\d+ problems:\\n  - )?${kind} at 'stack/`));
    return [];
  }
  let synthesized: string;
  try {
    synthesized = Testing.synth(stack, true);
  } catch (error) {
    // Whole-stack checks (regions, zones) report at synth time, still in our words.
    expect((error as Error).message).toMatch(/at 'stack\//);
    return [];
  }
  return SchemaConformance.check(synthesized);
}

describe("whatever a construct accepts conforms to the provider schema and rules", () => {
  test("ImageExport, building the image and the bucket", () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            ...SCAFFOLD_PROPS,
            ...EXPORT_PROPS,
            imageId: fc.constant(undefined),
            ossBucket: fc.constant(undefined),
          },
          { requiredKeys: [] },
        ),
        (makers) => {
          const defined = Object.fromEntries(Object.entries(makers).filter(([, make]) => make !== undefined));
          const violations = judge(
            "ImageExport",
            (stack) => new ImageExport(stack, "Export", build(stack, defined)),
          );
          expect(violations.map(SchemaConformance.format)).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  test("ImageExport with your own image and bucket", () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            imageId: EXPORT_PROPS.imageId,
            ossBucket: EXPORT_PROPS.ossBucket,
            ossPrefix: EXPORT_PROPS.ossPrefix,
            createTimeout: EXPORT_PROPS.createTimeout,
            createRole: bool,
          },
          { requiredKeys: ["imageId", "ossBucket"] },
        ),
        (makers) => {
          const violations = judge(
            "ImageExport",
            (stack) => new ImageExport(stack, "Export", build(stack, makers)),
          );
          expect(violations.map(SchemaConformance.format)).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  test("ImageScaffold", () => {
    fc.assert(
      fc.property(fc.record(SCAFFOLD_PROPS, { requiredKeys: [] }), (makers) => {
        const violations = judge(
          "ImageScaffold",
          (stack) => new ImageScaffold(stack, "Scaffold", build(stack, makers)),
        );
        expect(violations.map(SchemaConformance.format)).toEqual([]);
      }),
      RUNS,
    );
  });

  test("ExportBucket", () => {
    fc.assert(
      fc.property(fc.record(BUCKET_PROPS, { requiredKeys: [] }), (makers) => {
        const violations = judge(
          "ExportBucket",
          (stack) => new ExportBucket(stack, "Bucket", build(stack, makers)),
        );
        expect(violations.map(SchemaConformance.format)).toEqual([]);
      }),
      RUNS,
    );
  });

  test("ImageExportRole", () => {
    fc.assert(
      fc.property(fc.record(ROLE_PROPS, { requiredKeys: [] }), (makers) => {
        const violations = judge(
          "ImageExportRole",
          (stack) => new ImageExportRole(stack, "Role", build(stack, makers)),
        );
        expect(violations.map(SchemaConformance.format)).toEqual([]);
      }),
      RUNS,
    );
  });
});

/** The value checks of a rule (the relational ones, conflicts and groups, don't judge one value). */
function valueChecks(target: string, path: string): ValueCheck[] {
  return ruleAt(target, path).checks.filter((check): check is ValueCheck =>
    [
      "oneOf",
      "intOneOf",
      "intRange",
      "anyOf",
      "byteLength",
      "matches",
      "notMatches",
      "lettersAndDigits",
      "json",
      "date",
      "regexp",
    ].includes(check.kind),
  );
}

/** Whether the table rejects a value a user typed, as the construct writes it into the argument. */
function tableRejects(target: string, path: string, value: unknown): boolean {
  const written = typeof value === "string" ? escapeTemplate(value) : value;
  return valueChecks(target, path).some((check) => valueProblem(check, written) !== undefined);
}

/** Builds a stack where the prop holds `value`, and says whether the construct refused it. */
const PLACE: { [prop: string]: (value: unknown) => (stack: TerraformStack) => void } = {
  "ImageExport.ossPrefix": (value) => (stack) =>
    new ImageExport(stack, "Export", { imageId: "m-1", ossBucket: "exports", ossPrefix: value as string }),
  "ImageExport.ossBucket": (value) => (stack) =>
    new ImageExport(stack, "Export", { imageId: "m-1", ossBucket: value as string }),
  "ImageScaffold.dataDisks[].category": (value) => (stack) =>
    new ImageScaffold(stack, "S", { dataDisks: [{ size: 20, category: value as string }] }),
  "ImageScaffold.dataDisks[].performanceLevel": (value) => (stack) =>
    new ImageScaffold(stack, "S", { dataDisks: [{ size: 20, performanceLevel: value as string }] }),
  "ImageScaffold.dataDisks[].name": (value) => (stack) =>
    new ImageScaffold(stack, "S", { dataDisks: [{ size: 20, name: value as string }] }),
  "ImageScaffold.dataDisks[].description": (value) => (stack) =>
    new ImageScaffold(stack, "S", { dataDisks: [{ size: 20, description: value as string }] }),
  "ImageScaffold.sourceImageNameRegex": (value) => (stack) =>
    new ImageScaffold(stack, "S", { sourceImageNameRegex: value as string }),
  "ImageScaffold.sourceImageOwners": (value) => (stack) =>
    new ImageScaffold(stack, "S", { sourceImageOwners: value as string }),
  "ImageScaffold.instanceType": (value) => (stack) =>
    new ImageScaffold(stack, "S", { instanceType: value as string }),
  "ExportBucket.transitions[].storageClass": (value) => (stack) =>
    new ExportBucket(stack, "B", {
      transitions: [{ storageClass: value as ExportStorageClass, afterDays: 30 }],
    }),
  "ImageScaffold.instanceTypeFamily": (value) => (stack) =>
    new ImageScaffold(stack, "S", { instanceTypeFamily: value as string }),
};

function refuses(prop: string, value: unknown): boolean {
  try {
    PLACE[prop](value)(stackInRegion());
    return false;
  } catch (error) {
    expect((error as Error).message).toMatch(/ at 'stack\//);
    return true;
  }
}

/** Strings around each rule's limits: its own values, near misses, and anything. */
function candidates(target: string, path: string): fc.Arbitrary<string> {
  const samples = valueChecks(target, path).flatMap((check) => {
    switch (check.kind) {
      case "oneOf":
        return check.values.flatMap((v) => [v, v.toUpperCase(), `${v}x`, v.slice(1)]);
      case "byteLength":
        return [
          "x".repeat(check.min),
          "x".repeat(Math.max(0, check.min - 1)),
          "x".repeat(check.max),
          "é".repeat(Math.ceil((check.max + 1) / 2)),
        ];
      case "lettersAndDigits":
        return ["a".repeat(check.max), "a".repeat(check.max + 1), "a b", ""];
      case "matches":
        return ["ecs.g7.large", "ecs.", "g7", "ecs.g7 large"];
      case "regexp":
        return ["^ubuntu", "(?i:ubuntu)_22", "\\101", "(a)\\1", "(?=a)", "a**", "$?", "[", ""];
      default:
        return [];
    }
  });
  // Text with template sequences is written escaped, and the checker reads it back as typed.
  return fc.oneof(fc.constantFrom(...samples, "a${x}", "%{if}", "$${"), fc.string({ maxLength: 40 }));
}

describe("every value the rule table rejects, the construct rejects too", () => {
  test("each prop that lands in a provider argument is in the table of construct rules", () => {
    expect(PROP_RULES.map((rule) => rule.prop).sort()).toEqual(
      [...Object.keys(PLACE), "ImageScaffold.dataDisks"].sort(),
    );
  });

  test.each(PROP_RULES.filter((rule) => rule.prop in PLACE).map((rule) => [rule.prop, rule] as const))(
    "%s",
    (prop, rule) => {
      fc.assert(
        fc.property(candidates(rule.target, rule.path), (value) => {
          const rejected = tableRejects(rule.target, rule.path, value);
          if (rejected) expect(refuses(prop, value)).toBe(true);
          // Where the construct is exactly the table, it refuses nothing the table accepts.
          if (rule.stricter === undefined && !rejected) expect(refuses(prop, value)).toBe(false);
        }),
        { numRuns: 200 },
      );
    },
  );

  test("data disks: the table allows 1-16 per instance, the construct 1-4 (export limit); none means no block", () => {
    const disks = (n: number) => Array.from({ length: n }, () => ({ size: 20 }));
    const count = ruleAt("alicloud_instance", "data_disks").checks.find((c) => c.kind === "itemCount");
    expect(count).toEqual({ kind: "itemCount", min: 1, max: 16 });
    expect(() => new ImageScaffold(stackInRegion(), "S", { dataDisks: disks(4) })).not.toThrow();
    expect(() => new ImageScaffold(stackInRegion(), "S", { dataDisks: disks(5) })).toThrow(
      /dataDisks must hold at most 4 disks/,
    );
    const stack = stackInRegion();
    new ImageScaffold(stack, "S", { dataDisks: [] });
    const instance = Object.values(JSON.parse(Testing.synth(stack)).resource.alicloud_instance)[0] as object;
    expect(instance).not.toHaveProperty("data_disks");
  });

  test("a stricter construct says why, and is stricter: some value the table accepts, it refuses", () => {
    const examples: { [prop: string]: string } = {
      "ImageExport.ossBucket": "My_Bucket",
      "ImageScaffold.sourceImageNameRegex": "",
      "ImageScaffold.sourceImageOwners": "marketplace",
      "ImageScaffold.instanceType": "ecs.g7 large",
      "ImageScaffold.instanceTypeFamily": "ecs.",
      "ExportBucket.transitions[].storageClass": "Standard",
    };
    for (const rule of PROP_RULES.filter((r) => r.stricter !== undefined && r.prop in PLACE)) {
      expect(rule.stricter).toMatch(/\w{3,}/);
      const example = examples[rule.prop];
      expect({ prop: rule.prop, tableRejects: tableRejects(rule.target, rule.path, example) }).toEqual({
        prop: rule.prop,
        tableRejects: false,
      });
      expect(refuses(rule.prop, example)).toBe(true);
    }
  });
});

describe("each construct checks its props once", () => {
  test("ImageExport checks the provider once, though its scaffold, bucket and role use it too", () => {
    const stack = stackInRegion();
    const provider = new alicloud.provider.AlicloudProvider(stack, "other", {
      region: "cn-hangzhou",
      alias: "other",
    });
    const check = jest.spyOn(Problems.prototype, "check");
    try {
      new ImageExport(stack, "Export", { provider, createRole: true });
      expect(check.mock.calls.filter(([prop]) => prop === "provider")).toHaveLength(1);
    } finally {
      check.mockRestore();
    }
  });

  test("a child built on its own still checks its props", () => {
    const check = jest.spyOn(Problems.prototype, "check");
    try {
      new ImageScaffold(stackInRegion(), "Scaffold", {});
      new ExportBucket(stackInRegion(), "Bucket", {});
      expect(check.mock.calls.filter(([prop]) => prop === "provider")).toHaveLength(2);
    } finally {
      check.mockRestore();
    }
  });
});
