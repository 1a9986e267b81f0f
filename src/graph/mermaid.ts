// Writes a stack graph as a Mermaid flowchart. Ids keep to letters, digits and underscores (with a
// prefix, so none is a Mermaid keyword such as `end`), and every label is quoted with the characters
// Mermaid would read as syntax written as entity codes; so any Terraform name or construct path draws.
import { EdgeKind, GraphNode, StackGraph } from "./stack-graph";

const INDENT = "  ";

/** The Mermaid flowchart of a stack graph, ending with a newline. */
export function renderMermaid(graph: StackGraph, stackName: string | undefined): string {
  // A node's id is its kind and name (cdktf names are unique in a stack), or with its type too where
  // names repeat; `r_`/`d_` keep every id clear of Mermaid's keywords.
  const ids = new Ids();
  const nodeId = new Map<string, string>();
  const short = (node: GraphNode) => `${node.dataSource ? "d" : "r"}_${safe(node.name)}`;
  const uses = new Map<string, number>();
  for (const node of graph.nodes) uses.set(short(node), (uses.get(short(node)) ?? 0) + 1);
  for (const node of graph.nodes) {
    const id = uses.get(short(node)) === 1 ? short(node) : `${short(node)}_${safe(node.type)}`;
    nodeId.set(node.address, ids.take(id));
  }

  const lines = ["flowchart TD"];
  if (stackName !== undefined) lines.push(`${INDENT}%% stack: ${oneLine(stackName)}`);

  for (const group of graph.providers) {
    const members = graph.nodes.filter((node) => node.declared && node.provider === group.key);
    if (members.length === 0) continue;
    const title = group.region === undefined ? group.key : `${group.key} (region ${group.region})`;
    lines.push(`${INDENT}subgraph ${ids.take(`p_${group.key}`)}[${label(title)}]`);
    for (const node of members) lines.push(`${INDENT}${INDENT}${nodeLine(node, nodeId)}`);
    lines.push(`${INDENT}end`);
  }
  const undeclared = graph.nodes.filter((node) => !node.declared);
  for (const node of undeclared) lines.push(`${INDENT}${nodeLine(node, nodeId)}`);

  for (const edge of graph.edges) {
    const from = nodeId.get(edge.dependency);
    const to = nodeId.get(edge.dependent);
    if (edge.kind === EdgeKind.DEPENDS_ON) {
      lines.push(`${INDENT}${from} -.->|${label("depends_on")}| ${to}`);
    } else {
      lines.push(`${INDENT}${from} -->|${label(edge.arguments.join(", "))}| ${to}`);
    }
  }

  if (undeclared.length > 0) {
    lines.push(`${INDENT}classDef undeclared stroke-dasharray: 4 4`);
    lines.push(`${INDENT}class ${undeclared.map((node) => nodeId.get(node.address)).join(",")} undeclared`);
  }
  return `${lines.join("\n")}\n`;
}

/** A node: resources as rectangles, data sources rounded, each labelled with type and construct path. */
function nodeLine(node: GraphNode, nodeId: ReadonlyMap<string, string>): string {
  const type = node.dataSource ? `data.${node.type}` : node.type;
  const where = node.declared ? (node.constructPath ?? node.name) : `${node.name} (not in this stack)`;
  const text = label(`${type}\n${where}`);
  return `${nodeId.get(node.address)}${node.dataSource ? `(${text})` : `[${text}]`}`;
}

/**
 * A quoted Mermaid label. `"` would end it, `#` starts an entity code, `<` `>` and `&` would be read as
 * HTML, and a leading backtick as Markdown: each is written as an entity code. Line breaks become `<br/>`.
 */
export function label(text: string): string {
  const escaped = text
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/&/g, "#amp;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/`/g, "#96;")
    .replace(/\r?\n/g, "<br/>");
  return `"${escaped}"`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ");
}

function safe(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, "_");
}

/** Unique ids from any text: letters, digits and underscores only; a repeat gets a number. */
class Ids {
  private readonly taken = new Set<string>();

  public take(text: string): string {
    const base = safe(text);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    return id;
  }
}
