// What a change destroys, through real Terraform (src/diff/): each known truth below is a pair of
// synthesized stacks, the before side applied into a temporary state and the after side planned against
// it. All pairs run in one Terraform session (one provider server), in two rounds: the second plans the
// renamed app again with the moveFromId calls the first round printed. These tests need the `terraform`
// binary; without it they fail saying so.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, LocalBackend, TerraformResource, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { formatStack, ResourceChangeReport, StackDiff, summarize } from "../src/diff/report";
import { diffInSession, StackPair } from "../src/diff/runner";
import { detectMoves } from "../src/diff/moves";
import { rendered } from "../src/diff/config";
import { parseReplacementRules } from "../src/terraform/replacement-rules";
import { findTerraform, withTerraformSession } from "../src/terraform/session";
import { setupTerraformMatchers } from "../src/testing";
import { alicloud, ImageExport, ImageExportProps } from "../src";

setupTerraformMatchers();

const TERRAFORM_TIMEOUT = 240_000;

/** Fails (never skips) when there is no terraform, saying what to do. */
function requireTerraform(): void {
  try {
    findTerraform();
  } catch (e) {
    throw new Error(`These tests run real Terraform, and ${(e as Error).message}.`);
  }
}

/**
 * A stack named "app" (with a Hangzhou provider) as `cdktf synth` writes it, `//` metadata included:
 * the construct paths the report names come from there.
 */
function synthesized(build: (stack: TerraformStack) => void, name = "app"): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "diff-app-"));
  try {
    const app = new App({ outdir, stackTraces: false });
    const stack = new TerraformStack(app, name);
    new LocalBackend(stack, { path: `${name}.tfstate` });
    build(stack);
    app.synth();
    return fs.readFileSync(path.join(outdir, "stacks", name, "cdk.tf.json"), "utf8");
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** An app with one ImageExport, `id`, in Hangzhou. */
function exportApp(props: ImageExportProps, id = "Export", after?: (stack: TerraformStack) => void): string {
  return synthesized((stack) => {
    new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
    new ImageExport(stack, id, props);
    after?.(stack);
  });
}

/** An export of a given image into a bucket the construct creates. */
const BYO_IMAGE: ImageExportProps = { imageId: "m-bp1nightly0001", ossPrefix: "nightly" };
const SCAFFOLD: ImageExportProps = { ossPrefix: "nightly", zoneId: "cn-hangzhou-h" };

/** The README's rename: an export of tonight's image into a bucket of its own, in a stack nightly-backups. */
function nightlyApp(id: string): string {
  return synthesized((stack) => {
    new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
    const imageId = new TerraformVariable(stack, "image_id", { type: "string" });
    new ImageExport(stack, id, {
      imageId: imageId.stringValue,
      ossPrefix: "nightly",
      bucketNamePrefix: "nightly-backups",
    });
  }, "nightly-backups");
}

/** Two instances whose image changes, under providers with and without replace_on_image_update. */
function instancesApp(imageId: string): string {
  return synthesized((stack) => {
    const replacing = new alicloud.provider.AlicloudProvider(stack, "alicloud", {
      region: "cn-hangzhou",
      features: { ecsInstance: { replaceOnImageUpdate: true } },
    });
    const plain = new alicloud.provider.AlicloudProvider(stack, "plain", {
      region: "cn-hangzhou",
      alias: "plain",
    });
    for (const [id, provider] of [
      ["Replacing", replacing],
      ["InPlace", plain],
    ] as const) {
      new alicloud.instance.Instance(stack, id, {
        provider,
        imageId,
        instanceType: "ecs.g7.large",
        vswitchId: "vsw-bp1example",
        securityGroups: ["sg-bp1example"],
      });
    }
  });
}

/** Each known truth: the stacks before and after the change. */
const PAIRS: StackPair[] = [
  { name: "oss-prefix", before: exportApp(SCAFFOLD), after: exportApp({ ...SCAFFOLD, ossPrefix: "weekly" }) },
  { name: "unchanged", before: exportApp(SCAFFOLD), after: exportApp(SCAFFOLD) },
  {
    name: "create-timeout",
    before: exportApp(BYO_IMAGE),
    after: exportApp({ ...BYO_IMAGE, createTimeout: "1h" }),
  },
  {
    name: "retention",
    before: exportApp(BYO_IMAGE),
    after: exportApp({ ...BYO_IMAGE, bucketRetainDeletedExportsDays: 7 }),
  },
  {
    name: "bucket-prefix",
    before: exportApp(BYO_IMAGE),
    after: exportApp({ ...BYO_IMAGE, bucketNamePrefix: "exports" }),
  },
  {
    name: "bucket-prefix-force-destroy",
    before: exportApp({ ...BYO_IMAGE, bucketForceDestroy: true }),
    after: exportApp({ ...BYO_IMAGE, bucketForceDestroy: true, bucketNamePrefix: "exports" }),
  },
  { name: "rename", before: exportApp(SCAFFOLD), after: exportApp(SCAFFOLD, "Backup") },
  { name: "zone", before: exportApp(SCAFFOLD), after: exportApp({ ...SCAFFOLD, zoneId: "cn-hangzhou-k" }) },
  {
    name: "source-image",
    before: exportApp({ ...SCAFFOLD, sourceImageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd" }),
    after: exportApp({ ...SCAFFOLD, sourceImageId: "ubuntu_24_04_x64_20G_alibase_20250101.vhd" }),
  },
  { name: "instance-image", before: instancesApp("m-bp1old"), after: instancesApp("m-bp1new") },
  { name: "nightly-backups", before: nightlyApp("Backup"), after: nightlyApp("Nightly") },
  {
    name: "rename-default-prefix",
    before: exportApp({ imageId: "m-bp1abc", ossBucket: "exports" }),
    after: exportApp({ imageId: "m-bp1abc", ossBucket: "exports" }, "Backup"),
  },
];

/** Applies the `moveFromId` lines a report printed (`<construct path>: resource.moveFromId("...");`). */
function applyMoves(stack: TerraformStack, printed: readonly string[]): number {
  let applied = 0;
  for (const line of printed) {
    const match = /^\s+(\S+): resource\.moveFromId\("([^"]+)"\);$/.exec(line);
    if (!match) continue;
    const resource = stack.node.findAll().find((c) => c.node.path === `${stack.node.id}/${match[1]}`);
    (resource as TerraformResource).moveFromId(match[2]);
    applied++;
  }
  return applied;
}

describe("known truths, through real Terraform", () => {
  const results = new Map<string, StackDiff>();
  let printedForRename: string[] = [];
  let terraformVersion = "";

  beforeAll(async () => {
    requireTerraform();
    await withTerraformSession({}, {}, async (session) => {
      terraformVersion = await session.version();
      for (const stack of await diffInSession(session, PAIRS)) results.set(stack.stack, stack);
      // Round two: the renamed app, with the calls the first round printed.
      printedForRename = formatStack(results.get("rename")!);
      const fixed = exportApp(SCAFFOLD, "Backup", (stack) =>
        expect(applyMoves(stack, printedForRename)).toBe(12),
      );
      const [moved] = await diffInSession(session, [
        { name: "rename-moved", before: exportApp(SCAFFOLD), after: fixed },
      ]);
      results.set(moved.stack, moved);
    });
  }, TERRAFORM_TIMEOUT);

  /** The stack's result, compared without Terraform errors. */
  const result = (name: string): StackDiff => {
    const stack = results.get(name)!;
    expect(stack.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(stack.compared).toBe(true);
    return stack;
  };
  /** The changes other than no-ops, as action, construct path, reason and replace paths. */
  const changes = (name: string) =>
    result(name)
      .changes.filter((c) => c.action !== "no-op")
      .map(({ action, constructPath, actionReason, replacePaths }) =>
        [action, constructPath, actionReason ?? "", replacePaths.join(" ")].join(" | "),
      )
      .sort();
  const change = (name: string, constructPath: string): ResourceChangeReport =>
    result(name).changes.find((c) => c.constructPath === constructPath)!;

  test("a changed ossPrefix replaces the export and names the key its destroy deletes", () => {
    expect(changes("oss-prefix")).toEqual([
      "replace | Export/Resource | replace_because_cannot_update | oss_prefix",
    ]);
    expect(change("oss-prefix", "Export/Resource").consequences).toEqual([
      "replaces `Export/Resource`: deletes `nightly_m-…_system.raw.tar.gz` from `image-export-…`; kept 30 days as a noncurrent version",
    ]);
    expect(result("oss-prefix").destroys).toBe(true);
  });

  test("an unchanged app plans no changes", () => {
    const stack = result("unchanged");
    expect(stack.changes.map((c) => c.action)).toEqual(new Array(12).fill("no-op"));
    expect(stack.destroys).toBe(false);
    expect(formatStack(stack)).toEqual(["unchanged: 12 unchanged"]);
  });

  test("a changed createTimeout destroys nothing: Terraform plans no change at all", () => {
    const stack = result("create-timeout");
    expect(
      JSON.parse(PAIRS[2].after as string).resource.alicloud_image_export.Export_16632B07.timeouts,
    ).toEqual({
      create: "1h",
    });
    expect(changes("create-timeout")).toEqual([]);
    expect(stack.destroys).toBe(false);
  });

  test("a changed bucketRetainDeletedExportsDays updates the bucket in place", () => {
    expect(changes("retention")).toEqual(["update | Export/Bucket/Resource |  | "]);
    const bucket = change("retention", "Export/Bucket/Resource");
    expect(bucket.changedArguments).toEqual(["lifecycle_rule"]);
    expect(bucket.consequences).toEqual([
      "updates `Export/Bucket/Resource` in place: deleted exports are now kept 7 days (were 30 days)",
    ]);
    expect(result("retention").destroys).toBe(false);
  });

  test("a changed bucketNamePrefix replaces the bucket, everything naming it, and the export; without force_destroy the destroy fails", () => {
    expect(changes("bucket-prefix")).toEqual([
      "replace | Export/Bucket/Acl | replace_because_cannot_update | bucket",
      "replace | Export/Bucket/Encryption | replace_because_cannot_update | bucket",
      "replace | Export/Bucket/PublicAccessBlock | replace_because_cannot_update | bucket",
      "replace | Export/Bucket/Resource | replace_because_cannot_update | bucket",
      "replace | Export/Bucket/Versioning | replace_because_cannot_update | bucket",
      "replace | Export/Resource | replace_because_cannot_update | oss_bucket",
    ]);
    expect(change("bucket-prefix", "Export/Bucket/Resource").consequences).toEqual([
      "replaces `Export/Bucket/Resource`: without force_destroy the destroy fails while the bucket holds any file (kept versions and delete markers count), and the apply stops there",
    ]);
    expect(change("bucket-prefix", "Export/Resource").consequences).toEqual([
      "replaces `Export/Resource`: deletes `nightly_m-bp1nightly0001_system.raw.tar.gz` from `image-export-…`; kept 30 days as a noncurrent version",
    ]);
  });

  test("with bucketForceDestroy, replacing the bucket deletes every export in it, kept versions too", () => {
    expect(change("bucket-prefix-force-destroy", "Export/Bucket/Resource").consequences).toEqual([
      "replaces `Export/Bucket/Resource` with `force_destroy`: every export in the bucket is deleted, kept versions too",
    ]);
  });

  test("a renamed construct replaces everything under it, and says which resources moved", () => {
    const stack = result("rename");
    expect(stack.changes.map((c) => c.action).sort()).toEqual([
      ...new Array(12).fill("create"),
      ...new Array(12).fill("delete"),
    ]);
    expect(change("rename", "Export/Resource").consequences).toEqual([
      "destroys `Export/Resource`: deletes `nightly_m-…_system.raw.tar.gz` from `image-export-…`; kept 30 days as a noncurrent version",
    ]);
    expect(
      stack.moves.map((m) => `${m.fromPath} -> ${m.toPath}${m.updates.length ? ` (${m.updates})` : ""}`),
    ).toEqual([
      "Export/Bucket/Acl -> Backup/Bucket/Acl",
      "Export/Bucket/Encryption -> Backup/Bucket/Encryption",
      "Export/Bucket/NameSuffix -> Backup/Bucket/NameSuffix",
      "Export/Bucket/PublicAccessBlock -> Backup/Bucket/PublicAccessBlock",
      "Export/Bucket/Resource -> Backup/Bucket/Resource",
      "Export/Bucket/Versioning -> Backup/Bucket/Versioning",
      "Export/Resource -> Backup/Resource",
      "Export/Scaffold/Instance -> Backup/Scaffold/Instance",
      // The image's default name is derived from its construct path: renamed, it is updated in place.
      "Export/Scaffold/Resource -> Backup/Scaffold/Resource (image_name)",
      "Export/Scaffold/SecurityGroup -> Backup/Scaffold/SecurityGroup",
      "Export/Scaffold/Vpc -> Backup/Scaffold/Vpc",
      "Export/Scaffold/Vswitch -> Backup/Scaffold/Vswitch",
    ]);
    const exported = stack.moves.find((m) => m.toPath === "Backup/Resource")!;
    expect(printedForRename).toContain(
      `    Backup/Resource: resource.moveFromId("alicloud_image_export.Export_16632B07");`,
    );
    expect(printedForRename).toContain(
      `    {"from":"alicloud_image_export.Export_16632B07","to":"${exported.to}"}`,
    );
    expect(exported.movedBlock).toBe(
      `moved {\n  from = alicloud_image_export.Export_16632B07\n  to   = ${exported.to}\n}`,
    );
  });

  test("with the printed moveFromId calls, Terraform moves them instead: nothing is destroyed", () => {
    const stack = result("rename-moved");
    expect(changes("rename-moved")).toEqual([
      ...[
        "Bucket/Acl",
        "Bucket/Encryption",
        "Bucket/NameSuffix",
        "Bucket/PublicAccessBlock",
        "Bucket/Resource",
        "Bucket/Versioning",
        "Resource",
        "Scaffold/Instance",
        "Scaffold/SecurityGroup",
        "Scaffold/Vpc",
        "Scaffold/Vswitch",
      ].map((p) => `move | Backup/${p} |  | `),
      "update | Backup/Scaffold/Resource |  | ",
    ]);
    expect(change("rename-moved", "Backup/Resource").previousAddress).toBe(
      "alicloud_image_export.Export_16632B07",
    );
    expect(change("rename-moved", "Backup/Scaffold/Resource").changedArguments).toEqual(["image_name"]);
    expect(stack.destroys).toBe(false);
    expect(stack.moves).toEqual([]);
  });

  test("an export whose default ossPrefix comes from its path can't move when renamed: the report says what keeps it", () => {
    const stack = result("rename-default-prefix");
    expect(stack.moves).toEqual([]);
    expect(formatStack(stack)).toEqual([
      "rename-default-prefix: 1 to delete, 1 to create (destroys)",
      "  delete  `Export/Resource` (alicloud_image_export.Export_16632B07)",
      "          why: delete_because_no_resource_config",
      "          destroys `Export/Resource`: deletes `Export1133d614_m-bp1abc_system.raw.tar.gz` from `exports`; " +
        "whether it can be restored depends on that bucket's versioning, which this stack does not manage",
      "          not a move: `Backup/Resource` is the same alicloud_image_export but for oss_prefix (was `Export1133d614`), " +
        "which forces a replacement; keep it as before and it can move",
      "  create  `Backup/Resource` (alicloud_image_export.Backup_DA3807AC)",
    ]);
  });

  test("the README's rename prints what the README shows", () => {
    const stack = result("nightly-backups");
    const printed = [
      ...formatStack(stack),
      summarize({
        terraformVersion,
        stacks: [stack],
        onlyBefore: [],
        onlyAfter: [],
        destroys: true,
        errorCount: 0,
      }),
    ];
    const readme = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
    const intro = "rename of `Backup` to `Nightly` prints (exit status 1):\n\n```\n";
    const start = readme.indexOf(intro);
    expect(start).toBeGreaterThan(0);
    const block = readme.slice(start + intro.length, readme.indexOf("```", start + intro.length));
    expect(block.trimEnd().split("\n")).toEqual(printed);
  });

  test("a new zone replaces the instance, and with it the image (replace_triggered_by) and the export", () => {
    expect(changes("zone")).toEqual([
      "replace | Export/Resource | replace_because_cannot_update | image_id",
      // Its new vSwitch alone would update it in place (vswitch_id is not ForceNew); the zone replaces it.
      "replace | Export/Scaffold/Instance | replace_because_cannot_update | availability_zone",
      "replace | Export/Scaffold/Resource | replace_by_triggers | ",
      "replace | Export/Scaffold/Vswitch | replace_because_cannot_update | zone_id",
    ]);
    expect(change("zone", "Export/Resource").consequences).toEqual([
      "replaces `Export/Resource`: deletes `nightly_m-…_system.raw.tar.gz` from `image-export-…`; kept 30 days as a noncurrent version",
    ]);
  });

  test("a new source image updates the instance in place (its system disk), and replaces the image and the export", () => {
    expect(changes("source-image")).toEqual([
      "replace | Export/Resource | replace_because_cannot_update | image_id",
      "replace | Export/Scaffold/Resource | replace_by_triggers | ",
      "update | Export/Scaffold/Instance |  | ",
    ]);
  });

  test("alicloud_instance's image_id replaces only under a provider with replace_on_image_update", () => {
    expect(changes("instance-image")).toEqual([
      "replace | Replacing | replace_because_cannot_update | image_id",
      "update | InPlace |  | ",
    ]);
  });
});

describe("moves without Terraform", () => {
  const rules = parseReplacementRules(
    fs.readFileSync(path.join(__dirname, "..", "schema", "replacement.json"), "utf8"),
    "replacement.json",
  );

  test("twins are told apart by what refers to them: two renamed exports in two regions", () => {
    const bucketOf = (provider: string, suffix: string) => ({
      provider,
      bucket: `image-export-\${random_integer.${suffix}.result}`,
    });
    const before = {
      resource: {
        random_integer: { OldA: { min: 1, max: 9 }, OldB: { min: 1, max: 9 } },
        alicloud_oss_bucket: {
          BucketA: bucketOf("alicloud.a", "OldA"),
          BucketB: bucketOf("alicloud.b", "OldB"),
        },
      },
    };
    const after = {
      resource: {
        random_integer: { NewA: { min: 1, max: 9 }, NewB: { min: 1, max: 9 } },
        alicloud_oss_bucket: {
          NewBucketA: bucketOf("alicloud.a", "NewA"),
          NewBucketB: bucketOf("alicloud.b", "NewB"),
        },
      },
    };
    const moves = detectMoves(
      before,
      after,
      [
        "random_integer.OldA",
        "random_integer.OldB",
        "alicloud_oss_bucket.BucketA",
        "alicloud_oss_bucket.BucketB",
      ],
      [
        "random_integer.NewA",
        "random_integer.NewB",
        "alicloud_oss_bucket.NewBucketA",
        "alicloud_oss_bucket.NewBucketB",
      ],
      rules,
    );
    expect(moves.moves.map((m) => `${m.from} -> ${m.to}`).sort()).toEqual([
      "alicloud_oss_bucket.BucketA -> alicloud_oss_bucket.NewBucketA",
      "alicloud_oss_bucket.BucketB -> alicloud_oss_bucket.NewBucketB",
      "random_integer.OldA -> random_integer.NewA",
      "random_integer.OldB -> random_integer.NewB",
    ]);
  });

  test("a changed ForceNew argument is no move, and neither is anything ambiguous", () => {
    const before = {
      resource: { alicloud_image_export: { Old: { image_id: "m-1", oss_bucket: "b", oss_prefix: "a" } } },
    };
    const after = {
      resource: { alicloud_image_export: { New: { image_id: "m-1", oss_bucket: "b", oss_prefix: "z" } } },
    };
    expect(
      detectMoves(before, after, ["alicloud_image_export.Old"], ["alicloud_image_export.New"], rules),
    ).toEqual({
      moves: [],
      blocked: [
        {
          type: "alicloud_image_export",
          from: "alicloud_image_export.Old",
          to: "alicloud_image_export.New",
          fromPath: "alicloud_image_export.Old",
          toPath: "alicloud_image_export.New",
          arguments: [{ name: "oss_prefix", before: "a" }],
        },
      ],
    });
    const twins = { resource: { random_integer: { A: { min: 1, max: 2 }, B: { min: 1, max: 2 } } } };
    const renamed = { resource: { random_integer: { C: { min: 1, max: 2 }, D: { min: 1, max: 2 } } } };
    const [deleted, created] = [
      ["random_integer.A", "random_integer.B"],
      ["random_integer.C", "random_integer.D"],
    ];
    expect(detectMoves(twins, renamed, deleted, created, rules)).toEqual({ moves: [], blocked: [] });
  });

  test("values read through references, and ids keep their format", () => {
    const config = {
      resource: {
        alicloud_oss_bucket: { B: { bucket: "image-export-${random_integer.S.result}" } },
        random_integer: { S: { min: 1, max: 2 } },
      },
    };
    expect(rendered("${alicloud_oss_bucket.B.bucket}", config)).toBe("image-export-…");
    expect(rendered("p_${alicloud_image.I.id}_x", config)).toBe("p_m-…_x");
    expect(rendered("${var.image_id}", config)).toBe("…");
  });
});

describe("the jest matcher", () => {
  beforeAll(() => requireTerraform());

  test(
    "passes when nothing is destroyed, fails with the report when something is; takes JSON, objects and folders",
    async () => {
      const stack = (prefix: string) => {
        const s = new TerraformStack(Testing.app(), "exports");
        new alicloud.provider.AlicloudProvider(s, "alicloud", { region: "cn-hangzhou" });
        new ImageExport(s, "Export", { imageId: "m-bp1abc", ossBucket: "exports", ossPrefix: prefix });
        return s;
      };
      const before = Testing.synth(stack("nightly"));
      await expect(Testing.synth(stack("nightly"))).toPlanWithoutDestroying(JSON.parse(before));
      const folder = Testing.fullSynth(stack("weekly"));
      try {
        await expect(expect(folder).toPlanWithoutDestroying(before)).rejects.toThrow(
          "replaces `Export/Resource`: deletes `nightly_m-bp1abc_system.raw.tar.gz` from `exports`; " +
            "whether it can be restored depends on that bucket's versioning, which this stack does not manage",
        );
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
      await expect(expect(new Construct(Testing.app(), "x")).toPlanWithoutDestroying(before)).rejects.toThrow(
        "the received stacks is the construct 'x', not its synthesized JSON; pass the JSON text of a cdk.tf.json " +
          "(e.g. Testing.synth(stack)) or that document parsed, or an output folder (e.g. the folder Testing.fullSynth(stack) returns)",
      );
      // A folder of two stacks against one stack's JSON: nothing to compare, a failed expectation.
      const two = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), "cdktf.out.")) });
      for (const name of ["a", "b"]) new TerraformStack(two, name);
      two.synth();
      try {
        await expect(expect(two.outdir).toPlanWithoutDestroying(before)).rejects.toThrow(
          "toPlanWithoutDestroying: nothing was compared: no stack is in both outputs (before: stack; after: a, b)",
        );
        // Not even negated: "expected to destroy" can't pass on input nobody compared.
        await expect(expect(two.outdir).not.toPlanWithoutDestroying(before)).rejects.toThrow(
          "nothing was compared",
        );
        await expect(expect("cdktf.out/no-such-stack").not.toPlanWithoutDestroying(before)).rejects.toThrow(
          "nothing was compared: the received stacks: cdktf.out/no-such-stack",
        );
      } finally {
        fs.rmSync(two.outdir, { recursive: true, force: true });
      }
    },
    TERRAFORM_TIMEOUT,
  );
});

describe("the summary line", () => {
  const stack = (name: string, compared: boolean, destroyed: number): StackDiff => ({
    stack: name,
    compared,
    changes: Array.from({ length: destroyed }, () => ({ destroys: true }) as ResourceChangeReport),
    moves: [],
    blockedMoves: [],
    diagnostics: [],
    destroys: destroyed > 0,
  });
  const line = (stacks: StackDiff[]) =>
    summarize({
      terraformVersion: "1.11.4",
      stacks,
      onlyBefore: [],
      onlyAfter: [],
      destroys: false,
      errorCount: 0,
    });
  const BY = "terraform 1.11.4, offline, with the vendored provider schemas and replacement rules";

  test("says what the compared stacks destroy when another could not be compared", () => {
    expect(line([stack("a", false, 0), stack("b", true, 2), stack("c", true, 0)])).toBe(
      `1 of 3 stacks could not be compared; 2 resources would be destroyed or replaced in 1 of the others (${BY}).`,
    );
    expect(line([stack("a", false, 0), stack("b", true, 0)])).toBe(
      `1 of 2 stacks could not be compared; nothing would be destroyed or replaced in the others (${BY}).`,
    );
    expect(line([stack("a", false, 0)])).toBe(`1 of 1 stack could not be compared (${BY}).`);
  });
});
