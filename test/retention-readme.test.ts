// The README's claims about time, replayed through the lifecycle simulation (src/retention/):
// - every row of "What happens to exported files", both columns, as a replay of that event on a stack
//   synthesized with the options the row names, read back from its JSON;
// - the numbers of "Nightly backups", from 400 nights of the nightly example;
// - the `retention` output printed under "What a bucket keeps, night after night".
// When the README and the simulation part, these fail: change whichever is wrong.
import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { NightlyBackupsStack } from "../examples/nightly-backups";
import { ExportStorageClass } from "../src";
import { dueDay } from "../src/retention/oss-bucket";
import { replayNights } from "../src/retention/replay";
import { reportNights } from "../src/retention/report";
import { readStackRetention } from "../src/retention/stack-reader";
import { ROOT, run, temporaryFolder } from "./support/command";
import { data, holdings, replayOf, sys, toDay } from "./support/retention";

const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The lines of the README section under `heading`, up to the next heading of any level. */
function section(heading: string): string {
  const start = README.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`README has no heading '${heading}'`);
  const rest = README.slice(start + heading.length + 1);
  const end = rest.search(/^#{2,3} /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The rows of the first table in `text`, each a list of trimmed cells. */
function tableRows(text: string): string[][] {
  return text
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    );
}

// One replay per row; the keys are the rows' first cells, exactly as the README writes them.
const ROWS: Record<string, { without: () => void; with: () => void }> = {
  "export replaced (new `imageId`)": {
    without: () => {
      const r = replayOf({ imageId: "m-old", bucketRetainDeletedExportsDays: 0 });
      r.replay.create(r.export, "m-old");
      toDay(r, 3);
      r.replay.replace(r.export, "m-old", "m-new");
      expect(holdings(r)).toEqual([`${sys("m-new")} Standard current`]);
    },
    with: () => {
      // N = 30 (the default); IA at 10 comes before the retention ends, Archive at 40 doesn't.
      const r = replayOf({
        imageId: "m-old",
        bucketTransitions: [
          { storageClass: ExportStorageClass.IA, afterDays: 10 },
          { storageClass: ExportStorageClass.ARCHIVE, afterDays: 40 },
        ],
      });
      r.replay.create(r.export, "m-old");
      toDay(r, 3);
      r.replay.replace(r.export, "m-old", "m-new");
      expect(holdings(r)).toEqual([
        `${sys("m-new")} Standard current`,
        `${sys("m-old")} marker current`,
        `${sys("m-old")} Standard kept`,
      ]);
      toDay(r, 13);
      expect(holdings(r)[2]).toBe(`${sys("m-old")} Standard kept`);
      toDay(r, 14); // 10 days after the replacement, from the midnight after it
      expect(holdings(r)[2]).toBe(`${sys("m-old")} IA kept`);
      toDay(r, 33);
      expect(holdings(r)[2]).toBe(`${sys("m-old")} IA kept`);
      toDay(r, 34); // 30 days after the replacement
      expect(holdings(r).filter((h) => h.startsWith(sys("m-old")))).toEqual([
        `${sys("m-old")} marker current`,
      ]);
      toDay(r, 35); // and the marker a day later
      expect(holdings(r).filter((h) => h.startsWith(sys("m-old")))).toEqual([]);

      // With bucketExpireAfterDays the marker stays.
      const expiring = replayOf({ imageId: "m-old", bucketExpireAfterDays: 400 });
      expiring.replay.create(expiring.export, "m-old");
      toDay(expiring, 3);
      expiring.replay.replace(expiring.export, "m-old", "m-new");
      toDay(expiring, 34);
      expect(holdings(expiring)).toEqual([
        `${sys("m-new")} Standard current`,
        `${sys("m-old")} marker current`,
      ]);
      toDay(expiring, 399);
      expect(holdings(expiring)).toEqual([
        `${sys("m-new")} Standard current`,
        `${sys("m-old")} marker current`,
      ]);
    },
  },
  "export destroyed": {
    without: () => {
      const r = replayOf({ imageId: "m-a", bucketRetainDeletedExportsDays: 0 });
      r.replay.create(r.export, "m-a");
      toDay(r, 2);
      r.replay.destroy(r.export, "m-a");
      expect(holdings(r)).toEqual([]);
    },
    with: () => {
      const r = replayOf({ imageId: "m-a", bucketRetainDeletedExportsDays: 7 });
      r.replay.create(r.export, "m-a");
      toDay(r, 2);
      r.replay.destroy(r.export, "m-a");
      expect(holdings(r)).toEqual([`${sys("m-a")} marker current`, `${sys("m-a")} Standard kept`]);
      toDay(r, 9);
      expect(holdings(r)).toHaveLength(2);
      toDay(r, 10);
      expect(holdings(r)).toEqual([`${sys("m-a")} marker current`]);
      toDay(r, 11);
      expect(holdings(r)).toEqual([]);

      // With bucketExpireAfterDays the rule can't also clean markers up: this one stays.
      const expiring = replayOf({
        imageId: "m-a",
        bucketRetainDeletedExportsDays: 7,
        bucketExpireAfterDays: 100,
      });
      expiring.replay.create(expiring.export, "m-a");
      toDay(expiring, 2);
      expiring.replay.destroy(expiring.export, "m-a");
      toDay(expiring, 50);
      expect(holdings(expiring)).toEqual([`${sys("m-a")} marker current`]);
    },
  },
  "data-disk files": {
    without: () => {
      const r = replayOf({ bucketRetainDeletedExportsDays: 0, dataDisks: [{ size: 20 }, { size: 20 }] });
      r.replay.create(r.export, "m-a");
      toDay(r, 1);
      r.replay.replace(r.export, "m-a", "m-b");
      toDay(r, 2);
      r.replay.destroy(r.export, "m-b");
      toDay(r, 400);
      expect(holdings(r)).toEqual([
        `${data("m-a", "xvdb")} Standard current`,
        `${data("m-a", "xvdc")} Standard current`,
        `${data("m-b", "xvdb")} Standard current`,
        `${data("m-b", "xvdc")} Standard current`,
      ]);
      const expiring = replayOf({
        bucketRetainDeletedExportsDays: 0,
        bucketExpireAfterDays: 10,
        dataDisks: [{ size: 20 }],
      });
      expiring.replay.create(expiring.export, "m-a");
      toDay(expiring, 10);
      expect(holdings(expiring)).toContain(`${data("m-a", "xvdb")} Standard current`);
      toDay(expiring, 11);
      expect(holdings(expiring)).toEqual([]);
    },
    with: () => {
      const r = replayOf({
        bucketRetainDeletedExportsDays: 5,
        bucketExpireAfterDays: 10,
        dataDisks: [{ size: 20 }],
      });
      r.replay.create(r.export, "m-a");
      toDay(r, 1);
      r.replay.destroy(r.export, "m-a");
      toDay(r, 10);
      expect(holdings(r).filter((h) => h.startsWith(data("m-a", "xvdb")))).toEqual([
        `${data("m-a", "xvdb")} Standard current`,
      ]);
      toDay(r, 11); // expired: hidden by a marker, kept 5 more days
      expect(holdings(r).filter((h) => h.startsWith(data("m-a", "xvdb")))).toEqual([
        `${data("m-a", "xvdb")} marker current`,
        `${data("m-a", "xvdb")} Standard kept`,
      ]);
      toDay(r, 16);
      expect(holdings(r)).toContain(`${data("m-a", "xvdb")} Standard kept`);
      toDay(r, 17);
      expect(holdings(r)).not.toContain(`${data("m-a", "xvdb")} Standard kept`);
    },
  },
  "the current file reaches `bucketExpireAfterDays`": {
    without: () => {
      const r = replayOf({ imageId: "m-a", bucketRetainDeletedExportsDays: 0, bucketExpireAfterDays: 10 });
      r.replay.create(r.export, "m-a");
      toDay(r, 10);
      expect(holdings(r)).toEqual([`${sys("m-a")} Standard current`]);
      toDay(r, 11);
      expect(holdings(r)).toEqual([]);
    },
    with: () => {
      const r = replayOf({
        imageId: "m-a",
        bucketRetainDeletedExportsDays: 5,
        bucketExpireAfterDays: 10,
        bucketTransitions: [{ storageClass: ExportStorageClass.IA, afterDays: 5 }],
      });
      r.replay.create(r.export, "m-a");
      toDay(r, 11);
      expect(holdings(r)).toEqual([`${sys("m-a")} marker current`, `${sys("m-a")} IA kept`]);
      toDay(r, 16);
      expect(holdings(r)).toEqual([`${sys("m-a")} marker current`, `${sys("m-a")} IA kept`]);
      toDay(r, 17);
      expect(holdings(r)).toEqual([`${sys("m-a")} marker current`]);
      toDay(r, 400);
      expect(holdings(r)).toEqual([`${sys("m-a")} marker current`]);
    },
  },
  "bucket destroyed, `bucketForceDestroy: false`": {
    without: () => {
      const withDisks = replayOf({ bucketRetainDeletedExportsDays: 0, dataDisks: [{ size: 20 }] });
      withDisks.replay.create(withDisks.export, "m-a");
      withDisks.replay.destroy(withDisks.export, "m-a");
      expect(withDisks.replay.destroyBucket(withDisks.bucket)).toEqual({ deleted: false, versions: 1 });
      const withoutDisks = replayOf({ imageId: "m-a", bucketRetainDeletedExportsDays: 0 });
      withoutDisks.replay.create(withoutDisks.export, "m-a");
      withoutDisks.replay.destroy(withoutDisks.export, "m-a");
      expect(withoutDisks.replay.destroyBucket(withoutDisks.bucket)).toEqual({ deleted: true, versions: 0 });
    },
    with: () => {
      // `terraform destroy` of the stack: the export first (it depends on the bucket), then the bucket.
      const r = replayOf({ imageId: "m-a" });
      r.replay.create(r.export, "m-a");
      toDay(r, 5);
      r.replay.destroy(r.export, "m-a");
      expect(r.replay.destroyBucket(r.bucket)).toEqual({ deleted: false, versions: 2 });
      toDay(r, 35); // d + N: the kept version is still there
      expect(r.replay.destroyBucket(r.bucket)).toEqual({ deleted: false, versions: 2 });
      toDay(r, 36); // d + N + 1: the marker is
      expect(r.replay.destroyBucket(r.bucket)).toEqual({ deleted: false, versions: 1 });
      toDay(r, 37); // d + N + 2
      expect(r.replay.destroyBucket(r.bucket)).toEqual({ deleted: true, versions: 0 });

      // Data-disk files stay, so no retry succeeds.
      const withDisks = replayOf({ dataDisks: [{ size: 20 }] });
      withDisks.replay.create(withDisks.export, "m-a");
      withDisks.replay.destroy(withDisks.export, "m-a");
      toDay(withDisks, 400);
      expect(withDisks.replay.destroyBucket(withDisks.bucket)).toEqual({ deleted: false, versions: 1 });

      // With bucketExpireAfterDays the marker stays, so no retry succeeds.
      const expiring = replayOf({ imageId: "m-a", bucketExpireAfterDays: 100 });
      expiring.replay.create(expiring.export, "m-a");
      expiring.replay.destroy(expiring.export, "m-a");
      toDay(expiring, 400);
      expect(expiring.replay.destroyBucket(expiring.bucket)).toEqual({ deleted: false, versions: 1 });
      expect(holdings(expiring)).toEqual([`${sys("m-a")} marker current`]);
    },
  },
  "bucket destroyed, `bucketForceDestroy: true`": {
    without: () => {
      const r = replayOf({
        bucketRetainDeletedExportsDays: 0,
        bucketForceDestroy: true,
        dataDisks: [{ size: 20 }],
      });
      r.replay.create(r.export, "m-a");
      r.replay.destroy(r.export, "m-a");
      expect(r.replay.destroyBucket(r.bucket)).toEqual({ deleted: true, versions: 1 });
      expect(holdings(r)).toEqual([]);
    },
    with: () => {
      const r = replayOf({ imageId: "m-a", bucketForceDestroy: true });
      r.replay.create(r.export, "m-a");
      toDay(r, 1);
      r.replay.replace(r.export, "m-a", "m-b");
      r.replay.destroy(r.export, "m-b");
      expect(r.replay.destroyBucket(r.bucket)).toEqual({ deleted: true, versions: 4 });
      expect(holdings(r)).toEqual([]);
    },
  },
};

describe("README: What happens to exported files", () => {
  const rows = tableRows(section("### What happens to exported files"));

  test("the table has one replayed row per event, and no more", () => {
    expect(rows.map((row) => row[0])).toEqual(Object.keys(ROWS));
  });

  describe.each(Object.entries(ROWS))("%s", (_, replays) => {
    test("without retention", replays.without);
    test("with retention", replays.with);
  });
});

describe("README: delete markers with bucketExpireAfterDays", () => {
  test("a nightly export leaves one a night: the bullet's replay", () => {
    const text = section("### What happens to exported files").replace(/\s+/g, " ");
    const claim =
      /replayed for (\d+) nights with `bucketRetainDeletedExportsDays: (\d+)` and `bucketExpireAfterDays: (\d+)`, the bucket holds (\d+) backups and (\d+) delete markers/.exec(
        text,
      );
    expect(claim).not.toBeNull();
    const [nights, retain, expire, backups, markers] = (claim as RegExpExecArray).slice(1).map(Number);
    expect([nights, retain, expire, backups, markers]).toEqual([200, 30, 400, 32, 199]);
    const r = replayOf({ bucketRetainDeletedExportsDays: retain, bucketExpireAfterDays: expire });
    const [report] = reportNights(replayNights(r.stack, nights));
    expect([report.backupCount, report.deleteMarkers]).toEqual([backups, markers]);
    // Without bucketExpireAfterDays the rule removes them, a day after the version they hide.
    const cleaned = replayOf({ bucketRetainDeletedExportsDays: retain });
    const [cleanReport] = reportNights(replayNights(cleaned.stack, nights));
    expect([cleanReport.backupCount, cleanReport.deleteMarkers]).toEqual([32, 32]);
  });
});

describe("README: Nightly backups, 400 nights of the example", () => {
  const outdir = temporaryFolder("retention-readme.");
  const app = new App({ outdir, stackTraces: false });
  new NightlyBackupsStack(app, "nightly-backups");
  app.synth();
  const stackFile = path.join(outdir, "stacks", "nightly-backups", "cdk.tf.json");
  const retention = readStackRetention(fs.readFileSync(stackFile, "utf8"), "nightly-backups");
  const nights = 400;
  const result = replayNights(retention, nights);
  const [report] = reportNights(result);
  const nightly = section(
    "### Nightly backups ([`examples/nightly-backups.ts`](examples/nightly-backups.ts))",
  );

  test("every night from the 34th is still there, the last 32 in Standard, the others in Archive", () => {
    const today = nights - 1;
    const backups = report.objects.filter((o) => !o.deleteMarker);
    const expected = Array.from({ length: nights - 33 }, (_, i) => 34 + i).map((night) => {
      const age = today - (night - 1);
      return `${sys(`m-night${String(night).padStart(4, "0")}`)} ${age <= 31 ? "Standard" : "Archive"} ${night === nights ? "current" : "kept"}`;
    });
    expect(backups.map((o) => `${o.key} ${o.storageClass} ${o.current ? "current" : "kept"}`)).toEqual(
      expected,
    );
  });

  test("the section's table is what the replay shows", () => {
    const rows = tableRows(nightly);
    const all = report.backups;
    expect(rows).toEqual([
      ...all.map((row) => [row.storageClass, String(row.count), `${row.youngestDays}-${row.oldestDays}`]),
      [
        "total",
        String(report.backupCount),
        `${Math.min(...all.map((r) => r.youngestDays))}-${Math.max(...all.map((r) => r.oldestDays))}`,
      ],
    ]);
    expect(nightly).toContain("Replayed for 400 nights");
  });

  test("the section's sentences are what the replay shows", () => {
    const text = nightly.replace(/\s+/g, " ");
    expect(Number(/The oldest is (\d+) days old/.exec(text)?.[1])).toBe(report.oldestRestorable?.ageDays);
    expect(Number(/Beside them are (\d+) delete markers/.exec(text)?.[1])).toBe(report.deleteMarkers);
    expect(text).toContain("no file leaves Archive before its 60 billed days");
    expect(report.earlyLeaves).toEqual([]);
    expect(text).toContain("is deleted 365 days after it was replaced");
    // OSS's example, against the day the replay removes the file (dueDay: days from the midnight after).
    const example =
      /modified on (\w+ \d+) under a (\d+)-day rule expires at 00:00 UTC on (\w+ \d+) and is deleted by (\w+ \d+), one or two days after the replay removes it \((\w+ \d+)\), so the real bucket holds at least these, and at times one or two more/.exec(
        text,
      );
    expect(example).not.toBeNull();
    const [modified, days, expires, deletedBy, replayed] = (example as RegExpExecArray).slice(1);
    const dayOf = (date: string) =>
      (Date.parse(`${date}, 2022 UTC`) - Date.parse("October 27, 2022 UTC")) / 86_400_000;
    expect([modified, days, expires, deletedBy]).toEqual(["October 27", "30", "November 28", "November 29"]);
    expect(dayOf(replayed)).toBe(dueDay(dayOf(modified), Number(days)));
    // Deleted at the latest just before the end of the day after it expires: two days after the replay.
    expect(dayOf(deletedBy) - dayOf(replayed)).toBe(2);
    expect(dayOf(expires) - dayOf(replayed)).toBe(1);
    expect(retention.buckets[0].rules[0].noncurrentExpirationDays).toBe(365);
  });

  test("the `retention` output under 'What a bucket keeps, night after night' is the command's", () => {
    const block =
      /```sh\n(npx cdktf synth && npx cdktf-alicloud-image-export retention [^\n]*)\n[\s\S]*?```\n\n```\n([\s\S]*?)\n```/.exec(
        section("## What a bucket keeps, night after night"),
      );
    expect(block).not.toBeNull();
    const args = (block as RegExpExecArray)[1].replace(/^.*cdktf-alicloud-image-export /, "").split(" ");
    expect(args).toEqual([
      "retention",
      "cdktf.out/stacks/nightly-backups",
      "--nights",
      "400",
      "--image-size",
      "40GiB",
    ]);
    const { status, out, err } = run([
      ...args.slice(0, 1),
      path.join(outdir, "stacks", "nightly-backups"),
      ...args.slice(2),
    ]);
    expect(err).toEqual([]);
    expect(status).toBe(0);
    expect(out.join("\n")).toBe((block as RegExpExecArray)[2]);
  });
});
