// What every entry point that takes "a synthesized stack" accepts: a Terraform JSON configuration, as
// the text of a `cdk.tf.json` or that document parsed. Anything else is refused with one clear sentence,
// never read as an empty configuration that "conforms": a construct (the stack object itself rather than
// its synthesized JSON), text that isn't JSON, JSON that isn't a configuration, and input too large or too
// deeply nested to be one (a configuration nests a dozen levels; the checks walk it recursively, and a
// hostile file 100,000 levels deep would otherwise end in a stack overflow).
import * as fs from "fs";

/** Input that is not a Terraform JSON configuration; the message says what it is and what to pass. */
export class NotTerraformJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotTerraformJsonError";
  }
}

/** The top-level keys of a Terraform JSON configuration (plus cdktf's `//` metadata). */
export const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set([
  "//",
  "terraform",
  "provider",
  "resource",
  "data",
  "variable",
  "output",
  "locals",
  "module",
  "moved",
  "import",
  "check",
  "removed",
  "ephemeral",
]);

/** Deeper than this, a document is no configuration (cdktf's nest about a dozen levels). */
export const MAX_NESTING = 256;

/** Larger than this, a file is no synthesized stack worth reading (a stack of 10,000 resources is ~20 MB). */
export const MAX_BYTES = 64 * 1024 * 1024;

const WHAT_TO_PASS = "the JSON text of a cdk.tf.json (e.g. Testing.synth(stack)) or that document parsed";

/**
 * The configuration `input` holds: a `cdk.tf.json` text, or the parsed document. Throws
 * NotTerraformJsonError for anything else, its message `<subject> <what is wrong and what to pass>`.
 */
export function readTerraformJson(input: unknown, subject: string): { [key: string]: unknown } {
  try {
    return readConfiguration(input);
  } catch (e) {
    if (e instanceof NotTerraformJsonError) throw new NotTerraformJsonError(`${subject} ${e.message}`);
    throw e;
  }
}

function readConfiguration(input: unknown): { [key: string]: unknown } {
  if (typeof input === "string") {
    if (input.length > MAX_BYTES) {
      throw new NotTerraformJsonError(
        `is ${megabytes(input.length)}, larger than a synthesized stack can be (${megabytes(MAX_BYTES)})`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch (e) {
      // V8 quotes the text around the mistake, line breaks and all: one line, as the commands print it.
      throw new NotTerraformJsonError(`is not valid JSON (${(e as Error).message.replace(/\s+/g, " ")})`);
    }
    return configuration(parsed);
  }
  if (isConstruct(input)) {
    const path = (input as { node: { path: string } }).node.path;
    throw new NotTerraformJsonError(
      `is the construct '${path}', not its synthesized JSON; pass ${WHAT_TO_PASS}`,
    );
  }
  return configuration(input);
}

/**
 * The configuration in a `cdk.tf.json` file; refuses a file too large to be one before reading it.
 * Throws NotTerraformJsonError (input) or the file system's error (a file it can't read).
 */
export function readTerraformJsonFile(
  file: string,
  shown: string = file,
): { text: string; config: { [key: string]: unknown } } {
  const size = fs.statSync(file).size;
  if (size > MAX_BYTES) {
    throw new NotTerraformJsonError(
      `${shown} is ${megabytes(size)}, larger than a synthesized stack can be (${megabytes(MAX_BYTES)})`,
    );
  }
  const text = fs.readFileSync(file, "utf8");
  return { text, config: readTerraformJson(text, shown) };
}

function configuration(document: unknown): { [key: string]: unknown } {
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    const got = Array.isArray(document)
      ? "a list"
      : document === null
        ? "null"
        : `${typeof document} ${String(document).slice(0, 40)}`;
    throw new NotTerraformJsonError(
      `is not a Terraform JSON configuration (a JSON object with "resource", "data", "provider"... blocks), got ${got}`,
    );
  }
  const foreign = Object.keys(document).filter((key) => !TOP_LEVEL_KEYS.has(key));
  if (foreign.length > 0) {
    throw new NotTerraformJsonError(
      `is not a Terraform JSON configuration: it has the top-level key${foreign.length === 1 ? "" : "s"} ` +
        `${foreign
          .slice(0, 3)
          .map((k) => JSON.stringify(k))
          .join(", ")}${foreign.length > 3 ? ", ..." : ""} ` +
        `(a configuration has only ${[...TOP_LEVEL_KEYS].filter((k) => k !== "//").join(", ")})`,
    );
  }
  const depth = nesting(document, MAX_NESTING + 1);
  if (depth > MAX_NESTING) {
    throw new NotTerraformJsonError(
      `is nested more than ${MAX_NESTING} levels deep, which no Terraform JSON configuration is`,
    );
  }
  return document as { [key: string]: unknown };
}

/** How deeply a value nests, counted without recursion and no further than `limit`. */
function nesting(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== "object" || item === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest >= limit) return deepest;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** A construct: anything with a construct node (a TerraformStack, an App, a resource). */
function isConstruct(value: unknown): boolean {
  const node = (value as { node?: { path?: unknown; children?: unknown } } | null)?.node;
  return (
    typeof value === "object" &&
    value !== null &&
    typeof node?.path === "string" &&
    Array.isArray(node.children)
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
