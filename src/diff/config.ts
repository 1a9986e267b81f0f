// What the diff reads from a synthesized `cdk.tf.json` itself, besides what Terraform plans: its
// resources and data sources by address, their construct paths (the `//` metadata cdktf writes), the
// references between them, and values rendered for people (an interpolation becomes "…").
import { ID_PREFIXES } from "../terraform/resource-change";

/** A parsed cdk.tf.json, loosely typed. */
export type Config = { [key: string]: unknown };
/** A resource's or data source's body, without its `//` metadata. */
export type Body = { [key: string]: unknown };

/** A resource or data source of a configuration. */
export interface ConfigBlock {
  /** `alicloud_vpc.Name`, or `data.alicloud_zones.Name`. */
  readonly address: string;
  readonly type: string;
  readonly mode: "managed" | "data";
  /** The construct path inside the stack (`Export/Scaffold/Vpc`), or the address without metadata. */
  readonly path: string;
  readonly body: Body;
}

const isObject = (value: unknown): value is { [key: string]: unknown } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The construct path of a block, without the stack's name: `docs-example/Export/Resource` -> `Export/Resource`. */
function constructPath(body: { [key: string]: unknown }, fallback: string): string {
  const meta = body["//"];
  const path = isObject(meta) && isObject(meta.metadata) ? meta.metadata.path : undefined;
  if (typeof path !== "string" || path === "") return fallback;
  const slash = path.indexOf("/");
  return slash < 0 ? path : path.slice(slash + 1);
}

/** Every resource and data source of a configuration, by address. */
export function blocksOf(config: Config): Map<string, ConfigBlock> {
  const blocks = new Map<string, ConfigBlock>();
  for (const [section, mode] of [
    ["resource", "managed"],
    ["data", "data"],
  ] as const) {
    const byType = config[section];
    if (!isObject(byType)) continue;
    for (const [type, byName] of Object.entries(byType)) {
      if (!isObject(byName)) continue;
      for (const [name, raw] of Object.entries(byName)) {
        if (!isObject(raw)) continue;
        const address = `${mode === "data" ? "data." : ""}${type}.${name}`;
        const body: Body = { ...raw };
        delete body["//"];
        blocks.set(address, { address, type, mode, path: constructPath(raw, address), body });
      }
    }
  }
  return blocks;
}

/** The `${...}` interpolations of a string, with their positions (braces inside are balanced). */
export function interpolations(text: string): { start: number; end: number; expression: string }[] {
  const found: { start: number; end: number; expression: string }[] = [];
  let at = text.indexOf("${");
  while (at >= 0) {
    let depth = 0;
    let end = -1;
    for (let i = at + 2; i < text.length; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}") {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      }
    }
    if (end < 0) break;
    found.push({ start: at, end: end + 1, expression: text.slice(at + 2, end) });
    at = text.indexOf("${", end + 1);
  }
  return found;
}

const REFERENCE = /^\s*(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_]*)\s*$/;

/** The block and attribute a whole interpolation refers to (`${alicloud_oss_bucket.B.bucket}`), if it is one. */
export function referenceOf(
  value: unknown,
): { address: string; type: string; attribute: string } | undefined {
  if (typeof value !== "string") return undefined;
  const parts = interpolations(value);
  if (parts.length !== 1 || parts[0].start !== 0 || parts[0].end !== value.length) return undefined;
  const match = REFERENCE.exec(parts[0].expression);
  if (!match) return undefined;
  const [, data, type, name, attribute] = match;
  return { address: `${data ?? ""}${type}.${name}`, type, attribute };
}

/**
 * A value as people read it: literal text as it is; an interpolation that refers to an argument the
 * configuration sets is read through to that argument (`${alicloud_oss_bucket.B.bucket}` reads
 * `image-export-…` when the bucket is `image-export-${random_integer.S.result}`); an id of a known format
 * keeps its prefix (`${alicloud_image.I.id}` reads `m-…`); anything else only Terraform knows reads "…".
 */
export function rendered(value: unknown, config?: Config, depth = 0): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value !== "string") return "…";
  const blocks = config === undefined || depth > 5 ? undefined : blocksOf(config);
  let text = "";
  let last = 0;
  for (const part of interpolations(value)) {
    text += value.slice(last, part.start);
    const match = REFERENCE.exec(part.expression);
    const target = match
      ? blocks?.get(`${match[1] ?? ""}${match[2]}.${match[3]}`)?.body[match[4]]
      : undefined;
    if (typeof target === "string" || typeof target === "number") text += rendered(target, config, depth + 1);
    else text += match && !match[1] && match[4] === "id" ? `${ID_PREFIXES[match[2]] ?? ""}…` : "…";
    last = part.end;
  }
  return text + value.slice(last);
}

/** Whether a value is literal (no interpolation). */
export function isLiteral(value: unknown): boolean {
  return typeof value !== "string" || interpolations(value).length === 0;
}
