import { OssBackend, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { alicloud, ImageExport } from "../src";

/**
 * Exports one image per region, each into a new bucket in its own region (an export can only write to
 * a bucket in the image's region). The state lives in OSS, as teams keep it.
 */
export class CrossRegionStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new OssBackend(this, {
      bucket: "platform-terraform-state",
      prefix: "image-export",
      key: `${id}.tfstate`,
      region: "cn-hangzhou",
      encrypt: true,
    });

    const regions = [
      { alias: "hangzhou", region: "cn-hangzhou" },
      { alias: "singapore", region: "ap-southeast-1" },
    ];
    for (const { alias, region } of regions) {
      const provider = new alicloud.provider.AlicloudProvider(this, `alicloud-${alias}`, { alias, region });
      const imageId = new TerraformVariable(this, `${alias}_image_id`, {
        type: "string",
        description: `The custom image in ${region} to export`,
      });
      const exported = new ImageExport(this, `Export-${alias}`, {
        provider,
        imageId: imageId.stringValue,
        ossPrefix: `weekly${alias}`,
        bucketNamePrefix: `image-export-${alias}`,
      });
      new TerraformOutput(this, `${alias}_system_disk_url`, {
        value: exported.systemDiskObjectUrl,
        description: `The exported system disk in ${region}`,
      });
      new TerraformOutput(this, `${alias}_exported_image_id`, { value: exported.imageId });
    }
  }
}
