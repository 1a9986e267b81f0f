// `npm run bench`: how long real Terraform takes to judge the three examples, start to finish, the way
// a user runs it: `cdktf-alicloud-image-export check --terraform cdktf.out` in a fresh process (provider
// server start, then terraform init, validate and plan of every stack, then cleanup). Synthesis is not
// part of the figure. The goal is at most 5 seconds on the development machine.
import { spawnSync } from "child_process";
import * as path from "path";
import { App } from "cdktf";
import { BringYourOwnStack } from "../examples/bring-your-own";
import { CrossRegionStack } from "../examples/cross-region";
import { DocsExampleStack } from "../examples/docs-example";
import { LibraryTarget, ROOT } from "./library";
import { median } from "./synth";

/** Start to finish, for the three examples. */
export const TERRAFORM_CHECK_GOAL_MS = 5000;

export interface TerraformTiming {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly goalMs: number;
  readonly met: boolean;
  readonly build: string;
}

/** Synthesizes the examples into `scratch` and times the command over them; undefined without terraform. */
export function timeTerraformCheck(
  target: LibraryTarget,
  scratch: string,
  runs: number,
): TerraformTiming | string {
  const outdir = path.join(scratch, "terraform-examples");
  const app = new App({ outdir, stackTraces: false });
  new DocsExampleStack(app, "docs-example");
  new BringYourOwnStack(app, "bring-your-own");
  new CrossRegionStack(app, "cross-region");
  app.synth();
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
    runs,
    medianMs,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    goalMs: TERRAFORM_CHECK_GOAL_MS,
    met: medianMs <= TERRAFORM_CHECK_GOAL_MS,
    build: target.kind,
  };
}
