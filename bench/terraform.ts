// `npm run bench`: how long real Terraform takes to judge the examples (every stack the examples app
// writes), start to finish, the way a user runs it: `cdktf-alicloud-image-export check --terraform
// cdktf.out` in a fresh process (provider server start, then terraform init, validate and plan of every
// stack, then cleanup). Synthesis is not part of the figure. The goal is in bench/goals.ts.
import { spawnSync } from "child_process";
import * as path from "path";
import { synthesizeExamples } from "./examples";
import { GOALS } from "./goals";
import { LibraryTarget, ROOT } from "./library";
import { median } from "./synth";

export interface TerraformTiming {
  /** The example stacks the command ran over. */
  readonly stacks: string[];
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly goalMs: number;
  readonly met: boolean;
  readonly build: string;
}

/** Synthesizes the examples into `scratch` and times the command over them; a string when it can't run. */
export function timeTerraformCheck(
  target: LibraryTarget,
  scratch: string,
  runs: number,
): TerraformTiming | string {
  const outdir = path.join(scratch, "terraform-examples");
  const stacks = synthesizeExamples(outdir);
  const command =
    target.kind === "lib"
      ? [path.join(ROOT, "bin", "cdktf-alicloud-image-export.js")]
      : ["--import", "tsx", path.join(ROOT, "src", "cli", "main.ts")];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [...command, "check", "--terraform", outdir], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status === 2) return `not measured: ${result.stderr.trim()}`;
    if (result.status !== 0)
      throw new Error(`check --terraform failed on the examples:\n${result.stdout}${result.stderr}`);
    times.push(ms);
  }
  const medianMs = median(times);
  return {
    stacks,
    runs,
    medianMs,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    goalMs: GOALS.terraformCheckMs,
    met: medianMs <= GOALS.terraformCheckMs,
    build: target.kind,
  };
}
