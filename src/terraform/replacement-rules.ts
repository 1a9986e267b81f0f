// The provider's replacement rules, which `terraform providers schema -json` does not carry: per resource
// type, the argument paths whose Go schema sets ForceNew (nested blocks joined with "."), whether the type
// has an Update function, and whether it has a CustomizeDiff. They are vendored in
// schema/replacement.json (aliyun/alicloud 1.289.0 and hashicorp/random 3.7.2, derived from the
// providers' source; see its `_about` and schema/README.md). The served provider plans changes with them.

/** How one resource type reacts to a changed argument. */
export interface ReplacementRule {
  /** Argument paths that force a replacement (`data_disks.size`); a block's path covers its leaves. */
  readonly forceNew: readonly string[];
  /** Whether the type can be updated in place; without Update, every changed argument replaces. */
  readonly update: boolean;
  /** Whether the type has a CustomizeDiff (whose known conditional rules resource-change.ts implements). */
  readonly customizeDiff: boolean;
  /** Whether the rules name this type at all (a type they don't name is planned as updatable in place). */
  readonly known: boolean;
}

/** The rules of every type the file names. */
export type ReplacementRules = { readonly [type: string]: ReplacementRule };

/** The rule of a type the file does not name: nothing forces a replacement. */
export const UNKNOWN_TYPE_RULE: ReplacementRule = {
  forceNew: [],
  update: true,
  customizeDiff: false,
  known: false,
};

/** Reads a replacement.json document; throws a clear error when it isn't one. */
export function parseReplacementRules(text: string, file: string): ReplacementRules {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not JSON (${(e as Error).message})`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new Error(`${file} must hold an object of resource types`);
  }
  const rules: { [type: string]: ReplacementRule } = {};
  for (const [type, entry] of Object.entries(doc as { [key: string]: unknown })) {
    if (type.startsWith("_")) continue;
    const e = entry as { force_new?: unknown; update?: unknown; customize_diff?: unknown };
    if (
      typeof e !== "object" ||
      e === null ||
      !Array.isArray(e.force_new) ||
      !e.force_new.every((p) => typeof p === "string") ||
      typeof e.update !== "boolean"
    ) {
      throw new Error(`${file}: ${type} needs force_new (a list of argument paths) and update (a boolean)`);
    }
    rules[type] = {
      forceNew: e.force_new as string[],
      update: e.update,
      customizeDiff: e.customize_diff === true,
      known: true,
    };
  }
  return rules;
}

/** The rule for `type`: the file's, or UNKNOWN_TYPE_RULE. */
export function ruleFor(rules: ReplacementRules, type: string): ReplacementRule {
  return Object.prototype.hasOwnProperty.call(rules, type) ? rules[type] : UNKNOWN_TYPE_RULE;
}

/** Whether a changed argument path (`data_disks.size`) is, or lies under, one of the ForceNew paths. */
export function forcesNew(rule: ReplacementRule, name: string): boolean {
  return rule.forceNew.some((path) => name === path || name.startsWith(`${path}.`));
}
