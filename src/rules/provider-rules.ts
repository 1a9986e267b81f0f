// The plan-time checks aliyun/alicloud 1.289.0 runs that its schema JSON cannot express, plus the one
// rule the cloud API enforces during apply, as data: the table is derived from the vendored
// schema/validations.json by scripts/derive-provider-rules.js (provider-rules.generated.ts), never written
// by hand. One entry per key of that file: `target` is its top-level key (a resource type,
// `data.<type>` or `provider`), `path` the attribute path inside (`data_disks.size`).
//
// Both judges read this one table: the constructs' prop checks (src/validation/) and SchemaConformance
// (src/conformance/). Where a construct is stricter on purpose, src/validation/construct-rules.ts says so.
import { GENERATED_PROVIDER_RULES } from "./provider-rules.generated";

/** A check on one literal value. */
export type ValueCheck =
  | { readonly kind: "oneOf"; readonly values: readonly string[]; readonly caseInsensitive: boolean }
  | { readonly kind: "intOneOf"; readonly values: readonly number[] }
  | { readonly kind: "intRange"; readonly min?: number; readonly max?: number }
  | { readonly kind: "anyOf"; readonly alternatives: readonly ValueCheck[] }
  | { readonly kind: "byteLength"; readonly min: number; readonly max: number }
  | { readonly kind: "matches"; readonly pattern: string; readonly message: string }
  | { readonly kind: "notMatches"; readonly pattern: string; readonly message: string }
  | { readonly kind: "lettersAndDigits"; readonly min: number; readonly max: number }
  | { readonly kind: "json" }
  | { readonly kind: "date" }
  | { readonly kind: "regexp" };

/** A check on an argument, its siblings, or its items. */
export type RuleCheck =
  | ValueCheck
  | { readonly kind: "eachElement"; readonly check: ValueCheck }
  | { readonly kind: "removed"; readonly message: string }
  | { readonly kind: "conflictsWith"; readonly others: readonly string[] }
  | { readonly kind: "exactlyOneOf"; readonly keys: readonly string[] }
  | { readonly kind: "atLeastOneOf"; readonly keys: readonly string[] }
  | { readonly kind: "itemCount"; readonly min?: number; readonly max?: number };

export interface ProviderRule {
  /** A resource type, `data.<type>` for a data source, or `provider` for the provider block. */
  readonly target: string;
  /** The argument path, block names joined by dots. */
  readonly path: string;
  readonly checks: readonly RuleCheck[];
  /** Who rejects a bad value: the provider at plan time, or the cloud API during apply. */
  readonly enforcedBy: "provider" | "cloud";
}

/** Every rule, in the order of schema/validations.json. */
export const PROVIDER_RULES: readonly ProviderRule[] = GENERATED_PROVIDER_RULES;

const rulesByKey = new Map(PROVIDER_RULES.map((rule) => [`${rule.target} ${rule.path}`, rule]));

/** The rule for one argument path of a target; throws when the table has none (a programming error). */
export function ruleAt(target: string, path: string): ProviderRule {
  const rule = rulesByKey.get(`${target} ${path}`);
  if (rule === undefined) throw new Error(`schema/validations.json has no rule for ${target} ${path}`);
  return rule;
}

/** The first check of a kind in a rule: e.g. the `oneOf` of `alicloud_instance data_disks.category`. */
export function checkOfKind<K extends RuleCheck["kind"]>(
  target: string,
  path: string,
  kind: K,
): Extract<RuleCheck, { kind: K }> {
  const found = ruleAt(target, path).checks.find((check) => check.kind === kind);
  if (found === undefined) throw new Error(`the rule for ${target} ${path} has no ${kind} check`);
  return found as Extract<RuleCheck, { kind: K }>;
}

/** The rules for one target (`alicloud_instance`, `data.alicloud_zones`, `provider`). */
export function rulesFor(target: string): readonly ProviderRule[] {
  return PROVIDER_RULES.filter((rule) => rule.target === target);
}

/**
 * True when a rule counts the items of this block itself; the schema's own min/max items check then
 * steps aside so one mistake yields one finding.
 */
export function hasItemCountRule(target: string, path: string): boolean {
  return rulesFor(target).some(
    (rule) => rule.path === path && rule.checks.some((check) => check.kind === "itemCount"),
  );
}
