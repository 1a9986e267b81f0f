// What the served provider answers when Terraform plans, applies, reads and upgrades a managed resource,
// as pure functions of the values Terraform sends (provider.ts wires them to the RPCs). The rules are the
// provider's, as far as a plan needs them, from schema/replacement.json and the notes there:
//
// - Plan, no prior state (create): the proposed values, every computed attribute left null unknown.
// - Plan, no proposed state (destroy): null.
// - Plan, both: the arguments are compared (attributes that are required or optional, in nested blocks
//   too; computed-only attributes and the `timeouts` block are not arguments). Nothing changed: the
//   prior state, so Terraform plans no change (terraform-plugin-sdk v1 does this for a change to
//   timeouts alone too). A change that hits a ForceNew path, or any change on a type without Update:
//   a replacement, `requires_replace` naming the changed paths, every computed attribute the
//   configuration leaves null unknown again. Otherwise an update in place that keeps the prior
//   computed values. A nested block added or removed changes every argument in it; a list's indexes
//   don't change a path's name (`data_disks.size` covers `data_disks[3].size`); an unknown value (an
//   attribute of a resource that is itself replaced) counts as a change, as it does in the SDK.
// - The conditional rules the notes describe:
//   - random_integer.keepers replaces only when a key gets a new non-null value (the random provider's
//     RequiresReplaceIfValuesNotNull); a removed key or a key set to null updates in place.
//   - alicloud_instance.image_id: the provider's CustomizeDiff replaces the instance only when the
//     provider block sets features.ecs_instance.replace_on_image_update = true and the old and the new
//     image_id are known and not empty; otherwise the system disk is replaced in place (an update).
//     provider.ts reads the flag from each provider configuration's Configure call.
//   - alicloud_image.instance_id is neither ForceNew nor handled by Update: a new instance plans as an
//     update in place, which changes nothing in the cloud. That is what the generic rule plans.
// - Apply: the planned values, every unknown replaced by a deterministic placeholder (see `applyPlanned`).
// - Upgrade: the stored JSON state decoded into the schema's type, missing attributes null.
import { createHash } from "crypto";
import { CtyValue, isCtyObject, UnknownValue } from "./msgpack";
import { forcesNew, ReplacementRule } from "./replacement-rules";
import { AttributeSchema, attributeType, BlockSchema, CtyTypeJson } from "./schema-file";

/** One step of an attribute path, as the plugin protocol's AttributePath.Step has them. */
export type PathStep = { readonly attribute: string } | { readonly index: number } | { readonly key: string };

/** A changed argument: where it is, and its name with nested blocks joined by "." (indexes left out). */
export interface ChangedArgument {
  readonly steps: readonly PathStep[];
  readonly name: string;
}

type CtyObject = { [name: string]: CtyValue };

function isComputedOnly(attribute: AttributeSchema): boolean {
  return attribute.computed === true && attribute.optional !== true && attribute.required !== true;
}

function containsUnknown(value: CtyValue | undefined): boolean {
  if (value instanceof UnknownValue) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isCtyObject(value)) return Object.values(value).some(containsUnknown);
  return false;
}

/** A canonical text of a value (object keys sorted, unknowns marked), for comparing and hashing. */
export function canonical(value: CtyValue | undefined): string {
  if (value === undefined || value === null) return "null";
  if (value instanceof UnknownValue) return "(unknown)";
  if (Buffer.isBuffer(value)) return `bytes:${value.toString("base64")}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isCtyObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Whether two values of a type are the same; an unknown is never the same as anything. */
function sameValue(type: CtyTypeJson, a: CtyValue | undefined, b: CtyValue | undefined): boolean {
  if (containsUnknown(a) || containsUnknown(b)) return false;
  if (Array.isArray(type) && type[0] === "set" && Array.isArray(a) && Array.isArray(b)) {
    return canonical(a.map(canonical).sort()) === canonical(b.map(canonical).sort());
  }
  return canonical(a ?? null) === canonical(b ?? null);
}

const asObject = (value: CtyValue | undefined): CtyObject | null => (isCtyObject(value) ? value : null);
const asList = (value: CtyValue | undefined): CtyValue[] => (Array.isArray(value) ? value : []);

/** Every argument of a block, as `a.b` names (computed-only attributes left out). */
function argumentNames(block: BlockSchema, prefix: readonly string[]): string[] {
  const names: string[] = [];
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (!isComputedOnly(attribute)) names.push([...prefix, name].join("."));
  }
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    names.push(...argumentNames(blockType.block, [...prefix, name]));
  }
  return names;
}

/** The canonical values of every argument leaf of a block value, by `a.b` name. */
function argumentValues(block: BlockSchema, value: CtyValue, prefix: readonly string[]): [string, string][] {
  const object = asObject(value);
  if (object === null) return [];
  const found: [string, string][] = [];
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (!isComputedOnly(attribute)) found.push([[...prefix, name].join("."), canonical(object[name])]);
  }
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    const nested = object[name];
    const items = Array.isArray(nested)
      ? nested
      : isCtyObject(nested) && blockType.nesting_mode === "map"
        ? Object.values(nested)
        : [nested ?? null];
    for (const item of items) found.push(...argumentValues(blockType.block, item, [...prefix, name]));
  }
  return found;
}

/**
 * The arguments that differ between the prior state and the proposed new state of a resource. The
 * top-level `timeouts` block is not an argument.
 */
export function changedArguments(block: BlockSchema, prior: CtyValue, proposed: CtyValue): ChangedArgument[] {
  const changed: ChangedArgument[] = [];
  const walk = (
    schema: BlockSchema,
    before: CtyObject | null,
    after: CtyObject | null,
    steps: readonly PathStep[],
    names: readonly string[],
    whole: boolean,
  ) => {
    // A block on one side only: all its arguments change.
    if (whole) {
      for (const name of argumentNames(schema, names)) changed.push({ steps, name });
      return;
    }
    for (const [name, attribute] of Object.entries(schema.attributes ?? {})) {
      if (isComputedOnly(attribute)) continue;
      if (!sameValue(attributeType(attribute), before?.[name], after?.[name])) {
        changed.push({ steps: [...steps, { attribute: name }], name: [...names, name].join(".") });
      }
    }
    for (const [name, blockType] of Object.entries(schema.block_types ?? {})) {
      if (names.length === 0 && name === "timeouts") continue;
      const a = before?.[name] ?? null;
      const b = after?.[name] ?? null;
      const here = [...steps, { attribute: name }];
      const named = [...names, name];
      const inner = blockType.block;
      if (blockType.nesting_mode === "list") {
        const [la, lb] = [asList(a), asList(b)];
        for (let i = 0; i < Math.max(la.length, lb.length); i++) {
          const whole = i >= la.length || i >= lb.length;
          const item = whole ? (i < la.length ? la[i] : lb[i]) : null;
          if (whole) walk(inner, asObject(item), asObject(item), [...here, { index: i }], named, true);
          else walk(inner, asObject(la[i]), asObject(lb[i]), [...here, { index: i }], named, false);
        }
      } else if (blockType.nesting_mode === "map") {
        const [ma, mb] = [asObject(a) ?? {}, asObject(b) ?? {}];
        for (const key of [...new Set([...Object.keys(ma), ...Object.keys(mb)])].sort()) {
          const whole = !(key in ma) || !(key in mb);
          walk(inner, asObject(ma[key]), asObject(mb[key]), [...here, { key }], named, whole);
        }
      } else if (blockType.nesting_mode === "set") {
        // Set elements have no identity: compare each argument's values over all elements; a set that
        // gained or lost elements changes all its arguments. Paths stop at the set.
        const [sa, sb] = [asList(a), asList(b)];
        const leaves = argumentNames(inner, named);
        if (sa.length !== sb.length) {
          for (const name of leaves) changed.push({ steps: here, name });
          continue;
        }
        const valuesOf = (items: CtyValue[], name: string) =>
          items
            .flatMap((item) => argumentValues(inner, item, named))
            .filter(([n]) => n === name)
            .map(([, v]) => v)
            .sort()
            .join("\n");
        for (const name of leaves) {
          if (valuesOf(sa, name) !== valuesOf(sb, name) || containsUnknown(b)) {
            changed.push({ steps: here, name });
          }
        }
      } else {
        walk(inner, asObject(a), asObject(b), here, named, (a === null) !== (b === null));
      }
    }
  };
  walk(block, asObject(prior), asObject(proposed), [], [], false);
  return changed;
}

/**
 * Marks as unknown every computed attribute that is null in the proposed new state, in nested blocks
 * too: what a real provider's plan says when it creates a resource (`(known after apply)`).
 */
export function planComputed(block: BlockSchema, value: CtyValue): CtyValue {
  if (!isCtyObject(value)) return value;
  const planned: CtyObject = { ...value };
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (attribute.computed && (planned[name] === null || planned[name] === undefined)) {
      planned[name] = UnknownValue.PLAIN;
    }
  }
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    const nested = planned[name];
    const plan = (item: CtyValue) => planComputed(blockType.block, item);
    if (Array.isArray(nested)) planned[name] = nested.map(plan);
    else if (blockType.nesting_mode === "map" && isCtyObject(nested)) {
      planned[name] = Object.fromEntries(Object.entries(nested).map(([key, item]) => [key, plan(item)]));
    } else planned[name] = plan(nested ?? null);
  }
  return planned;
}

/** The proposed values with every computed attribute the configuration leaves null set back to null. */
function forgetComputed(block: BlockSchema, proposed: CtyValue, config: CtyValue): CtyValue {
  if (!isCtyObject(proposed)) return proposed;
  const configObject = asObject(config);
  const result: CtyObject = { ...proposed };
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (attribute.computed && (configObject?.[name] ?? null) === null) result[name] = null;
  }
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    const nested = result[name];
    const configured = configObject?.[name];
    if (Array.isArray(nested)) {
      const items = asList(configured);
      result[name] = nested.map((item, i) => forgetComputed(blockType.block, item, items[i] ?? null));
    } else if (blockType.nesting_mode === "map" && isCtyObject(nested)) {
      const items = asObject(configured) ?? {};
      result[name] = Object.fromEntries(
        Object.entries(nested).map(([key, item]) => [
          key,
          forgetComputed(blockType.block, item, items[key] ?? null),
        ]),
      );
    } else if (isCtyObject(nested)) {
      result[name] = forgetComputed(blockType.block, nested, configured ?? null);
    }
  }
  return result;
}

/**
 * random_integer's keepers replace when a key gets a new value that is not null: the random provider's
 * RequiresReplaceIfValuesNotNull (hashicorp/random v3.7.2). Removing a key, or setting one to null,
 * updates in place.
 */
export function keepersRequireReplace(prior: CtyValue, proposed: CtyValue): boolean {
  if (containsUnknown(proposed)) return true;
  const before = asObject(prior) ?? {};
  const after = asObject(proposed) ?? {};
  return Object.entries(after).some(
    ([key, value]) => value !== null && (!(key in before) || canonical(before[key]) !== canonical(value)),
  );
}

/** What the plan of a managed resource depends on, besides the type's schema and rule. */
export interface PlanContext {
  /** The resource type, e.g. `alicloud_image_export`. */
  readonly type: string;
  /**
   * Whether the provider configuration this resource uses sets
   * `features.ecs_instance.replace_on_image_update = true` (alicloud_instance's CustomizeDiff).
   */
  readonly replaceOnImageUpdate?: boolean;
}

/** What a plan answers: the planned state and the attribute paths that force a replacement. */
export interface PlannedChange {
  readonly planned: CtyValue;
  readonly requiresReplace: readonly (readonly PathStep[])[];
}

const knownText = (value: CtyValue | undefined) => typeof value === "string" && value !== "";

/** Plans a change of one managed resource (see the top of this file). */
export function planResourceChange(
  block: BlockSchema,
  rule: ReplacementRule,
  context: PlanContext,
  prior: CtyValue,
  proposed: CtyValue,
  config: CtyValue,
): PlannedChange {
  if (proposed === null) return { planned: null, requiresReplace: [] };
  if (prior === null) return { planned: planComputed(block, proposed), requiresReplace: [] };
  const changes = changedArguments(block, prior, proposed);
  if (changes.length === 0) return { planned: prior, requiresReplace: [] };
  const replacing = changes.filter((change) => {
    if (!rule.update) return true;
    if (context.type === "random_integer" && change.name === "keepers") {
      return keepersRequireReplace(asObject(prior)?.keepers ?? null, asObject(proposed)?.keepers ?? null);
    }
    if (context.type === "alicloud_instance" && change.name === "image_id") {
      const [before, after] = [asObject(prior)?.image_id, asObject(proposed)?.image_id];
      return context.replaceOnImageUpdate === true && knownText(before) && knownText(after);
    }
    return forcesNew(rule, change.name);
  });
  if (replacing.length === 0) return { planned: proposed, requiresReplace: [] };
  const byPath = new Map(replacing.map((change) => [JSON.stringify(change.steps), change.steps]));
  const requiresReplace = [...byPath.values()];
  return { planned: planComputed(block, forgetComputed(block, proposed, config)), requiresReplace };
}

/**
 * The id formats of the cloud's resources, where the report shows ids: an image `m-...`, an instance
 * `i-...` and so on (Alibaba Cloud's documented prefixes).
 */
export const ID_PREFIXES: { readonly [type: string]: string } = {
  alicloud_image: "m-",
  alicloud_instance: "i-",
  alicloud_vpc: "vpc-",
  alicloud_vswitch: "vsw-",
  alicloud_security_group: "sg-",
};

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** 20 lowercase letters and digits from a hex digest, the shape of Alibaba Cloud's resource ids. */
function idLike(hex: string): string {
  return BigInt(`0x${hex.slice(0, 26)}`)
    .toString(36)
    .padStart(20, "0")
    .slice(0, 20);
}

/** A placeholder of a type for an unknown value at `path` (names joined with "."). */
function placeholderOf(type: CtyTypeJson, path: string, seed: string): CtyValue {
  if (type === "string") return `${path.replace(/\./g, "-")}-${digest(`${seed}:${path}`).slice(0, 8)}`;
  if (type === "number") return 1;
  if (type === "bool") return false;
  if (Array.isArray(type)) {
    const [kind, inner] = type as [string, CtyTypeJson];
    if (kind === "list" || kind === "set") return [placeholderOf(inner, `${path}.0`, seed)];
    if (kind === "map") return { key: placeholderOf(inner, `${path}.key`, seed) };
    if (kind === "object") {
      return Object.fromEntries(
        Object.entries(inner as { [name: string]: CtyTypeJson }).map(([name, t]) => [
          name,
          placeholderOf(t, `${path}.${name}`, seed),
        ]),
      );
    }
    if (kind === "tuple")
      return (inner as CtyTypeJson[]).map((t, i) => placeholderOf(t, `${path}.${i}`, seed));
  }
  return null;
}

/** Replaces every unknown in a value of `type` with a placeholder. */
function fillValue(type: CtyTypeJson, value: CtyValue, path: string, seed: string): CtyValue {
  if (value instanceof UnknownValue) return placeholderOf(type, path, seed);
  if (!Array.isArray(type) || value === null) return value;
  const [kind, inner] = type as [string, CtyTypeJson];
  if ((kind === "list" || kind === "set") && Array.isArray(value)) {
    return value.map((item, i) => fillValue(inner, item, `${path}.${i}`, seed));
  }
  if (kind === "map" && isCtyObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, fillValue(inner, v, `${path}.${k}`, seed)]),
    );
  }
  if (kind === "object" && isCtyObject(value)) {
    const types = inner as { [name: string]: CtyTypeJson };
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, fillValue(types[k] ?? "dynamic", v, `${path}.${k}`, seed)]),
    );
  }
  return value;
}

function fillBlock(block: BlockSchema, value: CtyValue, prefix: string, seed: string): CtyValue {
  if (!isCtyObject(value)) return value;
  const at = (name: string) => (prefix === "" ? name : `${prefix}.${name}`);
  const result: CtyObject = { ...value };
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (name in result) result[name] = fillValue(attributeType(attribute), result[name], at(name), seed);
  }
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    const nested = result[name];
    if (Array.isArray(nested)) {
      result[name] = nested.map((item, i) => fillBlock(blockType.block, item, `${at(name)}.${i}`, seed));
    } else if (blockType.nesting_mode === "map" && isCtyObject(nested)) {
      result[name] = Object.fromEntries(
        Object.entries(nested).map(([k, item]) => [
          k,
          fillBlock(blockType.block, item, `${at(name)}.${k}`, seed),
        ]),
      );
    } else if (isCtyObject(nested)) {
      result[name] = fillBlock(blockType.block, nested, at(name), seed);
    }
  }
  return result;
}

/**
 * The new state after applying a planned state: the planned values, every unknown replaced by a
 * deterministic placeholder. The protocol does not tell the provider which resource address it is
 * applying, so a placeholder is derived from what it does know: the resource type, the attribute's path
 * and every known planned value (hashed). The same configuration therefore gets the same placeholders in
 * every run and in every stack; two resources of one type with identical known values get identical
 * ones (nothing in the request tells them apart).
 *
 * Where the provider's own semantics are known, they are followed: an `id` takes the cloud's id
 * format (ID_PREFIXES), `alicloud_image_export`'s id is its image_id, `alicloud_oss_bucket`'s is the
 * bucket's name, and `random_integer.result` is an integer in [min, max] (its id the same number as
 * text). Other strings read `<attribute path>-<8 hex digits>`, numbers 1, bools false; a list or set
 * gets one element and a map one entry (`key`).
 */
export function applyPlanned(type: string, block: BlockSchema, planned: CtyValue): CtyValue {
  if (!isCtyObject(planned)) return planned;
  const hash = digest(`${type}\n${canonical(planned)}`);
  const known: CtyObject = { ...planned };
  const unknown = (name: string) => known[name] instanceof UnknownValue;
  if (type === "random_integer" && unknown("result")) {
    const [min, max] = [known.min, known.max];
    if (typeof min === "number" && typeof max === "number" && Number.isInteger(min) && max >= min) {
      known.result = min + Number(BigInt(`0x${hash.slice(0, 16)}`) % BigInt(max - min + 1));
    }
    if (unknown("id") && typeof known.result === "number") known.id = String(known.result);
  }
  if (unknown("id")) {
    if (type === "alicloud_image_export" && knownText(known.image_id)) known.id = known.image_id;
    else if (type === "alicloud_oss_bucket" && knownText(known.bucket)) known.id = known.bucket;
    else if (ID_PREFIXES[type] !== undefined) known.id = `${ID_PREFIXES[type]}${idLike(hash)}`;
    else known.id = `${type.replace(/^[a-z0-9]+_/, "")}-${idLike(hash)}`;
  }
  return fillBlock(block, known, "", hash);
}

/** A JSON value decoded into a cty type: objects get every attribute (missing ones null). */
export function fromJson(type: CtyTypeJson, value: unknown): CtyValue {
  if (value === null || value === undefined) return null;
  if (type === "dynamic") {
    // A dynamic value travels with its type; the JSON state holds no type, so it is inferred.
    const inferred =
      typeof value === "string"
        ? "string"
        : typeof value === "number"
          ? "number"
          : typeof value === "boolean"
            ? "bool"
            : null;
    return inferred === null ? null : [Buffer.from(JSON.stringify(inferred)), value as CtyValue];
  }
  if (!Array.isArray(type)) return value as CtyValue;
  const [kind, inner] = type as [string, CtyTypeJson];
  if ((kind === "list" || kind === "set") && Array.isArray(value))
    return value.map((item) => fromJson(inner, item));
  if (kind === "tuple" && Array.isArray(value)) {
    return (inner as CtyTypeJson[]).map((t, i) => fromJson(t, value[i]));
  }
  if (kind === "map" && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, fromJson(inner, v)]));
  }
  if (kind === "object" && typeof value === "object") {
    const source = value as { [name: string]: unknown };
    return Object.fromEntries(
      Object.entries(inner as { [name: string]: CtyTypeJson }).map(([name, t]) => [
        name,
        fromJson(t, source[name]),
      ]),
    );
  }
  return null;
}

/**
 * A resource's stored state (the JSON `terraform.tfstate` holds) as a value of the block's type: every
 * attribute and block of the schema, missing attributes null, missing list and set blocks empty;
 * attributes the schema doesn't know are dropped.
 */
export function upgradeState(block: BlockSchema, json: unknown): CtyValue {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return null;
  const source = json as { [name: string]: unknown };
  const state: CtyObject = {};
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    state[name] = fromJson(attributeType(attribute), source[name]);
  }
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    const nested = source[name];
    switch (blockType.nesting_mode) {
      case "list":
      case "set":
        state[name] = Array.isArray(nested) ? nested.map((item) => upgradeState(blockType.block, item)) : [];
        break;
      case "map":
        state[name] =
          nested !== null && typeof nested === "object"
            ? Object.fromEntries(
                Object.entries(nested).map(([k, item]) => [k, upgradeState(blockType.block, item)]),
              )
            : {};
        break;
      default:
        state[name] = upgradeState(blockType.block, nested);
    }
  }
  return state;
}
