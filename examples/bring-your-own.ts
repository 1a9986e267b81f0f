import { LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { alicloud, ImageExport } from "../src";

/**
 * Exports an existing custom image into an existing bucket, both given at plan time as variables.
 * Nothing but the export is created.
 */
export class BringYourOwnStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `${id}.tfstate` });

    const region = new TerraformVariable(this, "region", {
      type: "string",
      default: "cn-hangzhou",
      description: "The region of the image and the bucket",
    });
    const imageId = new TerraformVariable(this, "image_id", {
      type: "string",
      description: "The custom image to export (m-...)",
    });
    const bucket = new TerraformVariable(this, "oss_bucket", {
      type: "string",
      description: "An existing OSS bucket in the image's region",
    });

    new alicloud.provider.AlicloudProvider(this, "alicloud", { region: region.stringValue });

    const exported = new ImageExport(this, "Export", {
      imageId: imageId.stringValue,
      ossBucket: bucket.stringValue,
      ossPrefix: "nightly",
      createTimeout: "1h",
    });

    new TerraformOutput(this, "system_disk_key", {
      value: exported.systemDiskObjectKey,
      description: "The object key of the exported system disk",
    });
    new TerraformOutput(this, "system_disk_url", {
      value: exported.systemDiskObjectUrl,
      description: "The exported system disk",
    });
  }
}
