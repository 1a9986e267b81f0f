// Reads schema/validations.json's prose into comparable "facts" (`oneOf ["a","b"]`, `intRange 1..64`,
// `conflictsWith a,b`), and turns the encoded rules into the same facts, so a test can prove the two say
// the same thing. A sentence this parser does not know fails the test: a new kind of check in the
// vendored file must be encoded (and taught to this parser) before the suite passes again.
import * as fs from "fs";
import * as path from "path";
import { ProviderRule, RuleCheck } from "../../src/rules/provider-rules";

export const VALIDATIONS_FILE = path.join(__dirname, "..", "..", "schema", "validations.json");

/** `{ target: { path: description } }`, as vendored. */
export function readValidations(): { [target: string]: { [path: string]: string } } {
  return JSON.parse(fs.readFileSync(VALIDATIONS_FILE, "utf8"));
}

/** The facts an encoded rule states, sorted. */
export function ruleFacts(rule: ProviderRule): string[] {
  const facts = rule.checks.map(checkFact);
  if (rule.enforcedBy === "cloud") facts.push("enforcedBy cloud");
  return facts.sort();
}

function checkFact(check: RuleCheck): string {
  switch (check.kind) {
    case "oneOf":
      return `oneOf${check.caseInsensitive ? "/ci" : ""} ${JSON.stringify(check.values)}`;
    case "intOneOf":
      return `intOneOf ${JSON.stringify(check.values)}`;
    case "intRange":
      return `intRange ${check.min ?? ""}..${check.max ?? ""}`;
    case "anyOf":
      return `anyOf(${check.alternatives.map(checkFact).join(" | ")})`;
    case "byteLength":
      return `byteLength ${check.min}..${check.max}`;
    case "matches":
    case "notMatches":
      return `${check.kind} ${check.pattern} ${JSON.stringify(check.message)}`;
    case "lettersAndDigits":
      return `lettersAndDigits ${check.min}..${check.max}`;
    case "json":
    case "date":
    case "regexp":
      return check.kind;
    case "eachElement":
      return `each(${checkFact(check.check)})`;
    case "removed":
      return `removed ${JSON.stringify(check.message)}`;
    case "conflictsWith":
      return `conflictsWith ${check.others.join(",")}`;
    case "exactlyOneOf":
    case "atLeastOneOf":
      return `${check.kind} ${check.keys.join(",")}`;
    case "itemCount":
      return `itemCount ${check.min ?? ""}..${check.max ?? ""}`;
  }
}

/** The facts a description in validations.json states, sorted. Throws on a sentence it cannot read. */
export function descriptionFacts(description: string): string[] {
  const quoted: string[] = [];
  const regexes: string[] = [];
  const groups: string[] = [];
  // Quoted messages first (they may hold backticks, semicolons and parentheses), then backticked
  // regexes, then parenthesized groups (which may hold semicolons); then split into clauses.
  const text = description
    .replace(
      /\((?:message: )?("(?:[^"\\]|\\.)*")\)/g,
      (_, q: string) => `<q${quoted.push(JSON.parse(q)) - 1}>`,
    )
    .replace(/`([^`]*)`/g, (_, r: string) => `<r${regexes.push(r) - 1}>`)
    .replace(/\(([^()]*)\)/g, (_, g: string) => `<g${groups.push(g) - 1}>`);
  const restore = (clause: string) => clause.replace(/<g(\d+)>/g, (_, i: string) => `(${groups[Number(i)]})`);
  const facts = text
    .split("; ")
    .map(restore)
    .map((clause) => clauseFact(clause, quoted, regexes, groups))
    .filter((fact): fact is string => fact !== undefined);
  return facts.sort();
}

function clauseFact(raw: string, quoted: string[], regexes: string[], groups: string[]): string | undefined {
  const clause = raw.replace(/ \[provider validator\]$/, "").trim();
  const q = (ref: string) => JSON.stringify(quoted[Number(ref)]);
  const r = (ref: string) => regexes[Number(ref)];
  let m: RegExpExecArray | null;

  if ((m = /^each element: (.*)$/.exec(clause))) return `each(${clauseFact(m[1], quoted, regexes, groups)})`;
  if ((m = /^any of: \((.*)\) OR \((.*)\)$/.exec(clause))) {
    return `anyOf(${[m[1], m[2]].map((alt) => clauseFact(alt, quoted, regexes, groups)).join(" | ")})`;
  }
  if ((m = /^one of (\[.*\])( \(case-insensitive\))?$/.exec(clause))) {
    return `oneOf${m[2] ? "/ci" : ""} ${JSON.stringify(JSON.parse(m[1]))}`;
  }
  if ((m = /^integer, one of (\[.*\])$/.exec(clause))) return `intOneOf ${JSON.stringify(JSON.parse(m[1]))}`;
  if ((m = /^integer between (\d+) and (\d+) inclusive$/.exec(clause))) return `intRange ${m[1]}..${m[2]}`;
  if ((m = /^integer <= (\d+)$/.exec(clause))) return `intRange ..${m[1]}`;
  if ((m = /^integer >= (\d+)$/.exec(clause))) return `intRange ${m[1]}..`;
  if ((m = /^string length \(in bytes\) between (\d+) and (\d+) inclusive$/.exec(clause))) {
    return `byteLength ${m[1]}..${m[2]}`;
  }
  if ((m = /^must (NOT )?match regex <r(\d+)> <q(\d+)>$/.exec(clause))) {
    return `${m[1] ? "notMatches" : "matches"} ${r(m[2])} ${q(m[3])}`;
  }
  if (
    (m = /^letters and digits only, length (\d+) to (\d+)\. .*enforced by the cloud API at apply time$/.exec(
      clause,
    ))
  ) {
    return `lettersAndDigits ${m[1]}..${m[2]}`;
  }
  if (clause === "the provider itself does not check it at plan time") return "enforcedBy cloud";
  if (clause === "must be a valid JSON string") return "json";
  if (/^must be a date in YYYY-MM-DD form \(parsed with Go time layout "2006-01-02"\)$/.test(clause))
    return "date";
  if (clause === "must be a valid regular expression (Go RE2 syntax)") return "regexp";
  if ((m = /^REMOVED: any configured value is rejected by the provider <q(\d+)>$/.exec(clause))) {
    return `removed ${q(m[1])}`;
  }
  if ((m = /^conflicts with ([a-z0-9_, ]+)$/.exec(clause)))
    return `conflictsWith ${m[1].split(", ").join(",")}`;
  if ((m = /^exactly one of \[([a-z0-9_, ]+)\] must be set$/.exec(clause))) {
    return `exactlyOneOf ${m[1].split(", ").join(",")}`;
  }
  if ((m = /^at least one of \[([a-z0-9_, ]+)\] must be set$/.exec(clause))) {
    return `atLeastOneOf ${m[1].split(", ").join(",")}`;
  }
  if ((m = /^between (\d+) and (\d+) items when the block is present \(.*\)$/.exec(clause))) {
    return `itemCount ${m[1]}..${m[2]}`;
  }
  if ((m = /^at most (\d+) items \(collection attribute; not expressed in schema JSON\)$/.exec(clause))) {
    return `itemCount ..${m[1]}`;
  }
  throw new Error(
    `validations.json: cannot read "${raw}"; encode the new kind of check and teach this parser`,
  );
}
