import { Testing } from "cdktf";
import { BringYourOwnStack } from "../examples/bring-your-own";
import { CrossRegionStack } from "../examples/cross-region";
import { DocsExampleStack } from "../examples/docs-example";
import { NightlyBackupsStack } from "../examples/nightly-backups";
import { alicloud } from "../src";
import { SchemaConformance } from "../src/conformance/schema-conformance";
import { Violation, ViolationKind } from "../src/conformance/violation";
import { toConformToProviderSchema } from "../src/testing";
import { Stack, validStack, validStackJson } from "./support/stacks";

const check = (stack: Stack): Violation[] => SchemaConformance.checkParsed(stack);
/** Declares input variables (of any type) in a stack, so templates may reference them. */
const declare = (stack: Stack, ...names: string[]): void => {
  stack.variable = { ...stack.variable, ...Object.fromEntries(names.map((name) => [name, {}])) };
};
const violation = (kind: ViolationKind, address: string, path: string, message: string): Violation => ({
  kind,
  address,
  path,
  message,
});

const INSTANCE = "alicloud_instance.Instance";
const EXPORT = "alicloud_image_export.Export";

describe("a valid stack", () => {
  test("built with the generated bindings has no violations", () => {
    // GIVEN a stack with a network, an instance with data disks, an image, an encrypted bucket named with
    // random_integer, and the export with a timeout
    const synthesized = validStackJson();

    // THEN
    expect(SchemaConformance.check(synthesized)).toEqual([]);
    expect(synthesized).toConformToProviderSchema();
    expect(JSON.parse(synthesized)).toConformToProviderSchema();
  });

  test.each([
    ["docs-example", DocsExampleStack],
    ["bring-your-own", BringYourOwnStack],
    ["cross-region", CrossRegionStack],
    ["nightly-backups", NightlyBackupsStack],
  ])("the %s example conforms", (id, Example) => {
    expect(Testing.synth(new Example(Testing.app(), id), true)).toConformToProviderSchema();
  });

  test("cdktf metadata and every meta-argument are accepted", () => {
    // GIVEN
    const stack = validStack();
    stack["//"] = { metadata: { version: "0.21.0" } };
    Object.assign(stack.resource.alicloud_instance.Instance, {
      "//": { metadata: { path: "valid/Instance" } },
      count: 2,
      depends_on: ["alicloud_vpc.Vpc", "data.alicloud_zones.Zones"],
      provider: "alicloud.hangzhou",
      lifecycle: { create_before_destroy: true, ignore_changes: ["tags"] },
      provisioner: [{ "local-exec": { command: "echo ${self.id}" } }],
      connection: { type: "ssh", host: "${self.public_ip}" },
    });
    stack.provider.alicloud.push({ alias: "hangzhou", region: "cn-hangzhou" });

    // THEN
    expect(check(stack)).toEqual([]);
  });

  test("cdktf writes max-1 list blocks and single blocks as objects, and other list blocks as arrays", () => {
    const stack = validStack();
    expect(stack.resource.alicloud_oss_bucket.Bucket.server_side_encryption_rule).toEqual({
      sse_algorithm: "AES256",
    });
    expect(stack.resource.alicloud_image_export.Export.timeouts).toEqual({ create: "1h" });
    expect(Array.isArray(stack.resource.alicloud_instance.Instance.data_disks)).toBe(true);

    // Terraform also accepts any block as a list of objects.
    stack.resource.alicloud_oss_bucket.Bucket.server_side_encryption_rule = [{ sse_algorithm: "KMS" }];
    stack.resource.alicloud_image_export.Export.timeouts = [{ create: "2h" }];
    expect(check(stack)).toEqual([]);
  });
});

describe("what check takes", () => {
  test("the JSON text or the parsed document, with the same verdict", () => {
    const stack = validStack();
    stack.resource.alicloud_image_export.Export.oss_prefix = "my prefix";
    const fromText = SchemaConformance.check(JSON.stringify(stack));
    expect(fromText).toHaveLength(1);
    expect(SchemaConformance.check(stack)).toEqual(fromText);
    expect(SchemaConformance.check(validStack())).toEqual([]);
  });

  test("neither text nor an object: refused with what it got, never read as an empty stack", () => {
    expect(() => SchemaConformance.check(42)).toThrow(
      'SchemaConformance.check: the stack is not a Terraform JSON configuration (a JSON object with "resource", "data", "provider"... blocks), got number 42',
    );
  });
});

describe("malformed documents", () => {
  // Input that is no configuration at all is refused rather than read as one (no-silent-passes.test.ts).
  test("text that is not JSON is refused", () => {
    expect(() => SchemaConformance.check("{ not json")).toThrow(
      /^SchemaConformance\.check: the stack is not valid JSON \(/,
    );
  });

  test("a document that is not an object is refused", () => {
    expect(() => SchemaConformance.check("[1]")).toThrow(
      'SchemaConformance.check: the stack is not a Terraform JSON configuration (a JSON object with "resource", "data", "provider"... blocks), got a list',
    );
  });

  test("a resource that is not an object", () => {
    const stack = validStack();
    stack.resource.alicloud_vpc.Broken = "vpc";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.MALFORMED_CONFIGURATION,
        "alicloud_vpc.Broken",
        "",
        `must be an object (the block's arguments), got 'vpc'`,
      ),
    ]);
  });
});

describe("unknown types", () => {
  test("a resource type the alicloud schema lacks, with the nearest name", () => {
    const stack = validStack();
    stack.resource.alicloud_instnace = { Typo: { instance_type: "ecs.g6.large" } };
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.UNKNOWN_TYPE,
        "alicloud_instnace.Typo",
        "",
        '"alicloud_instnace" is not a resource type in the vendored aliyun/alicloud 1.289.0 schema (did you mean "alicloud_instance"?)',
      ),
    ]);
  });

  test("a data-source type the alicloud schema lacks", () => {
    const stack = validStack();
    stack.data.alicloud_zone = { Typo: {} };
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.UNKNOWN_TYPE,
        "data.alicloud_zone.Typo",
        "",
        '"alicloud_zone" is not a data-source type in the vendored aliyun/alicloud 1.289.0 schema (did you mean "alicloud_zones"?)',
      ),
    ]);
  });

  test("hashicorp/random types are checked too", () => {
    const stack = validStack();
    stack.resource.random_integr = { Typo: { min: 1, max: 2 } };
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.UNKNOWN_TYPE,
        "random_integr.Typo",
        "",
        '"random_integr" is not a resource type in the vendored hashicorp/random 3.7.2 schema (did you mean "random_integer"?)',
      ),
    ]);
  });

  test("resources of providers without a vendored schema get no finding", () => {
    const stack = validStack();
    stack.resource.aws_s3_bucket = { Other: { anything: ["goes"], bucket: 1 } };
    stack.terraform.required_providers.aws = { source: "hashicorp/aws" };
    expect(check(stack)).toEqual([]);
  });
});

describe("unknown arguments and blocks", () => {
  test("at the top of a resource, with the nearest name", () => {
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.instance_typ = "ecs.g6.large";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.UNKNOWN_ARGUMENT,
        INSTANCE,
        "instance_typ",
        'alicloud_instance has no argument or block named "instance_typ" (did you mean "instance_type"?)',
      ),
    ]);
  });

  test("inside a list block item", () => {
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.data_disks[1].sise = 40;
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.UNKNOWN_ARGUMENT,
        INSTANCE,
        "data_disks[1].sise",
        'the data_disks block of alicloud_instance has no argument or block named "sise" (did you mean "size"?)',
      ),
    ]);
  });

  test("a timeout the resource does not support", () => {
    const stack = validStack();
    stack.resource.alicloud_image_export.Export.timeouts.delete = "10m";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.UNKNOWN_ARGUMENT,
        EXPORT,
        "timeouts.delete",
        'the timeouts block of alicloud_image_export has no argument or block named "delete"',
      ),
    ]);
  });

  test("a block name nobody defines", () => {
    const stack = validStack();
    stack.data.alicloud_zones.Zones.filter = [{ name: "x" }];
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.UNKNOWN_ARGUMENT,
        "data.alicloud_zones.Zones",
        "filter",
        'data source alicloud_zones has no argument or block named "filter"',
      ),
    ]);
  });

  test("in provider configurations; alias is a meta-argument", () => {
    const stack = validStack();
    stack.provider.alicloud.push({ alias: "west", regoin: "cn-shanghai" });
    stack.provider.random[0].seed = "1";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.UNKNOWN_ARGUMENT,
        "provider.alicloud[1]",
        "regoin",
        'the alicloud provider has no argument or block named "regoin" (did you mean "region"?)',
      ),
      violation(
        ViolationKind.UNKNOWN_ARGUMENT,
        "provider.random[0]",
        "seed",
        'the random provider has no argument or block named "seed"',
      ),
    ]);
  });

  test("meta-argument names are only special at the top of a block", () => {
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.data_disks[0].count = 1;
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.UNKNOWN_ARGUMENT,
        INSTANCE,
        "data_disks[0].count",
        'the data_disks block of alicloud_instance has no argument or block named "count"',
      ),
    ]);
  });
});

describe("missing required arguments and blocks", () => {
  test("a required argument", () => {
    const stack = validStack();
    delete stack.resource.alicloud_image_export.Export.oss_bucket;
    expect(check(stack)).toEqual([
      violation(ViolationKind.MISSING_REQUIRED, EXPORT, "oss_bucket", "required argument is not set"),
    ]);
  });

  test("null counts as not set", () => {
    const stack = validStack();
    stack.resource.random_integer.Suffix.min = null;
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.MISSING_REQUIRED,
        "random_integer.Suffix",
        "min",
        "required argument is not set",
      ),
    ]);
  });

  test("a required argument inside a block item", () => {
    const stack = validStack();
    delete stack.resource.alicloud_instance.Instance.data_disks[1].size;
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.MISSING_REQUIRED,
        INSTANCE,
        "data_disks[1].size",
        "required argument is not set",
      ),
    ]);
  });

  test("a block with min_items 1: absent and empty fail, one item passes", () => {
    const stack = validStack();
    stack.resource.alicloud_image_import = {
      Absent: {},
      Empty: { disk_device_mapping: [] },
      One: { disk_device_mapping: [{ oss_bucket: "b", oss_object: "disk.raw" }] },
    };
    const missing = "required block is not set (at least 1 block needed)";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.MISSING_REQUIRED,
        "alicloud_image_import.Absent",
        "disk_device_mapping",
        missing,
      ),
      violation(
        ViolationKind.MISSING_REQUIRED,
        "alicloud_image_import.Empty",
        "disk_device_mapping",
        missing,
      ),
    ]);
  });

  test("a dynamic block satisfies a required block", () => {
    const stack = validStack();
    declare(stack, "disks");
    stack.resource.alicloud_image_import = {
      Dynamic: {
        dynamic: {
          disk_device_mapping: { for_each: "${var.disks}", content: { oss_object: "${each.value}" } },
        },
      },
    };
    expect(check(stack)).toEqual([]);
  });
});

describe("literal types", () => {
  test.each([
    ["a number", 40],
    ["a numeric string, which Terraform converts", "40"],
    ["an expression", "${var.size}"],
  ])("a number argument accepts %s", (_, size) => {
    const stack = validStack();
    declare(stack, "size");
    stack.resource.alicloud_instance.Instance.data_disks[1].size = size;
    expect(check(stack)).toEqual([]);
  });

  test.each([
    ["big", "'big'"],
    [true, "true"],
    [[40], "a list of 1"],
  ])("a number argument rejects %p", (size, shown) => {
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.data_disks[1].size = size;
    expect(check(stack)).toEqual([
      violation(ViolationKind.WRONG_TYPE, INSTANCE, "data_disks[1].size", `must be a number, got ${shown}`),
    ]);
  });

  test.each([true, "false", "1", "0"])("a bool argument accepts %p", (value) => {
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.deletion_protection = value;
    expect(check(stack)).toEqual([]);
  });

  test.each([
    ["yes", "'yes'"],
    [1, "1"],
  ])("a bool argument rejects %p", (value, shown) => {
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.deletion_protection = value;
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.WRONG_TYPE,
        INSTANCE,
        "deletion_protection",
        `must be a bool (true or false), got ${shown}`,
      ),
    ]);
  });

  test("a string argument accepts numbers and bools (Terraform converts them) but not collections", () => {
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.host_name = 12345;
    stack.resource.alicloud_instance.Instance.user_data = true;
    stack.resource.alicloud_instance.Instance.key_name = ["key"];
    expect(check(stack)).toEqual([
      violation(ViolationKind.WRONG_TYPE, INSTANCE, "key_name", "must be a string, got a list of 1"),
    ]);
  });

  test("set, list and map arguments check their elements", () => {
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.security_groups = "sg-1";
    stack.resource.alicloud_instance.Instance.tags = { purpose: "export", owner: { team: "x" } };
    stack.resource.alicloud_oss_bucket.Bucket.cors_rule = [
      { allowed_methods: ["GET", ["PUT"]], allowed_origins: "*" },
    ];
    expect(check(stack)).toEqual([
      violation(ViolationKind.WRONG_TYPE, INSTANCE, "security_groups", "must be set(string), got 'sg-1'"),
      violation(ViolationKind.WRONG_TYPE, INSTANCE, 'tags["owner"]', "must be a string, got an object"),
      violation(
        ViolationKind.WRONG_TYPE,
        "alicloud_oss_bucket.Bucket",
        "cors_rule[0].allowed_methods[1]",
        "must be a string, got a list of 1",
      ),
      violation(
        ViolationKind.WRONG_TYPE,
        "alicloud_oss_bucket.Bucket",
        "cors_rule[0].allowed_origins",
        `must be list(string), got '*'`,
      ),
    ]);
  });

  test("a map argument given a list", () => {
    const stack = validStack();
    stack.resource.random_integer.Suffix.keepers = ["image"];
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.WRONG_TYPE,
        "random_integer.Suffix",
        "keepers",
        "must be map(string), got a list of 1",
      ),
    ]);
  });

  test("provider arguments are typed too", () => {
    const stack = validStack();
    stack.provider.alicloud[0].skip_region_validation = "sometimes";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.WRONG_TYPE,
        "provider.alicloud[0]",
        "skip_region_validation",
        `must be a bool (true or false), got 'sometimes'`,
      ),
    ]);
  });
});

describe("computed-only attributes", () => {
  const message = "is computed by the provider and cannot be set; it can only be read";

  test("alicloud: cpu and a nested computed attribute", () => {
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.cpu = 2;
    stack.resource.alicloud_image.Image.disk_device_mapping = [{ size: 40, progress: "100%" }];
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.COMPUTED_ONLY,
        "alicloud_image.Image",
        "disk_device_mapping[0].progress",
        message,
      ),
      violation(ViolationKind.COMPUTED_ONLY, INSTANCE, "cpu", message),
    ]);
  });

  test("random_integer: result and id (optional + computed id on alicloud types stays settable)", () => {
    const stack = validStack();
    stack.resource.random_integer.Suffix.id = "5";
    stack.resource.random_integer.Suffix.result = 5;
    stack.resource.alicloud_vpc.Vpc.id = "vpc-1";
    expect(check(stack)).toEqual([
      violation(ViolationKind.COMPUTED_ONLY, "random_integer.Suffix", "id", message),
      violation(ViolationKind.COMPUTED_ONLY, "random_integer.Suffix", "result", message),
    ]);
  });
});

describe("block shapes and item counts", () => {
  test("a block given as a plain value", () => {
    const stack = validStack();
    stack.resource.alicloud_image_export.Export.timeouts = "1h";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.BLOCK_SHAPE,
        EXPORT,
        "timeouts",
        `is a block and must be an object or a list of objects, got '1h'`,
      ),
    ]);
  });

  test("a block given as an expression", () => {
    const stack = validStack();
    declare(stack, "disks");
    stack.resource.alicloud_instance.Instance.data_disks = "${var.disks}";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.BLOCK_SHAPE,
        INSTANCE,
        "data_disks",
        "is a block and cannot be set from an expression (got '${var.disks}'); generate blocks from a list " +
          "with a dynamic block (TerraformIterator.dynamic) instead",
      ),
    ]);
  });

  test("a list block with an item that is not an object", () => {
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.data_disks.push(60);
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.BLOCK_SHAPE,
        INSTANCE,
        "data_disks[2]",
        "is a block and must be an object or a list of objects, got 60",
      ),
    ]);
  });

  test("a single block allows one item, not two", () => {
    const stack = validStack();
    stack.resource.alicloud_image_export.Export.timeouts = [{ create: "1h" }];
    expect(check(stack)).toEqual([]);
    stack.resource.alicloud_image_export.Export.timeouts = [{ create: "1h" }, { create: "2h" }];
    expect(check(stack)).toEqual([
      violation(ViolationKind.ITEM_COUNT, EXPORT, "timeouts", "allows at most 1 block, got 2"),
    ]);
  });

  test("a max-1 list block: one passes, two fail", () => {
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.cpu_options = [{ core_count: 2 }];
    expect(check(stack)).toEqual([]);
    stack.resource.alicloud_instance.Instance.cpu_options.push({ core_count: 4 });
    expect(check(stack)).toEqual([
      violation(ViolationKind.ITEM_COUNT, INSTANCE, "cpu_options", "allows at most 1 block, got 2"),
    ]);
  });

  test("cors_rule: ten pass, eleven fail", () => {
    const stack = validStack();
    const rule = { allowed_methods: ["GET"], allowed_origins: ["*"] };
    stack.resource.alicloud_oss_bucket.Bucket.cors_rule = Array(10).fill(rule);
    expect(check(stack)).toEqual([]);
    stack.resource.alicloud_oss_bucket.Bucket.cors_rule = Array(11).fill(rule);
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.ITEM_COUNT,
        "alicloud_oss_bucket.Bucket",
        "cors_rule",
        "allows at most 10 blocks, got 11",
      ),
    ]);
  });

  test("dynamic blocks: content is checked against the block's schema", () => {
    const stack = validStack();
    declare(stack, "nics", "disks", "tags");
    stack.resource.alicloud_instance.Instance.dynamic = {
      network_interfaces: {
        for_each: "${var.nics}",
        iterator: "nic",
        content: { vswitch_id: "${nic.value}", queue_pair_numbr: 2 },
      },
      data_disk: { for_each: "${var.disks}", content: {} },
      tags: { for_each: "${var.tags}", content: {} },
    };
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.UNKNOWN_ARGUMENT,
        INSTANCE,
        "dynamic.network_interfaces.content.queue_pair_numbr",
        'the network_interfaces block of alicloud_instance has no argument or block named "queue_pair_numbr" (did you mean "queue_pair_number"?)',
      ),
      violation(
        ViolationKind.UNKNOWN_ARGUMENT,
        INSTANCE,
        "dynamic.data_disk",
        'alicloud_instance has no block named "data_disk" (did you mean "data_disks"?)',
      ),
      violation(
        ViolationKind.UNKNOWN_ARGUMENT,
        INSTANCE,
        "dynamic.tags",
        '"tags" is an argument, not a block; dynamic blocks can only generate blocks',
      ),
    ]);
  });
});

describe("references", () => {
  test("to a resource the stack does not declare", () => {
    const stack = validStack();
    stack.resource.alicloud_vswitch.Vswitch.vpc_id = "${alicloud_vpc.Missing.id}";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.INVALID_REFERENCE,
        "alicloud_vswitch.Vswitch",
        "vpc_id",
        "references alicloud_vpc.Missing, which this stack does not declare",
      ),
    ]);
  });

  test("to an attribute the type does not have, inside a larger expression", () => {
    const stack = validStack();
    stack.output.image_id.value = '${join(",", [alicloud_image.Image.image_ids, "x.y"])}';
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.INVALID_REFERENCE,
        "output.image_id",
        "value",
        'references alicloud_image.Image.image_ids, but alicloud_image has no attribute "image_ids"',
      ),
    ]);
  });

  test("to a data source, through indexes and nested blocks", () => {
    const stack = validStack();
    stack.resource.alicloud_vswitch.Vswitch.zone_id = "${data.alicloud_zones.Zones.zone[0].id}";
    // (From another block: a block referring to itself is a Terraform error, tested below.)
    stack.resource.alicloud_image.Image.description = "disk ${alicloud_instance.Instance.data_disks[0].size}";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.INVALID_REFERENCE,
        "alicloud_vswitch.Vswitch",
        "zone_id",
        'references data.alicloud_zones.Zones.zone[0].id, but alicloud_zones has no attribute "zone" (did you mean "zones"?)',
      ),
    ]);
  });

  test("a data-source reference needs a data source, not a resource of that name", () => {
    const stack = validStack();
    stack.resource.alicloud_image_export.Export.image_id = "${data.alicloud_image.Image.id}";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.INVALID_REFERENCE,
        EXPORT,
        "image_id",
        "references data.alicloud_image.Image, which this stack does not declare",
      ),
    ]);
  });

  test("in depends_on, which lists bare addresses", () => {
    const stack = validStack();
    stack.resource.alicloud_image_export.Export.depends_on = [
      "alicloud_image.Image",
      "alicloud_ram_role.Role",
    ];
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.INVALID_REFERENCE,
        EXPORT,
        "depends_on[1]",
        "names alicloud_ram_role.Role, which this stack does not declare",
      ),
    ]);
  });

  test("to another provider's resource: it must exist, its attributes are not checked", () => {
    const stack = validStack();
    stack.resource.alicloud_vpc.Vpc.description = "${aws_vpc.Main.anything} ${aws_vpc.Gone.id}";
    stack.resource.aws_vpc = { Main: {} };
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.INVALID_REFERENCE,
        "alicloud_vpc.Vpc",
        "description",
        "references aws_vpc.Gone, which this stack does not declare",
      ),
    ]);
  });

  test("declared variables and locals, modules, functions, iterators, for-expressions and escapes pass", () => {
    const stack = validStack();
    declare(stack, "vpcs", "name", "x", "on", "m", "disks");
    stack.locals = { names: "${[for vpc_item in var.vpcs : vpc_item.name]}", suffix: "s" };
    Object.assign(stack.resource.alicloud_vpc.Vpc, {
      description: [
        "${var.name}-${local.suffix}-${module.net.id}-${each.key}-${count.index}-${path.module}",
        "${terraform.workspace}-${upper(var.x)}-${provider::alicloud::fn(1)}",
        "$${alicloud_vpc.NotAReference.id} %{ if var.on }on%{ endif }",
        '${{for k, v in var.m : k => v.id}} ${1.5 + 2} ${"alicloud_vpc.Quoted.id"}',
        "%{ for disk in var.disks }${disk.size_gb},%{ endfor }",
      ].join(" "),
      tags: {
        Name: "${data.alicloud_images.Images.images[0].name}",
        Zone: "${data.alicloud_zones.Zones.ids[0]}",
      },
    });
    expect(check(stack)).toEqual([]);
  });
});

describe("templates Terraform can't resolve", () => {
  test.each([
    [
      "an undeclared variable",
      "${var.undeclared_thing}",
      "references var.undeclared_thing, which this stack does not declare",
    ],
    ["an undeclared local", "x-${local.nope}", "references local.nope, which this stack does not declare"],
    [
      "a misspelt variable",
      "${var.nmae}",
      "references var.nmae, which this stack does not declare (did you mean var.name?)",
    ],
    [
      "a bare name (a literal ${x} that reached the JSON unescaped)",
      "a${x}",
      'has the template ${x}, which Terraform reads as a reference to a resource type "x" without a name (Invalid reference); write $${ for a literal ${',
    ],
    [
      "a template that is never closed",
      "pre-${var.name",
      "has a template that is never closed, '${var.name' (Terraform: Unterminated template string); write $${ or %%{ for literal text",
    ],
    [
      "a directive that is never closed",
      "100%{ if",
      "has a template that is never closed, '%{ if' (Terraform: Unterminated template string); write $${ or %%{ for literal text",
    ],
  ])("%s", (_, text, message) => {
    const stack = validStack();
    declare(stack, "name");
    stack.resource.alicloud_vpc.Vpc.description = text;
    expect(check(stack)).toEqual([
      violation(ViolationKind.INVALID_REFERENCE, "alicloud_vpc.Vpc", "description", message),
    ]);
  });

  test("in outputs and locals too; escaped text and iterators are not references", () => {
    const stack = validStack();
    stack.locals = { a: "${local.b}", b: "$${x} %%{ y" };
    stack.output.image_id.value = "${var.gone}";
    stack.resource.alicloud_vpc.Vpc.description = "%{ for v in [1] }${v}%{ endfor } ${ true } $${x}";
    expect(check(stack).map((v) => `${v.address} ${v.message}`)).toEqual([
      "output.image_id references var.gone, which this stack does not declare",
    ]);
  });
});

describe("literal text beside an expression", () => {
  test("a % or $ right before an interpolation or directive is text, not an escape", () => {
    const prefix = (value: string) => {
      const stack = validStack();
      declare(stack, "p");
      stack.resource.alicloud_image_export.Export.oss_prefix = value;
      return check(stack).map((v) => v.message);
    };
    // Only $${ and %%{ escape: "%${var.p}" and "$%{ if true }a%{ endif }" are expressions, unknown until apply.
    expect(prefix("%${var.p}")).toEqual([]);
    expect(prefix("$%{ if true }a%{ endif }")).toEqual([]);
    // "%%{x}" is the literal text %{x}, which the prefix rule judges.
    expect(prefix("%%{x}")).toEqual([
      expect.stringMatching(/^must be 1 to 30 letters or digits, got '%%\{x\}'/),
    ]);
  });
});

describe("provider requirements", () => {
  test("a provider in use but not declared", () => {
    const stack = validStack();
    delete stack.terraform.required_providers.alicloud;
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.PROVIDER_REQUIREMENT,
        "terraform",
        "required_providers.alicloud",
        'is not declared, but alicloud_image.Image uses it; declare it with source "aliyun/alicloud" ' +
          "(without it Terraform looks for hashicorp/alicloud)",
      ),
    ]);
  });

  test("random is required too", () => {
    const stack = validStack();
    delete stack.terraform.required_providers.random;
    delete stack.provider.random;
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.PROVIDER_REQUIREMENT,
        "terraform",
        "required_providers.random",
        'is not declared, but random_integer.Suffix uses it; declare it with source "hashicorp/random" ' +
          "(without it Terraform looks for hashicorp/random)",
      ),
    ]);
  });

  test("the wrong source, and no source at all", () => {
    const stack = validStack();
    stack.terraform.required_providers.alicloud.source = "hashicorp/alicloud";
    stack.terraform.required_providers.random = "~> 3.7";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.PROVIDER_REQUIREMENT,
        "terraform",
        "required_providers.alicloud.source",
        `must be 'aliyun/alicloud', got 'hashicorp/alicloud'`,
      ),
      violation(
        ViolationKind.PROVIDER_REQUIREMENT,
        "terraform",
        "required_providers.random.source",
        "is not set; it must be 'hashicorp/random'",
      ),
    ]);
  });

  test("the full registry address and any letter case name the same source", () => {
    const stack = validStack();
    stack.terraform.required_providers.alicloud.source = "registry.terraform.io/Aliyun/AliCloud";
    expect(check(stack)).toEqual([]);
  });

  test("a provider configuration alone needs a declaration", () => {
    const stack = { provider: { alicloud: [{ region: "cn-hangzhou" }] } };
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.PROVIDER_REQUIREMENT,
        "terraform",
        "required_providers.alicloud",
        'is not declared, but provider.alicloud uses it; declare it with source "aliyun/alicloud" ' +
          "(without it Terraform looks for hashicorp/alicloud)",
      ),
    ]);
  });
});

describe("provider plan-time rules, end to end", () => {
  test("every kind is reported with the others in one pass", () => {
    // GIVEN one mistake of each rule kind
    const stack = validStack();
    const instance = stack.resource.alicloud_instance.Instance;
    instance.data_disks[0].category = "ssd";
    instance.subnet_id = "vsw-1";
    instance.spot_strategy = "NoSpot";
    instance.dedicated_host_id = "dh-1";
    delete stack.resource.alicloud_vswitch.Vswitch.zone_id;
    stack.resource.alicloud_image_export.Export.oss_prefix = "my prefix";

    // THEN
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.INVALID_VALUE,
        EXPORT,
        "oss_prefix",
        `must be 1 to 30 letters or digits, got 'my prefix' (Alibaba Cloud rejects it when the operation starts)`,
      ),
      violation(
        ViolationKind.INVALID_VALUE,
        INSTANCE,
        "data_disks[0].category",
        `must be one of 'all', 'cloud', 'ephemeral_ssd', 'cloud_essd', 'cloud_efficiency', 'cloud_ssd', ` +
          "'local_disk', 'cloud_auto', 'cloud_essd_entry', 'cloud_regional_disk_auto', " +
          `'elastic_ephemeral_disk_standard' or 'elastic_ephemeral_disk_premium', got 'ssd'`,
      ),
      violation(
        ViolationKind.CONFLICTING_ARGUMENTS,
        INSTANCE,
        "dedicated_host_id",
        "conflicts with spot_strategy: set only one of them",
      ),
      violation(
        ViolationKind.REMOVED_ARGUMENT,
        INSTANCE,
        "subnet_id",
        "was removed from aliyun/alicloud: Field 'subnet_id' has been removed from version 1.210.0",
      ),
      violation(
        ViolationKind.MISSING_ONE_OF,
        "alicloud_vswitch.Vswitch",
        "zone_id",
        "exactly one of zone_id or availability_zone must be set, but none is",
      ),
    ]);
  });

  test("data_disks: 16 pass, 17 fail once (the rule, not the schema's max_items, reports)", () => {
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.data_disks = Array(16).fill({ size: 20 });
    expect(check(stack)).toEqual([]);
    stack.resource.alicloud_instance.Instance.data_disks = Array(17).fill({ size: 20 });
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.ITEM_COUNT,
        INSTANCE,
        "data_disks",
        "must hold between 1 and 16 items when set, got 17",
      ),
    ]);
  });
});

describe("the jest matcher", () => {
  test("passes with .not when there are violations, and lists every one when it fails", () => {
    // GIVEN
    const stack = validStack();
    stack.resource.alicloud_instance.Instance.cpu = 2;
    delete stack.resource.alicloud_image_export.Export.oss_bucket;

    // THEN
    expect(stack).not.toConformToProviderSchema();
    expect(() => expect(stack).toConformToProviderSchema()).toThrow(
      [
        "expected the stack to conform to the provider schemas, but found 2 violations:",
        `  ${EXPORT} oss_bucket: required argument is not set [MISSING_REQUIRED]`,
        `  ${INSTANCE} cpu: is computed by the provider and cannot be set; it can only be read [COMPUTED_ONLY]`,
      ].join("\n"),
    );
  });

  test("a conforming stack fails .not", () => {
    expect(() => expect(validStackJson()).not.toConformToProviderSchema()).toThrow(
      "expected the stack not to conform to the provider schemas, but it has no violations",
    );
  });

  test("something that is not a stack fails the expectation, with .not too", () => {
    const message =
      'expected a synthesized stack, but the stack is not a Terraform JSON configuration (a JSON object with "resource", "data", "provider"... blocks), got number 42';
    expect(() => toConformToProviderSchema(42)).toThrow(message);
    expect(() => expect(42).not.toConformToProviderSchema()).toThrow(message);
  });

  test("works on a stack built with Testing.synthScope", () => {
    const synthesized = Testing.synthScope((scope) => {
      new alicloud.provider.AlicloudProvider(scope, "alicloud", { region: "cn-beijing" });
      new alicloud.imageExport.ImageExport(scope, "export", {
        imageId: "m-1",
        ossBucket: "b",
        ossPrefix: "x1",
      });
    });
    expect(synthesized).toConformToProviderSchema();
  });
});

describe("format", () => {
  test("address, path, message and kind on one line", () => {
    expect(
      SchemaConformance.format(
        violation(ViolationKind.WRONG_TYPE, INSTANCE, "data_disks[4].size", "must be a number, got 'big'"),
      ),
    ).toBe(`${INSTANCE} data_disks[4].size: must be a number, got 'big' [WRONG_TYPE]`);
    expect(
      SchemaConformance.format(violation(ViolationKind.UNKNOWN_TYPE, "alicloud_x.y", "", "is unknown")),
    ).toBe("alicloud_x.y: is unknown [UNKNOWN_TYPE]");
    expect(SchemaConformance.format(violation(ViolationKind.MALFORMED_CONFIGURATION, "", "", "is bad"))).toBe(
      "stack: is bad [MALFORMED_CONFIGURATION]",
    );
  });
});

describe("duplicate provider configurations (Terraform: Duplicate provider configuration)", () => {
  test("two default random providers: the second is reported", () => {
    const stack = validStack();
    stack.provider.random = [{}, {}];
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.DUPLICATE_PROVIDER,
        "provider.random[1]",
        "",
        "is a second default (non-aliased) configuration of the random provider, after provider.random[0]; " +
          "Terraform rejects it (Duplicate provider configuration): remove one, or give it an alias",
      ),
    ]);
  });

  test("a repeated alias is reported; distinct aliases and one default pass", () => {
    const stack = validStack();
    stack.provider.alicloud.push(
      { alias: "west", region: "cn-shanghai" },
      { alias: "east", region: "cn-hangzhou" },
      { alias: "west", region: "cn-beijing" },
    );
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.DUPLICATE_PROVIDER,
        "provider.alicloud[3]",
        "alias",
        'repeats the alias "west" of provider.alicloud[1]; Terraform rejects it (Duplicate provider configuration)',
      ),
    ]);
    stack.provider.alicloud.pop();
    expect(check(stack)).toEqual([]);
  });
});

describe("dependency cycles, lifecycle and count (Terraform rejects them at validate)", () => {
  test("a reference cycle, a depends_on cycle and a self-reference", () => {
    const stack = validStack();
    stack.resource.alicloud_vpc.Vpc.vpc_name = "${alicloud_vswitch.Vswitch.id}";
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.INVALID_REFERENCE,
        "alicloud_vpc.Vpc",
        "",
        "is in a dependency cycle with alicloud_vswitch.Vswitch (through references or depends_on); " +
          "Terraform cannot order them (Cycle)",
      ),
    ]);
    const dependsOn = validStack();
    dependsOn.resource.alicloud_vpc.Vpc.depends_on = ["alicloud_security_group.SecurityGroup"];
    expect(check(dependsOn).map((v) => [v.address, v.message])).toEqual([
      [
        "alicloud_security_group.SecurityGroup",
        "is in a dependency cycle with alicloud_vpc.Vpc (through references or depends_on); " +
          "Terraform cannot order them (Cycle)",
      ],
    ]);
    const self = validStack();
    self.resource.alicloud_vpc.Vpc.vpc_name = "${alicloud_vpc.Vpc.id}";
    expect(check(self)).toEqual([
      violation(
        ViolationKind.INVALID_REFERENCE,
        "alicloud_vpc.Vpc",
        "",
        "refers to itself; Terraform rejects it (Self-referential block)",
      ),
    ]);
  });

  test("an unknown lifecycle argument, and a count that is not a whole number", () => {
    const stack = validStack();
    stack.resource.alicloud_vpc.Vpc.lifecycle = { prevent_destory: true, ignore_changes: ["tags"] };
    stack.resource.alicloud_vpc.Vpc.count = "two";
    declare(stack, "n");
    stack.resource.alicloud_security_group.SecurityGroup.count = "${var.n}";
    stack.resource.alicloud_image.Image.count = 1;
    expect(check(stack)).toEqual([
      violation(
        ViolationKind.UNKNOWN_ARGUMENT,
        "alicloud_vpc.Vpc",
        "lifecycle.prevent_destory",
        'lifecycle has no argument named "prevent_destory" (did you mean "prevent_destroy"?)',
      ),
      violation(
        ViolationKind.WRONG_TYPE,
        "alicloud_vpc.Vpc",
        "count",
        "must be a whole number (or an expression), got 'two'",
      ),
    ]);
  });
});
