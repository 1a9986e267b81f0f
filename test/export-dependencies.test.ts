// What an export waits for that only the whole stack tells: an earlier export of the same image (ECS
// refuses a second export of an image while one runs, error ImageIsExporting), and the protections of
// a shared ExportBucket it writes into.
import { Fn, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { ExportBucket, ImageExport, ImageExportRole } from "../src";
import { stackInRegion, synthJson, TerraformJson } from "./support/synth-helpers";

/** Each export's depends_on, by its construct id. */
function dependsOn(stack: TerraformStack): { [id: string]: string[] } {
  const config = synthJson(stack);
  const byId: { [id: string]: string[] } = {};
  for (const [name, block] of Object.entries(config.resource.alicloud_image_export as TerraformJson)) {
    byId[name.replace(/_[0-9A-F]{8}$/, "")] = block.depends_on ?? [];
  }
  return byId;
}

const exportOf = (id: string) => (name: string) => name.startsWith(`alicloud_image_export.${id}_`);

describe("exports of the same image run one after another", () => {
  test("the same literal image id: each waits for the one constructed before it", () => {
    const stack = stackInRegion();
    for (const id of ["First", "Second", "Other", "Third"]) {
      new ImageExport(stack, id, {
        imageId: id === "Other" ? "m-other" : "m-same",
        ossBucket: "exports",
        ossPrefix: id,
      });
    }
    const deps = dependsOn(stack);
    expect(deps.First).toEqual([]);
    expect(deps.Other).toEqual([]);
    expect(deps.Second).toHaveLength(1);
    expect(exportOf("First")(deps.Second[0])).toBe(true);
    expect(deps.Third).toHaveLength(1);
    expect(exportOf("Second")(deps.Third[0])).toBe(true);
  });

  test("the same image given as a token, read once or twice, is one image", () => {
    const stack = stackInRegion();
    const image = new TerraformVariable(stack, "image_id", { type: "string" });
    const id = image.stringValue;
    new ImageExport(stack, "A", { imageId: id, ossBucket: "exports", ossPrefix: "a" });
    new ImageExport(stack, "B", { imageId: id, ossBucket: "exports", ossPrefix: "b" });
    new ImageExport(stack, "C", { imageId: image.stringValue, ossBucket: "other", ossPrefix: "c" });
    const other = new TerraformVariable(stack, "other_image", { type: "string" });
    new ImageExport(stack, "D", { imageId: other.stringValue, ossBucket: "exports", ossPrefix: "d" });
    const deps = dependsOn(stack);
    expect(deps.A).toEqual([]);
    expect(deps.B.map(exportOf("A"))).toEqual([true]);
    expect(deps.C.map(exportOf("B"))).toEqual([true]);
    expect(deps.D).toEqual([]);
  });

  test("scaffolded exports each have their own image and wait for nothing of each other", () => {
    const stack = stackInRegion();
    new ImageExport(stack, "A");
    new ImageExport(stack, "B");
    const deps = dependsOn(stack);
    expect([...deps.A, ...deps.B].filter((d) => d.startsWith("alicloud_image_export."))).toEqual([]);
  });

  test("synthesizing twice adds nothing twice, and other dependencies are kept", () => {
    const stack = stackInRegion();
    const role = new ImageExportRole(stack, "Role");
    new ImageExport(stack, "A", { imageId: "m-same", ossBucket: "exports", role });
    new ImageExport(stack, "B", { imageId: "m-same", ossBucket: "exports", ossPrefix: "b", role });
    Testing.synth(stack);
    const deps = dependsOn(stack);
    expect(deps.B).toHaveLength(2);
    expect(deps.B.filter((d) => d.startsWith("alicloud_ram_role_policy_attachment."))).toHaveLength(1);
    expect(deps.B.filter(exportOf("A"))).toHaveLength(1);
  });
});

describe("a shared ExportBucket keeps its protections", () => {
  const PROTECTIONS = [
    "alicloud_oss_bucket_acl",
    "alicloud_oss_bucket_public_access_block",
    "alicloud_oss_bucket_server_side_encryption",
    "alicloud_oss_bucket_versioning",
  ];
  const typesOf = (deps: string[]) => deps.map((d) => d.split(".")[0]).sort();

  test("the README's many-exports pattern, as written", () => {
    const stack = stackInRegion();
    const images: { [name: string]: string } = { web: "m-web", db: "m-db" };
    const role = new ImageExportRole(stack, "ExportRole"); // once per account
    const bucket = new ExportBucket(stack, "Exports", { bucketNamePrefix: "team-images" });
    for (const [name, imageId] of Object.entries(images)) {
      new ImageExport(stack, name, { imageId, ossBucket: bucket.bucketName, role });
    }
    const deps = dependsOn(stack);
    for (const name of ["web", "db"]) {
      expect(typesOf(deps[name])).toEqual([...PROTECTIONS, "alicloud_ram_role_policy_attachment"].sort());
      expect(deps[name].filter((d) => d.includes("Exports_"))).toHaveLength(4);
    }
  });

  test("the bucket reached through its L1, or made by another export; no versioning to wait for at retention 0", () => {
    const stack = stackInRegion();
    const bucket = new ExportBucket(stack, "Exports", { retainDeletedExportsDays: 0 });
    new ImageExport(stack, "ViaResource", { imageId: "m-a", ossBucket: bucket.resource.bucket });
    const first = new ImageExport(stack, "First", { imageId: "m-b" });
    new ImageExport(stack, "Second", { imageId: "m-c", ossBucket: first.ossBucket });
    new ImageExport(stack, "Elsewhere", { imageId: "m-d", ossBucket: "exports" });
    const deps = dependsOn(stack);
    expect(typesOf(deps.ViaResource)).toEqual(PROTECTIONS.slice(0, 3));
    expect(typesOf(deps.First)).toEqual(PROTECTIONS);
    expect(typesOf(deps.Second)).toEqual(PROTECTIONS);
    expect(deps.Second.every((d) => d.includes("First_Bucket_"))).toBe(true);
    expect(deps.Elsewhere).toEqual([]);
  });

  test("the bucket's name inside a function call is the bucket too", () => {
    const stack = stackInRegion();
    const bucket = new ExportBucket(stack, "Exports", { bucketNamePrefix: "team-images" });
    new ImageExport(stack, "Lowered", { imageId: "m-a", ossBucket: Fn.lower(bucket.bucketName) });
    new ImageExport(stack, "Joined", { imageId: "m-b", ossBucket: Fn.join("", [bucket.bucketName]) });
    const deps = dependsOn(stack);
    expect(typesOf(deps.Lowered)).toEqual(PROTECTIONS);
    expect(typesOf(deps.Joined)).toEqual(PROTECTIONS);
  });
});
