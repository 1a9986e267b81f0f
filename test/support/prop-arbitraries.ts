// Props to draw for the constructs, shared by the agreement properties (agreement.test.ts judges what the
// constructs accept with SchemaConformance, terraform-agreement.test.ts with Terraform): for each prop,
// samples around its rules, anything at all, text with template sequences, and tokens. A drawn value is
// a maker, which builds the value in the stack under test (a token is made there); it prints as what it
// makes, so a failing property names the props.
import { TerraformStack, TerraformVariable } from "cdktf";
import * as fc from "fast-check";

let counter = 0;
export const fresh = (prefix: string) => `${prefix}${counter++}`;

/** A prop value to build: a literal, or a token made in the stack being built. */
export type Make = (stack: TerraformStack) => unknown;

/** A maker that prints as `label` in fast-check's reports. */
export function maker(make: Make, label: string): Make {
  return Object.assign(make, { [fc.toStringMethod]: () => label });
}

export const literal = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<Make> =>
  arbitrary.map((value) => maker(() => value, fc.stringify(value)));

const variable = (stack: TerraformStack, type: string) => new TerraformVariable(stack, fresh("v"), { type });

export const stringToken: fc.Arbitrary<Make> = fc.constantFrom<Make>(
  maker((stack) => variable(stack, "string").stringValue, "var(string)"),
  maker((stack) => `x${variable(stack, "string").stringValue}`, '"x" + var(string)'),
  maker((stack) => `\${${variable(stack, "string").stringValue}%{`, '"${" + var(string) + "%{"'),
  maker((stack) => `cost $${variable(stack, "string").stringValue}$`, '"cost $" + var(string) + "$"'),
);
export const numberToken: fc.Arbitrary<Make> = fc.constant<Make>(
  maker((stack) => variable(stack, "number").numberValue, "var(number)"),
);
export const boolToken: fc.Arbitrary<Make> = fc.constant<Make>(
  maker((stack) => variable(stack, "bool").booleanValue, "var(bool)"),
);

/** Text with Terraform's template sequences in it, escaped or not: what a user may type by accident. */
export const templateText: fc.Arbitrary<string> = fc
  .array(fc.constantFrom("a", "x", " ", "${", "%{", "}", "$", "%", "$${", "%%{", '"', "\\", "var.x", "{"), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(""));

/** Such text, possibly empty, on either side of a string token: `"a$" + var(string) + "b"`. */
const textAroundToken: fc.Arbitrary<Make> = fc
  .tuple(fc.option(templateText, { nil: "" }), fc.option(templateText, { nil: "" }))
  .map(([before, after]) =>
    maker(
      (stack) => `${before}${variable(stack, "string").stringValue}${after}`,
      `${fc.stringify(before)} + var(string) + ${fc.stringify(after)}`,
    ),
  );

/** Text a user might type: samples around each rule, and anything at all. */
export function text(...samples: string[]): fc.Arbitrary<Make> {
  return fc.oneof(
    { weight: 4, arbitrary: literal(fc.constantFrom(...samples)) },
    { weight: 2, arbitrary: literal(fc.string({ maxLength: 70 })) },
    { weight: 1, arbitrary: literal(fc.string({ unit: "binary", maxLength: 8 })) },
    { weight: 1, arbitrary: literal(templateText) },
    { weight: 1, arbitrary: stringToken },
    { weight: 1, arbitrary: textAroundToken },
  );
}

export function wholeNumber(...samples: number[]): fc.Arbitrary<Make> {
  return fc.oneof(
    { weight: 4, arbitrary: literal(fc.constantFrom(...samples)) },
    { weight: 1, arbitrary: literal(fc.double()) },
    { weight: 1, arbitrary: numberToken },
  );
}

export const bool: fc.Arbitrary<Make> = fc.oneof(
  literal(fc.boolean()),
  literal(fc.constantFrom("true", 1)),
  boolToken,
);

export const disk: fc.Arbitrary<Make> = fc
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
  .map((fields) => maker((stack: TerraformStack) => build(stack, fields), fc.stringify(fields)));

export const SCAFFOLD_PROPS = {
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
        .map((disks) => maker((stack: TerraformStack) => disks.map((d) => d(stack)), fc.stringify(disks))),
    },
    { weight: 1, arbitrary: literal(fc.constantFrom(null, "disk", { size: 40 })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Make>(
        maker((stack) => variable(stack, "list(any)").listValue, "var(list).listValue"),
        maker((stack) => variable(stack, "list(any)").value, "var(list).value"),
        maker((stack) => [variable(stack, "any").value], "[var(any)]"),
      ),
    },
  ),
  imageName: text("golden", "é-image", "1image", "http://x", "x".repeat(128), "x".repeat(129)),
  imageDescription: text("Golden image", "a", "https://x", "x".repeat(256), "x".repeat(257)),
  instanceForceDelete: bool,
};

export const transition: fc.Arbitrary<Make> = fc
  .record(
    {
      storageClass: text("IA", "Archive", "ColdArchive", "DeepColdArchive", "Standard", "ia"),
      afterDays: wholeNumber(1, 30, 60, 180, 0, -1, 1.5),
    },
    { requiredKeys: [] },
  )
  .map((fields) => maker((stack: TerraformStack) => build(stack, fields), fc.stringify(fields)));

export const LIFECYCLE_PROPS = {
  retainDeletedExportsDays: wholeNumber(0, 1, 7, 30, -1, 2.5),
  transitions: fc
    .array(transition, { maxLength: 4 })
    .map((items) => maker((stack: TerraformStack) => items.map((item) => item(stack)), fc.stringify(items))),
  expireAfterDays: wholeNumber(1, 365, 0, 30, 60),
};

export const EXPORT_PROPS = {
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

export const BUCKET_PROPS = {
  bucketNamePrefix: EXPORT_PROPS.bucketNamePrefix,
  forceDestroy: bool,
  ...LIFECYCLE_PROPS,
};

export const ROLE_PROPS = { description: text("Lets ECS write exports", "") };

/** Builds props from chosen makers, in a stack. */
export function build(stack: TerraformStack, makers: Partial<Record<string, Make>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(makers).map(([prop, make]) => [prop, (make as Make)(stack)]));
}
