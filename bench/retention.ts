// `npm run bench`: how long the lifecycle simulation takes to replay 400 nights of the nightly example
// (one stack, one export, a year of retention), from its synthesized JSON. The goal (issue 18) is under
// a second; the first run, before the JIT has warmed up, is reported beside the median.
import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { NightlyBackupsStack } from "../examples/nightly-backups";
import { replayNights } from "../src/retention/replay";
import { reportNights } from "../src/retention/report";
import { readStackRetention } from "../src/retention/stack-reader";
import { GOALS, RETENTION_NIGHTS } from "./goals";
import { median } from "./synth";

export interface RetentionTiming {
  readonly nights: number;
  readonly runs: number;
  readonly firstMs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Versions and delete markers in the bucket at the end, as a check that the work was done. */
  readonly finalVersions: number;
  readonly goalMs: number;
  readonly met: boolean;
}

/** Synthesizes the nightly example into `scratch`, then times read + replay + report of 400 nights. */
export function timeRetentionReplay(scratch: string, runs: number): RetentionTiming {
  const outdir = path.join(scratch, "retention-nightly");
  const app = new App({ outdir, stackTraces: false });
  new NightlyBackupsStack(app, "nightly-backups");
  app.synth();
  const json = fs.readFileSync(path.join(outdir, "stacks", "nightly-backups", "cdk.tf.json"), "utf8");
  let finalVersions = 0;
  const once = (): number => {
    const start = process.hrtime.bigint();
    const [report] = reportNights(
      replayNights(readStackRetention(json, "nightly-backups"), RETENTION_NIGHTS),
    );
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    finalVersions = report.objects.length;
    return ms;
  };
  const firstMs = once();
  const times = Array.from({ length: runs }, once);
  const medianMs = median(times);
  return {
    nights: RETENTION_NIGHTS,
    runs,
    firstMs,
    medianMs,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    finalVersions,
    goalMs: GOALS.retentionReplayMs,
    met: firstMs <= GOALS.retentionReplayMs && medianMs <= GOALS.retentionReplayMs,
  };
}
