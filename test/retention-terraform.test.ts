// The first nights of the nightly example through real `terraform apply` runs (Terraform 1.11 against
// the provider served from the vendored schemas), a new image_id each night: Terraform decides what each
// apply does to the export and in which order. The fast replay must make the same requests of the bucket
// on those nights, and, continuing from Terraform's nights, leave the same bucket after 400.
import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { NightlyBackupsStack } from "../examples/nightly-backups";
import { nightlyImageId, replayNights } from "../src/retention/replay";
import { readStackRetention } from "../src/retention/stack-reader";
import { applyNights, TerraformNight } from "../src/retention/terraform-nights";
import { temporaryFolder } from "./support/command";
import { sys } from "./support/retention";

// Three applies and an init take about 5 s on the 2-core development machine.
const TERRAFORM_TIMEOUT_MS = 60_000;
const NIGHTS = 3;

describe("nightly backups through real terraform apply runs", () => {
  const outdir = temporaryFolder("retention-terraform.");
  const app = new App({ outdir, stackTraces: false });
  new NightlyBackupsStack(app, "nightly-backups");
  app.synth();
  const json = fs.readFileSync(path.join(outdir, "stacks", "nightly-backups", "cdk.tf.json"), "utf8");
  const stack = readStackRetention(json, "nightly-backups");
  const exportAddress = stack.buckets[0].exports[0].address;
  let nights: TerraformNight[];

  beforeAll(async () => {
    nights = await applyNights(json, stack, NIGHTS, (night) => ({ image_id: nightlyImageId(night, 0) }));
  }, TERRAFORM_TIMEOUT_MS);

  test("Terraform creates the export on the first night and replaces it, delete first, on each later one", () => {
    expect(nights.map((n) => n.planned)).toEqual([
      [`${exportAddress}: create`],
      [`${exportAddress}: delete, create`],
      [`${exportAddress}: delete, create`],
    ]);
    expect(nights.map((n) => n.requests.map((r) => `${r.operation} ${r.key}`))).toEqual([
      [`write ${sys("m-night0001")}`],
      [`delete ${sys("m-night0001")}`, `write ${sys("m-night0002")}`],
      [`delete ${sys("m-night0002")}`, `write ${sys("m-night0003")}`],
    ]);
  });

  test("the fast replay makes the same requests on those nights", () => {
    const own = replayNights(stack, NIGHTS).replay.requests;
    expect(own.map(({ day, operation, key, export: e }) => ({ day, operation, key, export: e }))).toEqual(
      nights.flatMap((n) => n.requests.map((r) => ({ day: n.night - 1, ...r }))),
    );
  });

  test("continuing from Terraform's nights, 400 nights leave the bucket the fast replay leaves", () => {
    const fromTerraform = replayNights(
      stack,
      400,
      nights.map((n) => n.requests),
    );
    const fast = replayNights(stack, 400);
    const [a, b] = [fromTerraform, fast].map((r) => r.replay.bucketList()[0].simulated.versions());
    expect(a).toHaveLength(734);
    expect(a).toEqual(b);
    expect(fromTerraform.history).toEqual(fast.history);
  });
});
