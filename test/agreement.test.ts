// The two judges of this library agree: the constructs' prop checks (src/validation/) and
// SchemaConformance (src/conformance/) read one rule table (src/rules/provider-rules.ts).
// 1. Whatever a construct accepts synthesizes a stack with no SchemaConformance violation: random
//    props for every construct, valid, at the limits, wrong, and tokens in any prop.
// 2. Every value the rule table rejects for an argument, the construct whose prop lands there
//    rejects too, with its own message; where the construct is exactly the table
//    (construct-rules.ts), it rejects nothing more.
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
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
import { stackInRegion } from "./support/synth-helpers";

const RUNS = { numRuns: 150 };

let counter = 0;
const fresh = (prefix: string) => `${prefix}${counter++}`;

/** A prop value to build: a literal, or a token made in the stack being built. */
type Make = (stack: TerraformStack) => unknown;

const literal = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<Make> => arbitrary.map((value) => () => value);

const stringToken: fc.Arbitrary<Make> = fc.constantFrom<Make>(
  (stack) => new TerraformVariable(stack, fresh("s"), { type: "string" }).stringValue,
  (stack) => `x${new TerraformVariable(stack, fresh("s"), { type: "string" }).stringValue}`,
);
const numberToken: fc.Arbitrary<Make> = fc.constant<Make>(
  (stack) => new TerraformVariable(stack, fresh("n"), { type: "number" }).numberValue,
);
const boolToken: fc.Arbitrary<Make> = fc.constant<Make>(
  (stack) => new TerraformVariable(stack, fresh("b"), { type: "bool" }).booleanValue,
);

/** Text a user might type: samples around each rule, and anything at all. */
function text(...samples: string[]): fc.Arbitrary<Make> {
  return fc.oneof(
    { weight: 4, arbitrary: literal(fc.constantFrom(...samples)) },
    { weight: 2, arbitrary: literal(fc.string({ maxLength: 70 })) },
    { weight: 1, arbitrary: literal(fc.string({ unit: "binary", maxLength: 8 })) },
    { weight: 1, arbitrary: stringToken },
  );
}

function wholeNumber(...samples: number[]): fc.Arbitrary<Make> {
  return fc.oneof(
    { weight: 4, arbitrary: literal(fc.constantFrom(...samples)) },
    { weight: 1, arbitrary: literal(fc.double()) },
    { weight: 1, arbitrary: numberToken },
  );
}

const bool: fc.Arbitrary<Make> = fc.oneof(
  literal(fc.boolean()),
  literal(fc.constantFrom("true", 1)),
  boolToken,
);

const disk: fc.Arbitrary<Make> = fc
  .record(
    {
      size: wholeNumber(1, 20, 500, 501, 0, -1, 40.5),
      category: text("cloud_essd", "cloud_efficiency", "cloud_auto", "ssd", "cloud", ""),
      performanceLevel: text("PL0", "PL1", "PL3", "PL4", "pl1"),
      name: text("data", "d", "é".repeat(64), "é".repeat(65), "x".repeat(128), "x".repeat(129)),
      description: text("app data", "a", "x".repeat(256), "x".repeat(257)),
    },
    { requiredKeys: [] },
  )
  .map((fields) => (stack: TerraformStack) => build(stack, fields));

const SCAFFOLD_PROPS = {
  namePrefix: text("image-export", "web:golden", "a", "9lives", "x".repeat(100), "x".repeat(101)),
  vpcId: text("vpc-bp1abc", "vpc-", "vsw-1", "VPC-1"),
  vpcCidrBlock: text("172.17.3.0/24", "10.0.0.0/16", "10.0.0.0/8", "10.0.0.0/29", "10.0.0.1/24", "10/8"),
  vswitchId: text("vsw-bp1abc", "vsw-"),
  vswitchCidrBlock: text("172.17.3.0/25", "10.0.1.0/24", "10.0.0.0/15", "10.0.0.0/30"),
  zoneId: text("cn-hangzhou-h", "cn-hangzhou", "cn-beijing-a", "h"),
  securityGroupId: text("sg-bp1abc", "sg-"),
  instanceType: text("ecs.g7.large", "ecs.", "g7.large", "ecs.g7 large", "ecs.é"),
  instanceTypeFamily: text("ecs.g7", "ecs.", "g7"),
  sourceImageId: text("ubuntu_22_04_x64_20G_alibase_20240101.vhd", "m-abc", "", "a b"),
  sourceImageNameRegex: text("^ubuntu", "(?i:ubuntu)_22", "\\101", "(ubuntu)_\\1", "(", "a**", "$?", ""),
  sourceImageOwners: text("system", "self", "others", "marketplace", ""),
  instancePublicBandwidth: wholeNumber(0, 1, 100, 101, -1, 2.5),
  dataDisks: fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .array(disk, { maxLength: 5 })
        .map((disks) => (stack: TerraformStack) => disks.map((d) => d(stack))),
    },
    { weight: 1, arbitrary: literal(fc.constantFrom(null, "disk", { size: 40 })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Make>(
        (stack) => new TerraformVariable(stack, fresh("l"), { type: "list(any)" }).listValue,
        (stack) => new TerraformVariable(stack, fresh("l"), { type: "list(any)" }).value,
        (stack) => [new TerraformVariable(stack, fresh("d"), { type: "any" }).value],
      ),
    },
  ),
  imageName: text("golden", "é-image", "1image", "http://x", "x".repeat(128), "x".repeat(129)),
  imageDescription: text("Golden image", "a", "https://x", "x".repeat(256), "x".repeat(257)),
  instanceForceDelete: bool,
};

const transition: fc.Arbitrary<Make> = fc
  .record(
    {
      storageClass: text("IA", "Archive", "ColdArchive", "DeepColdArchive", "Standard", "ia"),
      afterDays: wholeNumber(1, 30, 60, 180, 0, -1, 1.5),
    },
    { requiredKeys: [] },
  )
  .map((fields) => (stack: TerraformStack) => build(stack, fields));

const LIFECYCLE_PROPS = {
  retainDeletedExportsDays: wholeNumber(0, 1, 7, 30, -1, 2.5),
  transitions: fc
    .array(transition, { maxLength: 4 })
    .map((items) => (stack: TerraformStack) => items.map((item) => item(stack))),
  expireAfterDays: wholeNumber(1, 365, 0, 30, 60),
};

const EXPORT_PROPS = {
  imageId: text("m-bp1g7004ksh0oeuco3ni", "m-", "ubuntu_22_04", "m-ABC"),
  ossBucket: text("my-exports", "ab", "a".repeat(63), "a".repeat(64), "My-Exports", "-exports", "exports-"),
  ossPrefix: text("nightly", "N1ghtly", "", "my prefix", "a".repeat(30), "a".repeat(31), "é"),
  createTimeout: text("20m", "1h30m", "2m", "2m1s", "20", "forever"),
  bucketNamePrefix: text("image-export", "a", "a".repeat(57), "a".repeat(58), "-x", "UP"),
  bucketForceDestroy: bool,
  bucketRetainDeletedExportsDays: LIFECYCLE_PROPS.retainDeletedExportsDays,
  bucketTransitions: LIFECYCLE_PROPS.transitions,
  bucketExpireAfterDays: LIFECYCLE_PROPS.expireAfterDays,
};

const BUCKET_PROPS = {
  bucketNamePrefix: EXPORT_PROPS.bucketNamePrefix,
  forceDestroy: bool,
  ...LIFECYCLE_PROPS,
};

const ROLE_PROPS = { description: text("Lets ECS write exports", "") };

/** Builds props from chosen makers, in a stack. */
function build(stack: TerraformStack, makers: Partial<Record<string, Make>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(makers).map(([prop, make]) => [prop, (make as Make)(stack)]));
}

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
