// The examples as the benchmark's commands see them: synthesized by the examples app itself
// (`cdktf.json`'s `app`, what `npm run synth` runs) into a folder of the benchmark's own, so "the
// examples" always means every stack examples/main.ts builds, however many there are.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./library";

/** Runs the examples app with its output in `outdir`; returns the names of the stacks it wrote. */
export function synthesizeExamples(outdir: string): string[] {
  const { app } = JSON.parse(fs.readFileSync(path.join(ROOT, "cdktf.json"), "utf8")) as { app: string };
  fs.rmSync(outdir, { recursive: true, force: true });
  const child = spawnSync(app, {
    cwd: ROOT,
    shell: true,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: outdir },
  });
  if (child.status !== 0) {
    throw new Error(`the examples app (\`${app}\`) failed (exit ${child.status}):\n${child.stderr}`);
  }
  const stacks = fs
    .readdirSync(path.join(outdir, "stacks"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (stacks.length === 0) throw new Error(`the examples app wrote no stack into ${outdir}`);
  return stacks;
}
