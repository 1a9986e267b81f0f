// Edge cases of retention, each replayed through the lifecycle simulation (src/retention/) on a stack
// synthesized with the options that make it, read back from its JSON.
import { ExportStorageClass, ImageExportProps } from "../src";
import { replayNights } from "../src/retention/replay";
import { formatBucketReport, reportNights } from "../src/retention/report";
import { EarlyLeave, Versioning } from "../src/retention/oss-bucket";
import { warningsOf } from "./support/config";
import { data, holdings, replayOf, sys, toDay } from "./support/retention";

const night = (n: number) => `m-night${String(n).padStart(4, "0")}`;

describe("retention edge cases", () => {
  test("retention 0: an unversioned bucket keeps nothing but tonight's export", () => {
    const r = replayOf({ imageId: "m-a", bucketRetainDeletedExportsDays: 0 });
    expect(r.stack.buckets[0].versioning).toBe(Versioning.UNVERSIONED);
    const [report] = reportNights(replayNights(r.stack, 10));
    expect(report.objects.map((o) => [o.key, o.storageClass, o.current, o.deleteMarker])).toEqual([
      [sys(night(10)), "Standard", true, false],
    ]);
    expect(report.oldestRestorable).toEqual({
      key: sys(night(10)),
      storageClass: "Standard",
      ageDays: 0,
      night: 10,
      current: true,
    });
  });

  test("a destroy, then the delete marker expiring: the bucket ends empty and can go without force", () => {
    const r = replayOf({ imageId: "m-a", bucketRetainDeletedExportsDays: 3 });
    r.replay.create(r.export, "m-a");
    toDay(r, 5);
    r.replay.destroy(r.export, "m-a");
    toDay(r, 9);
    expect(holdings(r)).toEqual([`${sys("m-a")} marker current`]);
    toDay(r, 10);
    expect(holdings(r)).toEqual([]);
    const { simulated } = r.replay.bucketList()[0];
    expect(simulated.events.filter((e) => e.kind !== "write").map((e) => `${e.kind} day ${e.day}`)).toEqual([
      "delete day 5",
      "expireNoncurrent day 9",
      "removeDeleteMarker day 10",
    ]);
    expect(r.replay.destroyBucket(r.bucket)).toEqual({ deleted: true, versions: 0 });
  });

  test("an export replaced twice in one day: both replaced files are kept, counted from that day", () => {
    const r = replayOf({ imageId: "m-a", bucketRetainDeletedExportsDays: 2 });
    r.replay.create(r.export, "m-a");
    toDay(r, 4);
    r.replay.replace(r.export, "m-a", "m-b");
    r.replay.replace(r.export, "m-b", "m-c");
    expect(r.replay.requests.map((q) => `${q.day} ${q.operation} ${q.key}`)).toEqual([
      `0 write ${sys("m-a")}`,
      `4 delete ${sys("m-a")}`,
      `4 write ${sys("m-b")}`,
      `4 delete ${sys("m-b")}`,
      `4 write ${sys("m-c")}`,
    ]);
    toDay(r, 6);
    expect(holdings(r)).toEqual([
      `${sys("m-a")} marker current`,
      `${sys("m-a")} Standard kept`,
      `${sys("m-b")} marker current`,
      `${sys("m-b")} Standard kept`,
      `${sys("m-c")} Standard current`,
    ]);
    toDay(r, 7); // 2 days after day 4, from the midnight after it: both go on the same run
    expect(holdings(r)).toEqual([
      `${sys("m-a")} marker current`,
      `${sys("m-b")} marker current`,
      `${sys("m-c")} Standard current`,
    ]);
  });

  test("data-disk files: no destroy removes them, so they pile up night after night", () => {
    const r = replayOf({ dataDisks: [{ size: 20 }, { size: 40 }] });
    const [report] = reportNights(replayNights(r.stack, 50));
    expect(report.exports).toEqual([{ address: r.export, ossPrefix: "nightly", dataDisks: 2 }]);
    expect(report.backupCount).toBe(32); // tonight's and the 31 kept by the default 30 days
    expect(report.dataDiskFiles).toEqual([
      { storageClass: "Standard", count: 100, youngestDays: 0, oldestDays: 49, gib: undefined },
    ]);
    const disks = report.objects.filter((o) => o.key.includes("_data_"));
    expect(disks.every((o) => o.current && !o.deleteMarker)).toBe(true);
    expect(disks.map((o) => o.key).slice(0, 2)).toEqual([data(night(1), "xvdb"), data(night(1), "xvdc")]);
  });

  test("bucketExpireAfterDays with kept versions: the current file expires into a kept version, and the markers stay", () => {
    const r = replayOf({ imageId: "m-a", bucketRetainDeletedExportsDays: 5, bucketExpireAfterDays: 10 });
    r.replay.create(r.export, "m-a");
    toDay(r, 1);
    r.replay.replace(r.export, "m-a", "m-b"); // m-a kept until day 7
    toDay(r, 11);
    expect(holdings(r)).toEqual([`${sys("m-a")} marker current`, `${sys("m-b")} Standard current`]);
    toDay(r, 12); // m-b, written on day 1, expires 10 days after the midnight after
    expect(holdings(r)).toEqual([
      `${sys("m-a")} marker current`,
      `${sys("m-b")} marker current`,
      `${sys("m-b")} Standard kept`,
    ]);
    toDay(r, 18);
    expect(holdings(r)).toEqual([`${sys("m-a")} marker current`, `${sys("m-b")} marker current`]);
    // Destroying the export now deletes a key that is already hidden: a second marker, over the first,
    // which then goes as a kept version does.
    r.replay.destroy(r.export, "m-b");
    expect(holdings(r)).toEqual([
      `${sys("m-a")} marker current`,
      `${sys("m-b")} marker current`,
      `${sys("m-b")} marker kept`,
    ]);
    toDay(r, 400);
    expect(holdings(r)).toEqual([`${sys("m-a")} marker current`, `${sys("m-b")} marker current`]);
  });

  test("a transition to a class whose billed minimum outlasts the retention: warned at synth, billed in the replay", () => {
    const r = replayOf({
      imageId: "m-a",
      bucketRetainDeletedExportsDays: 30,
      bucketTransitions: [{ storageClass: ExportStorageClass.COLD_ARCHIVE, afterDays: 10 }],
    });
    expect(warningsOf(r.construct)).toEqual([
      "ImageExport at 'stack/Export': bucketTransitions[0] moves kept versions of deleted and replaced exports to ColdArchive 10 days after the deletion or replacement and they are deleted 30 days after it (bucketRetainDeletedExportsDays 30), so an export replaced the day after it was written (as a nightly export is) may spend as little as 19 days in ColdArchive; OSS bills ColdArchive for at least 180 days in ColdArchive.",
      "ImageExport at 'stack/Export': bucketTransitions[0].storageClass is 'ColdArchive', which not every region offers: make sure the bucket's region does, or OSS rejects the lifecycle rule at apply time.",
    ]);
    const [report] = reportNights(replayNights(r.stack, 60));
    // Night n is replaced on day n, moved on day n + 11 and deleted on day n + 31: nights 1-28 are gone
    // by day 59, each after 19 days surely in Cold Archive.
    expect(report.earlyLeaves).toHaveLength(28);
    expect(
      new Set(report.earlyLeaves.map((l) => `${l.storageClass} ${l.storedDays}/${l.minimumDays} ${l.cause}`)),
    ).toEqual(new Set(["ColdArchive 19/180 deletion"]));
    expect(report.backups.map((row) => [row.storageClass, row.count])).toEqual([
      ["Standard", 12],
      ["ColdArchive", 20],
    ]);
  });
});

describe("a billed minimum: the synth warning and the replay count the same days", () => {
  const { IA, ARCHIVE, COLD_ARCHIVE } = ExportStorageClass;
  /** The billing warnings, each as `current|kept <class> <days surely stored>[ may be billed]`. */
  const warned = (props: ImageExportProps): string[] =>
    warningsOf(replayOf({ imageId: "m-a", ...props }).construct).flatMap((warning) => {
      const match =
        /bucketTransitions\[\d\] moves (exports|kept versions of deleted and replaced exports) to (\w+) .* may spend as little as (\d+) days/.exec(
          warning,
        );
      const disputed = warning.includes("; this move may be billed") ? " may be billed" : "";
      return match
        ? [`${match[1] === "exports" ? "current" : "kept"} ${match[2]} ${match[3]}${disputed}`]
        : [];
    });
  /**
   * What the replay records: `current` for one export left alone for 800 days (never replaced), `kept`
   * for 400 nights of nightly replacements; each distinct class and count of days once.
   */
  const replayed = (props: ImageExportProps): string[] => {
    const shown = (l: EarlyLeave) =>
      `${l.storageClass} ${l.storedDays}${l.billing === "disputed" ? " may be billed" : ""}`;
    const alone = replayOf({ imageId: "m-a", ...props });
    alone.replay.create(alone.export, "m-a");
    toDay(alone, 800);
    const nightly = reportNights(replayNights(replayOf({ imageId: "m-a", ...props }).stack, 400))[0];
    const leaves = [
      ...alone.replay.bucketList()[0].simulated.earlyLeaves.map((l) => `current ${shown(l)}`),
      ...nightly.earlyLeaves.map((l) => `kept ${shown(l)}`),
    ];
    return [...new Set(leaves)];
  };

  test.each<[string, ImageExportProps, string[]]>([
    [
      "IA after 1 day, kept 28 days",
      { bucketTransitions: [{ storageClass: IA, afterDays: 1 }], bucketRetainDeletedExportsDays: 28 },
      ["kept IA 29"],
    ],
    [
      "IA after 1 day, kept 29 days",
      { bucketTransitions: [{ storageClass: IA, afterDays: 1 }], bucketRetainDeletedExportsDays: 29 },
      [],
    ],
    [
      "IA after 1 day, expiring after 29, no retention",
      {
        bucketTransitions: [{ storageClass: IA, afterDays: 1 }],
        bucketExpireAfterDays: 29,
        bucketRetainDeletedExportsDays: 0,
      },
      ["current IA 29"],
    ],
    [
      "IA after 1 day, expiring after 30, no retention",
      {
        bucketTransitions: [{ storageClass: IA, afterDays: 1 }],
        bucketExpireAfterDays: 30,
        bucketRetainDeletedExportsDays: 0,
      },
      [],
    ],
    [
      "Archive after 30 days, expiring after 51, kept 7",
      {
        bucketTransitions: [{ storageClass: ARCHIVE, afterDays: 30 }],
        bucketExpireAfterDays: 51,
        bucketRetainDeletedExportsDays: 7,
      },
      ["current Archive 59"],
    ],
    [
      "Archive after 30 days, expiring after 52, kept 7",
      {
        bucketTransitions: [{ storageClass: ARCHIVE, afterDays: 30 }],
        bucketExpireAfterDays: 52,
        bucketRetainDeletedExportsDays: 7,
      },
      [],
    ],
    [
      "Cold Archive after 10 days, kept 30",
      { bucketTransitions: [{ storageClass: COLD_ARCHIVE, afterDays: 10 }] },
      ["kept ColdArchive 19"],
    ],
    [
      "IA after 5 days, Archive after 25, expiring after 30, kept 30",
      {
        bucketTransitions: [
          { storageClass: IA, afterDays: 5 },
          { storageClass: ARCHIVE, afterDays: 25 },
        ],
        bucketExpireAfterDays: 30,
      },
      ["current IA 25 may be billed", "kept IA 26 may be billed", "kept Archive 31"],
    ],
  ])("%s", (_, props, expected) => {
    expect(warned(props).sort()).toEqual([...expected].sort());
    expect(replayed(props).sort()).toEqual([...expected].sort());
  });

  test("the `retention` output counts the nightly files that may leave IA early", () => {
    const r = replayOf({
      imageId: "m-a",
      bucketTransitions: [{ storageClass: IA, afterDays: 1 }],
      bucketRetainDeletedExportsDays: 28,
    });
    // Night n, written during day n - 1, is deleted by the run of day n + 29: nights 1-370 by day 399.
    const [report] = reportNights(replayNights(r.stack, 400));
    expect(formatBucketReport(report, 400)).toContain(
      "  billed minimum storage: 370 files left IA before its 30 days had surely passed; OSS bills the days short of a minimum as if the file had stayed\n",
    );
  });

  test("the `retention` output says a lifecycle move out of IA or Archive may be billed", () => {
    const r = replayOf({
      imageId: "m-a",
      bucketTransitions: [
        { storageClass: IA, afterDays: 5 },
        { storageClass: ARCHIVE, afterDays: 25 },
      ],
      bucketExpireAfterDays: 30,
    });
    // Night n is moved to IA on day n + 6 and to Archive on day n + 26, deleted on day n + 31.
    const [report] = reportNights(replayNights(r.stack, 60));
    expect(formatBucketReport(report, 60)).toContain(
      "  billed minimum storage: 33 files moved out of IA by the lifecycle rule before its 30 days had surely passed, which may be billed (OSS's page on lifecycle fees says so, its lifecycle FAQ says not); 28 files left Archive before its 60 days had surely passed; OSS bills the days short of a minimum as if the file had stayed\n",
    );
  });
});
