// The README's figures come from measurements or from the code, never from a hand-typed number:
// - the Performance block is what bench/record.ts renders from the committed record, bench/RESULTS.json,
//   which `npm run bench` writes together with the block: a hand edit of either, or a change to the
//   rendering without `npm run bench:readme`, fails here;
// - the record holds one row per goal, measured against the goals bench/goals.ts sets now: a changed
//   or added goal fails here until `npm run bench` has measured against it;
// - the benchmark's sizes the README describes are the ones bench/goals.ts sets;
// - the counts in the prose that describe this repository's tests are counted here from those tests.
// Nothing is measured here (that is `npm run bench`'s job): the suite only reads files.
import * as fs from "fs";
import * as path from "path";
import { FLAVOUR_EXPORTS, GOALS, SCALE_COUNTS } from "../bench/goals";
import {
  BenchRecord,
  BLOCK_END,
  BLOCK_START,
  currentBlock,
  GOAL_KEYS,
  markdownTable,
  readRecord,
  README_PATH,
  renderBlock,
  replaceBlock,
} from "../bench/record";

const ROOT = path.join(__dirname, "..");
const README = fs.readFileSync(README_PATH, "utf8");
/** The README with every run of white space one space, so that sentences match across line breaks. */
const PROSE = README.replace(/\s+/g, " ");
const record = readRecord();

describe("the Performance figures", () => {
  test("are what the committed record renders to (npm run bench writes both)", () => {
    expect(currentBlock(README)).toBe(renderBlock(record));
  });

  test("have one row per goal, in order, measured against the goals the benchmark sets now", () => {
    expect([...GOAL_KEYS].sort()).toEqual(Object.keys(GOALS).sort());
    expect(record.goals.map((goal) => ({ key: goal.key, goal: goal.goal }))).toEqual(
      GOAL_KEYS.map((key) => ({ key, goal: GOALS[key] })),
    );
  });

  test("come from a run worth keeping: the compiled lib/, every goal measured and judged", () => {
    expect(record.meta.library).toBe("lib");
    expect(["default", "full"]).toContain(record.meta.mode);
    expect(record.goals.filter((goal) => goal.value === null || goal.met === null)).toEqual([]);
    const verdicts = record.goals.map((goal) => ({
      key: goal.key,
      met: (goal.value as number) <= goal.goal,
    }));
    expect(record.goals.map(({ key, met }) => ({ key, met }))).toEqual(verdicts);
    expect(record.bindings.map((b) => b.workload)).toEqual(["byo", "docs", "all"]);
  });

  test("change with the record: another figure renders another block", () => {
    const edited: BenchRecord = {
      ...record,
      goals: record.goals.map((goal) =>
        goal.key === "docsExampleRatio" ? { ...goal, value: (goal.value as number) + 0.001 } : goal,
      ),
    };
    expect(renderBlock(edited)).not.toBe(renderBlock(record));
    expect(currentBlock(replaceBlock(README, renderBlock(edited)))).toBe(renderBlock(edited));
  });

  test("sit between markers that appear once each", () => {
    expect(README.split(BLOCK_START)).toHaveLength(2);
    expect(README.split(BLOCK_END)).toHaveLength(2);
    expect(() => replaceBlock(README.replace(BLOCK_END, ""), "x")).toThrow(/once each and in that order/);
    expect(() => replaceBlock(`${README}\n${BLOCK_START}\n`, "x")).toThrow(/once each and in that order/);
  });

  test("tables are laid out as prettier lays them out", () => {
    expect(
      markdownTable(
        ["a", "longer"],
        [
          ["≤ 1×", "b"],
          ["c", "d"],
        ],
      ),
    ).toBe(["| a    | longer |", "| ---- | ------ |", "| ≤ 1× | b      |", "| c    | d      |"].join("\n"));
  });
});

test("the benchmark's sizes in the README's description are the benchmark's own", () => {
  const performance = PROSE.slice(PROSE.indexOf("## Performance "));
  const counts = SCALE_COUNTS.map(String);
  expect(performance).toContain(
    `Stacks with ${counts.slice(0, -1).join(", ")} and ${counts[counts.length - 1]} exports`,
  );
  expect(performance).toContain(`\`-- --full\` adds ${counts[counts.length - 1]} scaffolded exports`);
  expect(performance).toContain(`one docs example and ${FLAVOUR_EXPORTS} bring-your-own exports`);
});

describe("counts of this repository's tests", () => {
  const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
  const TIMES = ["never", "once", "twice", "three times"];
  /** The number a test file sets in `const NAME = <number>;`. */
  const constantIn = (file: string, name: string): number => {
    const match = new RegExp(`^const ${name} = (\\d+);$`, "m").exec(
      fs.readFileSync(path.join(ROOT, file), "utf8"),
    );
    if (match === null) throw new Error(`${file} no longer sets ${name}: update this test and the README`);
    return Number(match[1]);
  };
  /** The one number (a numeral or a word) the README's sentence matching `pattern` states. */
  const stated = (pattern: RegExp): number => {
    const matches = [...PROSE.matchAll(new RegExp(pattern.source, "g"))];
    if (matches.length !== 1)
      throw new Error(`the README states ${pattern} ${matches.length} times, not once`);
    const value = matches[0][1];
    return /^\d+$/.test(value) ? Number(value) : WORDS[value];
  };

  test("accepted stacks per construct in the Terraform agreement test", () => {
    expect(stated(/(\d+) accepted stacks per construct/)).toBe(
      constantIn("test/terraform-agreement.test.ts", "ACCEPTED"),
    );
  });

  test("nights the retention replay is checked against real Terraform", () => {
    expect(stated(/example's first (\w+) nights through real `terraform apply`/)).toBe(
      constantIn("test/retention-terraform.test.ts", "NIGHTS"),
    );
  });

  test("jest projects every suite runs in", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest's own configuration file
    const { projects } = require("../jest.config.js") as { projects: { displayName: string }[] };
    const names = projects.map((project) => `\`${project.displayName}\``).join(" and ");
    expect(PROSE).toContain(`jest runs every suite ${TIMES[projects.length]}, as the projects ${names}`);
  });
});
