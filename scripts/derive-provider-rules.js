#!/usr/bin/env node
// Derives the provider's rule table, src/rules/provider-rules.generated.ts, from the vendored
// schema/validations.json: one entry per key of that file, its sentences turned into checks the code
// reads. validations.json stays the only place a rule is written down; the table is its
// machine-readable form. A sentence of a kind this script does not know stops it with the sentence
// quoted, so a new kind of check must be taught here before anything builds on it.
//
//   node scripts/derive-provider-rules.js          rewrites the table
//   node scripts/derive-provider-rules.js --check  exits 1 when the committed table is stale
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const SOURCE = path.join(ROOT, "schema", "validations.json");
const TARGET = path.join(ROOT, "src", "rules", "provider-rules.generated.ts");

class RuleSentenceError extends Error {}

/** Splits `a, b, c` or `a, "b, c"` style lists: JSON when quoted, bare words otherwise. */
function listItems(text) {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (trimmed.startsWith('"') || /^-?\d/.test(trimmed)) return JSON.parse(`[${trimmed}]`);
  return trimmed.split(",").map((item) => item.trim());
}

/** One clause (the text between "; ") of a description, as one check. */
function clauseCheck(clause, where) {
  let match;
  const fail = () => {
    throw new RuleSentenceError(`${where}: cannot read the clause "${clause}"`);
  };
  const text = clause.replace(/\s*\[provider validator\]\s*$/, "").trim();

  if ((match = /^any of: (.*)$/.exec(text))) {
    const alternatives = match[1].split(/\)\s+OR\s+\(/).map((part) => part.replace(/^\(|\)$/g, ""));
    return { kind: "anyOf", alternatives: alternatives.map((part) => clauseCheck(part, where)) };
  }
  if ((match = /^one of \[(.*)\]( \(case-insensitive\))?$/.exec(text))) {
    return { kind: "oneOf", values: listItems(match[1]), caseInsensitive: match[2] !== undefined };
  }
  if ((match = /^integer, one of \[(.*)\]$/.exec(text))) {
    return { kind: "intOneOf", values: listItems(match[1]) };
  }
  if ((match = /^integer between (-?\d+) and (-?\d+) inclusive$/.exec(text))) {
    return { kind: "intRange", min: Number(match[1]), max: Number(match[2]) };
  }
  if ((match = /^integer >= (-?\d+)$/.exec(text))) return { kind: "intRange", min: Number(match[1]) };
  if ((match = /^integer <= (-?\d+)$/.exec(text))) return { kind: "intRange", max: Number(match[1]) };
  if ((match = /^string length \(in bytes\) between (\d+) and (\d+) inclusive$/.exec(text))) {
    return { kind: "byteLength", min: Number(match[1]), max: Number(match[2]) };
  }
  if (
    (match = /^(each element: )?must (NOT )?match regex `(.*)` \(message: ("(?:[^"\\]|\\.)*")\)$/.exec(text))
  ) {
    const check = {
      kind: match[2] ? "notMatches" : "matches",
      pattern: match[3],
      message: JSON.parse(match[4]),
    };
    return match[1] ? { kind: "eachElement", check } : check;
  }
  if (
    (match = /^REMOVED: any configured value is rejected by the provider \(("(?:[^"\\]|\\.)*")\)$/.exec(text))
  ) {
    return { kind: "removed", message: JSON.parse(match[1]) };
  }
  if ((match = /^conflicts with (.*)$/.exec(text)))
    return { kind: "conflictsWith", others: listItems(match[1]) };
  if ((match = /^(at least|exactly) one of \[(.*)\] must be set$/.exec(text))) {
    return { kind: match[1] === "exactly" ? "exactlyOneOf" : "atLeastOneOf", keys: listItems(match[2]) };
  }
  if ((match = /^between (\d+) and (\d+) items when the block is present \(.*\)$/.exec(text))) {
    return { kind: "itemCount", min: Number(match[1]), max: Number(match[2]) };
  }
  if ((match = /^at most (\d+) items \(.*\)$/.exec(text)))
    return { kind: "itemCount", max: Number(match[1]) };
  if (text === "must be a valid JSON string") return { kind: "json" };
  if (/^must be a date in YYYY-MM-DD form \(parsed with Go time layout "2006-01-02"\)$/.test(text)) {
    return { kind: "date" };
  }
  if (text === "must be a valid regular expression (Go RE2 syntax)") return { kind: "regexp" };
  if ((match = /^letters and digits only, length (\d+) to (\d+)$/.exec(text))) {
    return { kind: "lettersAndDigits", min: Number(match[1]), max: Number(match[2]) };
  }
  return fail();
}

/** Clauses are separated by "; " outside quotes, backticks and parentheses. */
function clauses(description) {
  const parts = [];
  let depth = 0;
  let quote;
  let start = 0;
  for (let i = 0; i < description.length; i++) {
    const c = description[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "`") {
      quote = c;
    } else if (c === "(") {
      depth++;
    } else if (c === ")") {
      depth--;
    } else if (c === ";" && depth === 0 && description[i + 1] === " ") {
      parts.push(description.slice(start, i));
      start = i + 2;
    }
  }
  parts.push(description.slice(start));
  return parts;
}

/** The cloud-side rule states where it is enforced in a trailing sentence. */
const CLOUD_ENFORCED =
  /\. Stated by the provider's documentation and enforced by the cloud API at apply time; the provider itself does not check it at plan time$/;

function ruleOf(target, rulePath, description) {
  const where = `${target} ${rulePath}`;
  const enforcedBy = CLOUD_ENFORCED.test(description) ? "cloud" : "provider";
  const checks = clauses(description.replace(CLOUD_ENFORCED, "")).map((clause) => clauseCheck(clause, where));
  return { target, path: rulePath, checks, enforcedBy };
}

function deriveRules(validations) {
  return Object.entries(validations).flatMap(([target, paths]) =>
    Object.entries(paths).map(([rulePath, description]) => ruleOf(target, rulePath, description)),
  );
}

function render(rules) {
  const lines = rules.map((rule) => `  ${JSON.stringify(rule)},`);
  return [
    "// Generated by scripts/derive-provider-rules.js from schema/validations.json. Do not edit: change",
    "// validations.json (or teach the script a new kind of sentence) and run `npm run rules`.",
    'import type { ProviderRule } from "./provider-rules";',
    "",
    "/** Every rule of schema/validations.json, in its order. */",
    "export const GENERATED_PROVIDER_RULES: readonly ProviderRule[] = [",
    ...lines,
    "];",
    "",
  ].join("\n");
}

function main(argv) {
  const validations = JSON.parse(fs.readFileSync(SOURCE, "utf8"));
  const text = render(deriveRules(validations));
  if (argv.includes("--check")) {
    const current = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, "utf8") : "";
    if (current !== text) {
      console.error(
        `${path.relative(ROOT, TARGET)} is stale: it does not match schema/validations.json; run \`npm run rules\``,
      );
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(TARGET, text);
  console.error(`wrote ${path.relative(ROOT, TARGET)}: ${text.split("\n").length} lines`);
}

module.exports = { deriveRules, clauseCheck, RuleSentenceError };

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof RuleSentenceError)) throw error;
    console.error(`Cannot derive the provider rules: ${error.message}`);
    process.exit(1);
  }
}
