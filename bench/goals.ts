// The benchmark's goals and the sizes it measures, in one module without side effects: bench/run.ts
// and its parts read them, bench/record.ts writes them into the committed record (bench/RESULTS.json),
// and test/readme-figures.test.ts checks that the record was made against these goals and that the
// README describes these sizes.

export const GOALS = {
  /** The library may add at most this to `require("cdktf")`, in ms (issue 9). */
  libraryLoadMs: 20,
  /** Bring-your-own exports at N=1000: the construct's total time at most this times the L1s' (issue 9). */
  byoTimeRatio: 1.15,
  /** Bring-your-own exports at N=1000: the construct's memory per export at most this times the L1s' (issue 9). */
  byoMemoryRatio: 1.3,
  /** The docs example with the construct at most this times the same resources as hand-written L1s (issue 9). */
  docsExampleRatio: 1.05,
  /** The examples app's whole process at most this many times `node -e 'require("cdktf")'` (issue 9). */
  mainJobRatio: 2,
  /**
   * CDK Terrain's build + synth over CDKTF's: "no slower". Two runs of the same flavour differ by a few
   * percent on the shared development machine, so up to this ratio counts as no slower.
   */
  flavourRatio: 1.05,
  /** `check --terraform` over the examples, start to finish, in ms. */
  terraformCheckMs: 5000,
  /** `diff` over the examples (each against itself), start to finish, in ms. */
  diffMs: 5000,
  /** 400 nights of the nightly example read, replayed and reported, first and median run, in ms (issue 18). */
  retentionReplayMs: 1000,
} as const;

/** Per-export time at the largest size over that at a tenth of it; above this, growth is not linear. */
export const FLATNESS_LIMIT = 1.5;

/** The stack sizes of the scaling runs; `--full` adds the largest to the scaffolded shape. */
export const SCALE_COUNTS = [1, 10, 100, 1000] as const;

/** Bring-your-own exports in each flavour's stack (with one docs example). */
export const FLAVOUR_EXPORTS = 1000;

/** Nights of the nightly example the retention figure replays. */
export const RETENTION_NIGHTS = 400;
