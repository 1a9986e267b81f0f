// How both judges, the constructs' prop checks and SchemaConformance, read literals and word their
// messages: one way to quote a value, one "did you mean", one reading of numbers. Each exists once.

/** Shows a value the way a user would have typed it: strings in single quotes, the rest as JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (value === undefined) return "undefined";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  if (typeof value === "function") return "a function";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** What kind of value it is, for "got 42 (a number)" style messages. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return Number.isNaN(value) ? "not a number" : "a number";
  return `a ${typeof value}`;
}

/** `a, b and c` style enumerations for messages. */
export function listOf(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * The candidate nearest to `name` (ignoring letter case), if it is close enough to be a likely typo:
 * at most 2 edits, or a third of the name's length for long names. Ties go to the earlier candidate.
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Terraform's "not set": absent or null. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A decimal number as Terraform reads one from a string ("20", "-1.5", "1e3"). */
const NUMBER_LITERAL = /^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$/;

/** The number a JSON number or a numeric string stands for (Terraform converts both); else undefined. */
export function numberLiteral(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && NUMBER_LITERAL.test(value)) return Number(value);
  return undefined;
}
