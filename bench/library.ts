// Which build of the library the benchmark measures: the compiled lib/ (what users run) when it is
// built and current, otherwise the TypeScript sources through tsx. Both run the same JavaScript at
// synth time; they differ only in how long loading takes.
import * as fs from "fs";
import * as path from "path";

/** The library's module, typed from the sources whichever build is loaded. */
export type Library = typeof import("../src");

export const ROOT = path.resolve(__dirname, "..");

export interface LibraryTarget {
  /** `lib`: the jsii build; `src`: the sources, transpiled by tsx on load. */
  readonly kind: "lib" | "src";
  /** What to `require`. */
  readonly entry: string;
  /** Why this build was chosen, for the report. */
  readonly reason: string;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** `BENCH_FROM=lib|src` forces a build; otherwise lib/ is used when it is at least as new as src/. */
export function libraryTarget(): LibraryTarget {
  // What users' `require("cdktf-alicloud-image-export")` loads: package.json's `main`.
  const { main } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { main: string };
  const libEntry = path.join(ROOT, main);
  const srcEntry = path.join(ROOT, "src", "index.ts");
  const forced = process.env.BENCH_FROM;
  if (forced === "src") return { kind: "src", entry: srcEntry, reason: "BENCH_FROM=src" };
  if (forced === "lib") return { kind: "lib", entry: libEntry, reason: "BENCH_FROM=lib" };
  const assembly = path.join(ROOT, ".jsii");
  if (!fs.existsSync(libEntry) || !fs.existsSync(assembly)) {
    return { kind: "src", entry: srcEntry, reason: "lib/ is not built (npm run build)" };
  }
  if (fs.statSync(assembly).mtimeMs < newestMtime(path.join(ROOT, "src"))) {
    return { kind: "src", entry: srcEntry, reason: "lib/ is older than src/ (npm run build)" };
  }
  return { kind: "lib", entry: libEntry, reason: "lib/ is built and current" };
}

export function loadLibrary(target: LibraryTarget): Library {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- which build to load is decided at run time
  return require(target.entry) as Library;
}
