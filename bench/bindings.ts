// `npm run bench`: how much generated binding code an app loads, by what it builds (the constructs load
// only the bindings they use, the package's `alicloud` namespace each binding on first access). Each
// workload runs in a fresh process (bench/bindings-child.js) through the entry point users load; the
// figure is the size on disk of the binding files the process loaded. Sizes, not times: the same on
// every machine for the same build.
import { spawnSync } from "child_process";
import * as path from "path";
import { LibraryTarget, ROOT } from "./library";

export type BindingsWorkload = "byo" | "docs" | "all";

export interface BindingsLoad {
  readonly workload: BindingsWorkload;
  /** Binding modules loaded: folders of the generated providers, such as `alicloud/image-export`. */
  readonly modules: number;
  /** Their files' total size, in KiB. */
  readonly kib: number;
  /** Which modules. */
  readonly names: string[];
}

const WORKLOADS: readonly BindingsWorkload[] = ["byo", "docs", "all"];

export function measureBindingsLoad(target: LibraryTarget): { build: string; loads: BindingsLoad[] } {
  // The compiled package's run-time entry, or its source: the lazy index in both cases.
  const entry = target.kind === "lib" ? target.entry : path.join(ROOT, "src", "lazy-index.ts");
  const loads = WORKLOADS.map((workload) => {
    const child = spawnSync(
      process.execPath,
      [
        ...(target.kind === "src" ? ["--import", "tsx"] : []),
        path.join(__dirname, "bindings-child.js"),
        entry,
        workload,
      ],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } },
    );
    if (child.status !== 0) throw new Error(`bindings sample ${workload} failed:\n${child.stderr}`);
    const files = JSON.parse(child.stdout.trim().split("\n").pop() as string) as {
      file: string;
      bytes: number;
    }[];
    // `alicloud/image-export/index.js` belongs to `alicloud/image-export`; a provider's own index file
    // (`random/index.js`) counts towards the size but is no binding of its own.
    const names = [
      ...new Set(
        files
          .map((f) => f.file.split(/[\\/]/))
          .flatMap((parts) => (parts.length > 2 ? [`${parts[0]}/${parts[1]}`] : [])),
      ),
    ].sort();
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    return { workload, modules: names.length, kib: Number((bytes / 1024).toFixed(1)), names };
  });
  return { build: target.kind === "lib" ? "compiled JavaScript (lib/)" : "TypeScript sources (src/)", loads };
}
