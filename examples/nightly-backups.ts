import { LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { alicloud, ExportStorageClass, ImageExport } from "../src";

/**
 * Nightly backups: each night's image (given as a variable) is exported into a bucket the construct
 * creates. The next night's image replaces the export, and the replaced export stays in the bucket as a
 * kept version for a year, in Archive storage from 30 days after its replacement. The README's "Nightly
 * backups" says what 400 nights leave, as `cdktf-alicloud-image-export retention` replays them.
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
      bucketRetainDeletedExportsDays: 365, // each replaced export is kept a year
      bucketTransitions: [{ storageClass: ExportStorageClass.ARCHIVE, afterDays: 30 }],
    });

    new TerraformOutput(this, "bucket", { value: exported.ossBucket, description: "The backup bucket" });
    new TerraformOutput(this, "system_disk_url", {
      value: exported.systemDiskObjectUrl,
      description: "Tonight's exported system disk",
    });
  }
}
