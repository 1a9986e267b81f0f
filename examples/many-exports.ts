import { LocalBackend, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { alicloud, ExportBucket, ImageExport, ImageExportRole } from "../src";

/**
 * Exports several custom images into one shared bucket, with the account's export role created once:
 * every export waits for the role and for the shared bucket's ACL, public-access block, encryption
 * and versioning.
 */
export class ManyExportsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `${id}.tfstate` });
    new alicloud.provider.AlicloudProvider(this, "alicloud", { region: "cn-hangzhou" });

    // The images to export, by name: each one's id comes in as a variable.
    const images: { [name: string]: string } = {};
    for (const name of ["web", "db"]) {
      images[name] = new TerraformVariable(this, `${name}_image_id`, { type: "string" }).stringValue;
    }

    const role = new ImageExportRole(this, "ExportRole"); // once per account
    const bucket = new ExportBucket(this, "Exports", { bucketNamePrefix: "team-images" });
    for (const [name, imageId] of Object.entries(images)) {
      new ImageExport(this, name, { imageId, ossBucket: bucket.bucketName, role });
    }
  }
}
