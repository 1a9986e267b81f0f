// The errors Alibaba Cloud's ExportImage API documents that the configuration alone can reveal, each
// caught when the app is synthesized instead of twenty minutes into an apply. (Those that depend on the
// cloud's state, such as quotas, the image's status or a bucket that exists only outside the stack,
// can't be known before apply.) ImageIsExporting is answered by ordering, not an error: see
// export-dependencies.test.ts.
import { Aspects, TerraformStack, Testing } from "cdktf";
import { alicloud, ImageExport, ImageExportChecks, ImageScaffold } from "../src";
import { stackInRegion } from "./support/synth-helpers";

/** Builds and synthesizes with validations on; returns the error message, or "" when it passes. */
function errorOf(build: (stack: TerraformStack) => void): string {
  const stack = stackInRegion();
  try {
    build(stack);
    Testing.synth(stack, true);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}

const own = { ossBucket: "exports", ossPrefix: "nightly" };

describe.each([
  {
    code: "MissingParameter (ImageId)",
    bad: (s: TerraformStack) => new ImageExport(s, "Export", { ...own, imageId: "" }),
    message:
      /imageId must be the id of a custom image, 'm-' followed by lowercase letters and digits, got '' \(empty\)/,
  },
  {
    code: "MissingParameter (OSSBucket)",
    bad: (s: TerraformStack) => new ImageExport(s, "Export", { imageId: "m-abc", ossBucket: "" }),
    message: /ossBucket must be 3-63 characters .*, got '' \(0 characters\)/,
  },
  {
    code: "InvalidOSSPrefix.Malformed",
    bad: (s: TerraformStack) =>
      new ImageExport(s, "Export", { imageId: "m-abc", ossBucket: "b1x", ossPrefix: "a_b" }),
    message: /ossPrefix must be 1-30 letters or digits, got 'a_b' \(has '_'\)/,
  },
  {
    code: "InvalidImage.DiskAmountOrSize (more than 4 data disks)",
    bad: (s: TerraformStack) =>
      new ImageExport(s, "Export", { dataDisks: [1, 2, 3, 4, 5].map(() => ({ size: 20 })) }),
    message: /dataDisks must hold at most 4 disks \(the most an exported image may carry\), got 5/,
  },
  {
    code: "InvalidImage.DiskAmountOrSize (a disk over 500 GiB)",
    bad: (s: TerraformStack) => new ImageExport(s, "Export", { dataDisks: [{ size: 501 }] }),
    message: /dataDisks\[0\]\.size must be a whole number from 1 to 500 GiB .*, got 501/,
  },
  {
    code: "ImageNotSupported (a Marketplace source image)",
    bad: (s: TerraformStack) => new ImageExport(s, "Export", { sourceImageOwners: "marketplace" }),
    message: /custom images based on Marketplace images can't be exported/,
  },
  {
    code: "InvalidImageCategory.NotSupported (a public image)",
    bad: (s: TerraformStack) => {
      const images = new alicloud.dataAlicloudImages.DataAlicloudImages(s, "Ubuntu", { owners: "system" });
      new ImageExport(s, "Export", { ...own, imageId: images.images.get(0).id });
    },
    message:
      /ImageExport at 'stack\/Export': imageId must be a custom image, got an image of data\.alicloud_images\.Ubuntu, which looks among 'system' images/,
  },
  {
    code: "InvalidImageCategory.NotSupported (a public image, raw L1 under ImageExportChecks)",
    bad: (s: TerraformStack) => {
      const images = new alicloud.dataAlicloudImages.DataAlicloudImages(s, "Ubuntu", { owners: "system" });
      new alicloud.imageExport.ImageExport(s, "Raw", { ...own, imageId: images.images.get(0).id });
      Aspects.of(s).add(new ImageExportChecks());
    },
    message:
      /alicloud_image_export at 'stack\/Raw': imageId must be a custom image, got an image of data\.alicloud_images\.Ubuntu, which looks among 'system' images/,
  },
  {
    code: "InvalidOSSBucket.NotFound (the bucket in another region)",
    bad: (s: TerraformStack) => {
      const other = new alicloud.provider.AlicloudProvider(s, "sg", {
        region: "ap-southeast-1",
        alias: "sg",
      });
      const bucket = new alicloud.ossBucket.OssBucket(s, "Far", { provider: other, bucket: "far-exports" });
      new ImageExport(s, "Export", { imageId: "m-abc", ossBucket: bucket.bucket });
    },
    message:
      /ossBucket must name a bucket in the export's region 'cn-hangzhou', got alicloud_oss_bucket\.Far in 'ap-southeast-1'/,
  },
])("$code", ({ bad, message }) => {
  test("is refused at synth time, naming the prop, the value and the rule", () => {
    expect(errorOf(bad)).toMatch(message);
  });
});

test("custom images pass: your own, or shared with you", () => {
  for (const owners of ["self", "others"]) {
    expect(
      errorOf((s) => {
        const images = new alicloud.dataAlicloudImages.DataAlicloudImages(s, "Mine", { owners });
        new ImageExport(s, "Export", { ...own, imageId: images.images.get(0).id });
      }),
    ).toBe("");
  }
  expect(errorOf((s) => new ImageScaffold(s, "Scaffold", { sourceImageOwners: "system" }))).toBe("");
});
