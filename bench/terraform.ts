// `npm run bench`: how long the commands that run real Terraform take over the examples (every stack
// the examples app writes), start to finish, the way a user runs them, each in a fresh process:
// - `check --terraform cdktf.out`: provider server start, terraform init, validate and plan, cleanup;
// - `diff cdktf.out cdktf.out`: the same start, then apply of the before side into a temporary state,
//   plan of the after side and show, cleanup. Before and after are the same synthesized examples, so
//   every stack is compared in full and nothing is destroyed.
// Synthesis is not part of the figures. The goals are in bench/goals.ts.
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

interface TimedCommand {
  /** The command's name in messages. */
  readonly name: string;
  /** The scratch folder the examples are synthesized into. */
  readonly folder: string;
  /** The command's arguments for the synthesized examples in `outdir`. */
  readonly args: (outdir: string) => string[];
  readonly goalMs: number;
}

/** Synthesizes the examples and times `command` over them; a string when it can't run (no terraform). */
function timeOverExamples(
  target: LibraryTarget,
  scratch: string,
  runs: number,
  command: TimedCommand,
): TerraformTiming | string {
  const outdir = path.join(scratch, command.folder);
  const stacks = synthesizeExamples(outdir);
  const cli =
    target.kind === "lib"
      ? [path.join(ROOT, "bin", "cdktf-alicloud-image-export.js")]
      : ["--import", "tsx", path.join(ROOT, "src", "cli", "main.ts")];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [...cli, ...command.args(outdir)], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    // Exit 2 without a report: the command could not run Terraform at all.
    if (result.status === 2 && result.stdout === "") return `not measured: ${result.stderr.trim()}`;
    if (result.status !== 0)
      throw new Error(`${command.name} failed on the examples:\n${result.stdout}${result.stderr}`);
    times.push(ms);
  }
  const medianMs = median(times);
  return {
    stacks,
    runs,
    medianMs,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    goalMs: command.goalMs,
    met: medianMs <= command.goalMs,
    build: target.kind,
  };
}

/** `check --terraform` over the examples. */
export function timeTerraformCheck(
  target: LibraryTarget,
  scratch: string,
  runs: number,
): TerraformTiming | string {
  return timeOverExamples(target, scratch, runs, {
    name: "check --terraform",
    folder: "terraform-examples",
    args: (outdir) => ["check", "--terraform", outdir],
    goalMs: GOALS.terraformCheckMs,
  });
}

/** `diff` of the examples against themselves. */
export function timeDiffExamples(
  target: LibraryTarget,
  scratch: string,
  runs: number,
): TerraformTiming | string {
  return timeOverExamples(target, scratch, runs, {
    name: "diff",
    folder: "diff-examples",
    args: (outdir) => ["diff", outdir, outdir],
    goalMs: GOALS.diffMs,
  });
}
