import { Testing } from "cdktf";
import { BringYourOwnStack } from "../examples/bring-your-own";
import { CrossRegionStack } from "../examples/cross-region";
import { DocsExampleStack } from "../examples/docs-example";
import { ManyExportsStack } from "../examples/many-exports";
import { NightlyBackupsStack } from "../examples/nightly-backups";
import { alicloud } from "../src";

// Each example is synthesized with validations on, as `cdktf synth` does, and its JSON is reviewed
// through the snapshot beside this file.
describe("examples", () => {
  test("docs example: the whole scaffold, exported with the docs' prefix", () => {
    const synthesized = Testing.synth(new DocsExampleStack(Testing.app(), "docs-example"), true);

    expect(synthesized).toHaveResourceWithProperties(alicloud.imageExport.ImageExport, {
      oss_prefix: "ecsExport",
      image_id: expect.stringMatching(/^\$\{alicloud_image\.Export_Scaffold_[0-9A-F]+\.id\}$/),
      oss_bucket: expect.stringMatching(/^\$\{alicloud_oss_bucket\.Export_Bucket_[0-9A-F]+\.bucket\}$/),
    });
    expect(Object.keys(JSON.parse(synthesized).output).sort()).toEqual([
      "bucket",
      "image_id",
      "system_disk_url",
    ]);
    expect(synthesized).toMatchSnapshot();
  });

  test("bring your own: only the export, fed by variables", () => {
    const synthesized = Testing.synth(new BringYourOwnStack(Testing.app(), "bring-your-own"), true);
    const config = JSON.parse(synthesized);

    expect(Object.keys(config.resource)).toEqual(["alicloud_image_export"]);
    expect(synthesized).toHaveResourceWithProperties(alicloud.imageExport.ImageExport, {
      image_id: "${var.image_id}",
      oss_bucket: "${var.oss_bucket}",
      oss_prefix: "nightly",
      timeouts: { create: "1h" },
    });
    expect(synthesized).toMatchSnapshot();
  });

  test("cross region: each export writes to a bucket made by its own region's provider", () => {
    const synthesized = Testing.synth(new CrossRegionStack(Testing.app(), "cross-region"), true);
    const config = JSON.parse(synthesized);

    expect(config.terraform.backend.oss).toMatchObject({ bucket: "platform-terraform-state", encrypt: true });
    for (const alias of ["hangzhou", "singapore"]) {
      const [exportId, exportBody] = Object.entries(config.resource.alicloud_image_export).find(([id]) =>
        id.startsWith(`Export-${alias}_`),
      ) as [string, Record<string, string>];
      const bucketId = /^\$\{alicloud_oss_bucket\.([^.]+)\.bucket\}$/.exec(
        exportBody.oss_bucket,
      )?.[1] as string;
      expect(exportBody.provider).toBe(`alicloud.${alias}`);
      expect(config.resource.alicloud_oss_bucket[bucketId].provider).toBe(`alicloud.${alias}`);
      expect(exportId).toBeDefined();
    }
    expect(synthesized).toMatchSnapshot();
  });

  test("nightly backups: replaced exports kept a year, in Archive after 30 days", () => {
    const synthesized = Testing.synth(new NightlyBackupsStack(Testing.app(), "nightly-backups"), true);
    const config = JSON.parse(synthesized);

    expect(Object.values(config.resource.alicloud_oss_bucket)).toEqual([
      expect.objectContaining({
        lifecycle_rule: [
          {
            id: "image-exports",
            enabled: true,
            transitions: [{ storage_class: "Archive", days: 30 }],
            expiration: [{ expired_object_delete_marker: true }],
            noncurrent_version_expiration: [{ days: 365 }],
            noncurrent_version_transition: [{ storage_class: "Archive", days: 30 }],
          },
        ],
      }),
    ]);
    expect(Object.values(config.resource.alicloud_oss_bucket_versioning)).toEqual([
      expect.objectContaining({ status: "Enabled" }),
    ]);
    const [versioningId] = Object.keys(config.resource.alicloud_oss_bucket_versioning);
    expect(synthesized).toHaveResourceWithProperties(alicloud.imageExport.ImageExport, {
      image_id: "${var.image_id}",
      oss_prefix: "nightly",
      depends_on: expect.arrayContaining([`alicloud_oss_bucket_versioning.${versioningId}`]),
    });
    expect(synthesized).toMatchSnapshot();
  });

  test("many exports: one role, one shared bucket, and every export waits for both", () => {
    const synthesized = Testing.synth(new ManyExportsStack(Testing.app(), "many-exports"), true);
    const config = JSON.parse(synthesized);

    expect(Object.keys(config.resource.alicloud_ram_role)).toHaveLength(1);
    expect(Object.keys(config.resource.alicloud_oss_bucket)).toHaveLength(1);
    const exports = Object.values(config.resource.alicloud_image_export) as { depends_on: string[] }[];
    expect(exports).toHaveLength(2);
    for (const exported of exports) {
      expect(exported.depends_on.map((d) => d.split(".")[0]).sort()).toEqual([
        "alicloud_oss_bucket_acl",
        "alicloud_oss_bucket_public_access_block",
        "alicloud_oss_bucket_server_side_encryption",
        "alicloud_oss_bucket_versioning",
        "alicloud_ram_role_policy_attachment",
      ]);
    }
    expect(synthesized).toMatchSnapshot();
  });

  test("state paths are relative, so the output is the same on every machine", () => {
    for (const Stack of [DocsExampleStack, BringYourOwnStack]) {
      const config = JSON.parse(Testing.synth(new Stack(Testing.app(), "example")));
      expect(config.terraform.backend.local.path).toBe("example.tfstate");
    }
  });
});
