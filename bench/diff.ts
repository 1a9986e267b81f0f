// `npm run bench`: how long `diff` takes over the examples (every stack the examples app writes), start
// to finish, the way a user runs it: `cdktf-alicloud-image-export diff <before> <after>` in a fresh
// process (provider server start, then per stack terraform init, apply of the before side, plan of the
// after side and show, then cleanup). Before and after are the same synthesized examples, so every stack
// is compared in full and nothing is destroyed. Synthesis is not part of the figure. The goal is in
// bench/goals.ts.
import { spawnSync } from "child_process";
import * as path from "path";
import { synthesizeExamples } from "./examples";
import { GOALS } from "./goals";
import { LibraryTarget, ROOT } from "./library";
import { median } from "./synth";
import type { TerraformTiming } from "./terraform";

/** Synthesizes the examples into `scratch` and times `diff` over them; a string when it can't run. */
export function timeDiffExamples(
  target: LibraryTarget,
  scratch: string,
  runs: number,
): TerraformTiming | string {
  const outdir = path.join(scratch, "diff-examples");
  const stacks = synthesizeExamples(outdir);
  const command =
    target.kind === "lib"
      ? [path.join(ROOT, "bin", "cdktf-alicloud-image-export.js")]
      : ["--import", "tsx", path.join(ROOT, "src", "cli", "main.ts")];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [...command, "diff", outdir, outdir], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status === 2 && /terraform/.test(result.stderr) && result.stdout === "") {
      return `not measured: ${result.stderr.trim()}`;
    }
    if (result.status !== 0)
      throw new Error(`diff failed on the examples:\n${result.stdout}${result.stderr}`);
    times.push(ms);
  }
  const medianMs = median(times);
  return {
    stacks,
    runs,
    medianMs,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    goalMs: GOALS.diffMs,
    met: medianMs <= GOALS.diffMs,
    build: target.kind,
  };
}
