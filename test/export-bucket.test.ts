import { TerraformVariable, Testing } from "cdktf";
import { alicloud, ExportBucket, ExportBucketProps, ExportStorageClass, ImageExport, random } from "../src";
import {
  address,
  BUCKET_TYPES,
  defined,
  reference,
  REGION,
  resolve,
  resources,
  synth,
  theResource,
  warningsOf,
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
  test("creates a private, encrypted, versioned bucket with public access blocked", () => {
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
      lifecycle_rule: [
        {
          id: "image-exports",
          enabled: true,
          expiration: [{ expired_object_delete_marker: true }],
          noncurrent_version_expiration: [{ days: 30 }],
        },
      ],
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
    expect(theResource(config, alicloud.ossBucketVersioning.OssBucketVersioningA)).toEqual({
      bucket: reference(bucket.resource, "bucket"),
      status: "Enabled",
    });
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

describe("retention of deleted and replaced exports", () => {
  test("by default the bucket is versioned and noncurrent versions expire after 30 days", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const bucket = new ExportBucket(stack, "Bucket");
    const config = synth(stack);

    // THEN
    expect(bucket.retainDeletedExportsDays).toBe(30);
    expect(defined(bucket.versioning).node.id).toBe("Versioning");
    expect(theResource(config, alicloud.ossBucketVersioning.OssBucketVersioningA)).toEqual({
      bucket: reference(bucket.resource, "bucket"),
      status: "Enabled",
    });
    expect(theResource(config, alicloud.ossBucket.OssBucket).lifecycle_rule).toEqual([
      {
        id: "image-exports",
        enabled: true,
        expiration: [{ expired_object_delete_marker: true }],
        noncurrent_version_expiration: [{ days: 30 }],
      },
    ]);
    expect(Testing.synth(stack, true)).toConformToProviderSchema();
  });

  test("0 turns versioning and the retention rule off", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const bucket = new ExportBucket(stack, "Bucket", { retainDeletedExportsDays: 0 });
    const config = synth(stack);

    // THEN
    expect(bucket.versioning).toBeUndefined();
    expect(bucket.retainDeletedExportsDays).toBe(0);
    expect(resources(config, alicloud.ossBucketVersioning.OssBucketVersioningA)).toEqual([]);
    expect(theResource(config, alicloud.ossBucket.OssBucket).lifecycle_rule).toBeUndefined();
    expect(bucket.node.children.map((c) => c.node.id)).toEqual([
      "NameSuffix",
      "Resource",
      "Acl",
      "PublicAccessBlock",
      "Encryption",
    ]);
  });

  test("1 day, the shortest retention, keeps deleted exports for a day", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ExportBucket(stack, "Bucket", { retainDeletedExportsDays: 1 });
    const config = synth(stack);

    // THEN
    expect(theResource(config, alicloud.ossBucket.OssBucket).lifecycle_rule).toEqual([
      {
        id: "image-exports",
        enabled: true,
        expiration: [{ expired_object_delete_marker: true }],
        noncurrent_version_expiration: [{ days: 1 }],
      },
    ]);
    expect(resources(config, alicloud.ossBucketVersioning.OssBucketVersioningA)).toHaveLength(1);
  });

  test("the child ids are the upgrade contract: Versioning comes after the existing ones", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const bucket = new ExportBucket(stack, "Bucket");

    // THEN
    expect(bucket.node.children.map((c) => c.node.id)).toEqual([
      "NameSuffix",
      "Resource",
      "Acl",
      "PublicAccessBlock",
      "Encryption",
      "Versioning",
    ]);
  });

  test("ImageExport passes the retention to the bucket it creates, and waits for the versioning", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", {
      imageId: "m-bp1abc",
      bucketRetainDeletedExportsDays: 7,
    });
    const config = synth(stack);

    // THEN
    const bucket = defined(exported.exportBucket);
    expect(bucket.retainDeletedExportsDays).toBe(7);
    expect(theResource(config, alicloud.ossBucket.OssBucket).lifecycle_rule).toEqual([
      expect.objectContaining({ noncurrent_version_expiration: [{ days: 7 }] }),
    ]);
    expect(theResource(config, alicloud.imageExport.ImageExport).depends_on).toContain(
      address(defined(bucket.versioning)),
    );
  });

  test("ImageExport with retention 0 has no versioning to wait for", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", {
      imageId: "m-bp1abc",
      bucketRetainDeletedExportsDays: 0,
    });
    const config = synth(stack);

    // THEN
    const bucket = defined(exported.exportBucket);
    expect(resources(config, alicloud.ossBucketVersioning.OssBucketVersioningA)).toEqual([]);
    expect(theResource(config, alicloud.imageExport.ImageExport).depends_on).toEqual([
      address(bucket.acl),
      address(bucket.publicAccessBlock),
      address(bucket.encryption),
    ]);
  });
});

describe("storage-class lifecycle", () => {
  test("transitions and expiry join the retention in the bucket's one rule", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ExportBucket(stack, "Bucket", {
      retainDeletedExportsDays: 7,
      transitions: [
        { storageClass: ExportStorageClass.IA, afterDays: 30 },
        { storageClass: ExportStorageClass.ARCHIVE, afterDays: 90 },
      ],
      expireAfterDays: 365,
    });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(theResource(JSON.parse(synthesized), alicloud.ossBucket.OssBucket).lifecycle_rule).toEqual([
      {
        id: "image-exports",
        enabled: true,
        transitions: [
          { storage_class: "IA", days: 30 },
          { storage_class: "Archive", days: 90 },
        ],
        expiration: [{ days: 365 }],
        noncurrent_version_expiration: [{ days: 7 }],
      },
    ]);
    expect(synthesized).toConformToProviderSchema();
  });

  test("without retention, the rule only moves and expires current files", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const bucket = new ExportBucket(stack, "Bucket", {
      retainDeletedExportsDays: 0,
      transitions: [{ storageClass: ExportStorageClass.DEEP_COLD_ARCHIVE, afterDays: 1 }],
      expireAfterDays: 400,
    });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(bucket.versioning).toBeUndefined();
    expect(theResource(JSON.parse(synthesized), alicloud.ossBucket.OssBucket).lifecycle_rule).toEqual([
      {
        id: "image-exports",
        enabled: true,
        transitions: [{ storage_class: "DeepColdArchive", days: 1 }],
        expiration: [{ days: 400 }],
      },
    ]);
    expect(synthesized).toConformToProviderSchema();
  });

  test("expiry alone, without retention, is a rule with just the expiration", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ExportBucket(stack, "Bucket", { retainDeletedExportsDays: 0, expireAfterDays: 1 });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(theResource(JSON.parse(synthesized), alicloud.ossBucket.OssBucket).lifecycle_rule).toEqual([
      { id: "image-exports", enabled: true, expiration: [{ days: 1 }] },
    ]);
    expect(synthesized).toConformToProviderSchema();
  });

  test("transitions alone keep the delete-marker cleanup of the retention", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ExportBucket(stack, "Bucket", {
      transitions: [{ storageClass: ExportStorageClass.IA, afterDays: 30 }],
    });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(theResource(JSON.parse(synthesized), alicloud.ossBucket.OssBucket).lifecycle_rule).toEqual([
      {
        id: "image-exports",
        enabled: true,
        transitions: [{ storage_class: "IA", days: 30 }],
        expiration: [{ expired_object_delete_marker: true }],
        noncurrent_version_expiration: [{ days: 30 }],
      },
    ]);
    expect(synthesized).toConformToProviderSchema();
  });

  test("kept versions move through the transitions that come before the retention ends", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ExportBucket(stack, "Bucket", {
      retainDeletedExportsDays: 90,
      transitions: [
        { storageClass: ExportStorageClass.IA, afterDays: 10 },
        { storageClass: ExportStorageClass.ARCHIVE, afterDays: 89 },
        { storageClass: ExportStorageClass.COLD_ARCHIVE, afterDays: 90 },
      ],
    });
    const synthesized = Testing.synth(stack, true);

    // THEN: Cold Archive on day 90 would come with the deletion, so kept versions never reach it.
    expect(theResource(JSON.parse(synthesized), alicloud.ossBucket.OssBucket).lifecycle_rule).toEqual([
      {
        id: "image-exports",
        enabled: true,
        transitions: [
          { storage_class: "IA", days: 10 },
          { storage_class: "Archive", days: 89 },
          { storage_class: "ColdArchive", days: 90 },
        ],
        expiration: [{ expired_object_delete_marker: true }],
        noncurrent_version_expiration: [{ days: 90 }],
        noncurrent_version_transition: [
          { storage_class: "IA", days: 10 },
          { storage_class: "Archive", days: 89 },
        ],
      },
    ]);
    expect(synthesized).toConformToProviderSchema();
  });

  test("ImageExport's nightly shape: a year of kept versions, in Archive after 30 days", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", {
      imageId: "m-bp1abc",
      bucketRetainDeletedExportsDays: 365,
      bucketTransitions: [{ storageClass: ExportStorageClass.ARCHIVE, afterDays: 30 }],
    });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(theResource(JSON.parse(synthesized), alicloud.ossBucket.OssBucket).lifecycle_rule).toEqual([
      {
        id: "image-exports",
        enabled: true,
        transitions: [{ storage_class: "Archive", days: 30 }],
        expiration: [{ expired_object_delete_marker: true }],
        noncurrent_version_expiration: [{ days: 365 }],
        noncurrent_version_transition: [{ storage_class: "Archive", days: 30 }],
      },
    ]);
    expect(synthesized).toConformToProviderSchema();
  });

  test("an empty transitions list changes nothing", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ExportBucket(stack, "Bucket", { retainDeletedExportsDays: 0, transitions: [] });
    const config = synth(stack);

    // THEN
    expect(theResource(config, alicloud.ossBucket.OssBucket).lifecycle_rule).toBeUndefined();
  });

  test("ImageExport passes transitions and expiry to the bucket it creates", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", {
      imageId: "m-bp1abc",
      bucketTransitions: [{ storageClass: ExportStorageClass.ARCHIVE, afterDays: 30 }],
      bucketExpireAfterDays: 365,
    });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(theResource(JSON.parse(synthesized), alicloud.ossBucket.OssBucket).lifecycle_rule).toEqual([
      {
        id: "image-exports",
        enabled: true,
        transitions: [{ storage_class: "Archive", days: 30 }],
        expiration: [{ days: 365 }],
        noncurrent_version_expiration: [{ days: 30 }],
      },
    ]);
    expect(synthesized).toConformToProviderSchema();
  });

  test("tokens in days and classes pass unjudged into the rule", () => {
    // GIVEN
    const stack = stackInRegion();
    const days = new TerraformVariable(stack, "days", { type: "number" });
    const storageClass = new TerraformVariable(stack, "class", { type: "string" });
    const expire = new TerraformVariable(stack, "expire", { type: "number" });

    // WHEN
    new ExportBucket(stack, "Bucket", {
      transitions: [
        { storageClass: ExportStorageClass.ARCHIVE, afterDays: days.numberValue },
        { storageClass: storageClass.stringValue as ExportStorageClass, afterDays: 1 },
      ],
      expireAfterDays: expire.numberValue,
    });
    const config = synth(stack);

    // THEN: days known only at apply time can't be compared with the retention; both go to kept versions.
    expect(theResource(config, alicloud.ossBucket.OssBucket).lifecycle_rule).toEqual([
      expect.objectContaining({
        transitions: [
          { storage_class: "Archive", days: "${var.days}" },
          { storage_class: "${var.class}", days: 1 },
        ],
        expiration: [{ days: "${var.expire}" }],
        noncurrent_version_transition: [
          { storage_class: "Archive", days: "${var.days}" },
          { storage_class: "${var.class}", days: 1 },
        ],
      }),
    ]);
  });
});

describe("lifecycle rules at and past their limits", () => {
  const build = (props: ExportBucketProps) => () => new ExportBucket(stackInRegion(), "Bucket", props);
  const at = "ExportBucket at 'stack/Bucket': ";
  const A = ExportStorageClass.ARCHIVE;
  const IA = ExportStorageClass.IA;
  const COLD = ExportStorageClass.COLD_ARCHIVE;
  const DEEP = ExportStorageClass.DEEP_COLD_ARCHIVE;

  test.each([
    ["retention 0", { retainDeletedExportsDays: 0 }],
    ["expiry after 1 day", { expireAfterDays: 1 }],
    ["a transition after 1 day", { transitions: [{ storageClass: IA, afterDays: 1 }] }],
    [
      "each colder class one day later",
      {
        transitions: [
          { storageClass: IA, afterDays: 1 },
          { storageClass: A, afterDays: 2 },
          { storageClass: COLD, afterDays: 3 },
          { storageClass: DEEP, afterDays: 4 },
        ],
        expireAfterDays: 5,
      },
    ],
    [
      "transitions listed out of order",
      {
        transitions: [
          { storageClass: A, afterDays: 60 },
          { storageClass: IA, afterDays: 30 },
        ],
      },
    ],
  ] as [string, ExportBucketProps][])("accepts %s", (_label, props) => {
    expect(build(props)).not.toThrow();
  });

  test.each([
    [
      "retention -1",
      { retainDeletedExportsDays: -1 },
      "retainDeletedExportsDays must be a whole number of days, 0 or more, got -1",
    ],
    [
      "retention 1.5",
      { retainDeletedExportsDays: 1.5 },
      "retainDeletedExportsDays must be a whole number of days, 0 or more, got 1.5 (not a whole number)",
    ],
    ["expiry 0", { expireAfterDays: 0 }, "expireAfterDays must be a whole number of days, 1 or more, got 0"],
    [
      "transition after 0 days",
      { transitions: [{ storageClass: IA, afterDays: 0 }] },
      "transitions[0].afterDays must be a whole number of days, 1 or more, got 0",
    ],
    [
      "Standard as a target",
      { transitions: [{ storageClass: "Standard", afterDays: 30 }] },
      "transitions[0].storageClass must be one of 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive', got 'Standard'",
    ],
    [
      "a class spelt in lower case",
      { transitions: [{ storageClass: "archive", afterDays: 30 }] },
      "transitions[0].storageClass must be one of 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive', got 'archive'",
    ],
    [
      "a class twice",
      {
        transitions: [
          { storageClass: A, afterDays: 30 },
          { storageClass: A, afterDays: 60 },
        ],
      },
      "transitions[1].storageClass must not repeat a class (transitions[0] already moves exports to Archive), got 'Archive'",
    ],
    [
      "a colder class on the same day",
      {
        transitions: [
          { storageClass: IA, afterDays: 30 },
          { storageClass: A, afterDays: 30 },
        ],
      },
      "transitions[1].afterDays must be later than the 30 days after which transitions[0] moves exports to IA (Archive is colder, and OSS requires colder classes on later days), got 30",
    ],
    [
      "a warmer class later",
      {
        transitions: [
          { storageClass: COLD, afterDays: 30 },
          { storageClass: A, afterDays: 60 },
        ],
      },
      "transitions[0].afterDays must be later than the 60 days after which transitions[1] moves exports to Archive (ColdArchive is colder, and OSS requires colder classes on later days), got 30",
    ],
    [
      "expiry on the day of the last transition",
      { transitions: [{ storageClass: A, afterDays: 30 }], expireAfterDays: 30 },
      "expireAfterDays must be later than every transition (transitions[0] moves exports to Archive after 30 days; OSS requires expiration last), got 30",
    ],
    [
      "a transition without days",
      { transitions: [{ storageClass: A }] },
      "transitions[0].afterDays must be a whole number of days, 1 or more, got undefined (missing)",
    ],
    [
      "a misspelt key",
      { transitions: [{ storageClass: A, afterDay: 3, afterDays: 3 }] },
      "transitions[0].afterDay is not an option of a transition (did you mean afterDays?), got 3",
    ],
  ] as [string, unknown, string][])("refuses %s", (_label, props, problem) => {
    expect(build(props as ExportBucketProps)).toThrow(`${at}${problem}`);
  });

  test("reports every lifecycle problem at once", () => {
    expect(
      build({
        retainDeletedExportsDays: -1,
        transitions: [{ storageClass: "Glacier" as ExportStorageClass, afterDays: 0 }],
        expireAfterDays: 0.5,
      }),
    ).toThrow(/^4 problems:\n/);
  });

  test("a retention known only at apply time is refused: it decides whether the bucket is versioned", () => {
    const stack = stackInRegion();
    const days = new TerraformVariable(stack, "days", { type: "number" });
    expect(() => new ExportBucket(stack, "Bucket", { retainDeletedExportsDays: days.numberValue })).toThrow(
      `${at}retainDeletedExportsDays must be a number when the app is synthesized (it decides whether the bucket is versioned), got a value known only at apply time`,
    );
  });
});

describe("lifecycle warnings: billed minimum durations and regional classes", () => {
  const warningsFor = (props: ExportBucketProps): string[] =>
    warningsOf(new ExportBucket(stackInRegion(), "Bucket", props));
  const at = "ExportBucket at 'stack/Bucket': ";

  test("IA left by a transition of day 30 is billed no extra; of day 29 it may be", () => {
    const transitions = (archiveDay: number) => [
      { storageClass: ExportStorageClass.IA, afterDays: 10 },
      { storageClass: ExportStorageClass.ARCHIVE, afterDays: archiveDay },
    ];
    // Without retention only current files move, so only their path is judged.
    const retainDeletedExportsDays = 0;
    expect(warningsFor({ transitions: transitions(30), retainDeletedExportsDays })).toEqual([]);
    expect(warningsFor({ transitions: transitions(29), retainDeletedExportsDays })).toEqual([
      `${at}transitions[0] moves exports to IA after 10 days and transitions[1] moves them on after 29 days, so they may spend as little as 29 days since the export was written; OSS bills IA for at least 30 days since the export was written; this move may be billed (OSS's page on lifecycle fees says a lifecycle rule's move within the minimum is billed, its lifecycle FAQ says it is not).`,
    ]);
  });

  test("a nightly export's kept version in Archive is billed no extra when retained 59 days, and may be at 58", () => {
    // Written during day 0, replaced during day 1, deleted by the run of day 1 + 1 + N: N + 1 days surely
    // passed since the write.
    const props = (retainDeletedExportsDays: number): ExportBucketProps => ({
      transitions: [{ storageClass: ExportStorageClass.ARCHIVE, afterDays: 30 }],
      retainDeletedExportsDays,
    });
    expect(warningsFor(props(59))).toEqual([]);
    expect(warningsFor(props(58))).toEqual([
      `${at}transitions[0] moves kept versions of deleted and replaced exports to Archive 30 days after the deletion or replacement and they are deleted 58 days after it (retainDeletedExportsDays 58), so an export replaced the day after it was written (as a nightly export is) may spend as little as 59 days since the export was written; OSS bills Archive for at least 60 days since the export was written.`,
    ]);
  });

  test("a kept version in Cold Archive counts its 180 days from its own move, surely stored", () => {
    const props = (coldDay: number): ExportBucketProps => ({
      transitions: [{ storageClass: ExportStorageClass.COLD_ARCHIVE, afterDays: coldDay }],
      retainDeletedExportsDays: 365,
    });
    const regional = `${at}transitions[0].storageClass is 'ColdArchive', which not every region offers: make sure the bucket's region does, or OSS rejects the lifecycle rule at apply time.`;
    // Moved during day 1 + 1 + K, deleted during day 1 + 1 + 365: 364 - K days surely in Cold Archive.
    expect(warningsFor(props(184))).toEqual([regional]);
    expect(warningsFor(props(185))).toEqual([
      `${at}transitions[0] moves kept versions of deleted and replaced exports to ColdArchive 185 days after the deletion or replacement and they are deleted 365 days after it (retainDeletedExportsDays 365), so an export replaced the day after it was written (as a nightly export is) may spend as little as 179 days in ColdArchive; OSS bills ColdArchive for at least 180 days in ColdArchive.`,
      regional,
    ]);
  });

  test("Archive deleted by a 60-day expiration is billed no extra; by a 59-day one, or 51 + 7 kept, it may be", () => {
    const props = (expireAfterDays: number, retainDeletedExportsDays: number): ExportBucketProps => ({
      transitions: [{ storageClass: ExportStorageClass.ARCHIVE, afterDays: 30 }],
      expireAfterDays,
      retainDeletedExportsDays,
    });
    expect(warningsFor(props(60, 0))).toEqual([]);
    expect(warningsFor(props(59, 0))).toEqual([
      `${at}transitions[0] moves exports to Archive after 30 days and they are deleted after 59 days (expireAfterDays 59), so they may spend as little as 59 days since the export was written; OSS bills Archive for at least 60 days since the export was written.`,
    ]);
    // Expired by the run of day 53 (a kept version from then), deleted by the run of day 53 + 1 + 7.
    expect(warningsFor(props(52, 7))).toEqual([]);
    expect(warningsFor(props(51, 7))).toEqual([
      `${at}transitions[0] moves exports to Archive after 30 days and they expire after 51 days (expireAfterDays 51) and are deleted 7 days later (retainDeletedExportsDays 7), so they may spend as little as 59 days since the export was written; OSS bills Archive for at least 60 days since the export was written.`,
    ]);
  });

  test("Cold Archive counts its 180 days from the transition, surely stored, and is flagged as regional", () => {
    const props = (expireAfterDays: number): ExportBucketProps => ({
      transitions: [{ storageClass: ExportStorageClass.COLD_ARCHIVE, afterDays: 30 }],
      expireAfterDays,
      retainDeletedExportsDays: 0,
    });
    const regional = `${at}transitions[0].storageClass is 'ColdArchive', which not every region offers: make sure the bucket's region does, or OSS rejects the lifecycle rule at apply time.`;
    // Moved by the run of day 31, deleted by the run of day E + 1: E - 31 days surely in Cold Archive.
    expect(warningsFor(props(211))).toEqual([regional]);
    expect(warningsFor(props(210))).toEqual([
      `${at}transitions[0] moves exports to ColdArchive after 30 days and they are deleted after 210 days (expireAfterDays 210), so they may spend as little as 179 days in ColdArchive; OSS bills ColdArchive for at least 180 days in ColdArchive.`,
      regional,
    ]);
  });

  test("files that never leave a class get no billing warning", () => {
    expect(warningsFor({ transitions: [{ storageClass: ExportStorageClass.IA, afterDays: 1 }] })).toEqual([]);
  });
});

describe("ImageExport gives the lifecycle warnings under its own option names, once", () => {
  test("a regional class is flagged on the export, not again on its bucket", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", {
      imageId: "m-bp1abc",
      bucketTransitions: [{ storageClass: ExportStorageClass.DEEP_COLD_ARCHIVE, afterDays: 30 }],
    });

    // THEN
    expect(warningsOf(exported)).toEqual([
      "ImageExport at 'stack/Export': bucketTransitions[0].storageClass is 'DeepColdArchive', which not every region offers: make sure the bucket's region does, or OSS rejects the lifecycle rule at apply time.",
    ]);
    expect(warningsOf(defined(exported.exportBucket))).toEqual([]);
  });
});
