// `npm run bench`: how much `ImageExport` costs at synth time compared with the same infrastructure
// written by hand with the L1 bindings, how that cost grows with the number of exports, and how long
// the library takes to load. Prints a table and writes the figures to .bench/ as JSON.
//
//   npm run bench                 # about a minute or two
//   npm run bench -- --quick      # fewer runs, noisier figures
//   npm run bench -- --full       # also 1000 scaffolded exports (minutes: it shows the quadratic part)
//   BENCH_FROM=src npm run bench  # measure the TypeScript sources instead of the compiled lib/
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
import { timeDiffExamples } from "./diff";
import { timeRetentionReplay } from "./retention";
import { timeTerraformCheck, TerraformTiming } from "./terraform";

/** The construct may cost at most this much more than the hand-written L1s (docs example, one export). */
const OVERHEAD_TARGET = 0.05;
/** The library may add at most this to `require("cdktf")`, in ms (issue 9). */
const LOAD_GOAL_MS = 20;
/** Bring-your-own exports at N=1000: the construct's total time at most this times the L1s'. */
const BYO_TIME_GOAL_RATIO = 1.15;
/** Bring-your-own exports at N=1000: the construct's memory per export at most this times the L1s'. */
const BYO_MEMORY_GOAL_RATIO = 1.3;
/** Per-export time at the largest size over that at a tenth of it; above this, growth is not linear. */
const FLATNESS_LIMIT = 1.5;

const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
const FULL = args.has("--full");

const collectGarbage = (): void => (global as { gc?: () => void }).gc?.();
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

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

interface Goal {
  /** Stable key in .bench/latest.json. */
  readonly key: string;
  readonly figure: string;
  readonly value: number;
  readonly goal: number;
  /** Whether the figure is at most the goal; null when it can't be judged. */
  readonly met: boolean | null;
  readonly shown: string;
  readonly goalShown: string;
}

/** The figures issue 9 sets goals for, each at most its goal. */
function issueGoals(
  scaling: readonly ScaleRow[],
  docsExample: SideBySide,
  loadMs: number,
  mainJob: MainJob,
  baselineMatches: boolean,
): Goal[] {
  const row = (variant: Variant) =>
    scaling.find((r) => r.variant === variant && r.shape === "byo" && r.count === 1000);
  const construct = row("construct");
  const l1 = row("l1");
  const byoTime = construct && l1 ? construct.totalMs / l1.totalMs : Number.NaN;
  const byoMemory = construct && l1 ? construct.perExportKiB / l1.perExportKiB : Number.NaN;
  const judged = (value: number, goal: number, needsBaseline: boolean): boolean | null =>
    Number.isNaN(value) || (needsBaseline && !baselineMatches) ? null : value <= goal;
  const times = (value: number) => `${value.toFixed(3)}x`;
  return [
    {
      key: "libraryLoadOverCdktfMs",
      figure: 'library load on top of require("cdktf")',
      value: round(loadMs, 1),
      goal: LOAD_GOAL_MS,
      met: judged(loadMs, LOAD_GOAL_MS, false),
      shown: `+${loadMs.toFixed(1)} ms`,
      goalShown: `<= +${LOAD_GOAL_MS} ms`,
    },
    {
      key: "byoTotalTimeRatioAt1000",
      figure: "bring-your-own at N=1000, total time: construct / L1s",
      value: round(byoTime, 3),
      goal: BYO_TIME_GOAL_RATIO,
      met: judged(byoTime, BYO_TIME_GOAL_RATIO, true),
      shown:
        construct && l1
          ? `${times(byoTime)} (${construct.totalMs.toFixed(0)} vs ${l1.totalMs.toFixed(0)} ms)`
          : "-",
      goalShown: `<= ${BYO_TIME_GOAL_RATIO}x`,
    },
    {
      key: "byoMemoryPerExportRatioAt1000",
      figure: "bring-your-own at N=1000, memory per export: construct / L1s",
      value: round(byoMemory, 3),
      goal: BYO_MEMORY_GOAL_RATIO,
      met: judged(byoMemory, BYO_MEMORY_GOAL_RATIO, true),
      shown:
        construct && l1
          ? `${times(byoMemory)} (${construct.perExportKiB.toFixed(1)} vs ${l1.perExportKiB.toFixed(1)} KiB)`
          : "-",
      goalShown: `<= ${BYO_MEMORY_GOAL_RATIO}x`,
    },
    {
      key: "docsExampleRatio",
      figure: "docs example: construct / L1s",
      value: docsExample.ratio,
      goal: 1 + OVERHEAD_TARGET,
      met: judged(docsExample.ratio, 1 + OVERHEAD_TARGET, true),
      shown: docsExample.ratio.toFixed(3),
      goalShown: `<= ${(1 + OVERHEAD_TARGET).toFixed(2)}`,
    },
    {
      key: "mainJobRatio",
      figure: "main job: examples app / node -e 'require(\"cdktf\")', whole process",
      value: mainJob.ratio,
      goal: mainJob.goalRatio,
      met: mainJob.met,
      shown: `${times(mainJob.ratio)} (${mainJob.appMs.toFixed(0)} vs ${mainJob.baselineMs.toFixed(0)} ms; peak RSS ${mainJob.peakRssMiB.toFixed(0)} MiB)`,
      goalShown: `<= ${mainJob.goalRatio}x`,
    },
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
      { shape: "byo", counts: [1, 10, 100, 1000] },
      { shape: "scaffold", counts: FULL ? [1, 10, 100, 1000] : [1, 10, 100] },
    ];
    const scaling: ScaleRow[] = [];
    for (const { shape, counts } of sizes) {
      for (const count of counts) {
        for (const variant of ["construct", "l1"] as const)
          scaling.push(scaleChild(target, variant, shape, count));
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
    console.log("\nTerraform as the judge: check --terraform over the three examples, start to finish");
    if (typeof terraform === "string") console.log(terraform);
    else {
      console.log(
        table(
          ["runs", "median s", "min s", "max s", "goal", "met?"],
          [
            [
              terraform.runs,
              (terraform.medianMs / 1000).toFixed(2),
              (terraform.minMs / 1000).toFixed(2),
              (terraform.maxMs / 1000).toFixed(2),
              `<= ${(terraform.goalMs / 1000).toFixed(0)} s`,
              terraform.met ? "yes" : "NO",
            ],
          ],
        ),
      );
    }

    const diffExamples = timeDiffExamples(target, scratch, QUICK ? 1 : 3);
    console.log(
      "\nWhat a change destroys: diff over the four examples (each against itself), start to finish",
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
      "\nFlavours: CDK Terrain (build/cdktn) vs CDKTF (lib/), fresh processes, interleaved (median); one docs example + 1000 bring-your-own exports",
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
        `cdktn / cdktf build + synth: ${flavours.synthRatio.toFixed(3)}x; load difference ${flavours.loadDifferenceMs.toFixed(1)} ms`,
      );
    }

    const goals = issueGoals(scaling, side[0], ours, mainJob, mismatches.length === 0);
    console.log("\nGoals (issue 9)");
    console.log(
      table(
        ["figure", "now", "goal", "met?"],
        goals.map((goal) => [
          goal.figure,
          goal.shown,
          goal.goalShown,
          goal.met === null ? "not judged" : goal.met ? "met" : "NOT met",
        ]),
      ),
    );

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
      goals: goals.map(({ key, figure, value, goal, met }) => ({ key, figure, value, goal, met })),
      terraformCheck: terraform,
      diffExamples,
      retentionReplay: retention,
    };
    const json = `${JSON.stringify(results, null, 2)}\n`;
    const stamp = started.toISOString().replace(/[:.]/g, "-");
    fs.writeFileSync(path.join(benchDir, "latest.json"), json);
    fs.writeFileSync(path.join(benchDir, `bench-${stamp}.json`), json);
    console.log(`\nfigures written to .bench/latest.json and .bench/bench-${stamp}.json`);
    if (mismatches.length > 0) process.exitCode = 1;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
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
