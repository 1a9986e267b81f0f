// Reads Mermaid diagrams with Mermaid's own parser, which needs a DOM for its sanitizer: jsdom provides
// one. Mermaid is an ES module, so jest runs this file in a child process (see mermaid.ts).
// Input on stdin: a JSON list of diagram texts. Output on stdout: a JSON list, in the same order, of
// { error } or what Mermaid read: { diagramType, vertices, edges, subgraphs }, labels decoded the way a
// browser shows them (entity codes resolved, <br> as a line break).
/* global process */
import { JSDOM } from "jsdom";

const { window } = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

const NAMED = { quot: '"', amp: "&", lt: "<", gt: ">", nbsp: "\u00a0" };

/** Mermaid keeps `#name;` and `#123;` codes as placeholders until it renders; resolve them as it does. */
function shown(text) {
  return String(text ?? "")
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (whole, name) => NAMED[name] ?? whole)
    .replace(/<br\s*\/?>/g, "\n");
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const text of JSON.parse(input)) {
  try {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db;
    results.push({
      diagramType: diagram.type,
      vertices: [...db.getVertices().values()].map((v) => ({ id: v.id, text: shown(v.text), shape: v.type })),
      edges: db.getEdges().map((e) => ({ from: e.start, to: e.end, stroke: e.stroke, text: shown(e.text) })),
      subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: shown(s.title), nodes: s.nodes })),
    });
  } catch (e) {
    results.push({
      error: String(e.message ?? e)
        .split("\n")
        .slice(0, 4)
        .join("\n"),
    });
  }
}
process.stdout.write(JSON.stringify(results));
