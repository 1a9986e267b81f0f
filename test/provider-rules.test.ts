import { spawnSync } from "child_process";
import * as path from "path";
import { PROVIDER_RULES, ProviderRule, rulesFor, ValueCheck } from "../src/rules/provider-rules";
import { SchemaConformance } from "../src/conformance/schema-conformance";
import { Violation, ViolationKind } from "../src/conformance/violation";
import { hostAddress, Stack, stackWith } from "./support/stacks";
import { descriptionFacts, readValidations, ruleFacts } from "./support/validation-facts";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deriveRules } = require("../scripts/derive-provider-rules.js") as {
  deriveRules: (validations: object) => ProviderRule[];
};
const DERIVE_SCRIPT = path.join(__dirname, "..", "scripts", "derive-provider-rules.js");

/**
 * These tests judge the value rules: every variable their expressions name is declared, so that only
 * the rule under test can report (undeclared variables are schema-conformance.test.ts's business).
 */
const check = (stack: Stack): Violation[] => {
  const named = [...JSON.stringify(stack).matchAll(/\bvar\.([A-Za-z_][A-Za-z0-9_-]*)/g)].map((m) => m[1]);
  return SchemaConformance.checkParsed({
    ...stack,
    variable: { ...stack.variable, ...Object.fromEntries(named.map((name) => [name, {}])) },
  });
};
const keyOf = (rule: { target: string; path: string }) => `${rule.target} ${rule.path}`;

describe("the encoded rules and schema/validations.json", () => {
  const validations = readValidations();
  const vendoredKeys = Object.entries(validations).flatMap(([target, paths]) =>
    Object.keys(paths).map((path) => keyOf({ target, path })),
  );

  test("every key of validations.json has an encoded rule, and every rule a key", () => {
    const encodedKeys = PROVIDER_RULES.map(keyOf);
    expect(new Set(encodedKeys).size).toBe(encodedKeys.length);
    expect([...encodedKeys].sort()).toEqual([...vendoredKeys].sort());
  });

  test.each(PROVIDER_RULES.map((rule) => [keyOf(rule), rule] as const))(
    "%s says what validations.json says",
    (_, rule) => {
      expect(ruleFacts(rule)).toEqual(descriptionFacts(validations[rule.target][rule.path]));
    },
  );

  test("the committed table is what scripts/derive-provider-rules.js derives from validations.json now", () => {
    const result = spawnSync(process.execPath, [DERIVE_SCRIPT, "--check"], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(deriveRules(validations)).toEqual(PROVIDER_RULES);
  });

  test("the derivation stops, quoting the sentence, on a kind of check it does not know", () => {
    expect(() => deriveRules({ alicloud_vpc: { cidr_block: "must be prime [provider validator]" } })).toThrow(
      'alicloud_vpc cidr_block: cannot read the clause "must be prime [provider validator]"',
    );
    expect(() =>
      deriveRules({ alicloud_vpc: { vpc_name: 'one of ["a"] [provider validator]; must be short' } }),
    ).toThrow('alicloud_vpc vpc_name: cannot read the clause "must be short"');
  });

  test("the description parser rejects a sentence it does not know", () => {
    expect(() => descriptionFacts("must be prime [provider validator]")).toThrow(
      /cannot read "must be prime/,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Each rule, end to end through SchemaConformance: a block of the rule's type that conforms, with the
// value under test placed at the rule's path.

/** A conforming body per rule target. */
const HOSTS: { [target: string]: Stack } = {
  alicloud_image: { instance_id: "i-1" },
  alicloud_image_export: { image_id: "m-1", oss_bucket: "exports", oss_prefix: "nightly" },
  alicloud_image_import: { disk_device_mapping: [{ oss_bucket: "b", oss_object: "disk.raw" }] },
  alicloud_instance: { image_id: "m-1", instance_type: "ecs.g6.large" },
  alicloud_oss_bucket: { bucket: "exports" },
  alicloud_oss_bucket_server_side_encryption: { bucket: "exports", sse_algorithm: "AES256" },
  alicloud_oss_bucket_versioning: { bucket: "exports", status: "Enabled" },
  alicloud_ram_policy: { policy_name: "export", policy_document: "{}" },
  alicloud_ram_role: { role_name: "export", assume_role_policy_document: "{}" },
  alicloud_ram_role_policy_attachment: { policy_name: "p", policy_type: "System", role_name: "r" },
  alicloud_security_group: {},
  alicloud_security_group_rule: {
    security_group_id: "sg-1",
    type: "ingress",
    ip_protocol: "tcp",
    cidr_ip: "0.0.0.0/0",
  },
  alicloud_vpc: {},
  alicloud_vswitch: { zone_id: "cn-hangzhou-h" },
  "data.alicloud_images": { owners: "system" },
  "data.alicloud_instance_types": {},
  "data.alicloud_zones": {},
  provider: { region: "cn-hangzhou" },
};

/** The required arguments of the blocks a rule path passes through. */
const BLOCK_FIXTURES: { [targetAndBlockPath: string]: Stack } = {
  "alicloud_instance data_disks": { size: 20 },
  "alicloud_oss_bucket lifecycle_rule": { enabled: true },
  "alicloud_oss_bucket lifecycle_rule.noncurrent_version_transition": { days: 30, storage_class: "IA" },
  "alicloud_oss_bucket lifecycle_rule.transitions": { days: 30, storage_class: "IA" },
  "alicloud_oss_bucket server_side_encryption_rule": { sse_algorithm: "AES256" },
  "alicloud_oss_bucket versioning": { status: "Enabled" },
  "alicloud_ram_policy statement": { action: ["ecs:DescribeImages"], effect: "Allow", resource: ["*"] },
  "provider assume_role": { role_arn: "acs:ram::123456789:role/export" },
};

/** Arguments the rules relate to `key` (conflicts either way); a host drops them before `key` is set. */
function partners(target: string, key: string): string[] {
  return rulesFor(target).flatMap((rule) =>
    rule.checks.flatMap((c) => {
      if (c.kind !== "conflictsWith") return [];
      if (rule.path === key) return [...c.others];
      return c.others.includes(key) ? [rule.path] : [];
    }),
  );
}

function hostWithout(target: string, keys: readonly string[]): Stack {
  const body: Stack = structuredClone(HOSTS[target]);
  for (const key of keys) {
    delete body[key];
    for (const partner of partners(target, key)) delete body[partner];
  }
  return body;
}

/** A stack whose `target` block holds `value` at the rule's path, and the concrete path it lands at. */
function placed(rule: ProviderRule, value: unknown): { stack: Stack; path: string } {
  const segments = rule.path.split(".");
  const body = hostWithout(rule.target, [segments[0]]);
  let container = body;
  const steps: string[] = [];
  segments.slice(0, -1).forEach((block, i) => {
    const item: Stack = { ...(BLOCK_FIXTURES[`${rule.target} ${segments.slice(0, i + 1).join(".")}`] ?? {}) };
    container[block] = [item];
    steps.push(`${block}[0]`);
    container = item;
  });
  const key = segments[segments.length - 1];
  container[key] = value;
  return { stack: stackWith(rule.target, body), path: [...steps, key].join(".") };
}

/** Values right at a check's limits (pass), and just past them (fail). */
function limitCases(check: ValueCheck): { pass: unknown[]; fail: unknown[] } {
  switch (check.kind) {
    case "oneOf": {
      const pass: unknown[] = [...check.values];
      const fail: unknown[] = check.values.filter((v) => v !== "").map((v) => `${v}_`);
      for (const v of check.values) {
        const swapped = v === v.toUpperCase() ? v.toLowerCase() : v.toUpperCase();
        if (swapped === v || check.values.includes(swapped)) continue;
        (check.caseInsensitive ? pass : fail).push(swapped);
      }
      if (check.values.includes("")) fail.push(" ");
      return { pass, fail };
    }
    case "intOneOf":
    case "intRange":
    case "anyOf": {
      const limits = numericLimits(check);
      const accepts = (n: number) => SchemaConformanceProbe.acceptsNumber(check, n);
      const neighbours = limits.flatMap((n) => [n - 1, n + 1]).filter((n) => !accepts(n));
      return { pass: [...limits, String(limits[0])], fail: [...new Set(neighbours), limits[0] + 0.5] };
    }
    case "byteLength": {
      const pass: unknown[] = [
        "a".repeat(check.min),
        "a".repeat(check.max),
        "é".repeat(Math.floor(check.max / 2)),
      ];
      // Fewer characters than the maximum, but more bytes: the limit counts bytes.
      const fail: unknown[] = ["a".repeat(check.max + 1), "é".repeat(Math.ceil((check.max + 1) / 2))];
      if (check.min > 0) fail.push("a".repeat(check.min - 1));
      return { pass, fail };
    }
    case "matches":
      return { pass: ["ecs.", "ecs.g6.large"], fail: ["ecs", "ecs_g6", "g6.ecs."] };
    case "notMatches":
      // The provider's pattern carries JavaScript-style "/.../gm" delimiters as literal text, so a plain
      // URL passes; only text with those literal slashes matches. The checker behaves as the provider does.
      return {
        pass: ["aliyu", "acs", "my-aliyun", "see http://example.com"],
        fail: ["aliyun", "acs:", "/a http://b.c/gm"],
      };
    case "lettersAndDigits":
      return {
        pass: ["a", "A1", "a".repeat(check.max)],
        fail: ["", "a".repeat(check.max + 1), "my prefix", "ab-c"],
      };
    case "json":
      return { pass: ["", "{}", '{"Version":"1","Statement":[]}'], fail: ["{", "{'Version':'1'}"] };
    case "date":
      return {
        pass: ["2024-02-29", "2023-12-31", "2023-01-01"],
        fail: ["2023-02-29", "2023-12-32", "2023-13-01", "2023-00-10", "2023-1-01"],
      };
    case "regexp":
      return {
        pass: ["^ubuntu_22", "(?i)^ubuntu", "(?P<version>\\d+)"],
        fail: ["(", "ubuntu(?=_22)", "(a)\\1"],
      };
  }
}

/** The numbers at the edges of a numeric check. */
function numericLimits(check: ValueCheck): number[] {
  switch (check.kind) {
    case "intOneOf":
      return [...check.values];
    case "intRange":
      return [check.min, check.max].filter((n): n is number => n !== undefined);
    case "anyOf":
      return check.alternatives.flatMap(numericLimits);
    default:
      return [];
  }
}

/** An independent statement of what the numeric checks accept, so the cases don't reuse the engine. */
const SchemaConformanceProbe = {
  acceptsNumber(check: ValueCheck, n: number): boolean {
    switch (check.kind) {
      case "intOneOf":
        return check.values.includes(n);
      case "intRange":
        return Number.isInteger(n) && n >= (check.min ?? -Infinity) && n <= (check.max ?? Infinity);
      case "anyOf":
        return check.alternatives.some((alternative) => this.acceptsNumber(alternative, n));
      default:
        return false;
    }
  },
};

const VALUE_RULES = PROVIDER_RULES.flatMap((rule) =>
  rule.checks
    .filter(
      (c): c is ValueCheck =>
        !["removed", "conflictsWith", "exactlyOneOf", "atLeastOneOf", "itemCount", "eachElement"].includes(
          c.kind,
        ),
    )
    .map((c) => [`${keyOf(rule)}: ${c.kind}`, rule, c] as const),
);

describe("value rules: at the limit passes, just past it fails, an expression is skipped", () => {
  test.each(VALUE_RULES)("%s", (_, rule, valueCheck) => {
    const { pass, fail } = limitCases(valueCheck);
    expect(pass.length).toBeGreaterThan(0);
    expect(fail.length).toBeGreaterThan(0);
    for (const value of [...pass, "${var.anything}"]) {
      const { stack } = placed(rule, value);
      expect({ value, violations: check(stack) }).toEqual({ value, violations: [] });
    }
    for (const value of fail) {
      const { stack, path } = placed(rule, value);
      expect({ value, violations: check(stack) }).toEqual({
        value,
        violations: [
          {
            kind: ViolationKind.INVALID_VALUE,
            address: hostAddress(rule.target),
            path,
            message: expect.stringMatching(/^must .*, got /),
          },
        ],
      });
    }
  });
});

describe("value rule messages", () => {
  const finding = (target: string, path: string, value: unknown) => {
    const rule = PROVIDER_RULES.find((r) => r.target === target && r.path === path) as ProviderRule;
    return check(placed(rule, value).stack);
  };
  const invalid = (target: string, path: string, message: string) => [
    { kind: ViolationKind.INVALID_VALUE, address: hostAddress(target), path, message },
  ];

  test("one of a list", () => {
    expect(finding("alicloud_image", "architecture", "amd64")).toEqual(
      invalid("alicloud_image", "architecture", "must be one of 'i386', 'x86_64' or 'arm64', got 'amd64'"),
    );
  });

  test("one of a list, in any letter case", () => {
    expect(finding("alicloud_oss_bucket_versioning", "status", "ENABLED")).toEqual([]);
    expect(finding("alicloud_oss_bucket_versioning", "status", "On")).toEqual(
      invalid(
        "alicloud_oss_bucket_versioning",
        "status",
        `must be one of 'Enabled' or 'Suspended' (in any letter case), got 'On'`,
      ),
    );
  });

  test("a number, converted the way Terraform converts a string argument", () => {
    expect(finding("alicloud_ram_policy", "version", 1)).toEqual([]);
    expect(finding("alicloud_ram_policy", "version", 2)).toEqual(
      invalid("alicloud_ram_policy", "version", "must be one of '1', got 2"),
    );
  });

  test("integers: a list, a range, a lower and an upper bound, and either of two", () => {
    expect(finding("alicloud_instance", "auto_renew_period", 4)).toEqual(
      invalid("alicloud_instance", "auto_renew_period", "must be one of 1, 2, 3, 6 or 12, got 4"),
    );
    expect(finding("alicloud_instance", "http_put_response_hop_limit", "65")).toEqual(
      invalid(
        "alicloud_instance",
        "http_put_response_hop_limit",
        `must be an integer between 1 and 64, got '65'`,
      ),
    );
    expect(finding("alicloud_oss_bucket", "lifecycle_rule.filter.object_size_less_than", 0)).toEqual(
      invalid(
        "alicloud_oss_bucket",
        "lifecycle_rule[0].filter[0].object_size_less_than",
        "must be an integer of at least 1, got 0",
      ),
    );
    expect(finding("alicloud_image", "disk_device_mapping.size", 32768.5)).toEqual(
      invalid(
        "alicloud_image",
        "disk_device_mapping[0].size",
        "must be an integer of at most 32768, got 32768.5",
      ),
    );
    expect(finding("alicloud_instance", "period", 10)).toEqual(
      invalid(
        "alicloud_instance",
        "period",
        "must be an integer between 1 and 9, or one of 12, 24, 36, 48 or 60, got 10",
      ),
    );
  });

  test("a byte length", () => {
    expect(finding("alicloud_instance", "data_disks.name", "é".repeat(64))).toEqual([]);
    expect(finding("alicloud_instance", "data_disks.name", "é".repeat(65))).toEqual(
      invalid(
        "alicloud_instance",
        "data_disks[0].name",
        `must be between 2 and 128 bytes long, got '${"é".repeat(65)}' (130 bytes)`,
      ),
    );
    expect(finding("alicloud_instance", "data_disks.name", "a")).toEqual(
      invalid(
        "alicloud_instance",
        "data_disks[0].name",
        `must be between 2 and 128 bytes long, got 'a' (1 byte)`,
      ),
    );
  });

  test("a pattern that must match", () => {
    expect(finding("data.alicloud_zones", "available_instance_type", "g6.large")).toEqual(
      invalid(
        "data.alicloud_zones",
        "available_instance_type",
        "must match the pattern ^ecs\\..* (prefix must be 'ecs.'), got 'g6.large'",
      ),
    );
  });

  test("a pattern no tag value may match, reported per tag", () => {
    const rule = PROVIDER_RULES.find(
      (r) => r.target === "alicloud_instance" && r.path === "tags",
    ) as ProviderRule;
    const tags = { team: "exports", vendor: "aliyun-ecs", source: "${var.source}", ok: "acs" };
    expect(check(placed(rule, tags).stack)).toEqual(
      invalid(
        "alicloud_instance",
        'tags["vendor"]',
        "must not match the pattern (^acs:.*)|(^aliyun.*)|(/.*http://.*\\.\\w+/gm)|(/.*https://.*\\.\\w+/gm) " +
          `(It cannot begin with "aliyun", "acs:"; without "http://", and "https://".), got 'aliyun-ecs'`,
      ),
    );
  });

  test("letters and digits, checked by the cloud rather than the provider", () => {
    expect(finding("alicloud_image_export", "oss_prefix", "a".repeat(31))).toEqual(
      invalid(
        "alicloud_image_export",
        "oss_prefix",
        `must be 1 to 30 letters or digits, got '${"a".repeat(31)}' (Alibaba Cloud rejects it when the operation starts)`,
      ),
    );
  });

  test("JSON, a date and a regular expression", () => {
    expect(finding("alicloud_ram_role", "document", "{")).toEqual(
      invalid("alicloud_ram_role", "document", `must be valid JSON, got '{' (${jsonError("{")})`),
    );
    expect(finding("alicloud_oss_bucket", "lifecycle_rule.expiration.date", "2023-02-29")).toEqual(
      invalid(
        "alicloud_oss_bucket",
        "lifecycle_rule[0].expiration[0].date",
        `must be a date in YYYY-MM-DD form, got '2023-02-29'`,
      ),
    );
    expect(finding("data.alicloud_images", "name_regex", "ubuntu(?=_22)")).toEqual(
      invalid(
        "data.alicloud_images",
        "name_regex",
        `must be a valid regular expression, got 'ubuntu(?=_22)' (has the lookaround '(?=', which Go's RE2 doesn't support)`,
      ),
    );
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Rules about presence: removed fields, conflicts, "one of" groups and item counts.

/** A literal value for each argument the relational rules mention. */
const SAMPLE_VALUES: { [argument: string]: unknown } = {
  assume_role_policy_document: "{}",
  availability_zone: "cn-hangzhou-h",
  cidr_ip: "0.0.0.0/0",
  dedicated_host_id: "dh-1",
  document: "{}",
  image_id: "m-1",
  image_name: "exported",
  image_owner_id: "1234567890",
  inner_access: true,
  inner_access_policy: "Accept",
  instance_type: "ecs.g6.large",
  ipv6_address_count: 1,
  ipv6_addresses: ["2408:4005::1"],
  ipv6_cidr_ip: "::/0",
  launch_template_id: "lt-1",
  launch_template_name: "template",
  name: "export",
  name_regex: "^ubuntu",
  owners: "self",
  policy_document: "{}",
  policy_name: "export",
  prefix_list_id: "pl-1",
  ram_users: ["export"],
  role_name: "export",
  secondary_private_ip_address_count: 1,
  secondary_private_ips: ["10.0.0.9"],
  services: ["ecs.aliyuncs.com"],
  source_security_group_id: "sg-2",
  spot_price_limit: 0.5,
  spot_strategy: "NoSpot",
  statement: [{ action: ["ecs:DescribeImages"], effect: "Allow", resource: ["*"] }],
  version: "1",
  vpc_name: "export",
  vswitch_name: "export",
  zone_id: "cn-hangzhou-h",
};

function sample(argument: string): unknown {
  expect(SAMPLE_VALUES).toHaveProperty([argument]);
  return SAMPLE_VALUES[argument];
}

/** An argument whose value is only known at apply time; a block is then generated by a dynamic block. */
function unknown(argument: string): Stack {
  if (argument === "statement") {
    const content = BLOCK_FIXTURES["alicloud_ram_policy statement"];
    return { dynamic: { statement: { for_each: "${var.statements}", content } } };
  }
  return { [argument]: `\${var.${argument}}` };
}

const CONFLICTS = PROVIDER_RULES.flatMap((rule) =>
  rule.checks.flatMap((c) =>
    c.kind === "conflictsWith"
      ? c.others.map((other) => [`${keyOf(rule)} / ${other}`, rule, other] as const)
      : [],
  ),
);

describe("conflicting arguments: one alone passes, both fail once, an expression on either side is skipped", () => {
  test.each(CONFLICTS)("%s", (_, rule, other) => {
    const key = rule.path;
    const host = () => hostWithout(rule.target, [key, other]);
    const withValues = (values: Stack) => check(stackWith(rule.target, { ...host(), ...values }));

    expect(withValues({ [key]: sample(key) })).toEqual([]);
    expect(withValues({ [key]: sample(key), ...unknown(other) })).toEqual([]);
    expect(withValues({ ...unknown(key), [other]: sample(other) })).toEqual([]);

    // The pair is reported once, at the argument whose rule comes first.
    const reporter = rulesFor(rule.target).find((r) =>
      r.checks.some(
        (c) =>
          c.kind === "conflictsWith" &&
          ((r.path === key && c.others.includes(other)) || (r.path === other && c.others.includes(key))),
      ),
    ) as ProviderRule;
    const partner = reporter.path === key ? other : key;
    expect(withValues({ [key]: sample(key), [other]: sample(other) })).toEqual([
      {
        kind: ViolationKind.CONFLICTING_ARGUMENTS,
        address: hostAddress(rule.target),
        path: reporter.path,
        message: `conflicts with ${partner}: set only one of them`,
      },
    ]);
  });

  test("a block conflicts like an argument", () => {
    const stack = stackWith("alicloud_ram_policy", {
      policy_name: "export",
      document: "{}",
      statement: [{ action: ["ecs:*"], effect: "Allow", resource: ["*"] }],
    });
    expect(check(stack)).toEqual([
      {
        kind: ViolationKind.CONFLICTING_ARGUMENTS,
        address: "alicloud_ram_policy.Host",
        path: "document",
        message: "conflicts with statement: set only one of them",
      },
    ]);
  });
});

const GROUPS = PROVIDER_RULES.flatMap((rule) =>
  rule.checks.flatMap((c) =>
    c.kind === "exactlyOneOf" || c.kind === "atLeastOneOf"
      ? [[`${keyOf(rule)}: ${c.kind}`, rule, c] as const]
      : [],
  ),
);

describe("one-of groups: none fails, each one alone passes, an expression passes", () => {
  test.each(GROUPS)("%s", (_, rule, group) => {
    const host = () => hostWithout(rule.target, group.keys);
    const withValues = (values: Stack) => check(stackWith(rule.target, { ...host(), ...values }));
    const quantity = group.kind === "exactlyOneOf" ? "exactly one" : "at least one";
    const names = group.keys.slice(0, -1).join(", ") + ` or ${group.keys[group.keys.length - 1]}`;

    expect(withValues({})).toEqual([
      {
        kind: ViolationKind.MISSING_ONE_OF,
        address: hostAddress(rule.target),
        path: rule.path,
        message: `${quantity} of ${names} must be set, but none is`,
      },
    ]);
    for (const key of group.keys) expect(withValues({ [key]: sample(key) })).toEqual([]);
    expect(withValues(unknown(group.keys[0]))).toEqual([]);
  });

  test("exactly one: two literals fail, a literal and an expression pass", () => {
    const stack = (availabilityZone: string) =>
      stackWith("alicloud_vswitch", { zone_id: "cn-hangzhou-h", availability_zone: availabilityZone });
    expect(check(stack("cn-hangzhou-i"))).toEqual([
      {
        kind: ViolationKind.CONFLICTING_ARGUMENTS,
        address: "alicloud_vswitch.Host",
        path: "zone_id",
        message: "only one of zone_id or availability_zone may be set, but zone_id and availability_zone are",
      },
    ]);
    expect(check(stack("${var.zone}"))).toEqual([]);
  });
});

describe("removed arguments", () => {
  test.each([
    ["io_optimized", "Field `io_optimized` has been removed from provider version 1.213.1."],
    ["subnet_id", "Field 'subnet_id' has been removed from version 1.210.0"],
  ])("%s: unset and null pass; any value fails, an expression too", (argument, providerMessage) => {
    const withValue = (value: unknown) =>
      check(stackWith("alicloud_instance", { ...HOSTS.alicloud_instance, [argument]: value }));
    expect(check(stackWith("alicloud_instance", HOSTS.alicloud_instance))).toEqual([]);
    expect(withValue(null)).toEqual([]);
    for (const value of ["optimized", "${var.legacy}"]) {
      expect(withValue(value)).toEqual([
        {
          kind: ViolationKind.REMOVED_ARGUMENT,
          address: "alicloud_instance.Host",
          path: argument,
          message: `was removed from aliyun/alicloud: ${providerMessage}`,
        },
      ]);
    }
  });
});

describe("item counts", () => {
  const withValues = (values: Stack) =>
    check(stackWith("alicloud_instance", { ...HOSTS.alicloud_instance, ...values }));
  const itemCount = (path: string, message: string) => [
    { kind: ViolationKind.ITEM_COUNT, address: "alicloud_instance.Host", path, message },
  ];

  test("data_disks: 1 and 16 pass, 0 and 17 fail, a dynamic block is not counted", () => {
    expect(withValues({ data_disks: [{ size: 20 }] })).toEqual([]);
    expect(withValues({ data_disks: Array(16).fill({ size: 20 }) })).toEqual([]);
    expect(withValues({ data_disks: [] })).toEqual(
      itemCount("data_disks", "must hold between 1 and 16 items when set, got 0"),
    );
    expect(withValues({ data_disks: Array(17).fill({ size: 20 }) })).toEqual(
      itemCount("data_disks", "must hold between 1 and 16 items when set, got 17"),
    );
    expect(
      withValues({
        data_disks: Array(16).fill({ size: 20 }),
        dynamic: { data_disks: { for_each: "${var.disks}", content: { size: "${each.value}" } } },
      }),
    ).toEqual([]);
  });

  test("ipv6_addresses: 10 pass, 11 fail, an expression is not counted", () => {
    const addresses = (n: number) => Array.from({ length: n }, (_, i) => `2408:4005::${i + 1}`);
    expect(withValues({ ipv6_addresses: addresses(10) })).toEqual([]);
    expect(withValues({ ipv6_addresses: addresses(11) })).toEqual(
      itemCount("ipv6_addresses", "must hold at most 10 items when set, got 11"),
    );
    expect(withValues({ ipv6_addresses: "${var.addresses}" })).toEqual([]);
  });
});
