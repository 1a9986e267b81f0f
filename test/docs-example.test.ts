// The provider's documentation example for alicloud_image_export (see ../shared/seed beside the repository), written down
// here as structure: which blocks it declares, which arguments it sets on each, and which block
// refers to which. `new ImageExport(stack, "Export")` must reproduce that structure; where it differs
// on purpose, the difference is named and explained next to it.
import * as fs from "fs";
import * as path from "path";
import { ImageExport } from "../src";
import {
  Edge,
  referenceEdges,
  stackInRegion,
  synthJson,
  TerraformJson,
  typeEdge,
  typeOf,
} from "./support/synth-helpers";

/** The docs example, as data: per block type, the arguments it sets. */
const DOCS_RESOURCES: Record<string, string[]> = {
  alicloud_vpc: ["cidr_block", "vpc_name"],
  random_integer: ["max", "min"],
  alicloud_oss_bucket: ["bucket"],
  // The docs set `name`, which the provider deprecates in favour of `security_group_name` (see the
  // schema test below); we set the non-deprecated argument, which means the same thing.
  alicloud_security_group: ["security_group_name", "vpc_id"],
  alicloud_vswitch: ["cidr_block", "vpc_id", "vswitch_name", "zone_id"],
  alicloud_instance: [
    "availability_zone",
    "image_id",
    "instance_name",
    "instance_type",
    "internet_max_bandwidth_out",
    "security_groups",
    "vswitch_id",
  ],
  alicloud_image: ["description", "image_name", "instance_id"],
  alicloud_image_export: ["image_id", "oss_bucket", "oss_prefix"],
};

const DOCS_DATA_SOURCES: Record<string, string[]> = {
  alicloud_images: ["name_regex", "owners"],
  // The docs pick instance types of the family ecs.sn1ne. That family is old and not sold in many
  // zones, so by default we pick by size instead (2 vCPUs, 4 GiB); with `instanceTypeFamily` the
  // docs' argument comes back (tested below).
  alicloud_instance_types: [],
  alicloud_zones: ["available_resource_creation"],
};

/** The docs example's references, as `from.argument -> to.attribute` by type. */
const DOCS_EDGES = [
  // export -> image -> instance -> vswitch -> VPC
  "alicloud_image_export.image_id -> alicloud_image.id",
  "alicloud_image.instance_id -> alicloud_instance.id",
  "alicloud_instance.vswitch_id -> alicloud_vswitch.id",
  "alicloud_vswitch.vpc_id -> alicloud_vpc.id",
  // export -> bucket -> random suffix. The docs read the bucket's `id`, the provider's acceptance test
  // reads its `bucket`; for alicloud_oss_bucket both are the bucket's name. We follow the test.
  "alicloud_image_export.oss_bucket -> alicloud_oss_bucket.bucket",
  "alicloud_oss_bucket.bucket -> random_integer.result",
  // instance -> security group, zone, instance type, source image
  "alicloud_instance.security_groups -> alicloud_security_group.id",
  "alicloud_instance.availability_zone -> data.alicloud_zones.zones",
  "alicloud_instance.instance_type -> data.alicloud_instance_types.ids",
  "alicloud_instance.image_id -> data.alicloud_images.ids",
  // vswitch -> zone; security group -> VPC
  "alicloud_vswitch.zone_id -> data.alicloud_zones.zones",
  "alicloud_security_group.vpc_id -> alicloud_vpc.id",
];

/** References we add to the docs' wiring, each for a reason. */
const OUR_EXTRA_EDGES = [
  // Choose an instance type sold in the chosen zone, and a source image that runs on that type.
  "data.alicloud_instance_types.availability_zone -> data.alicloud_zones.zones",
  "data.alicloud_images.instance_type -> data.alicloud_instance_types.ids",
  // The bucket is made private, closed to the public and encrypted...
  "alicloud_oss_bucket_acl.bucket -> alicloud_oss_bucket.bucket",
  "alicloud_oss_bucket_public_access_block.bucket -> alicloud_oss_bucket.bucket",
  "alicloud_oss_bucket_server_side_encryption.bucket -> alicloud_oss_bucket.bucket",
  // ...and versioned, so a replaced or destroyed export stays recoverable...
  "alicloud_oss_bucket_versioning.bucket -> alicloud_oss_bucket.bucket",
  // ...before the export writes a byte to it.
  "alicloud_image_export.depends_on -> alicloud_oss_bucket_acl",
  "alicloud_image_export.depends_on -> alicloud_oss_bucket_public_access_block",
  "alicloud_image_export.depends_on -> alicloud_oss_bucket_server_side_encryption",
  "alicloud_image_export.depends_on -> alicloud_oss_bucket_versioning",
];

/**
 * The blocks we add to the docs' resources: the bucket's hardening (see security.test.ts) and the
 * versioning that keeps deleted exports for 30 days (see export-bucket.test.ts).
 */
const OUR_EXTRA_RESOURCES = [
  "alicloud_oss_bucket_acl",
  "alicloud_oss_bucket_public_access_block",
  "alicloud_oss_bucket_server_side_encryption",
  "alicloud_oss_bucket_versioning",
];

let synthesized: TerraformJson;
let edges: Edge[];

beforeAll(() => {
  const stack = stackInRegion("cn-hangzhou");
  new ImageExport(stack, "Export");
  synthesized = synthJson(stack);
  edges = referenceEdges(synthesized);
});

/** The one block of a type (the default scaffold creates exactly one of each). */
function block(kind: "resource" | "data", type: string): Record<string, unknown> {
  const blocks = Object.values(synthesized[kind]?.[type] ?? {});
  expect({ type, count: blocks.length }).toEqual({ type, count: 1 });
  return blocks[0] as Record<string, unknown>;
}

describe("the default scaffold reproduces the provider's documentation example", () => {
  test("the same resource types, plus the bucket's hardening and versioning", () => {
    expect(Object.keys(synthesized.resource).sort()).toEqual(
      [...Object.keys(DOCS_RESOURCES), ...OUR_EXTRA_RESOURCES].sort(),
    );
  });

  test("the same data sources", () => {
    expect(Object.keys(synthesized.data).sort()).toEqual(Object.keys(DOCS_DATA_SOURCES).sort());
  });

  test.each(Object.entries(DOCS_RESOURCES))("resource %s sets the docs' arguments", (type, args) => {
    const body = block("resource", type);
    for (const arg of args)
      expect({ type, arg, set: body[arg] !== undefined }).toEqual({ type, arg, set: true });
  });

  test.each(Object.entries(DOCS_DATA_SOURCES))("data source %s sets the docs' arguments", (type, args) => {
    const body = block("data", type);
    for (const arg of args)
      expect({ type, arg, set: body[arg] !== undefined }).toEqual({ type, arg, set: true });
  });

  test("with instanceTypeFamily, the instance types are chosen by family as in the docs", () => {
    const stack = stackInRegion("cn-hangzhou");
    new ImageExport(stack, "Export", { instanceTypeFamily: "ecs.sn1ne" });
    const types = Object.values(synthJson(stack).data.alicloud_instance_types)[0] as Record<string, unknown>;
    expect(types.instance_type_family).toBe("ecs.sn1ne");
  });

  test("the docs' values where they are safe defaults: the VPC block, the source image filter, zones for instances", () => {
    expect(block("resource", "alicloud_vpc").cidr_block).toBe("172.17.3.0/24");
    expect(block("resource", "alicloud_vswitch").cidr_block).toBe("172.17.3.0/24");
    expect(block("data", "alicloud_images")).toMatchObject({
      name_regex: "^ubuntu_[0-9]+_[0-9]+_x64*",
      owners: "system",
    });
    expect(block("data", "alicloud_zones").available_resource_creation).toBe("Instance");
    expect(block("resource", "random_integer")).toEqual({ min: 10000, max: 99999 });
    // The docs give the instance 10 Mbit/s and so a public IP; our instance gets none (security.test.ts).
    expect(block("resource", "alicloud_instance").internet_max_bandwidth_out).toBe(0);
  });

  test("the security group's `name` in the docs is deprecated; `security_group_name` is its replacement", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "schema", "alicloud.json"), "utf8"));
    const attributes =
      schema.provider_schemas["registry.terraform.io/aliyun/alicloud"].resource_schemas
        .alicloud_security_group.block.attributes;
    expect(attributes.name.deprecated).toBe(true);
    expect(attributes.security_group_name.deprecated).toBeUndefined();
    expect(block("resource", "alicloud_security_group")).not.toHaveProperty("name");
  });
});

describe("the same reference wiring as the docs example", () => {
  const ourEdges = () => [...new Set(edges.map(typeEdge))].sort();

  test.each(DOCS_EDGES)("%s", (edge) => {
    expect(ourEdges()).toContain(edge);
  });

  test("no reference beyond the docs' and the ones we add on purpose", () => {
    expect(ourEdges()).toEqual([...DOCS_EDGES, ...OUR_EXTRA_EDGES].sort());
  });

  test("export -> image -> instance -> vswitch -> VPC is one chain through the very blocks synthesized", () => {
    const next = (from: string, argument: string): string => {
      const found = edges.filter((edge) => edge.from === from && edge.argument === argument);
      expect(found).toHaveLength(1);
      return found[0].to;
    };
    const [exportName] = Object.keys(synthesized.resource.alicloud_image_export);
    const image = next(`alicloud_image_export.${exportName}`, "image_id");
    const instance = next(image, "instance_id");
    const vswitch = next(instance, "vswitch_id");
    const vpc = next(vswitch, "vpc_id");
    expect([image, instance, vswitch, vpc].map(typeOf)).toEqual([
      "alicloud_image",
      "alicloud_instance",
      "alicloud_vswitch",
      "alicloud_vpc",
    ]);
    // The security group is in that same VPC, and the instance in that same group.
    const [groupName] = Object.keys(synthesized.resource.alicloud_security_group);
    expect(next(`alicloud_security_group.${groupName}`, "vpc_id")).toBe(vpc);
    expect(next(instance, "security_groups")).toBe(`alicloud_security_group.${groupName}`);
    // The bucket's name carries the random suffix.
    const bucket = next(`alicloud_image_export.${exportName}`, "oss_bucket");
    expect(typeOf(next(bucket, "bucket"))).toBe("random_integer");
  });

  test("the instance and its vSwitch are in the same zone: the first zone the lookup returns", () => {
    const instance = block("resource", "alicloud_instance");
    const vswitch = block("resource", "alicloud_vswitch");
    expect(instance.availability_zone).toBe(vswitch.zone_id);
    expect(instance.availability_zone).toMatch(/^\$\{data\.alicloud_zones\.[^.]+\.zones\[0\]\.id\}$/);
  });
});

describe("the export has the shape of the provider's acceptance test", () => {
  // TestAccAliCloudECSImageExport_basic0 configures image_id (an alicloud_image's id), oss_bucket (an
  // alicloud_oss_bucket's bucket) and oss_prefix; the resource's only timeout is `create`.
  test("image_id, oss_bucket, oss_prefix and a create timeout; nothing else but depends_on", () => {
    const exported = block("resource", "alicloud_image_export");
    expect(Object.keys(exported).sort()).toEqual([
      "depends_on",
      "image_id",
      "oss_bucket",
      "oss_prefix",
      "timeouts",
    ]);
    expect(exported.image_id).toMatch(/^\$\{alicloud_image\.[^.]+\.id\}$/);
    expect(exported.oss_bucket).toMatch(/^\$\{alicloud_oss_bucket\.[^.]+\.bucket\}$/);
    expect(exported.oss_prefix).toMatch(/^[A-Za-z0-9]{1,30}$/);
    expect(exported.timeouts).toEqual({ create: "20m" });
  });

  test("every argument it sets is one the schema knows, and the timeouts block holds only `create`", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "schema", "alicloud.json"), "utf8"));
    const exportSchema =
      schema.provider_schemas["registry.terraform.io/aliyun/alicloud"].resource_schemas.alicloud_image_export
        .block;
    const exported = block("resource", "alicloud_image_export");
    for (const arg of ["image_id", "oss_bucket", "oss_prefix"])
      expect(exportSchema.attributes).toHaveProperty(arg);
    expect(Object.keys(exportSchema.block_types.timeouts.block.attributes)).toEqual(["create"]);
    expect(Object.keys(exported.timeouts as object)).toEqual(["create"]);
  });

  test("with the docs' prefix, the export reads like the docs' and the acceptance test's", () => {
    const stack = stackInRegion("cn-hangzhou");
    new ImageExport(stack, "Export", { ossPrefix: "ecsExport" });
    const exported = Object.values(synthJson(stack).resource.alicloud_image_export)[0] as Record<
      string,
      unknown
    >;
    expect(exported.oss_prefix).toBe("ecsExport");
  });
});
