// Finds the resource and data-source references in Terraform template strings ("${alicloud_vpc.Vpc.id}",
// "${join(",", data.alicloud_zones.z.ids)}"), so the checker can tell whether each one names something
// the stack declares. It is a scanner, not a parser: it skips string literals and numbers, follows
// traversals (`a.b[0].c`, splats), ignores function names and for-expression variables, and leaves
// every root it cannot resolve statically (var, local, module, each, count, self, path, terraform) alone.

/** A reference to a resource (`type.name...`) or data source (`data.type.name...`). */
export interface Reference {
  readonly dataSource: boolean;
  readonly type: string;
  readonly name: string;
  /** The first attribute after the name (`id` in `alicloud_vpc.Vpc.id`), if any. */
  readonly attribute?: string;
  /** The reference as written, for messages. */
  readonly text: string;
}

const UNCHECKED_ROOTS = new Set([
  "var",
  "local",
  "module",
  "each",
  "count",
  "self",
  "path",
  "terraform",
  "true",
  "false",
  "null",
  "for",
  "in",
  "if",
  "else",
  "endif",
  "endfor",
]);

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;

/** What else a template names or gets wrong, besides resources: what Terraform can't resolve. */
export interface TemplateFindings {
  /** Input variables referenced (`var.name`), by name. */
  readonly variables: string[];
  /** Local values referenced (`local.name`), by name. */
  readonly locals: string[];
  /** Sequences that are a bare name and nothing else (`${x}`): Terraform reads `x` as a resource type. */
  readonly bareNames: string[];
  /** A `${` or `%{` whose closing `}` is missing, as written from it to the end of the text. */
  readonly unterminated?: string;
}

/**
 * Every resource and data-source reference in the templates of a string. `ignoredRoots` names extra
 * local symbols in scope, e.g. a dynamic block's iterator. `findings`, when given, also collects the
 * variables, locals and mistakes of {@link TemplateFindings}.
 */
export function findReferences(
  text: string,
  ignoredRoots: ReadonlySet<string> = new Set(),
  findings?: TemplateFindings,
): Reference[] {
  const found: Reference[] = [];
  const expressions = templateExpressions(text, findings);
  // A `%{ for x in ... }` directive binds `x` for the `${...}` sequences that follow it in the string.
  const locals = new Set([...ignoredRoots, ...expressions.flatMap(forSymbols)]);
  for (const expression of expressions) {
    const bare = expression.trim();
    if (
      findings &&
      /^[A-Za-z_][A-Za-z0-9_-]*$/.test(bare) &&
      !UNCHECKED_ROOTS.has(bare) &&
      !locals.has(bare)
    ) {
      findings.bareNames.push(bare);
    }
    scanExpression(expression, locals, found, findings);
  }
  return found;
}

/** An empty {@link TemplateFindings} to pass to {@link findReferences}. */
export function templateFindings(): TemplateFindings {
  return { variables: [], locals: [], bareNames: [] };
}

/** The symbols for-expressions and for-directives bind: `[for k, v in ...]`, `%{ for v in ... }`. */
function forSymbols(expression: string): string[] {
  return [
    ...expression.matchAll(/\bfor\s+([A-Za-z_][A-Za-z0-9_-]*)(?:\s*,\s*([A-Za-z_][A-Za-z0-9_-]*))?\s+in\b/g),
  ].flatMap((match) => (match[2] ? [match[1], match[2]] : [match[1]]));
}

/**
 * Parses a bare address such as `alicloud_vpc.Vpc` or `data.alicloud_zones.z` (as in `depends_on`).
 * Returns undefined for anything else (`module.x`, malformed text).
 */
export function parseAddress(text: string): Reference | undefined {
  const match = /^(data\.)?([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(text.trim());
  if (!match || (!match[1] && UNCHECKED_ROOTS.has(match[2]))) return undefined;
  return { dataSource: match[1] !== undefined, type: match[2], name: match[3], text: text.trim() };
}

/** The source of each `${...}` and `%{...}` template sequence in a string, outermost first. */
function templateExpressions(text: string, findings?: { unterminated?: string }): string[] {
  const expressions: string[] = [];
  let i = 0;
  while (i < text.length) {
    const opener = text[i] === "$" || text[i] === "%";
    if (opener && text[i + 1] === text[i] && text[i + 2] === "{") {
      i += 3; // `$${` and `%%{` are escapes for literal text
      continue;
    }
    if (opener && text[i + 1] === "{") {
      const end = closingBrace(text, i + 1);
      if (end === text.length && findings && findings.unterminated === undefined) {
        findings.unterminated = text.slice(i);
      }
      expressions.push(text.slice(i + 2, end));
      i = end + 1;
      continue;
    }
    i++;
  }
  return expressions;
}

/** Index of the `}` closing the `{` at `open` (or the end of the text), skipping quoted strings. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = closingQuote(text, i);
    } else if (c === "{") {
      depth++;
    } else if (c === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length;
}

/** Index of the `"` closing the string literal that opens at `open`, honouring escapes and templates. */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if ((c === "$" || c === "%") && text[i + 1] === "{") i = closingBrace(text, i + 1);
    else if (c === '"') return i;
  }
  return text.length;
}

function scanExpression(
  expression: string,
  ignoredRoots: ReadonlySet<string>,
  found: Reference[],
  findings?: TemplateFindings,
): void {
  const locals = new Set([...ignoredRoots, ...forSymbols(expression)]);

  let i = 0;
  while (i < expression.length) {
    const c = expression[i];
    if (c === '"') {
      const end = closingQuote(expression, i);
      for (const inner of templateExpressions(expression.slice(i + 1, end), findings))
        scanExpression(inner, locals, found, findings);
      i = end + 1;
    } else if (/[0-9]/.test(c)) {
      i = skipNumber(expression, i);
    } else if (IDENT_START.test(c)) {
      i = scanTraversal(expression, i, locals, found, findings);
    } else {
      i++;
    }
  }
}

/** Reads `root.part.part[index]...` from `start`; records it if it is a resource or data reference. */
function scanTraversal(
  expression: string,
  start: number,
  locals: ReadonlySet<string>,
  found: Reference[],
  findings?: TemplateFindings,
): number {
  const parts: string[] = []; // identifiers, with "*" for splats and "[]" for index steps
  let i = readIdentifier(expression, start);
  const root = expression.slice(start, i);
  if (expression.startsWith("::", i)) {
    // provider-defined function, e.g. provider::alicloud::fn(...)
    while (i < expression.length && (IDENT_PART.test(expression[i]) || expression[i] === ":")) i++;
    return i;
  }
  for (;;) {
    const next = skipSpaces(expression, i);
    if (expression[next] === "." && IDENT_START.test(expression[next + 1] ?? "")) {
      const end = readIdentifier(expression, next + 1);
      parts.push(expression.slice(next + 1, end));
      i = end;
    } else if (expression[next] === "." && expression[next + 1] === "*") {
      parts.push("*");
      i = next + 2;
    } else if (expression[next] === "." && /[0-9]/.test(expression[next + 1] ?? "")) {
      parts.push("[]"); // legacy index syntax: list.0
      i = skipNumber(expression, next + 1);
    } else if (expression[next] === "[") {
      const end = closingBracket(expression, next);
      // The index may itself hold references: scan it like any other expression.
      scanExpression(expression.slice(next + 1, end), locals, found, findings);
      parts.push("[]");
      i = end + 1;
    } else {
      break;
    }
  }
  if (expression[skipSpaces(expression, i)] === "(") return i; // a function call
  if (findings && !locals.has(root) && isIdentifier(parts[0])) {
    if (root === "var") findings.variables.push(parts[0]);
    if (root === "local") findings.locals.push(parts[0]);
  }
  if (UNCHECKED_ROOTS.has(root) || locals.has(root)) return i;

  const dataSource = root === "data";
  const steps = dataSource ? parts : [root, ...parts];
  const [type, name, ...rest] = steps;
  if (!isIdentifier(type) || !isIdentifier(name)) return i;
  const attribute = rest.find(isIdentifier);
  found.push({
    dataSource,
    type,
    name,
    attribute,
    text: expression.slice(start, i).replace(/\s+/g, ""),
  });
  return i;
}

function isIdentifier(step: string | undefined): step is string {
  return step !== undefined && step !== "*" && step !== "[]";
}

function readIdentifier(text: string, start: number): number {
  let i = start;
  while (i < text.length && IDENT_PART.test(text[i])) i++;
  return i;
}

function skipSpaces(text: string, start: number): number {
  let i = start;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function skipNumber(text: string, start: number): number {
  const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(start));
  return start + (match ? match[0].length : 1);
}

function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = closingQuote(text, i);
    else if (c === "[" || c === "(" || c === "{") depth++;
    else if (c === "]" || c === ")" || c === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length;
}
