// `npm run bench`: how much `ImageExport` costs at synth time compared with the same infrastructure
// written by hand with the L1 bindings, how that cost grows with the number of exports, how long the
// library takes to load and how much of it an app loads, and how long the commands take. Prints tables
// and writes the figures to .bench/ as JSON; a default or full run of the compiled lib/ also writes the
// committed record bench/RESULTS.json and the README's figures from it (see bench/record.ts).
//
//   npm run bench                 # a few minutes
//   npm run bench -- --quick      # fewer runs, noisier figures; writes no record
//   npm run bench -- --full       # also 1000 scaffolded exports (minutes: it shows the quadratic part)
//   npm run bench -- --no-record  # leaves bench/RESULTS.json and the README alone
//   BENCH_FROM=src npm run bench  # measure the TypeScript sources instead of the compiled lib/
//   BENCH_NOTE="..." npm run bench  # what else ran on the machine, kept in the record
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { Library, LibraryTarget, libraryTarget, loadLibrary, ROOT } from "./library";
import type { ScaleResult } from "./scale-child";
import { derivedNames, Shape, Variant } from "./stacks";
import { median, quantile, synthesize, synthesizedConfig } from "./synth";
import { compareFlavours } from "./flavours";
import { MainJob, timeMainJob } from "./main-job";
import { timeRetentionReplay } from "./retention";
import { timeDiffExamples, timeTerraformCheck, TerraformTiming } from "./terraform";
import { BindingsLoad, measureBindingsLoad } from "./bindings";
import { FLATNESS_LIMIT, FLAVOUR_EXPORTS, GOALS, SCALE_COUNTS } from "./goals";
import type { FlavourComparison } from "./flavours";
import type { RetentionTiming } from "./retention";
import {
  BenchRecord,
  GoalRecord,
  README_PATH,
  readRecord,
  RECORD_PATH,
  recordText,
  renderBlock,
  replaceBlock,
} from "./record";

const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
const FULL = args.has("--full");
const NO_RECORD = args.has("--no-record");
/** The largest scaling size, where the bring-your-own goals are judged. */
const LARGEST = SCALE_COUNTS[SCALE_COUNTS.length - 1];

const collectGarbage = (): void => (global as { gc?: () => void }).gc?.();
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
/** The construct may cost at most this much more than the hand-written L1s (docs example, one export). */
const OVERHEAD_TARGET = round(GOALS.docsExampleRatio - 1, 4);

// ---------------------------------------------------------------------------------------------------
// 1. The hand-written baseline must synthesize exactly what the construct does.

interface Equivalence {
  readonly shape: Shape;
  readonly count: number;
  readonly identical: boolean;
  readonly mismatchFiles?: string[];
}

function checkEquivalence(lib: Library, scratch: string, benchDir: string): Equivalence[] {
  for (const stale of fs.readdirSync(benchDir).filter((file) => file.startsWith("mismatch-"))) {
    fs.rmSync(path.join(benchDir, stale));
  }
  const results: Equivalence[] = [];
  for (const shape of ["scaffold", "byo"] as const) {
    for (const count of [1, 3]) {
      const names = derivedNames(count);
      const configs = (["construct", "l1"] as const).map((variant) => {
        const outdir = path.join(scratch, `equivalence-${shape}-${count}-${variant}`);
        synthesize(lib, { variant, shape, count, names }, outdir);
        return synthesizedConfig(outdir);
      });
      if (isDeepStrictEqual(configs[0], configs[1])) {
        results.push({ shape, count, identical: true });
        continue;
      }
      const mismatchFiles = (["construct", "l1"] as const).map((variant, index) => {
        const file = path.join(benchDir, `mismatch-${shape}-${count}-${variant}.json`);
        fs.writeFileSync(file, `${JSON.stringify(configs[index], null, 2)}\n`);
        return path.relative(ROOT, file);
      });
      results.push({ shape, count, identical: false, mismatchFiles });
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------
// 2. One export, construct and L1s side by side, interleaved in one process.

interface Distribution {
  readonly medianMs: number;
  readonly p25Ms: number;
  readonly p75Ms: number;
}

interface SideBySide {
  readonly shape: Shape;
  readonly runs: number;
  readonly wall: Record<Variant, Distribution>;
  readonly cpu: Record<Variant, Distribution>;
  /** median(construct) / median(L1), wall time. */
  readonly ratio: number;
  /** The same for CPU time, which other processes on the machine disturb less. */
  readonly cpuRatio: number;
  /** The median of the per-pair ratios (each run of the construct against the L1 run next to it). */
  readonly pairedRatio: number;
}

function distribution(values: readonly number[]): Distribution {
  return {
    medianMs: round(median(values), 3),
    p25Ms: round(quantile(values, 0.25), 3),
    p75Ms: round(quantile(values, 0.75), 3),
  };
}

function sideBySide(lib: Library, shape: Shape, scratch: string, warmup: number, runs: number): SideBySide {
  const names = derivedNames(1);
  const once = (variant: Variant) => {
    collectGarbage();
    const cpuStart = process.cpuUsage();
    const timing = synthesize(
      lib,
      { variant, shape, count: 1, names },
      path.join(scratch, `side-${shape}-${variant}`),
    );
    const cpu = process.cpuUsage(cpuStart);
    return { wallMs: timing.totalMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  for (let i = 0; i < warmup; i++) {
    once("construct");
    once("l1");
  }
  const samples: Record<Variant, { wallMs: number; cpuMs: number }[]> = { construct: [], l1: [] };
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always runs right after the other's garbage.
    const order: Variant[] = i % 2 === 0 ? ["construct", "l1"] : ["l1", "construct"];
    for (const variant of order) samples[variant].push(once(variant));
  }
  const wall = (variant: Variant) => samples[variant].map((s) => s.wallMs);
  const cpu = (variant: Variant) => samples[variant].map((s) => s.cpuMs);
  return {
    shape,
    runs,
    wall: { construct: distribution(wall("construct")), l1: distribution(wall("l1")) },
    cpu: { construct: distribution(cpu("construct")), l1: distribution(cpu("l1")) },
    ratio: round(median(wall("construct")) / median(wall("l1")), 3),
    cpuRatio: round(median(cpu("construct")) / median(cpu("l1")), 3),
    pairedRatio: round(median(samples.construct.map((s, i) => s.wallMs / samples.l1[i].wallMs)), 3),
  };
}

// ---------------------------------------------------------------------------------------------------
// 3. Scaling: each size in its own process.

interface ScaleRow extends ScaleResult {
  /** (time with the exports - time of the empty stack) / exports, in ms. */
  readonly perExportMs: number;
  /** (peak RSS - RSS before the exports) / exports, in KiB; only meaningful from 100 exports on. */
  readonly perExportKiB: number;
}

interface Flatness {
  readonly variant: Variant;
  readonly shape: Shape;
  /** Per-export time at the largest size divided by that at a tenth of it (1 = perfectly linear). */
  readonly growth: number;
  readonly fromCount: number;
  readonly toCount: number;
  readonly linear: boolean;
}

function repeatsFor(count: number): number {
  const repeats = count <= 10 ? 15 : count <= 100 ? 5 : count <= 1000 ? 3 : 1;
  return QUICK ? Math.max(1, Math.ceil(repeats / 3)) : repeats;
}

/** The round with the median total time, its runs counted over all rounds. */
function medianRound(rounds: readonly ScaleRow[]): ScaleRow {
  const sorted = [...rounds].sort((a, b) => a.totalMs - b.totalMs);
  const middle = sorted[Math.floor(sorted.length / 2)];
  return { ...middle, repeats: rounds.reduce((n, r) => n + r.repeats, 0) };
}

function scaleChild(target: LibraryTarget, variant: Variant, shape: Shape, count: number): ScaleRow {
  const repeats = shape === "scaffold" && count >= 1000 ? 1 : repeatsFor(count);
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      path.join(__dirname, "scale-child.ts"),
      variant,
      shape,
      String(count),
      String(repeats),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, BENCH_FROM: target.kind },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (child.status !== 0) {
    throw new Error(
      `scaling run ${variant}/${shape}/${count} failed (exit ${child.status}):\n${child.stderr}`,
    );
  }
  const lines = child.stdout.trim().split("\n");
  const result = JSON.parse(lines[lines.length - 1]) as ScaleResult;
  return {
    ...result,
    perExportMs: round((result.totalMs - result.emptyMs) / count, 3),
    perExportKiB: round(((result.peakRssMiB - result.baselineRssMiB) * 1024) / count, 1),
  };
}

/**
 * Per-export time over the last tenfold step of sizes (100 -> 1000, or 10 -> 100): a cost that grows
 * with the stack's size, not just its count, shows most there. Smaller sizes are mostly fixed costs.
 */
/** The construct's per-export time over the hand-written L1s' at the same shape and size. */
function relativeToL1(rows: readonly ScaleRow[], row: ScaleRow): number {
  const l1 = rows.find(
    (other) => other.variant === "l1" && other.shape === row.shape && other.count === row.count,
  );
  return l1 === undefined ? Number.NaN : row.perExportMs / l1.perExportMs;
}

function flatness(rows: readonly ScaleRow[]): Flatness[] {
  const groups = new Map<string, ScaleRow[]>();
  for (const row of rows) {
    const key = `${row.variant}/${row.shape}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].flatMap((group) => {
    const to = group.reduce((largest, row) => (row.count > largest.count ? row : largest));
    const from = group.find((row) => row.count * 10 === to.count);
    if (from === undefined) return [];
    const growth = round(to.perExportMs / from.perExportMs, 2);
    return [
      {
        variant: to.variant,
        shape: to.shape,
        growth,
        fromCount: from.count,
        toCount: to.count,
        linear: growth <= FLATNESS_LIMIT,
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------------
// 4. Module load: `require` in fresh processes.

interface ModuleLoad {
  readonly name: string;
  readonly module: string;
  readonly note: string;
  readonly runs: number;
  /** Median time of the `require` call alone, in ms. */
  readonly requireMs: number;
  /** Median wall time of the whole process (node start-up included), in ms. */
  readonly processMs: number;
  /**
   * Median time of the `require` of this module after `require("cdktf")` in the same process, in ms:
   * what the module adds to cdktf, without the noise of comparing two processes.
   */
  readonly overCdktfMs: number;
}

function moduleLoads(target: LibraryTarget, runs: number): ModuleLoad[] {
  const candidates = [
    { name: "cdktf", module: "cdktf", note: "cdktf alone, which every app loads", tsx: false },
    {
      name: "cdktf-alicloud-image-export",
      module: target.entry,
      note:
        target.kind === "lib"
          ? "compiled lib/ through package.json's main, as users load it (bindings, checker, judge load on use)"
          : "src/ through tsx (transpiling included, so slower than the compiled lib/)",
      tsx: target.kind === "src",
    },
  ];
  // Times require("cdktf") first and then the module, in one process: the whole and the part on top.
  const script =
    "const ms = (from, to) => Number(to - from) / 1e6; const a = process.hrtime.bigint(); require('cdktf');" +
    "const b = process.hrtime.bigint(); require(process.argv[1]); const c = process.hrtime.bigint();" +
    "process.stdout.write(JSON.stringify({ requireMs: ms(a, c), overCdktfMs: ms(b, c) }));";
  const samples = candidates.map(() => ({
    requireMs: [] as number[],
    processMs: [] as number[],
    overCdktfMs: [] as number[],
  }));
  for (let run = 0; run < runs; run++) {
    candidates.forEach((candidate, index) => {
      const started = process.hrtime.bigint();
      const child = spawnSync(
        process.execPath,
        [...(candidate.tsx ? ["--import", "tsx"] : []), "-e", script, candidate.module],
        { cwd: ROOT, encoding: "utf8" },
      );
      const processMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (child.status !== 0) throw new Error(`loading ${candidate.module} failed:\n${child.stderr}`);
      const figures = JSON.parse(child.stdout) as { requireMs: number; overCdktfMs: number };
      samples[index].requireMs.push(figures.requireMs);
      samples[index].overCdktfMs.push(figures.overCdktfMs);
      samples[index].processMs.push(processMs);
    });
  }
  return candidates.map((candidate, index) => ({
    name: candidate.name,
    module: path.isAbsolute(candidate.module) ? path.relative(ROOT, candidate.module) : candidate.module,
    note: candidate.note,
    runs,
    requireMs: round(median(samples[index].requireMs), 1),
    processMs: round(median(samples[index].processMs), 1),
    overCdktfMs: round(median(samples[index].overCdktfMs), 1),
  }));
}

// ---------------------------------------------------------------------------------------------------

/** The figures there are goals for, each at most its goal (see bench/goals.ts). */
function goalRecords(
  scaling: readonly ScaleRow[],
  docsExample: SideBySide,
  loadMs: number,
  mainJob: MainJob,
  flavours: FlavourComparison | string,
  terraform: TerraformTiming | string,
  diff: TerraformTiming | string,
  retention: RetentionTiming,
  baselineMatches: boolean,
): GoalRecord[] {
  const row = (variant: Variant) =>
    scaling.find((r) => r.variant === variant && r.shape === "byo" && r.count === LARGEST);
  const construct = row("construct");
  const l1 = row("l1");
  const notMatching = "the hand-written baseline differs";
  const judged = (
    key: GoalRecord["key"],
    value: number | null,
    details: Record<string, number>,
    needsBaseline: boolean,
    reason?: string,
  ): GoalRecord => {
    const goal = GOALS[key];
    if (value === null || Number.isNaN(value))
      return { key, value: null, goal, met: null, reason: reason ?? "not measured", details };
    if (needsBaseline && !baselineMatches)
      return { key, value, goal, met: null, reason: notMatching, details };
    return { key, value, goal, met: value <= goal, details };
  };
  const timing = (key: "terraformCheckMs" | "diffMs", measured: TerraformTiming | string) =>
    typeof measured === "string"
      ? judged(key, null, {}, false, measured)
      : judged(
          key,
          round(measured.medianMs, 0),
          { stacks: measured.stacks.length, runs: measured.runs },
          false,
        );
  return [
    judged("libraryLoadMs", round(loadMs, 1), {}, false),
    judged(
      "byoTimeRatio",
      construct && l1 ? round(construct.totalMs / l1.totalMs, 3) : null,
      construct && l1
        ? { exports: LARGEST, constructMs: construct.totalMs, l1Ms: l1.totalMs }
        : { exports: LARGEST },
      true,
    ),
    judged(
      "byoMemoryRatio",
      construct && l1 ? round(construct.perExportKiB / l1.perExportKiB, 3) : null,
      construct && l1
        ? { exports: LARGEST, constructKiB: construct.perExportKiB, l1KiB: l1.perExportKiB }
        : { exports: LARGEST },
      true,
    ),
    judged("docsExampleRatio", docsExample.ratio, {}, true),
    judged(
      "mainJobRatio",
      mainJob.ratio,
      { appMs: mainJob.appMs, baselineMs: mainJob.baselineMs, peakRssMiB: mainJob.peakRssMiB },
      false,
    ),
    typeof flavours === "string"
      ? judged("flavourRatio", null, {}, false, flavours)
      : judged(
          "flavourRatio",
          flavours.synthRatio,
          {
            exports: flavours.exports,
            cdktfMs: flavours.flavours[0].synthMs,
            cdktnMs: flavours.flavours[1].synthMs,
            loadDifferenceMs: flavours.loadDifferenceMs,
          },
          false,
        ),
    timing("terraformCheckMs", terraform),
    timing("diffMs", diff),
    judged(
      "retentionReplayMs",
      round(Math.max(retention.firstMs, retention.medianMs), 1),
      { nights: retention.nights, firstMs: retention.firstMs, medianMs: retention.medianMs },
      false,
    ),
  ];
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join("  ")
      .trimEnd();
  return [line(cells[0]), line(widths.map((width) => "-".repeat(width))), ...cells.slice(1).map(line)].join(
    "\n",
  );
}

function gitRevision(): string {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "src"], { cwd: ROOT, encoding: "utf8" });
  if (head.status !== 0) return "unknown";
  return `${head.stdout.trim()}${dirty.stdout.trim() ? " (src/ modified)" : ""}`;
}

function main(): void {
  process.setSourceMapsEnabled(false); // see scale-child.ts
  const target = libraryTarget();
  const benchDir = path.join(ROOT, ".bench");
  fs.mkdirSync(benchDir, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-bench-"));
  const started = new Date();
  const meta = {
    date: started.toISOString(),
    revision: gitRevision(),
    library: target.kind,
    libraryReason: target.reason,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: `${os.cpus().length} x ${os.cpus()[0]?.model ?? "unknown"}`,
    loadAverageAtStart: os.loadavg().map((load) => round(load, 2)),
    gcExposed: typeof (global as { gc?: unknown }).gc === "function",
    mode: QUICK ? "quick" : FULL ? "full" : "default",
  };
  console.log(`cdktf-alicloud-image-export benchmark (${meta.mode}), ${meta.revision}`);
  console.log(
    `library: ${target.kind} (${target.reason}); node ${meta.node}; ${meta.cpus}; load ${meta.loadAverageAtStart.join(" ")}`,
  );

  try {
    const lib = loadLibrary(target);

    const equivalence = checkEquivalence(lib, scratch, benchDir);
    const mismatches = equivalence.filter((e) => !e.identical);
    console.log(
      mismatches.length === 0
        ? "\nbaseline: the hand-written L1 stacks synthesize exactly what ImageExport does (1 and 3 exports, both shapes)"
        : `\nbaseline: THE HAND-WRITTEN L1 STACKS NO LONGER MATCH ImageExport's OUTPUT; update bench/stacks.ts.\n` +
            mismatches
              .map((m) => `  ${m.shape} x${m.count}: compare ${m.mismatchFiles?.join(" and ")}`)
              .join("\n"),
    );

    const side = [
      sideBySide(lib, "scaffold", scratch, QUICK ? 10 : 30, QUICK ? 50 : 150),
      sideBySide(lib, "byo", scratch, QUICK ? 20 : 50, QUICK ? 100 : 300),
    ];
    const scaffold = side[0];
    const overhead = scaffold.ratio - 1;
    console.log(
      "\nSynth time of one export, ImageExport vs the same resources as hand-written L1s (interleaved, one process)",
    );
    console.log(
      table(
        [
          "stack",
          "runs",
          "ImageExport ms (p25-p75)",
          "L1s ms (p25-p75)",
          "ratio",
          "cpu ratio",
          "paired ratio",
        ],
        side.map((s) => [
          s.shape === "scaffold"
            ? "docs example: new ImageExport(stack, id)"
            : "bring your own image and bucket",
          s.runs,
          `${s.wall.construct.medianMs.toFixed(2)} (${s.wall.construct.p25Ms.toFixed(2)}-${s.wall.construct.p75Ms.toFixed(2)})`,
          `${s.wall.l1.medianMs.toFixed(2)} (${s.wall.l1.p25Ms.toFixed(2)}-${s.wall.l1.p75Ms.toFixed(2)})`,
          s.ratio.toFixed(3),
          s.cpuRatio.toFixed(3),
          s.pairedRatio.toFixed(3),
        ]),
      ),
    );
    // Only a like-for-like baseline can meet (or miss) the target.
    const targetMet = mismatches.length === 0 ? overhead <= OVERHEAD_TARGET : null;
    const verdict = targetMet === null ? "not judged: the baseline differs" : targetMet ? "met" : "NOT met";
    console.log(
      `target (docs example at most ${OVERHEAD_TARGET * 100}% over L1s): ${(overhead * 100).toFixed(1)}% -> ${verdict}`,
    );

    const sizes: { shape: Shape; counts: number[] }[] = [
      { shape: "byo", counts: [...SCALE_COUNTS] },
      {
        shape: "scaffold",
        counts: FULL ? [...SCALE_COUNTS] : SCALE_COUNTS.filter((count) => count < LARGEST),
      },
    ];
    const scaling: ScaleRow[] = [];
    for (const { shape, counts } of sizes) {
      for (const count of counts) {
        // The goal's size runs in alternating rounds of fresh processes (construct, L1s, construct, ...),
        // each variant's median round kept: one round each swung the ratio from 0.97 to 1.33 on this
        // machine between two runs of the bench.
        const rounds = shape === "byo" && count === LARGEST && !QUICK ? 3 : 1;
        const runs: { [variant in Variant]: ScaleRow[] } = { construct: [], l1: [] };
        for (let round = 0; round < rounds; round++) {
          for (const variant of ["construct", "l1"] as const)
            runs[variant].push(scaleChild(target, variant, shape, count));
        }
        for (const variant of ["construct", "l1"] as const) scaling.push(medianRound(runs[variant]));
      }
    }
    const flat = flatness(scaling);
    console.log("\nScaling: N exports in one stack, each size in a fresh process (median of the runs)");
    console.log(
      table(
        [
          "shape",
          "written with",
          "exports",
          "runs",
          "total ms",
          "build ms",
          "synth ms",
          "per export ms",
          "vs L1s",
          "peak RSS MiB",
          "per export KiB",
        ],
        scaling.map((row) => [
          row.shape,
          row.variant === "construct" ? "ImageExport" : "L1s",
          row.count,
          row.repeats,
          row.totalMs.toFixed(1),
          row.buildMs.toFixed(1),
          row.synthMs.toFixed(1),
          // With one export the difference from the empty stack is within the noise.
          row.count >= 10 ? row.perExportMs.toFixed(3) : "-",
          row.variant === "construct" && row.count >= 10 ? `${relativeToL1(scaling, row).toFixed(2)}x` : "",
          row.peakRssMiB.toFixed(0),
          row.count >= 100 ? row.perExportKiB.toFixed(1) : "-",
        ]),
      ),
    );
    console.log(
      table(
        ["shape", "written with", "per-export growth", "linear?"],
        flat.map((f) => [
          f.shape,
          f.variant === "construct" ? "ImageExport" : "L1s",
          `${f.growth.toFixed(2)}x from ${f.fromCount} to ${f.toCount} exports`,
          f.linear ? "yes" : `NO (limit ${FLATNESS_LIMIT}x)`,
        ]),
      ),
    );

    const loads = moduleLoads(target, QUICK ? 3 : 7);
    console.log("\nModule load: require() in fresh processes (median)");
    console.log(
      table(
        ["module", "require ms", "process ms", "what"],
        loads.map((load) => [load.name, load.requireMs.toFixed(1), load.processMs.toFixed(1), load.note]),
      ),
    );
    // In one process (see moduleLoads): the difference of two processes' medians is mostly noise here.
    const ours = loads[1].overCdktfMs;
    const acrossProcesses = loads[1].requireMs - loads[0].requireMs;
    console.log(
      `the library adds ${ours.toFixed(1)} ms to loading cdktf alone (in one process; the difference of the two processes' medians is ${acrossProcesses.toFixed(1)} ms)`,
    );

    const terraform = timeTerraformCheck(target, scratch, QUICK ? 1 : 3);
    console.log(
      `\nTerraform as the judge: check --terraform over the examples${stackList(terraform)}, start to finish`,
    );
    console.log(timingTable(terraform));

    const diffExamples = timeDiffExamples(target, scratch, QUICK ? 1 : 3);
    console.log(
      `\nWhat a change destroys: diff over the examples${stackList(diffExamples)} (each against itself), start to finish`,
    );
    console.log(timingTable(diffExamples));
    const retention = timeRetentionReplay(scratch, QUICK ? 5 : 20);
    console.log(
      `\nRetention replay: ${retention.nights} nights of the nightly example, read from its cdk.tf.json, replayed and reported (issue 18)`,
    );
    console.log(
      table(
        ["runs", "first ms", "median ms", "min ms", "max ms", "versions at the end", "goal", "met?"],
        [
          [
            retention.runs,
            retention.firstMs.toFixed(1),
            retention.medianMs.toFixed(1),
            retention.minMs.toFixed(1),
            retention.maxMs.toFixed(1),
            retention.finalVersions,
            `< ${retention.goalMs} ms`,
            retention.met ? "yes" : "NO",
          ],
        ],
      ),
    );

    const mainJob = timeMainJob(scratch, QUICK ? 5 : 7);
    console.log(
      "\nThe main job: the examples app (cdktf.json's app) as a whole process vs node -e 'require(\"cdktf\")' (interleaved, median)",
    );
    console.log(
      table(
        ["command", "runs", "app ms", "baseline ms", "ratio", "peak RSS MiB (baseline)", "first run ms"],
        [
          [
            mainJob.command,
            mainJob.runs,
            mainJob.appMs.toFixed(0),
            mainJob.baselineMs.toFixed(0),
            `${mainJob.ratio.toFixed(2)}x`,
            `${mainJob.peakRssMiB.toFixed(0)} (${mainJob.baselinePeakRssMiB.toFixed(0)})`,
            mainJob.firstRunMs.toFixed(0),
          ],
        ],
      ),
    );

    const flavours = compareFlavours(QUICK ? 3 : 7);
    console.log(
      `\nFlavours: CDK Terrain (build/cdktn) vs CDKTF (lib/), fresh processes, interleaved (median); one docs example + ${FLAVOUR_EXPORTS} bring-your-own exports`,
    );
    if (typeof flavours === "string") console.log(flavours);
    else {
      console.log(
        table(
          ["flavour", "package", "load over framework ms", "build + synth ms"],
          flavours.flavours.map((f) => [f.flavour, f.dir, f.loadMs.toFixed(1), f.synthMs.toFixed(0)]),
        ),
      );
      console.log(
        `cdktn / cdktf build + synth: ${flavours.synthRatio.toFixed(3)}x (no slower up to ${flavours.goalRatio}x: ${flavours.met ? "met" : "NOT met"}); load difference ${flavours.loadDifferenceMs.toFixed(1)} ms`,
      );
    }

    const bindings = measureBindingsLoad(target);
    console.log(`\nGenerated bindings an app loads (files on disk, ${bindings.build})`);
    console.log(
      table(
        ["app", "modules", "KiB"],
        bindings.loads.map((b: BindingsLoad) => [b.workload, b.modules, b.kib.toFixed(1)]),
      ),
    );
    for (const b of bindings.loads) console.log(`${b.workload}: ${b.names.join(" ")}`);

    const goals = goalRecords(
      scaling,
      side[0],
      ours,
      mainJob,
      flavours,
      terraform,
      diffExamples,
      retention,
      mismatches.length === 0,
    );
    console.log("\nGoals");
    console.log(
      table(
        ["goal", "now", "at most", "met?"],
        goals.map((goal) => [
          goal.key,
          goal.value === null ? "-" : goal.value,
          goal.goal,
          goal.met === null ? `not judged (${goal.reason})` : goal.met ? "met" : "NOT met",
        ]),
      ),
    );
    const finished = new Date();
    const loadAverageAtEnd = os.loadavg().map((load) => round(load, 2));
    console.log(`\nload ${loadAverageAtEnd.join(" ")} at the end`);

    const results = {
      meta,
      targets: { overhead: OVERHEAD_TARGET, flatnessLimit: FLATNESS_LIMIT },
      equivalence,
      sideBySide: side,
      overhead: { docsExample: round(overhead, 4), met: targetMet },
      scaling: scaling.map((row) => ({
        ...row,
        perExportVsL1: row.variant === "construct" ? round(relativeToL1(scaling, row), 3) : undefined,
      })),
      flatness: flat,
      moduleLoad: loads,
      libraryLoadOverCdktfMs: round(ours, 1),
      libraryLoadOverCdktfAcrossProcessesMs: round(acrossProcesses, 1),
      mainJob,
      flavours,
      goals,
      terraformCheck: terraform,
      diffExamples,
      retentionReplay: retention,
      bindingsLoad: bindings,
      loadAverageAtEnd,
    };
    const json = `${JSON.stringify(results, null, 2)}\n`;
    const stamp = started.toISOString().replace(/[:.]/g, "-");
    fs.writeFileSync(path.join(benchDir, "latest.json"), json);
    fs.writeFileSync(path.join(benchDir, `bench-${stamp}.json`), json);
    console.log(`\nfigures written to .bench/latest.json and .bench/bench-${stamp}.json`);
    if (mismatches.length > 0) process.exitCode = 1;

    const record: BenchRecord = {
      meta: {
        date: meta.date,
        revision: meta.revision,
        library: target.kind,
        mode: meta.mode,
        node: meta.node,
        cpus: meta.cpus,
        loadAverageAtStart: meta.loadAverageAtStart,
        loadAverageAtEnd,
        durationMinutes: round((finished.getTime() - started.getTime()) / 60000, 1),
        ...(process.env.BENCH_NOTE ? { note: process.env.BENCH_NOTE } : {}),
      },
      goals,
      libraryLoadAcrossProcessesMs: round(acrossProcesses, 1),
      bindings: bindings.loads.map(({ workload, modules, kib }) => ({ workload, modules, kib })),
    };
    writeRecord(record, mismatches.length > 0);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Writes bench/RESULTS.json and the README's block from it, unless this run is not one to keep: a quick
 * run (too few samples), a run of the TypeScript sources (their load times are not what users see), a
 * run whose baseline differs from the construct, or `--no-record`.
 */
function writeRecord(record: BenchRecord, mismatched: boolean): void {
  const skip = NO_RECORD
    ? "--no-record"
    : QUICK
      ? "a quick run"
      : record.meta.library !== "lib"
        ? "the TypeScript sources were measured, not the compiled lib/ (npm run build first)"
        : mismatched
          ? "the hand-written baseline differs from the construct"
          : undefined;
  if (skip !== undefined) {
    console.log(`bench/RESULTS.json and README.md left as they were: ${skip}`);
    return;
  }
  fs.writeFileSync(RECORD_PATH, recordText(record));
  const readme = fs.readFileSync(README_PATH, "utf8");
  fs.writeFileSync(README_PATH, replaceBlock(readme, renderBlock(readRecord())));
  console.log("record written to bench/RESULTS.json, and README.md's figures from it");
}

/** ` (4 stacks: a, b, ...)`, or nothing when the timing was not made. */
function stackList(timing: TerraformTiming | string): string {
  return typeof timing === "string" ? "" : ` (${timing.stacks.length} stacks: ${timing.stacks.join(", ")})`;
}

/** A one-row table of a Terraform timing, or the reason it was not measured. */
function timingTable(timing: TerraformTiming | string): string {
  if (typeof timing === "string") return timing;
  return table(
    ["runs", "median s", "min s", "max s", "goal", "met?"],
    [
      [
        timing.runs,
        (timing.medianMs / 1000).toFixed(2),
        (timing.minMs / 1000).toFixed(2),
        (timing.maxMs / 1000).toFixed(2),
        `<= ${(timing.goalMs / 1000).toFixed(0)} s`,
        timing.met ? "yes" : "NO",
      ],
    ],
  );
}

main();
