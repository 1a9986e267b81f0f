import { App, Aspects, TerraformResource, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { alicloud, ExportBucket, ImageExport, ImageExportChecks } from "../src";

function stackWithChecks(): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "stack");
  new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
  Aspects.of(stack).add(new ImageExportChecks());
  return { app, stack };
}

function validationErrors(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  return "";
}

describe("ImageExportChecks", () => {
  test("a valid raw alicloud_image_export passes", () => {
    const { stack } = stackWithChecks();
    new alicloud.imageExport.ImageExport(stack, "raw", {
      imageId: "m-bp1abc",
      ossBucket: "exports",
      ossPrefix: "nightly",
      timeouts: { create: "30m" },
    });

    expect(validationErrors(stack)).toBe("");
  });

  test("reports every problem of a raw L1 with the construct's wording", () => {
    const { stack } = stackWithChecks();
    new alicloud.imageExport.ImageExport(stack, "raw", {
      imageId: "ubuntu_22_04_x64_20G_alibase_20230907.vhd",
      ossBucket: "My_Bucket",
      ossPrefix: "my prefix",
      timeouts: { create: "90s" },
    });

    const errors = validationErrors(stack);
    expect(errors).toContain(
      "alicloud_image_export at 'stack/raw': ossPrefix must be 1-30 letters or digits, got 'my prefix' (has a space)",
    );
    expect(errors).toMatch(
      /at 'stack\/raw': imageId must be the id of a custom image.*looks like a public image/,
    );
    expect(errors).toMatch(
      /at 'stack\/raw': ossBucket must be 3-63 characters.*got 'My_Bucket' \(has upper-case letters\)/,
    );
    expect(errors).toMatch(
      /at 'stack\/raw': timeouts.create must be a duration .*got '90s' \(the export would always time out\)/,
    );
  });

  test("a missing prefix is an error, because destroy would leak the exported file", () => {
    const { stack } = stackWithChecks();
    new alicloud.imageExport.ImageExport(stack, "raw", { imageId: "m-bp1abc", ossBucket: "exports" });

    expect(validationErrors(stack)).toMatch(
      /ossPrefix must be 1-30 letters or digits, got none \(destroy deletes/,
    );
  });

  test("matches L1s from other bindings by Terraform type", () => {
    const { stack } = stackWithChecks();
    // What a resource from a user's own `cdktf get` bindings boils down to.
    const own = new TerraformResource(stack, "own", {
      terraformResourceType: "alicloud_image_export",
      terraformGeneratorMetadata: { providerName: "alicloud" },
    });
    own.addOverride("image_id", "m-bp1abc");
    own.addOverride("oss_bucket", "exports");
    own.addOverride("oss_prefix", "way-too-long-and-hyphenated-prefix");

    expect(validationErrors(stack)).toMatch(
      /alicloud_image_export at 'stack\/own': ossPrefix must be 1-30 letters or digits, got 'way-too-long-and-hyphenated-prefix' \(34 characters\)/,
    );
  });

  test("catches an ImageExport broken through the escape hatch", () => {
    const { stack } = stackWithChecks();
    const exported = new ImageExport(stack, "Export", { imageId: "m-bp1abc", ossBucket: "exports" });
    exported.resource.addOverride("oss_prefix", "bad/prefix");

    expect(validationErrors(stack)).toMatch(
      /alicloud_image_export at 'stack\/Export\/Resource': ossPrefix must be 1-30 letters or digits, got 'bad\/prefix' \(has '\/'\)/,
    );
  });

  test("tokens pass untouched", () => {
    const { stack } = stackWithChecks();
    const text = (id: string) => new TerraformVariable(stack, id, { type: "string" }).stringValue;
    new alicloud.imageExport.ImageExport(stack, "raw", {
      imageId: text("image"),
      ossBucket: text("bucket"),
      ossPrefix: text("prefix"),
      timeouts: { create: text("timeout") },
    });

    expect(validationErrors(stack)).toBe("");
  });

  test("a raw export into a bucket of another region is rejected", () => {
    const { stack } = stackWithChecks();
    const singapore = new alicloud.provider.AlicloudProvider(stack, "singapore", {
      alias: "singapore",
      region: "ap-southeast-1",
    });
    const bucket = new ExportBucket(stack, "Bucket", { provider: singapore });
    new alicloud.imageExport.ImageExport(stack, "raw", {
      imageId: "m-bp1abc",
      ossBucket: bucket.bucketName,
      ossPrefix: "nightly",
    });

    expect(validationErrors(stack)).toMatch(
      /alicloud_image_export at 'stack\/raw': ossBucket must name a bucket in the export's region 'cn-hangzhou', got alicloud_oss_bucket\.Bucket_[0-9A-F]+ in 'ap-southeast-1'/,
    );
  });

  test("added to the app and to the stack, each problem is reported once", () => {
    const { app, stack } = stackWithChecks();
    Aspects.of(app).add(new ImageExportChecks());
    new alicloud.imageExport.ImageExport(stack, "raw", {
      imageId: "m-bp1abc",
      ossBucket: "exports",
      ossPrefix: "a b",
    });

    expect(validationErrors(stack).match(/ossPrefix must be/g)).toHaveLength(1);
  });
});
