// `npm run bench:readme`: rewrites the README's figures block from the committed record,
// bench/RESULTS.json, without measuring anything (after a change to how bench/record.ts renders it).
// `npm run bench` does the same after writing a new record.
import * as fs from "fs";
import { README_PATH, readRecord, renderBlock, replaceBlock } from "./record";

const readme = fs.readFileSync(README_PATH, "utf8");
const updated = replaceBlock(readme, renderBlock(readRecord()));
fs.writeFileSync(README_PATH, updated);
console.log(`README.md: the figures block ${updated === readme ? "was already current" : "rewritten"}.`);
