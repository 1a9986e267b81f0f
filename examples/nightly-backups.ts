import { LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { alicloud, ExportStorageClass, ImageExport } from "../src";

/**
 * Nightly backups: each night's image (given as a variable) is exported into a bucket the construct
 * creates. Exports move to Archive storage after 30 days and expire after a year; an export replaced by
 * the next night's image stays recoverable for 7 days.
 */
export class NightlyBackupsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `${id}.tfstate` });
    new alicloud.provider.AlicloudProvider(this, "alicloud", { region: "cn-hangzhou" });

    const imageId = new TerraformVariable(this, "image_id", {
      type: "string",
      description: "Tonight's custom image (m-...)",
    });

    const exported = new ImageExport(this, "Backup", {
      imageId: imageId.stringValue,
      ossPrefix: "nightly",
      bucketNamePrefix: "nightly-backups",
      bucketRetainDeletedExportsDays: 7,
      bucketTransitions: [{ storageClass: ExportStorageClass.ARCHIVE, afterDays: 30 }],
      bucketExpireAfterDays: 365,
    });

    new TerraformOutput(this, "bucket", { value: exported.ossBucket, description: "The backup bucket" });
    new TerraformOutput(this, "system_disk_url", {
      value: exported.systemDiskObjectUrl,
      description: "Tonight's exported system disk",
    });
  }
}
