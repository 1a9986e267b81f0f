import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { alicloud, ImageExport } from "../src";

/**
 * The provider's documentation example for `alicloud_image_export` (VPC, vSwitch, security group,
 * instance, custom image, bucket with a random suffix, export), in one construct.
 */
export class DocsExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A relative state path keeps the synthesized JSON the same on every machine.
    new LocalBackend(this, { path: `${id}.tfstate` });
    new alicloud.provider.AlicloudProvider(this, "alicloud", { region: "cn-hangzhou" });

    const exported = new ImageExport(this, "Export", { ossPrefix: "ecsExport" });

    new TerraformOutput(this, "image_id", {
      value: exported.imageId,
      description: "The custom image that was exported",
    });
    new TerraformOutput(this, "bucket", { value: exported.ossBucket, description: "The bucket it went to" });
    new TerraformOutput(this, "system_disk_url", {
      value: exported.systemDiskObjectUrl,
      description: "The exported system disk",
    });
  }
}
