// One size of the scaling benchmark, in a fresh process so its peak memory is its own:
//   node --expose-gc --import tsx bench/scale-child.ts <construct|l1> <scaffold|byo> <count> <repeats>
// Prints one JSON line: the median time of an empty stack (provider only) and of the stack with
// `count` exports, and the process's peak memory before and after the exports were built.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { libraryTarget, loadLibrary } from "./library";
import { derivedNames, Shape, Variant } from "./stacks";
import { median, synthesize, Workload } from "./synth";

export interface ScaleResult {
  readonly variant: Variant;
  readonly shape: Shape;
  readonly count: number;
  readonly repeats: number;
  /** Median wall time of the stack with only the provider, in ms. */
  readonly emptyMs: number;
  /** Median wall time of the stack with `count` exports, in ms. */
  readonly totalMs: number;
  /** Median time spent building the tree (constructors), in ms. */
  readonly buildMs: number;
  /** Median time spent in `app.synth()`, in ms. */
  readonly synthMs: number;
  /** Peak resident set size after warm-up and the empty stacks, in MiB. */
  readonly baselineRssMiB: number;
  /** Peak resident set size of the whole process, in MiB. */
  readonly peakRssMiB: number;
}

const maxRssMiB = (): number => process.resourceUsage().maxRSS / 1024;
const collectGarbage = (): void => (global as { gc?: () => void }).gc?.();

function main(): void {
  const [variant, shape, countArg, repeatsArg] = process.argv.slice(2);
  const count = Number(countArg);
  const repeats = Number(repeatsArg);
  // Stack traces are translated through source maps only when the TypeScript loader asks for it;
  // a compiled app doesn't pay for that, and it would swamp what the library itself costs.
  process.setSourceMapsEnabled(false);
  const lib = loadLibrary(libraryTarget());
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-bench-scale-"));
  try {
    const run = (workload: Workload) => {
      collectGarbage();
      return synthesize(lib, workload, outdir);
    };
    const base = { variant: variant as Variant, shape: shape as Shape };
    const warmCount = Math.min(count, 10);
    const warm: Workload = { ...base, count: warmCount, names: derivedNames(warmCount) };
    for (let i = 0; i < 3; i++) run(warm);

    const empty: Workload = { ...base, count: 0, names: [] };
    const emptyMs = median(Array.from({ length: repeats }, () => run(empty).totalMs));
    collectGarbage();
    const baselineRssMiB = maxRssMiB();

    const full: Workload = { ...base, count, names: derivedNames(count) };
    const timings = Array.from({ length: repeats }, () => run(full));
    const result: ScaleResult = {
      ...base,
      count,
      repeats,
      emptyMs,
      totalMs: median(timings.map((t) => t.totalMs)),
      buildMs: median(timings.map((t) => t.buildMs)),
      synthMs: median(timings.map((t) => t.synthMs)),
      baselineRssMiB,
      peakRssMiB: maxRssMiB(),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main();
