// What a nightly replay leaves in each bucket, as data (`--json`) and as text: backups by storage class
// and age, the current exports, the oldest backup still restorable, delete markers, data-disk files,
// files that left a class before its billed minimum had surely passed, and a small chart of backups by class over the
// nights.
import { EarlyLeave, ObjectVersion } from "./oss-bucket";
import { ClassCounts, isSystemDiskFile, NightlyReplay } from "./replay";
import { RESTORE_BEFORE_READING, STORAGE_CLASSES } from "./storage-classes";

/** Backups (or files) of one class: how many, and how old (days since written). */
export interface ClassRow {
  readonly storageClass: string;
  readonly count: number;
  readonly youngestDays: number;
  readonly oldestDays: number;
  /** count x the image size, when one was given. */
  readonly gib?: number;
}

/** One version or delete marker in the final state, as `--json` prints it. */
export interface ObjectEntry {
  readonly key: string;
  readonly versionId: string;
  /** Null for a delete marker. */
  readonly storageClass: string | null;
  readonly current: boolean;
  readonly deleteMarker: boolean;
  readonly lastModifiedDay: number;
  readonly ageDays: number;
  /** The day it stopped being current; null while current. */
  readonly noncurrentSinceDay: number | null;
}

/** One bucket after the replay. */
export interface BucketReport {
  readonly stack: string;
  readonly bucket: string;
  readonly declared: boolean;
  readonly constructPath?: string;
  readonly versioning: string;
  readonly versioningSource: string;
  readonly rules: readonly string[];
  readonly forceDestroy: boolean;
  readonly notes: readonly string[];
  readonly exports: readonly {
    readonly address: string;
    readonly ossPrefix: string;
    readonly dataDisks: number;
  }[];
  /** The day of the last night's apply (day 0 is night 1). */
  readonly day: number;
  readonly backups: readonly ClassRow[];
  readonly backupCount: number;
  readonly backupGiB?: number;
  readonly currentExports: readonly {
    readonly key: string;
    readonly storageClass: string;
    readonly ageDays: number;
  }[];
  readonly oldestRestorable?: {
    readonly key: string;
    readonly storageClass: string;
    readonly ageDays: number;
    readonly night: number;
    readonly current: boolean;
  };
  readonly deleteMarkers: number;
  readonly dataDiskFiles: readonly ClassRow[];
  readonly earlyLeaves: readonly EarlyLeave[];
  /** Backups by class after each night, in STORAGE_CLASSES order. */
  readonly history: readonly ClassCounts[];
  readonly objects: readonly ObjectEntry[];
}

/** The reports of every bucket of a replayed stack. */
export function reportNights(result: NightlyReplay, imageSizeGiB?: number): BucketReport[] {
  return result.replay.bucketList().map(({ bucket, simulated }, index) => {
    const day = simulated.today;
    const prefixes = bucket.exports.map((e) => `${e.ossPrefix}_`);
    const versions = simulated.versions();
    const isCurrent = (v: ObjectVersion) => v.noncurrentSinceDay === undefined;
    const data = versions.filter((v) => !v.deleteMarker);
    const backups = data.filter((v) => isSystemDiskFile(v.key, prefixes));
    const dataDisk = data.filter((v) => !isSystemDiskFile(v.key, prefixes));
    const oldest = backups.reduce<ObjectVersion | undefined>(
      (o, v) => (o === undefined || v.lastModifiedDay < o.lastModifiedDay ? v : o),
      undefined,
    );
    const backupRows = rowsByClass(backups, day, imageSizeGiB);
    return {
      stack: result.replay.stack.stack,
      bucket: bucket.name,
      declared: bucket.declared,
      constructPath: bucket.constructPath,
      versioning: bucket.versioning,
      versioningSource: bucket.versioningSource,
      rules: bucket.rules.map((r) => r.id),
      forceDestroy: bucket.forceDestroy,
      notes: bucket.notes,
      exports: bucket.exports.map((e) => ({
        address: e.address,
        ossPrefix: e.ossPrefix,
        dataDisks: e.dataDiskDevices.length,
      })),
      day,
      backups: backupRows,
      backupCount: backups.length,
      backupGiB: imageSizeGiB === undefined ? undefined : backups.length * imageSizeGiB,
      currentExports: backups.filter(isCurrent).map((v) => ({
        key: v.key,
        storageClass: v.storageClass as string,
        ageDays: day - v.lastModifiedDay,
      })),
      oldestRestorable: oldest && {
        key: oldest.key,
        storageClass: oldest.storageClass as string,
        ageDays: day - oldest.lastModifiedDay,
        night: oldest.lastModifiedDay + 1,
        current: isCurrent(oldest),
      },
      deleteMarkers: versions.filter((v) => v.deleteMarker).length,
      dataDiskFiles: rowsByClass(dataDisk, day, undefined),
      earlyLeaves: simulated.earlyLeaves,
      history: result.history[index],
      objects: versions.map((v) => ({
        key: v.key,
        versionId: v.versionId,
        storageClass: v.deleteMarker ? null : (v.storageClass as string),
        current: isCurrent(v),
        deleteMarker: v.deleteMarker,
        lastModifiedDay: v.lastModifiedDay,
        ageDays: day - v.lastModifiedDay,
        noncurrentSinceDay: v.noncurrentSinceDay ?? null,
      })),
    };
  });
}

function rowsByClass(
  versions: readonly ObjectVersion[],
  day: number,
  sizeGiB: number | undefined,
): ClassRow[] {
  return STORAGE_CLASSES.flatMap((storageClass) => {
    const ages = versions.filter((v) => v.storageClass === storageClass).map((v) => day - v.lastModifiedDay);
    if (ages.length === 0) return [];
    return [
      {
        storageClass,
        count: ages.length,
        youngestDays: Math.min(...ages),
        oldestDays: Math.max(...ages),
        gib: sizeGiB === undefined ? undefined : ages.length * sizeGiB,
      },
    ];
  });
}

const CLASS_LETTERS: Readonly<Record<string, string>> = {
  Standard: "S",
  IA: "I",
  Archive: "A",
  ColdArchive: "C",
  DeepColdArchive: "D",
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const gib = (value: number) => `${Number.isInteger(value) ? value : value.toFixed(1)} GiB`;

/** The text `retention` prints for one bucket. */
export function formatBucketReport(report: BucketReport, nights: number): string {
  const lines: string[] = [];
  const where = report.constructPath ? ` (${report.constructPath})` : "";
  lines.push(`${report.stack}: ${report.bucket}${where}`);
  lines.push(
    `  versioning ${report.versioning} (${report.versioningSource}); ${
      report.rules.length === 0 ? "no lifecycle rule" : `lifecycle rule ${report.rules.join(", ")}`
    }; force_destroy ${report.forceDestroy}`,
  );
  for (const e of report.exports) {
    const disks = e.dataDisks > 0 ? `, ${plural(e.dataDisks, "data disk")}` : "";
    lines.push(`  written to by ${e.address} (prefix ${e.ossPrefix}${disks})`);
  }
  for (const note of report.notes) lines.push(`  note: ${note}`);
  lines.push(`  after ${plural(nights, "night")}, one new export a night (day ${report.day}):`);
  const sized = report.backupGiB !== undefined;
  const table = [
    ["class", "backups", "age in days", ...(sized ? ["size"] : [])],
    ...report.backups.map((row) => [
      row.storageClass,
      String(row.count),
      row.youngestDays === row.oldestDays ? `${row.youngestDays}` : `${row.youngestDays}-${row.oldestDays}`,
      ...(sized ? [gib(row.gib as number)] : []),
    ]),
    ["total", String(report.backupCount), "", ...(sized ? [gib(report.backupGiB as number)] : [])],
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  const numeric = new Set([1, 3]);
  for (const row of table) {
    lines.push(
      `    ${row
        .map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join("  ")
        .trimEnd()}`,
    );
  }
  for (const current of report.currentExports) {
    lines.push(
      `  current export: ${current.key} (${current.storageClass}, ${plural(current.ageDays, "day")} old)`,
    );
  }
  if (report.currentExports.length === 0) lines.push("  current export: none (deleted or expired)");
  const oldest = report.oldestRestorable;
  if (oldest === undefined) {
    lines.push("  oldest backup still restorable: none, every backup is gone");
  } else {
    const restore = RESTORE_BEFORE_READING.includes(oldest.storageClass) ? ": restore it before reading" : "";
    const kind = oldest.current ? "the current export" : "a kept version";
    lines.push(
      `  oldest backup still restorable: ${oldest.key}, ${plural(oldest.ageDays, "day")} old (night ${oldest.night}), ${kind} in ${oldest.storageClass}${restore}`,
    );
  }
  lines.push(
    `  delete markers: ${report.deleteMarkers}${
      report.deleteMarkers > 0 ? " (each hides a deleted export's key; they hold no data)" : ""
    }`,
  );
  const diskFiles = report.dataDiskFiles.reduce((sum, row) => sum + row.count, 0);
  lines.push(
    diskFiles === 0
      ? "  data-disk files: none"
      : `  data-disk files: ${diskFiles} (${report.dataDiskFiles
          .map((row) => `${row.count} ${row.storageClass}, ${row.youngestDays}-${row.oldestDays} days old`)
          .join("; ")}): no destroy deletes them`,
  );
  if (report.earlyLeaves.length === 0) {
    lines.push("  billed minimum storage: no file left a class before its minimum");
  } else {
    // By class, and apart the lifecycle moves OSS's documents disagree on (R10 in oss-bucket.ts).
    const groups = new Map<string, EarlyLeave[]>();
    for (const leave of report.earlyLeaves) {
      const group = `${leave.storageClass} ${leave.billing}`;
      groups.set(group, [...(groups.get(group) ?? []), leave]);
    }
    const parts = [...groups.values()].map((leaves) => {
      const { storageClass, minimumDays, billing } = leaves[0];
      const files = plural(leaves.length, "file");
      const before = `before its ${minimumDays} days had surely passed`;
      return billing === "billed"
        ? `${files} left ${storageClass} ${before}`
        : `${files} moved out of ${storageClass} by the lifecycle rule ${before}, which may be billed (OSS's page on lifecycle fees says so, its lifecycle FAQ says not)`;
    });
    const billed = report.earlyLeaves.some((leave) => leave.billing === "billed");
    lines.push(
      `  billed minimum storage: ${parts.join("; ")}${
        billed ? "; OSS bills the days short of a minimum as if the file had stayed" : ""
      }`,
    );
  }
  lines.push("", ...chart(report.history).map((line) => `  ${line}`));
  return lines.join("\n");
}

/**
 * Backups by class over the nights, as stacked columns of class letters, warmest at the bottom: at most
 * 40 columns (each the state after the last night it covers) and 8 rows.
 */
export function chart(history: readonly ClassCounts[]): string[] {
  const nights = history.length;
  if (nights === 0) return [];
  const columns = Math.min(40, nights);
  const rows = 8;
  const perColumn = nights / columns;
  const samples = Array.from({ length: columns }, (_, c) => history[Math.ceil((c + 1) * perColumn) - 1]);
  const max = Math.max(1, ...samples.map((counts) => counts.reduce((a, b) => a + b, 0)));
  const grid = Array.from({ length: rows }, () => Array.from({ length: columns }, () => " "));
  samples.forEach((counts, c) => {
    // A column with any backup shows at least its warmest class, however small against the tallest.
    const warmest = counts.findIndex((n) => n > 0);
    if (warmest >= 0) grid[rows - 1][c] = CLASS_LETTERS[STORAGE_CLASSES[warmest]] ?? "?";
    for (let r = 0; r < rows; r++) {
      const level = ((r + 0.5) / rows) * max; // the middle of the cell's band of counts
      let below = 0;
      for (let k = 0; k < counts.length; k++) {
        below += counts[k];
        if (level < below) {
          grid[rows - 1 - r][c] = CLASS_LETTERS[STORAGE_CLASSES[k]] ?? "?";
          break;
        }
      }
    }
  });
  const top = String(max);
  const pad = " ".repeat(top.length);
  const first = "night 1";
  const last = `night ${nights}`;
  const span = first.length + last.length < columns ? " ".repeat(columns - first.length - last.length) : " ";
  const present = STORAGE_CLASSES.filter((_, k) => history.some((counts) => counts[k] > 0));
  return [
    `backups by class over ${plural(nights, "night")}${perColumn > 1 ? ` (a column per ${perColumn % 1 === 0 ? perColumn : perColumn.toFixed(1)} nights)` : ""}:`,
    ...grid.map((cells, i) => `${i === 0 ? top : pad} |${cells.join("").trimEnd()}`),
    `${pad.slice(1)}0 +${"-".repeat(columns)}`,
    `${pad}  ${first}${span}${last}`,
    `${pad}  ${present.map((cls) => `${CLASS_LETTERS[cls]} ${cls}`).join("  ") || "(no backups)"}`,
  ];
}

/** The `--json` document: the final state of every replayed bucket. */
export function reportJson(reports: readonly BucketReport[], nights: number, imageSizeGiB?: number): unknown {
  return {
    nights,
    ...(imageSizeGiB === undefined ? {} : { imageSizeGiB }),
    buckets: reports.map((r) => ({
      stack: r.stack,
      bucket: r.bucket,
      declared: r.declared,
      ...(r.constructPath === undefined ? {} : { constructPath: r.constructPath }),
      versioning: r.versioning,
      lifecycleRules: r.rules,
      forceDestroy: r.forceDestroy,
      notes: r.notes,
      exports: r.exports,
      day: r.day,
      summary: {
        backups: Object.fromEntries(r.backups.map((row) => [row.storageClass, row.count])),
        backupCount: r.backupCount,
        ...(r.backupGiB === undefined ? {} : { backupGiB: r.backupGiB }),
        oldestRestorable: r.oldestRestorable ?? null,
        deleteMarkers: r.deleteMarkers,
        dataDiskFiles: r.dataDiskFiles.reduce((sum, row) => sum + row.count, 0),
        earlyLeaves: r.earlyLeaves.length,
      },
      objects: r.objects,
    })),
  };
}
