import { spawnSync } from "child_process";
import * as path from "path";

/** What Mermaid's own parser read from a diagram (see mermaid-parse.mjs). */
export interface ParsedDiagram {
  readonly error?: string;
  readonly diagramType: string;
  readonly vertices: { id: string; text: string; shape: string }[];
  readonly edges: { from: string; to: string; stroke: "normal" | "dotted" | "thick"; text: string }[];
  readonly subgraphs: { id: string; title: string; nodes: string[] }[];
}

/** Parses each diagram with the mermaid package from the npm registry, in one child process. */
export function parseMermaid(diagrams: readonly string[]): ParsedDiagram[] {
  const result = spawnSync(process.execPath, [path.join(__dirname, "mermaid-parse.mjs")], {
    input: JSON.stringify(diagrams),
    encoding: "utf8",
    // Loading mermaid and jsdom takes a few seconds on a slow machine.
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`mermaid-parse.mjs failed: ${result.error ?? result.stderr}`);
  return JSON.parse(result.stdout) as ParsedDiagram[];
}
