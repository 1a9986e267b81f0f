// `npm run bench`: the CDK Terrain flavour (build/cdktn/, `npm run build:cdktn`) against the CDKTF one
// (lib/): each sample a fresh process (bench/flavour-child.js) that loads the framework, then the
// package through its `main`, then builds and synthesizes one docs-example export and 1000
// bring-your-own exports. The flavours alternate sample by sample; the figures are medians.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { FLAVOUR_EXPORTS, GOALS } from "./goals";
import { ROOT } from "./library";
import { median } from "./synth";

export interface FlavourFigures {
  readonly flavour: "cdktf" | "cdktn";
  readonly dir: string;
  /** Median time of `require` of the package on top of its framework, in ms. */
  readonly loadMs: number;
  /** Median time to build and synthesize the stack, in ms. */
  readonly synthMs: number;
}

export interface FlavourComparison {
  readonly runs: number;
  readonly exports: number;
  readonly flavours: FlavourFigures[];
  /** cdktn's synthMs over cdktf's. */
  readonly synthRatio: number;
  /** cdktn's loadMs minus cdktf's, in ms. */
  readonly loadDifferenceMs: number;
  /** The most synthRatio may be and still count as no slower. */
  readonly goalRatio: number;
  readonly met: boolean;
}

const FLAVOURS = [
  { flavour: "cdktf", dir: ROOT, framework: "cdktf" },
  { flavour: "cdktn", dir: path.join(ROOT, "build", "cdktn"), framework: "cdktn" },
] as const;

/** The comparison, or why it can't be made. */
export function compareFlavours(runs: number, exports = FLAVOUR_EXPORTS): FlavourComparison | string {
  for (const { dir, flavour } of FLAVOURS) {
    const { main } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { main: string };
    if (!fs.existsSync(path.join(dir, main))) {
      return `the ${flavour} flavour is not built (${flavour === "cdktf" ? "npm run build" : "npm run build:cdktn"})`;
    }
  }
  const samples = FLAVOURS.map(() => ({ loadMs: [] as number[], synthMs: [] as number[] }));
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? [0, 1] : [1, 0];
    for (const index of order) {
      const { dir, framework } = FLAVOURS[index];
      const child = spawnSync(
        process.execPath,
        [path.join(__dirname, "flavour-child.js"), dir, framework, String(exports)],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } },
      );
      if (child.status !== 0) throw new Error(`flavour sample ${framework} failed:\n${child.stderr}`);
      const figures = JSON.parse(child.stdout.trim().split("\n").pop() as string) as {
        loadMs: number;
        synthMs: number;
      };
      samples[index].loadMs.push(figures.loadMs);
      samples[index].synthMs.push(figures.synthMs);
    }
  }
  const flavours = FLAVOURS.map(({ flavour, dir }, index) => ({
    flavour,
    dir: path.relative(ROOT, dir) || ".",
    loadMs: Number(median(samples[index].loadMs).toFixed(1)),
    synthMs: Number(median(samples[index].synthMs).toFixed(1)),
  }));
  const synthRatio = Number((flavours[1].synthMs / flavours[0].synthMs).toFixed(3));
  return {
    runs,
    exports,
    flavours,
    synthRatio,
    loadDifferenceMs: Number((flavours[1].loadMs - flavours[0].loadMs).toFixed(1)),
    goalRatio: GOALS.flavourRatio,
    met: synthRatio <= GOALS.flavourRatio,
  };
}
