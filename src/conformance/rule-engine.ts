// Applies the encoded provider rules (provider-rules.ts) to one block of a synthesized stack. Only
// literal values are judged: a value that holds a `${...}` expression is known at apply time only, and
// the provider itself defers those checks until then. The relational checks follow the semantics of
// terraform-plugin-sdk v1, which aliyun/alicloud uses: an argument counts as set when it is present
// and not null; conflicts are only reported between known values; "one of" groups are satisfied by
// an unknown value.
import {
  childPath,
  containsExpression,
  describeValue,
  Findings,
  indexPath,
  isExpression,
  templateLiteral,
  isObject,
  JsonObject,
  listOf,
  mapKeyPath,
} from "./json-values";
import { ProviderRule, RuleCheck, rulesFor, ValueCheck } from "../rules/provider-rules";
import { re2SyntaxProblem } from "../rules/re2";
import { isSet, numberLiteral, show } from "../rules/text";
import { ViolationKind } from "./violation";

interface Container {
  readonly body: JsonObject;
  /** The container's own path inside the checked block ("" for the block itself). */
  readonly path: string;
}

/** Runs every rule of `target` (e.g. `alicloud_instance`) against a resource, data-source or provider body. */
export function applyRules(
  target: string,
  address: string,
  body: JsonObject,
  providerSource: string,
  findings: Findings,
): void {
  const reportedConflicts = new Set<string>();
  for (const rule of rulesFor(target)) {
    const segments = rule.path.split(".");
    const key = segments[segments.length - 1];
    for (const container of containersAt({ body, path: "" }, segments.slice(0, -1))) {
      for (const check of rule.checks) {
        applyCheck(rule, check, key, container, {
          address,
          providerSource,
          findings,
          reportedConflicts,
        });
      }
    }
  }
}

interface RuleContext {
  readonly address: string;
  readonly providerSource: string;
  readonly findings: Findings;
  readonly reportedConflicts: Set<string>;
}

/** The block bodies at a block path: objects, items of lists, and the content of dynamic blocks. */
function containersAt(container: Container, blockNames: readonly string[]): Container[] {
  if (blockNames.length === 0) return [container];
  const [name, ...rest] = blockNames;
  const items: Container[] = [];
  const value = container.body[name];
  const path = childPath(container.path, name);
  if (isObject(value)) items.push({ body: value, path });
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (isObject(item)) items.push({ body: item, path: indexPath(path, index) });
    });
  }
  const dynamic = container.body.dynamic;
  if (isObject(dynamic) && isObject(dynamic[name]) && isObject(dynamic[name].content)) {
    items.push({ body: dynamic[name].content, path: childPath(container.path, `dynamic.${name}.content`) });
  }
  return items.flatMap((item) => containersAt(item, rest));
}

function applyCheck(
  rule: ProviderRule,
  check: RuleCheck,
  key: string,
  container: Container,
  ctx: RuleContext,
) {
  const value = container.body[key];
  const path = childPath(container.path, key);
  const report = (kind: ViolationKind, message: string) => ctx.findings.add(kind, ctx.address, path, message);

  switch (check.kind) {
    case "removed":
      // Any value fails, an expression included: there is no value it could turn into that passes.
      if (isSet(value))
        report(ViolationKind.REMOVED_ARGUMENT, `was removed from ${ctx.providerSource}: ${check.message}`);
      return;

    case "conflictsWith":
      if (!isSet(value) || containsExpression(value)) return;
      for (const other of check.others) {
        const otherValue = container.body[other];
        // An expression may still turn out null, which would not conflict.
        if (!isSet(otherValue) || isExpression(otherValue)) continue;
        const pair = `${container.path}|${[key, other].sort().join("|")}`;
        if (ctx.reportedConflicts.has(pair)) continue;
        ctx.reportedConflicts.add(pair);
        report(ViolationKind.CONFLICTING_ARGUMENTS, `conflicts with ${other}: set only one of them`);
      }
      return;

    case "exactlyOneOf":
    case "atLeastOneOf": {
      const unknown = check.keys.filter(
        (k) => isSet(container.body[k]) && containsExpression(container.body[k]),
      );
      const known = check.keys.filter(
        (k) => isSet(container.body[k]) && !containsExpression(container.body[k]),
      );
      if (known.length === 0 && unknown.length === 0) {
        const quantity = check.kind === "exactlyOneOf" ? "exactly one" : "at least one";
        report(
          ViolationKind.MISSING_ONE_OF,
          `${quantity} of ${listOf(check.keys, "or")} must be set, but none is`,
        );
      } else if (check.kind === "exactlyOneOf" && known.length > 1) {
        report(
          ViolationKind.CONFLICTING_ARGUMENTS,
          `only one of ${listOf(check.keys, "or")} may be set, but ${listOf(known)} are`,
        );
      }
      return;
    }

    case "itemCount": {
      if (!isSet(value) || isExpression(value)) return;
      const dynamic = container.body.dynamic;
      if (isObject(dynamic) && isSet(dynamic[key])) return; // a dynamic block adds items only known at apply time
      const count = Array.isArray(value) ? value.length : isObject(value) ? 1 : undefined;
      if (count === undefined) return; // not a collection: the type check reports it
      const tooFew = check.min !== undefined && count < check.min;
      const tooMany = check.max !== undefined && count > check.max;
      if (tooFew || tooMany) {
        report(
          ViolationKind.ITEM_COUNT,
          `must hold ${countRange(check.min, check.max)} when set, got ${count}`,
        );
      }
      return;
    }

    case "eachElement":
      if (Array.isArray(value)) {
        value.forEach((item, index) => reportValue(rule, check.check, item, indexPath(path, index), ctx));
      } else if (isObject(value)) {
        for (const [k, item] of Object.entries(value))
          reportValue(rule, check.check, item, mapKeyPath(path, k), ctx);
      }
      return;

    default:
      reportValue(rule, check, value, path, ctx);
  }
}

function countRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max} items`;
  if (min !== undefined) return `at least ${min} item${min === 1 ? "" : "s"}`;
  return `at most ${max} item${max === 1 ? "" : "s"}`;
}

function reportValue(rule: ProviderRule, check: ValueCheck, value: unknown, path: string, ctx: RuleContext) {
  const problem = valueProblem(check, value);
  if (problem === undefined) return;
  const where = rule.enforcedBy === "cloud" ? " (Alibaba Cloud rejects it when the operation starts)" : "";
  ctx.findings.add(ViolationKind.INVALID_VALUE, ctx.address, path, `${problem}${where}`);
}

/**
 * Why a literal fails a value check, or undefined when it passes or cannot be judged here (unset, an
 * expression, or of a type the schema's type check already reports).
 */
export function valueProblem(check: ValueCheck, value: unknown): string | undefined {
  if (!isSet(value) || isExpression(value)) return undefined;
  if (isNumericCheck(check)) {
    const n = numberLiteral(value);
    if (n === undefined) return undefined;
    return passesNumeric(check, n) ? undefined : `must be ${expectation(check)}, got ${describeValue(value)}`;
  }
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return undefined;
  // Terraform converts numbers and bools for string arguments, and reads `$${` as `${`.
  const text = templateLiteral(String(value));
  switch (check.kind) {
    case "oneOf": {
      const ok = check.caseInsensitive
        ? check.values.some((v) => v.toLowerCase() === text.toLowerCase())
        : check.values.includes(text);
      return ok ? undefined : `must be ${expectation(check)}, got ${describeValue(value)}`;
    }
    case "byteLength": {
      const bytes = Buffer.byteLength(text, "utf8");
      if (bytes >= check.min && bytes <= check.max) return undefined;
      return `must be ${expectation(check)}, got ${describeValue(value)} (${bytes} byte${bytes === 1 ? "" : "s"})`;
    }
    case "matches":
    case "notMatches": {
      const matched = new RegExp(check.pattern).test(text);
      if (matched === (check.kind === "matches")) return undefined;
      return `must ${expectation(check)}, got ${describeValue(value)}`;
    }
    case "lettersAndDigits": {
      const ok = /^[A-Za-z0-9]*$/.test(text) && text.length >= check.min && text.length <= check.max;
      return ok ? undefined : `must be ${expectation(check)}, got ${describeValue(value)}`;
    }
    case "json":
      return jsonProblem(text);
    case "date":
      return isCalendarDate(text) ? undefined : `must be ${expectation(check)}, got ${describeValue(value)}`;
    case "regexp":
      return regexpProblem(text);
    default:
      return undefined;
  }
}

function isNumericCheck(check: ValueCheck): boolean {
  return check.kind === "intOneOf" || check.kind === "intRange" || check.kind === "anyOf";
}

function passesNumeric(check: ValueCheck, n: number): boolean {
  switch (check.kind) {
    case "intOneOf":
      return check.values.includes(n);
    case "intRange":
      return (
        Number.isInteger(n) &&
        (check.min === undefined || n >= check.min) &&
        (check.max === undefined || n <= check.max)
      );
    case "anyOf":
      return check.alternatives.some((alternative) => passesNumeric(alternative, n));
    default:
      return true;
  }
}

/** What a check allows, phrased to follow "must be" (or "must" for patterns). */
function expectation(check: ValueCheck): string {
  switch (check.kind) {
    case "oneOf":
      return `one of ${listOf(
        check.values.map(show),
        "or",
      )}${check.caseInsensitive ? " (in any letter case)" : ""}`;
    case "intOneOf":
      return `one of ${listOf(check.values.map(String), "or")}`;
    case "intRange":
      if (check.min !== undefined && check.max !== undefined) {
        return `an integer between ${check.min} and ${check.max}`;
      }
      return check.min !== undefined
        ? `an integer of at least ${check.min}`
        : `an integer of at most ${check.max}`;
    case "anyOf":
      return check.alternatives.map(expectation).join(", or ");
    case "byteLength":
      return `between ${check.min} and ${check.max} bytes long`;
    case "matches":
      return `match the pattern ${check.pattern} (${check.message})`;
    case "notMatches":
      return `not match the pattern ${check.pattern} (${check.message})`;
    case "lettersAndDigits":
      return `${check.min} to ${check.max} letters or digits`;
    case "json":
      return "valid JSON";
    case "date":
      return "a date in YYYY-MM-DD form";
    case "regexp":
      return "a valid regular expression";
  }
}

function jsonProblem(text: string): string | undefined {
  // The provider normalizes the document first, and treats an empty one as unset.
  if (text === "") return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return `must be valid JSON, got ${describeValue(text)} (${(e as Error).message})`;
  }
}

/** Go's time.Parse("2006-01-02", s): four-digit year, two-digit month and day, a day the month has. */
function isCalendarDate(text: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** Whether Go's regexp package (RE2), which the provider compiles the pattern with, accepts it. */
function regexpProblem(text: string): string | undefined {
  const problem = re2SyntaxProblem(text);
  return problem === undefined
    ? undefined
    : `must be a valid regular expression, got ${describeValue(text)} (${problem})`;
}
