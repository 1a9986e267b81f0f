// `npm run bench`: the README's main job, the examples app (`cdktf.json`'s `app`, which `npm run synth`
// and `cdktf synth` run), timed as a whole process the way cdktf starts it (a shell running the
// command, CDKTF_OUTDIR pointing at a fresh folder), against `node -e 'require("cdktf")'`, the least
// any cdktf app costs. The two alternate run by run. Each process reports its peak RSS through a
// preloaded probe (bench/rss-probe.js), added to both so that neither pays for it alone.
//
// One unmeasured run comes first: it brings the app's transpile cache (.gen/app/) up to date if the
// sources changed, as the first `npm run synth` after an edit does. The measured runs then see what
// every later `cdktf synth` sees. Its time is reported as `firstRunMs`.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { GOALS } from "./goals";
import { ROOT } from "./library";
import { median } from "./synth";

export interface MainJob {
  /** `cdktf.json`'s `app`. */
  readonly command: string;
  readonly runs: number;
  /** Median wall time of the app's whole process, in ms. */
  readonly appMs: number;
  /** Median wall time of `node -e 'require("cdktf")'`, in ms. */
  readonly baselineMs: number;
  /** appMs / baselineMs. */
  readonly ratio: number;
  readonly goalRatio: number;
  readonly met: boolean;
  /** Median peak resident set size of the app's process (the largest node process it ran), in MiB. */
  readonly peakRssMiB: number;
  /** The same for the baseline. */
  readonly baselinePeakRssMiB: number;
  /** The unmeasured first run (transpiles when the sources changed), in ms. */
  readonly firstRunMs: number;
}

interface Sample {
  readonly ms: number;
  readonly rssMiB: number;
}

function timed(command: string, outdir: string, rssFile: string): Sample {
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(rssFile, { force: true });
  const probe = path.join(__dirname, "rss-probe.js");
  const started = process.hrtime.bigint();
  const child = spawnSync(command, {
    cwd: ROOT,
    shell: true,
    encoding: "utf8",
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      CDKTF_OUTDIR: outdir,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(probe)}`.trim(),
      BENCH_RSS_FILE: rssFile,
    },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`\`${command}\` failed (exit ${child.status}):\n${child.stderr}`);
  const peaks = fs.existsSync(rssFile)
    ? fs
        .readFileSync(rssFile, "utf8")
        .trim()
        .split("\n")
        .map((line) => Number(line) / 1024)
    : [Number.NaN];
  return { ms, rssMiB: Math.max(...peaks) };
}

export function timeMainJob(scratch: string, runs: number): MainJob {
  const { app } = JSON.parse(fs.readFileSync(path.join(ROOT, "cdktf.json"), "utf8")) as { app: string };
  const baseline = `${JSON.stringify(process.execPath)} -e 'require("cdktf")'`;
  const outdir = path.join(scratch, "main-job.out");
  const rssFile = path.join(scratch, "main-job.rss");
  const first = timed(app, outdir, rssFile);
  const samples = { app: [] as Sample[], baseline: [] as Sample[] };
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so neither always follows the other.
    const order = run % 2 === 0 ? (["app", "baseline"] as const) : (["baseline", "app"] as const);
    for (const which of order) samples[which].push(timed(which === "app" ? app : baseline, outdir, rssFile));
  }
  const appMs = median(samples.app.map((s) => s.ms));
  const baselineMs = median(samples.baseline.map((s) => s.ms));
  const ratio = appMs / baselineMs;
  return {
    command: app,
    runs,
    appMs: Number(appMs.toFixed(1)),
    baselineMs: Number(baselineMs.toFixed(1)),
    ratio: Number(ratio.toFixed(3)),
    goalRatio: GOALS.mainJobRatio,
    met: ratio <= GOALS.mainJobRatio,
    peakRssMiB: Number(median(samples.app.map((s) => s.rssMiB)).toFixed(1)),
    baselinePeakRssMiB: Number(median(samples.baseline.map((s) => s.rssMiB)).toFixed(1)),
    firstRunMs: Number(first.ms.toFixed(1)),
  };
}
