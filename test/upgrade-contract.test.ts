// The upgrade contract, pinned with literal values on purpose (not snapshots, which can be re-recorded
// in one keystroke), and judged by Terraform: from what each release wrote (test/fixtures/release-*,
// `npm run fixtures`) to what the code writes now, nothing may be destroyed or replaced.
//
// ANY CHANGE IN THIS FILE REPLACES USERS' INFRASTRUCTURE. Terraform knows a resource by its logical id,
// and cdktf derives that id from the construct path: renaming a child id, or changing how a default
// name or prefix is derived, makes the next `terraform apply` destroy the user's VPC, instance, image,
// bucket or export and create new ones (an export's destroy deletes its file; a bucket's replacement
// needs a new name). A change here must be deliberate, called out in the release notes as breaking,
// and come with the migration (`terraform state mv`, or pinned names) users need.
import { Testing } from "cdktf";
import { Construct } from "constructs";
import { formatStack } from "../src/diff/report";
import { diffPairs } from "../src/diff/runner";
import { alicloud, ExportBucket, ImageExport, ImageExportRole } from "../src";
import {
  CURRENT_VERSION,
  readRelease,
  releases,
  synthesizeContractStacks,
  withoutFrameworkVersion,
} from "./support/release-fixtures";
import { newStack } from "./support/synth-helpers";

function childIds(construct: Construct): string[] {
  return construct.node.children.map((child) => child.node.id);
}

/** The keys under resource.<type> and data.<type> of a synthesized stack, as `type.key` / `data.type.key`. */
function logicalIds(construct: Construct): string[] {
  const config = JSON.parse(Testing.synth(construct.node.scope as never)) as {
    resource?: Record<string, Record<string, unknown>>;
    data?: Record<string, Record<string, unknown>>;
  };
  const ids: string[] = [];
  for (const [type, byId] of Object.entries(config.resource ?? {})) {
    for (const id of Object.keys(byId)) ids.push(`${type}.${id}`);
  }
  for (const [type, byId] of Object.entries(config.data ?? {})) {
    for (const id of Object.keys(byId)) ids.push(`data.${type}.${id}`);
  }
  return ids.sort();
}

/** `new ImageExport(stack, "Export", props)` in a stack named "stack" with a Hangzhou provider. */
function defaultExport(props = {}): ImageExport {
  const stack = newStack();
  new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
  return new ImageExport(stack, "Export", props);
}

describe("default names derived from the construct path", () => {
  test("ossPrefix of stack/Export", () => {
    expect(defaultExport().ossPrefix).toBe("Exporta846a5f1");
  });

  test("ossPrefix of an export whose id has punctuation, one level deeper", () => {
    const stack = newStack();
    const group = new Construct(stack, "Nightly");
    expect(new ImageExport(group, "Web-Server_Export", { imageId: "m-abc" }).ossPrefix).toBe(
      "WebServerExporte0888ce0",
    );
  });

  test("image name, and the names of the scaffold's network and instance", () => {
    const exported = defaultExport();
    const config = JSON.parse(Testing.synth(exported.node.scope as never));
    expect(config.resource.alicloud_image.Export_Scaffold_EDDABC9B.image_name).toBe("image-export-ea8b61c3");
    expect(config.resource.alicloud_vpc.Export_Scaffold_Vpc_B19B9A59.vpc_name).toBe("image-export");
    expect(config.resource.alicloud_instance.Export_Scaffold_Instance_531EE711.instance_name).toBe(
      "image-export",
    );
  });

  test("bucket name: the prefix 'image-export', a hyphen and the random suffix", () => {
    const config = JSON.parse(Testing.synth(defaultExport().node.scope as never));
    expect(config.resource.alicloud_oss_bucket.Export_Bucket_FD42BCED.bucket).toBe(
      "image-export-${random_integer.Export_Bucket_NameSuffix_AFF541DC.result}",
    );
    expect(config.resource.random_integer.Export_Bucket_NameSuffix_AFF541DC).toEqual({
      min: 10000,
      max: 99999,
    });
  });

  test("the lifecycle rule's id, which OSS lists", () => {
    const config = JSON.parse(Testing.synth(defaultExport().node.scope as never));
    expect(config.resource.alicloud_oss_bucket.Export_Bucket_FD42BCED.lifecycle_rule[0].id).toBe(
      "image-exports",
    );
  });
});

describe("child construct ids", () => {
  test("ImageExport: Role, Scaffold, Bucket, Resource", () => {
    const exported = defaultExport({ createRole: true });
    expect(childIds(exported)).toEqual(["Role", "Scaffold", "Bucket", "Resource"]);
    expect(exported.resource.node.id).toBe("Resource");
  });

  test("ImageScaffold: its lookups, network, instance and the image as Resource", () => {
    expect(childIds(defined(defaultExport().scaffold))).toEqual([
      "Zones",
      "InstanceTypes",
      "SourceImages",
      "Vpc",
      "Vswitch",
      "SecurityGroup",
      "Instance",
      "Resource",
    ]);
  });

  test("ExportBucket: NameSuffix, Resource, Acl, PublicAccessBlock, Encryption, Versioning", () => {
    expect(childIds(defined(defaultExport().exportBucket))).toEqual([
      "NameSuffix",
      "Resource",
      "Acl",
      "PublicAccessBlock",
      "Encryption",
      "Versioning",
    ]);
  });

  test("ImageExportRole: Resource, Policy", () => {
    expect(childIds(defined(defaultExport({ createRole: true }).role))).toEqual(["Resource", "Policy"]);
  });
});

describe("Terraform logical ids", () => {
  test("the default export with its scaffold, bucket and role", () => {
    expect(logicalIds(defaultExport({ createRole: true }))).toEqual([
      "alicloud_image.Export_Scaffold_EDDABC9B",
      "alicloud_image_export.Export_16632B07",
      "alicloud_instance.Export_Scaffold_Instance_531EE711",
      "alicloud_oss_bucket.Export_Bucket_FD42BCED",
      "alicloud_oss_bucket_acl.Export_Bucket_Acl_191C65CF",
      "alicloud_oss_bucket_public_access_block.Export_Bucket_PublicAccessBlock_A71CFF2E",
      "alicloud_oss_bucket_server_side_encryption.Export_Bucket_Encryption_EBC54254",
      "alicloud_oss_bucket_versioning.Export_Bucket_Versioning_A9E50E3D",
      "alicloud_ram_role.Export_Role_6F4F1AA9",
      "alicloud_ram_role_policy_attachment.Export_Role_Policy_B3A9C7CB",
      "alicloud_security_group.Export_Scaffold_SecurityGroup_1D8006EA",
      "alicloud_vpc.Export_Scaffold_Vpc_B19B9A59",
      "alicloud_vswitch.Export_Scaffold_Vswitch_41346779",
      "data.alicloud_images.Export_Scaffold_SourceImages_D272FEB4",
      "data.alicloud_instance_types.Export_Scaffold_InstanceTypes_0FFDC794",
      "data.alicloud_zones.Export_Scaffold_Zones_B60ADE19",
      "random_integer.Export_Bucket_NameSuffix_AFF541DC",
    ]);
  });

  test("a stand-alone ExportBucket and ImageExportRole", () => {
    const stack = newStack();
    new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
    const bucket = new ExportBucket(stack, "Bucket");
    new ImageExportRole(stack, "Role");
    expect(logicalIds(bucket)).toEqual([
      "alicloud_oss_bucket.Bucket_83908E77",
      "alicloud_oss_bucket_acl.Bucket_Acl_F14F1E43",
      "alicloud_oss_bucket_public_access_block.Bucket_PublicAccessBlock_A34F3B5C",
      "alicloud_oss_bucket_server_side_encryption.Bucket_Encryption_016FDA0C",
      "alicloud_oss_bucket_versioning.Bucket_Versioning_EA0A5B57",
      "alicloud_ram_role.Role_1ABCC5F0",
      "alicloud_ram_role_policy_attachment.Role_Policy_C696881B",
      "random_integer.Bucket_NameSuffix_F4718699",
    ]);
  });
});

describe("from each release's synthesized stacks to what the code writes now, judged by Terraform", () => {
  const current = synthesizeContractStacks();

  test(`this version's fixtures (release-${CURRENT_VERSION}) are what the code writes: refresh them with npm run fixtures, and say why in the commit`, () => {
    const fixtures = readRelease(CURRENT_VERSION);
    expect([...fixtures.keys()]).toEqual([...current.keys()].sort());
    for (const [name, text] of current) {
      expect({ [name]: withoutFrameworkVersion(fixtures.get(name) ?? "{}") }).toEqual({
        [name]: withoutFrameworkVersion(text),
      });
    }
  });

  test("Terraform applies each release's stacks, then plans what the code writes now: nothing is destroyed or replaced", async () => {
    const pairs = releases().flatMap((version) =>
      [...readRelease(version)]
        .filter(([name]) => current.has(name))
        .map(([name, before]) => ({ name: `release-${version}/${name}`, before, after: current.get(name)! })),
    );
    expect(pairs.map((p) => p.name)).toContain(`release-${CURRENT_VERSION}/docs-example`);
    const report = await diffPairs(pairs);
    // On failure, the diff's own report says what would be destroyed and why.
    expect(report.stacks.filter((s) => !s.compared || s.destroys).flatMap(formatStack)).toEqual([]);
    // From this version's own fixtures, where they are what the code writes, Terraform plans no change.
    const fixtures = readRelease(CURRENT_VERSION);
    const unchanged = (name: string) =>
      JSON.stringify(withoutFrameworkVersion(fixtures.get(name) ?? "{}")) ===
      JSON.stringify(withoutFrameworkVersion(current.get(name)!));
    const own = report.stacks.filter(
      (s) => s.stack.startsWith(`release-${CURRENT_VERSION}/`) && unchanged(s.stack.replace(/^.*\//, "")),
    );
    expect(
      own.flatMap((s) => s.changes.filter((c) => c.action !== "no-op").map((c) => `${s.stack} ${c.address}`)),
    ).toEqual([]);
    const counts = Object.fromEntries(own.map((s) => [s.stack.replace(/^.*\//, ""), s.changes.length]));
    expect(counts).toEqual(
      Object.fromEntries(
        Object.entries({
          "bring-your-own": 1,
          "cross-region": 14,
          "docs-example": 12,
          "kitchen-sink": 15,
          "many-exports": 10,
          "nightly-backups": 7,
        }).filter(([name]) => unchanged(name)),
      ),
    );
  }, 120_000);
});

function defined<T>(value: T | undefined): T {
  expect(value).toBeDefined();
  return value as T;
}
