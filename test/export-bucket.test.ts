import { Testing } from "cdktf";
import { alicloud, ExportBucket, ImageExport, random } from "../src";
import {
  BUCKET_TYPES,
  defined,
  reference,
  REGION,
  resolve,
  resources,
  synth,
  theResource,
} from "./support/config";
import { stackInRegion } from "./support/synth-helpers";

describe("bucket options", () => {
  test("bucketNamePrefix starts the bucket's name, followed by the random suffix", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", { bucketNamePrefix: "web-exports" });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.ossBucket.OssBucket, {
      bucket: `web-exports-${reference(defined(exported.bucketNameSuffix), "result")}`,
    });
  });

  test("bucketForceDestroy lets destroy delete a bucket that still holds files", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", { bucketForceDestroy: true });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.ossBucket.OssBucket, { force_destroy: true });
  });

  test("two exports that each create a bucket share one random provider", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "First", { imageId: "m-bp1abc" });
    new ImageExport(stack, "Second", { imageId: "m-bp1abc" });
    const config = synth(stack);

    // THEN
    expect(resources(config, alicloud.ossBucket.OssBucket)).toHaveLength(2);
    expect(config.provider?.random).toHaveLength(1);
  });
});

describe("ExportBucket on its own", () => {
  test("creates a private, encrypted bucket with public access blocked", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const bucket = new ExportBucket(stack, "Bucket", {
      bucketNamePrefix: "shared-exports",
      forceDestroy: true,
    });
    const config = synth(stack);

    // THEN
    expect(bucket.resource.node.id).toBe("Resource");
    expect(theResource(config, alicloud.ossBucket.OssBucket)).toEqual({
      bucket: `shared-exports-${reference(bucket.nameSuffix, "result")}`,
      storage_class: "Standard",
      force_destroy: true,
    });
    expect(theResource(config, alicloud.ossBucketAcl.OssBucketAcl)).toEqual({
      bucket: reference(bucket.resource, "bucket"),
      acl: "private",
    });
    expect(theResource(config, alicloud.ossBucketPublicAccessBlock.OssBucketPublicAccessBlock)).toEqual({
      bucket: reference(bucket.resource, "bucket"),
      block_public_access: true,
    });
    expect(theResource(config, alicloud.ossBucketServerSideEncryption.OssBucketServerSideEncryption)).toEqual(
      {
        bucket: reference(bucket.resource, "bucket"),
        sse_algorithm: "AES256",
      },
    );
    expect(resolve(stack, { name: bucket.bucketName }).name).toBe(reference(bucket.resource, "bucket"));
  });

  test("two buckets in one stack share one random provider", () => {
    // GIVEN
    const stack = stackInRegion();
    new ExportBucket(stack, "First");

    // WHEN
    new ExportBucket(stack, "Second");
    const config = synth(stack);

    // THEN
    expect(resources(config, { tfResourceType: "random_integer" })).toHaveLength(2);
    expect(config.provider?.random).toEqual([{}]);
  });

  test("adds no random provider when the stack configures its own", () => {
    // GIVEN
    const stack = stackInRegion();
    new random.provider.RandomProvider(stack, "MyRandom");

    // WHEN
    new ExportBucket(stack, "Bucket");
    const config = synth(stack);

    // THEN
    expect(config.provider?.random).toHaveLength(1);
  });

  // Terraform rejects two default (non-aliased) configurations of one provider ("Duplicate provider
  // configuration"), so the user's own, added before or after, must be the only one.
  test.each([
    ["before the bucket, with its own id", "before", "MyRandom"],
    ["after the bucket, with its own id", "after", "MyRandom"],
    ["before the bucket, with the conventional id 'random'", "before", "random"],
    ["after the bucket, with the conventional id 'random'", "after", "random"],
  ])("the user's own default random provider %s is the stack's only one", (_, when, id) => {
    // GIVEN
    const stack = stackInRegion();
    const addOwn = () => new random.provider.RandomProvider(stack, id);
    if (when === "before") addOwn();

    // WHEN
    new ExportBucket(stack, "Bucket");
    new ImageExport(stack, "Export");
    if (when === "after") addOwn();
    const config = synth(stack);

    // THEN
    expect(config.provider?.random).toEqual([{}]);
    expect(stack.node.findChild(id)).toBeInstanceOf(random.provider.RandomProvider);
    expect(stack.node.children.filter((c) => c instanceof random.provider.RandomProvider)).toHaveLength(1);
  });

  test("adds a default random provider next to the user's aliased-only one, even one with the id 'random'", () => {
    // GIVEN
    const stack = stackInRegion();
    new ExportBucket(stack, "Bucket");
    new random.provider.RandomProvider(stack, "random", { alias: "other" });

    // WHEN
    const config = synth(stack);

    // THEN
    expect(config.provider?.random).toEqual([{ alias: "other" }, {}]);
    expect(stack.node.findChild("random2")).toBeInstanceOf(random.provider.RandomProvider);
    expect(resources(config, { tfResourceType: "random_integer" })[0].provider).toBeUndefined();
  });

  test("synthesizing twice adds the default random provider once", () => {
    // GIVEN
    const stack = stackInRegion();
    new ExportBucket(stack, "Bucket");

    // WHEN
    synth(stack);
    const config = synth(stack);

    // THEN
    expect(config.provider?.random).toEqual([{}]);
  });

  test("passes its provider to every resource but the random suffix", () => {
    // GIVEN
    const stack = stackInRegion();
    const other = new alicloud.provider.AlicloudProvider(stack, "other", { region: REGION, alias: "other" });

    // WHEN
    new ExportBucket(stack, "Bucket", { provider: other });
    const config = synth(stack);

    // THEN
    for (const type of BUCKET_TYPES) {
      expect(theResource(config, type).provider).toBe("alicloud.other");
    }
    expect(resources(config, { tfResourceType: "random_integer" })[0].provider).toBeUndefined();
  });
});
