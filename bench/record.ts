// The benchmark's committed record and the README block made from it. `npm run bench` writes the full
// figures to .bench/latest.json (git-ignored) and, from a default or full run of the compiled lib/, this
// compact record to bench/RESULTS.json (committed): the goals' rows, the few other figures the README
// states, and the machine and its load. It then rewrites the README's block between the markers below
// from the record; `npm run bench:readme` does only that. test/readme-figures.test.ts renders the block
// from the committed record and fails when the README differs, or when the record was made against
// other goals than bench/goals.ts sets. No side effects and no framework import: jest loads this.
import * as fs from "fs";
import * as path from "path";
import { GOALS } from "./goals";

export const RECORD_PATH = path.join(__dirname, "RESULTS.json");
export const README_PATH = path.join(__dirname, "..", "README.md");
export const BLOCK_START = "<!-- bench:start: written by `npm run bench` from bench/RESULTS.json -->";
export const BLOCK_END = "<!-- bench:end -->";

export type GoalKey = keyof typeof GOALS;

/** The goals' rows, in the README's order. */
export const GOAL_KEYS: readonly GoalKey[] = [
  "libraryLoadMs",
  "byoTimeRatio",
  "byoMemoryRatio",
  "docsExampleRatio",
  "mainJobRatio",
  "flavourRatio",
  "terraformCheckMs",
  "diffMs",
  "retentionReplayMs",
];

export interface GoalRecord {
  readonly key: GoalKey;
  /** The figure the goal is about, in the goal's unit; null when it was not measured. */
  readonly value: number | null;
  readonly goal: number;
  /** Whether the value is at most the goal; null when it can't be judged. */
  readonly met: boolean | null;
  /** Why it was not measured or not judged. */
  readonly reason?: string;
  /** The figures shown beside the value. */
  readonly details: Readonly<Record<string, number>>;
}

export interface BindingsRecord {
  readonly workload: "byo" | "docs" | "all";
  readonly modules: number;
  readonly kib: number;
}

export interface BenchRecord {
  readonly meta: {
    readonly date: string;
    readonly revision: string;
    readonly library: "lib" | "src";
    readonly mode: string;
    readonly node: string;
    readonly cpus: string;
    readonly loadAverageAtStart: readonly number[];
    readonly loadAverageAtEnd: readonly number[];
    readonly durationMinutes: number;
    /** What else was running, as the person who ran it said (BENCH_NOTE). */
    readonly note?: string;
  };
  readonly goals: readonly GoalRecord[];
  /** The library's load measured the old way: the difference of two processes' medians, in ms. */
  readonly libraryLoadAcrossProcessesMs: number;
  readonly bindings: readonly BindingsRecord[];
}

export function readRecord(file = RECORD_PATH): BenchRecord {
  return JSON.parse(fs.readFileSync(file, "utf8")) as BenchRecord;
}

export function recordText(record: BenchRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Rendering

const fixed = (value: number, digits: number): string => value.toFixed(digits);
const times = (value: number, digits = 2): string => `${fixed(value, digits)}×`;
const seconds = (ms: number): string => `${fixed(ms / 1000, 2)} s`;

interface Row {
  readonly figure: (goal: GoalRecord) => string;
  readonly measured: (value: number, details: GoalRecord["details"]) => string;
  readonly goal: (goal: number) => string;
}

const ROWS: Record<GoalKey, Row> = {
  libraryLoadMs: {
    figure: () => 'library load on top of `require("cdktf")`',
    measured: (value) => `+${fixed(value, 1)} ms`,
    goal: (goal) => `≤ +${goal} ms`,
  },
  byoTimeRatio: {
    figure: (g) => `bring-your-own exports at N=${g.details.exports}, total time: construct ÷ L1s`,
    measured: (value, d) => `${times(value)} (${fixed(d.constructMs, 0)} vs ${fixed(d.l1Ms, 0)} ms)`,
    goal: (goal) => `≤ ${goal}×`,
  },
  byoMemoryRatio: {
    figure: (g) => `memory per export at N=${g.details.exports}: construct ÷ L1s`,
    measured: (value, d) => `${times(value)} (${fixed(d.constructKiB, 1)} vs ${fixed(d.l1KiB, 1)} KiB)`,
    goal: (goal) => `≤ ${goal}×`,
  },
  docsExampleRatio: {
    figure: () => "docs example: construct ÷ L1s",
    measured: (value) => fixed(value, 3),
    goal: (goal) => `≤ ${goal}`,
  },
  mainJobRatio: {
    figure: () => "main job: the examples app ÷ `node -e 'require(\"cdktf\")'`, whole process",
    measured: (value, d) =>
      `${times(value)} (${fixed(d.appMs, 0)} vs ${fixed(d.baselineMs, 0)} ms), ${fixed(d.peakRssMiB, 0)} MiB peak`,
    goal: (goal) => `≤ ${goal}×`,
  },
  flavourRatio: {
    figure: (g) =>
      `CDK Terrain flavour ÷ CDKTF flavour: build + synth, 1 docs + ${g.details.exports} BYO exports`,
    measured: (value, d) =>
      `${times(value)} (${fixed(d.cdktnMs, 0)} vs ${fixed(d.cdktfMs, 0)} ms), load ${d.loadDifferenceMs < 0 ? "-" : "+"}${fixed(Math.abs(d.loadDifferenceMs), 1)} ms`,
    goal: (goal) => `≤ ${goal}× (no slower)`,
  },
  terraformCheckMs: {
    figure: (g) => `\`check --terraform\` over the examples (${g.details.stacks} stacks), start to finish`,
    measured: (value) => seconds(value),
    goal: (goal) => `≤ ${goal / 1000} s`,
  },
  diffMs: {
    figure: (g) => `\`diff\` over the examples (${g.details.stacks} stacks), each against itself`,
    measured: (value) => seconds(value),
    goal: (goal) => `≤ ${goal / 1000} s`,
  },
  retentionReplayMs: {
    figure: (g) => `\`retention\`: ${g.details.nights} nights of the nightly example, first run (median)`,
    measured: (_, d) => `${fixed(d.firstMs, 0)} ms (${fixed(d.medianMs, 0)} ms)`,
    goal: (goal) => `≤ ${goal / 1000} s`,
  },
};

const BINDINGS_ROWS: Record<BindingsRecord["workload"], string> = {
  byo: "brings its own image and bucket (`imageId` and `ossBucket` given)",
  docs: 'the docs example (`new ImageExport(stack, "Export")`: scaffold and bucket)',
  all: "every binding: the whole `alicloud` namespace, and `random`",
};

/** A Markdown table laid out as prettier lays it out (the README is checked with prettier). */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [headers, ...rows];
  const widths = headers.map((_, column) => Math.max(3, ...cells.map((row) => [...row[column]].length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, column) => cell + " ".repeat(widths[column] - [...cell].length)).join(" | ")} |`;
  return [line(headers), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/** Words joined into lines of at most `width` characters. */
function wrap(text: string, width = 105): string {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    if (current !== "" && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  return [...lines, current].join("\n");
}

function verdict(goal: GoalRecord): string {
  if (goal.met === null) return `not judged${goal.reason ? `: ${goal.reason}` : ""}`;
  return goal.met ? "yes" : "**no**";
}

/** The README's block (without its markers), from the record alone. */
export function renderBlock(record: BenchRecord): string {
  const { meta } = record;
  const load = (values: readonly number[]) => fixed(values[0], 1);
  const build = meta.library === "lib" ? "the compiled `lib/`" : "the TypeScript sources through tsx";
  const intro = wrap(
    `From one \`npm run bench\`${meta.mode === "default" ? "" : ` (${meta.mode})`} of commit \`${meta.revision}\` on ` +
      `${meta.date.slice(0, 10)}, measuring ${build}: Node.js ${meta.node}, ${meta.cpus}; one-minute load average ` +
      `${load(meta.loadAverageAtStart)} at the start and ${load(meta.loadAverageAtEnd)} at the end` +
      `${meta.note ? ` (${meta.note})` : ""}; the run took ${fixed(meta.durationMinutes, 1)} minutes.`,
  );
  const goals = markdownTable(
    ["figure", "measured", "goal", "met?"],
    record.goals.map((goal) => {
      const row = ROWS[goal.key];
      return [
        row.figure(goal),
        goal.value === null ? "not measured" : row.measured(goal.value, goal.details),
        row.goal(goal.goal),
        verdict(goal),
      ];
    }),
  );
  const method = wrap(
    'The load figure is timed in one process, `require("cdktf")` and then the package; the difference ' +
      `of two processes' medians gave ${fixed(record.libraryLoadAcrossProcessesMs, 1)} ms in the same run.`,
  );
  const bindings = markdownTable(
    ["an app that", "binding modules loaded", "their JavaScript"],
    record.bindings.map((b) => [BINDINGS_ROWS[b.workload], String(b.modules), `${fixed(b.kib, 0)} KiB`]),
  );
  return [intro, goals, method, "Generated bindings loaded, by what the app builds:", bindings].join("\n\n");
}

/** `readme` with its block replaced by `block`; throws unless the markers are there, once each, in order. */
export function replaceBlock(readme: string, block: string): string {
  const start = readme.indexOf(BLOCK_START);
  const end = readme.indexOf(BLOCK_END);
  if (
    start < 0 ||
    end < start ||
    readme.indexOf(BLOCK_START, start + 1) >= 0 ||
    readme.indexOf(BLOCK_END, end + 1) >= 0
  ) {
    throw new Error(
      `README.md must hold the lines ${BLOCK_START} and ${BLOCK_END}, once each and in that order`,
    );
  }
  return `${readme.slice(0, start + BLOCK_START.length)}\n\n${block}\n\n${readme.slice(end)}`;
}

/** The README's block as it stands (without its markers). */
export function currentBlock(readme: string): string {
  const start = readme.indexOf(BLOCK_START);
  const end = readme.indexOf(BLOCK_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BLOCK_START} ... ${BLOCK_END} block`);
  return readme.slice(start + BLOCK_START.length, end).trim();
}
