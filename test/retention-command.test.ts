// `cdktf-alicloud-image-export retention`, run in-process on hand-written stacks (the README suite runs it
// on the synthesized nightly example): the JSON it prints, sizes, buckets the stack doesn't create, and
// exit status 2 with a clear message on every kind of bad input.
import { main, USAGE } from "../src/cli/main";
import { EXIT_CANNOT_REPLAY, EXIT_RETENTION_PRINTED, RETENTION_USAGE } from "../src/cli/retention-command";
import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { BringYourOwnStack } from "../examples/bring-your-own";
import { CrossRegionStack } from "../examples/cross-region";
import { DocsExampleStack } from "../examples/docs-example";
import { NightlyBackupsStack } from "../examples/nightly-backups";
import { outdir, run, temporaryFolder } from "./support/command";
import { KitchenSinkStack } from "./support/synth-helpers";

type Json = { [key: string]: unknown };

/** One export with prefix `p` into bucket `b`, versioned, whose rule keeps replaced files `keepDays`. */
function stack(keepDays = 1, overrides: Json = {}): Json {
  return {
    resource: {
      alicloud_image_export: {
        e: { image_id: "${var.image}", oss_bucket: "${alicloud_oss_bucket.b.bucket}", oss_prefix: "p" },
      },
      alicloud_oss_bucket: {
        b: {
          bucket: "exports",
          lifecycle_rule: [
            {
              id: "keep",
              enabled: true,
              expiration: [{ expired_object_delete_marker: true }],
              noncurrent_version_expiration: [{ days: keepDays }],
            },
          ],
          ...overrides,
        },
      },
      alicloud_oss_bucket_versioning: { v: { bucket: "${alicloud_oss_bucket.b.bucket}", status: "Enabled" } },
    },
  };
}

const parse = (out: string[]) => JSON.parse(out.join("\n")) as Json;

/** The rule `stack` gives the bucket: replaced files kept `keepDays`, markers cleaned up. */
function keepRule(keepDays: number): Json {
  const bucket = ((stack(keepDays).resource as Json).alicloud_oss_bucket as Json).b as Json;
  return (bucket.lifecycle_rule as Json[])[0];
}

/**
 * `stack(1)` with the bucket named `bucketName` and the versioning resource's bucket `versioned` (no
 * versioning resource when undefined), and `overrides` on the bucket.
 */
function withVersioning(versioned: string | undefined, bucketName: string, overrides: Json = {}): Json {
  const resource = { ...(stack(1, { bucket: bucketName, ...overrides }).resource as Json) };
  delete resource.alicloud_oss_bucket_versioning;
  if (versioned !== undefined) {
    resource.alicloud_oss_bucket_versioning = { v: { bucket: versioned, status: "Enabled" } };
  }
  return { resource };
}

describe("cdktf-alicloud-image-export retention", () => {
  test("--json: every version and delete marker, with key, storageClass, current and deleteMarker", () => {
    const dir = outdir({ s: stack(1) });
    const { status, out, err } = run(["retention", dir, "--nights", "3", "--json"]);
    expect(err).toEqual([]);
    expect(status).toBe(EXIT_RETENTION_PRINTED);
    const document = parse(out);
    expect(document).toMatchObject({ nights: 3 });
    const [bucket] = document.buckets as Json[];
    expect(bucket).toMatchObject({
      stack: "s",
      bucket: "alicloud_oss_bucket.b",
      declared: true,
      versioning: "Enabled",
      lifecycleRules: ["keep"],
      day: 2,
      summary: {
        backups: { Standard: 3 },
        backupCount: 3,
        deleteMarkers: 2,
        dataDiskFiles: 0,
        earlyLeaves: 0,
      },
    });
    const entry = (
      key: string,
      versionId: string,
      current: boolean,
      marker: boolean,
      day: number,
      since: number | null,
    ) => ({
      key: `p_m-night000${key}_system.raw.tar.gz`,
      versionId,
      storageClass: marker ? null : "Standard",
      current,
      deleteMarker: marker,
      lastModifiedDay: day,
      ageDays: 2 - day,
      noncurrentSinceDay: since,
    });
    expect(bucket.objects).toEqual([
      entry("1", "v2", true, true, 1, null),
      entry("1", "v1", false, false, 0, 1),
      entry("2", "v4", true, true, 2, null),
      entry("2", "v3", false, false, 1, 2),
      entry("3", "v5", true, false, 2, null),
    ]);
  });

  test("one more night and the rule has removed the first kept file; its marker goes the night after", () => {
    const keys = (nights: string) =>
      (
        (
          parse(run(["retention", outdir({ s: stack(1) }), "--nights", nights, "--json"]).out)
            .buckets as Json[]
        )[0].objects as Json[]
      ).map((o) => `${o.key} ${o.deleteMarker ? "marker" : o.current ? "current" : "kept"}`);
    expect(keys("4")).toEqual([
      "p_m-night0001_system.raw.tar.gz marker",
      "p_m-night0002_system.raw.tar.gz marker",
      "p_m-night0002_system.raw.tar.gz kept",
      "p_m-night0003_system.raw.tar.gz marker",
      "p_m-night0003_system.raw.tar.gz kept",
      "p_m-night0004_system.raw.tar.gz current",
    ]);
    expect(keys("5")[0]).toBe("p_m-night0002_system.raw.tar.gz marker");
  });

  test("--image-size adds the size per class, in GiB, from MiB, GiB or TiB", () => {
    const dir = outdir({ s: stack(1) });
    const sizes = ["512MiB", "40GiB", "1TiB", "2.5GiB"].map(
      (size) =>
        (
          parse(run(["retention", dir, "--nights", "2", "--image-size", size, "--json"]).out)
            .buckets as Json[]
        )[0],
    );
    expect(sizes.map((b) => (b.summary as Json).backupGiB)).toEqual([1, 80, 2048, 5]);
    const text = run(["retention", dir, "--nights=2", "--image-size=40GiB"]).out.join("\n");
    expect(text).toContain(
      "    class     backups  age in days    size\n    Standard        2  0-1          80 GiB\n",
    );
  });

  test("a bucket the stack doesn't create is replayed as OSS creates one, and the output says so", () => {
    const byo = {
      resource: {
        alicloud_image_export: { e: { image_id: "m-x", oss_bucket: "${var.b}", oss_prefix: "p" } },
      },
    };
    const { status, out } = run(["retention", outdir({ byo }), "--nights", "5"]);
    expect(status).toBe(EXIT_RETENTION_PRINTED);
    expect(out.join("\n")).toContain(
      "note: var.b is not created by this stack, so its versioning and lifecycle rules are unknown: it is replayed as OSS creates a bucket, unversioned and without lifecycle rules",
    );
    expect(out.join("\n")).toContain("    Standard        1  0");
  });

  test("a cdktf.out folder replays each stack with an export and leaves the others out", () => {
    const dir = outdir({
      b: stack(1),
      a: { resource: { alicloud_vpc: { v: { cidr_block: "10.0.0.0/8" } } } },
    });
    const document = parse(run(["retention", dir, "--nights", "1", "--json"]).out);
    expect((document.buckets as Json[]).map((b) => b.stack)).toEqual(["b"]);
    // A stack folder and its cdk.tf.json work as well.
    for (const given of [path.join(dir, "stacks", "b"), path.join(dir, "stacks", "b", "cdk.tf.json")]) {
      expect(run(["retention", given, "--nights", "1"]).status).toBe(EXIT_RETENTION_PRINTED);
    }
  });

  test("every example and the kitchen-sink stack replay, each bucket its exports write to", () => {
    const dir = temporaryFolder("retention-examples.");
    const app = new App({ outdir: dir, stackTraces: false });
    new BringYourOwnStack(app, "bring-your-own");
    new CrossRegionStack(app, "cross-region");
    new DocsExampleStack(app, "docs-example");
    new NightlyBackupsStack(app, "nightly-backups");
    new KitchenSinkStack(app, "kitchen-sink");
    app.synth();
    const { status, out, err } = run(["retention", dir, "--nights", "30", "--json"]);
    expect(err).toEqual([]);
    expect(status).toBe(EXIT_RETENTION_PRINTED);
    const buckets = parse(out).buckets as Json[];
    expect(buckets.map((b) => `${b.stack} ${b.declared ? b.versioning : "not declared"}`)).toEqual([
      "bring-your-own not declared",
      "cross-region Enabled",
      "cross-region Enabled",
      "docs-example Enabled",
      "kitchen-sink Enabled",
      "kitchen-sink not declared",
      "nightly-backups Enabled",
    ]);
    // The kitchen sink's image has four data disks: their files stay, four a night.
    const sink = buckets[4];
    expect(sink.exports).toEqual([expect.objectContaining({ dataDisks: 4 })]);
    expect((sink.summary as Json).dataDiskFiles).toBe(120);
  });

  test.each(["--help", "-h", "cdktf.out --nights 3 --help"])(
    "retention %s prints the usage, exit 0",
    (words) => {
      expect(run(["retention", ...words.split(" ")])).toEqual({
        status: EXIT_RETENTION_PRINTED,
        out: [RETENTION_USAGE],
        err: [],
      });
    },
  );

  test("help lists the command", () => {
    expect(USAGE).toContain(RETENTION_USAGE);
    const out: string[] = [];
    main(["--help"], { log: (line) => out.push(line), error: () => undefined });
    expect(out.join("\n")).toContain(
      "retention <cdktf.out | cdktf.out/stacks/<stack> | cdk.tf.json> --nights N",
    );
  });

  const dirWith = (document: unknown) => () => outdir({ s: document });
  test.each([
    ["no folder", () => [], "retention needs the folder to replay"],
    ["two folders", () => ["a", "b", "--nights", "1"], "expected one folder, got 2"],
    ["no --nights", () => [outdir({ s: stack() })], "retention needs --nights N"],
    [
      "--nights 0",
      () => [outdir({ s: stack() }), "--nights", "0"],
      "--nights must be a whole number from 1 to 10000, got '0'",
    ],
    [
      "--nights 10001",
      () => [outdir({ s: stack() }), "--nights", "10001"],
      "--nights must be a whole number from 1 to 10000, got '10001'",
    ],
    [
      "--nights 2.5",
      () => [outdir({ s: stack() }), "--nights", "2.5"],
      "--nights must be a whole number from 1 to 10000, got '2.5'",
    ],
    ["--nights without a value", () => [outdir({ s: stack() }), "--nights"], "--nights needs a value"],
    [
      "--image-size without a value",
      () => [outdir({ s: stack() }), "--nights", "1", "--image-size"],
      "--image-size needs a value",
    ],
    [
      "--image-size 40GB",
      () => [outdir({ s: stack() }), "--nights", "1", "--image-size", "40GB"],
      "--image-size must be a size such as 40GiB, 512MiB or 1TiB, got '40GB'",
    ],
    [
      "an unknown option",
      () => [outdir({ s: stack() }), "--nights", "1", "--days", "3"],
      "unknown option --days",
    ],
  ])("%s: the problem, the usage, exit 2", (_, args, problem) => {
    const { status, out, err } = run(["retention", ...args()]);
    expect(status).toBe(EXIT_CANNOT_REPLAY);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0].startsWith(`cdktf-alicloud-image-export: ${problem}`)).toBe(true);
    expect(err[0].endsWith(`\n\n${RETENTION_USAGE}`)).toBe(true);
  });

  test.each([
    [
      "a path that does not exist",
      () => "no-such-cdktf.out",
      "no-such-cdktf.out does not exist; synthesize the app first",
    ],
    ["an empty folder", () => temporaryFolder("empty."), "holds no synthesized stacks"],
    [
      "stacks without exports",
      dirWith({ resource: { alicloud_vpc: { v: {} } } }),
      "holds no stack with an alicloud_image_export (s), so nothing writes to a bucket",
    ],
    [
      "days known only at apply time",
      dirWith(
        stack(1, {
          lifecycle_rule: [{ enabled: true, noncurrent_version_expiration: [{ days: "${var.keep}" }] }],
        }),
      ),
      's: alicloud_oss_bucket.b lifecycle_rule[0].noncurrent_version_expiration[0].days: is known only at apply time ("${var.keep}"), and it decides what the rule does',
    ],
    [
      "a rule by last access time",
      dirWith(
        stack(1, {
          lifecycle_rule: [
            { enabled: true, transitions: [{ days: 30, storage_class: "IA", is_access_time: true }] },
          ],
        }),
      ),
      "s: alicloud_oss_bucket.b lifecycle_rule[0].transitions[0].is_access_time: a transition by last access time is not part of the simulation",
    ],
    [
      "an export without a prefix",
      dirWith({ resource: { alicloud_image_export: { e: { image_id: "m-x", oss_bucket: "b" } } } }),
      "s: alicloud_image_export.e oss_prefix: is not set, so the provider's destroy deletes a key the export never wrote",
    ],
    ["a stack that is not JSON", dirWith("{"), "s: is not valid JSON"],
    [
      "a folder where the stack file should be",
      () => {
        const dir = temporaryFolder("retention.");
        fs.mkdirSync(path.join(dir, "cdk.tf.json")); // unreadable as a file, even as root
        return dir;
      },
      "cannot read {folder}/cdk.tf.json (EISDIR)",
    ],
    [
      "a folder where a stack's file should be, in a cdktf.out folder",
      () => {
        const dir = outdir({ s: null });
        fs.mkdirSync(path.join(dir, "stacks", "s", "cdk.tf.json"));
        return dir;
      },
      "cannot read {folder}/stacks/s/cdk.tf.json (EISDIR)",
    ],
    [
      "a versioning resource whose bucket is known only at apply time and matches no bucket",
      dirWith(withVersioning("${var.other}", "exports")),
      `s: alicloud_oss_bucket_versioning.v bucket: is known only at apply time ("\${var.other}"), and it names no alicloud_oss_bucket of the stack and is not the bucket argument of one, so whether it versions alicloud_oss_bucket.b (bucket "exports") can't be told`,
    ],
    [
      "rule tags known only at apply time",
      dirWith(stack(1, { lifecycle_rule: [{ ...keepRule(1), tags: "${var.tags}" }] })),
      's: alicloud_oss_bucket.b lifecycle_rule[0].tags: is known only at apply time ("${var.tags}"), and it decides what the rule does',
    ],
    [
      "an expiration block given as an expression",
      dirWith(stack(1, { lifecycle_rule: [{ ...keepRule(1), expiration: "${var.expiration}" }] })),
      's: alicloud_oss_bucket.b lifecycle_rule[0].expiration: is known only at apply time ("${var.expiration}"), and it decides what the rule does',
    ],
    [
      "a transition in a list given as an expression",
      dirWith(stack(1, { lifecycle_rule: [{ ...keepRule(1), transitions: ["${var.transition}"] }] })),
      's: alicloud_oss_bucket.b lifecycle_rule[0].transitions[0]: is known only at apply time ("${var.transition}"), and it decides what the rule does',
    ],
    [
      "the lifecycle rules given as an expression",
      dirWith(stack(1, { lifecycle_rule: "${var.rules}" })),
      's: alicloud_oss_bucket.b lifecycle_rule: is known only at apply time ("${var.rules}"), and it decides what the bucket keeps',
    ],
    [
      "an inline versioning block given as an expression",
      dirWith(withVersioning(undefined, "exports", { versioning: "${var.versioning}" })),
      's: alicloud_oss_bucket.b versioning: is known only at apply time ("${var.versioning}"), and it decides what the bucket keeps',
    ],
    [
      "an expiration with both days and expired_object_delete_marker",
      dirWith(
        stack(1, {
          lifecycle_rule: [
            { ...keepRule(1), expiration: [{ days: 30, expired_object_delete_marker: true }] },
          ],
        }),
      ),
      "s: alicloud_oss_bucket.b lifecycle_rule[0].expiration[0]: sets both days (30) and expired_object_delete_marker, which OSS and the provider reject: one expiration takes one of them",
    ],
    [
      "a dynamic lifecycle_rule block on the bucket",
      dirWith(
        stack(1, {
          dynamic: { lifecycle_rule: { for_each: "${var.rules}", content: { enabled: true } } },
        }),
      ),
      's: alicloud_oss_bucket.b dynamic.lifecycle_rule: is a dynamic block, made at apply time from for_each "${var.rules}", and it decides what the bucket keeps; write the blocks out to replay it',
    ],
    [
      "a dynamic block in a rule",
      dirWith(
        stack(1, {
          lifecycle_rule: [
            { ...keepRule(1), dynamic: { transitions: { for_each: "${var.t}", content: { days: 1 } } } },
          ],
        }),
      ),
      's: alicloud_oss_bucket.b lifecycle_rule[0].dynamic.transitions: is a dynamic block, made at apply time from for_each "${var.t}", and it decides what the rule does; write the blocks out to replay it',
    ],
  ])("%s: a clear message, exit 2", (_, given, problem) => {
    const folder = given();
    const { status, out, err } = run(["retention", folder, "--nights", "3"]);
    expect(status).toBe(EXIT_CANNOT_REPLAY);
    expect(out).toEqual([]);
    expect(err).toEqual([expect.stringContaining(problem.replace("{folder}", folder))]);
    expect(err[0]).not.toContain("\n");
  });

  test("a versioning resource whose bucket is the bucket's own expression versions that bucket", () => {
    const document = parse(
      run([
        "retention",
        outdir({ s: withVersioning("${var.name}", "${var.name}") }),
        "--nights",
        "3",
        "--json",
      ]).out,
    );
    expect((document.buckets as Json[])[0]).toMatchObject({
      versioning: "Enabled",
      summary: { backupCount: 3, deleteMarkers: 2 },
    });
  });
});
