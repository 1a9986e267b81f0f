// Checks one block body of a synthesized stack (a resource, a data source, a provider configuration,
// and recursively their nested blocks) against its schema: unknown arguments, missing required ones,
// computed-only attributes set, literal types, and the shape and item counts of nested blocks.
//
// Literal types follow Terraform's own conversions, so the checker never rejects what Terraform accepts:
// a number argument takes a JSON number or a numeric string ("20"); a bool takes true/false or the strings
// "true", "false", "1" and "0"; a string takes a string, a number or a bool. Any string holding a `${...}`
// expression is left alone: its type is only known when Terraform evaluates it.
import {
  childPath,
  describeValue,
  Findings,
  indexPath,
  isExpression,
  isObject,
  JsonObject,
  mapKeyPath,
} from "./json-values";
import { hasItemCountRule } from "../rules/provider-rules";
import { closest, isSet, numberLiteral } from "../rules/text";
import { CtyType, SchemaAttribute, SchemaBlock, SchemaBlockType } from "./terraform-schema";
import { ViolationKind } from "./violation";

/** What the walker needs to know about the top-level block it is in. */
export interface BlockContext {
  /** Terraform address of the top-level block, e.g. `alicloud_instance.Inst`. */
  readonly address: string;
  /** Its key in the provider rules (`alicloud_instance`, `data.alicloud_zones`, `provider`). */
  readonly ruleTarget: string;
  /** How messages name it: `alicloud_instance`, `the alicloud provider`. */
  readonly owner: string;
  /** Keys Terraform itself interprets at the top level (`count`, `alias`, ...), which the schema doesn't list. */
  readonly metaArguments: ReadonlySet<string>;
  readonly findings: Findings;
}

/** Meta-arguments of `resource` and `data` blocks; `//` is cdktf's metadata comment. */
export const RESOURCE_META_ARGUMENTS: ReadonlySet<string> = new Set([
  "depends_on",
  "count",
  "for_each",
  "provider",
  "lifecycle",
  "provisioner",
  "connection",
]);

/** Meta-arguments of `provider` blocks (`version` is deprecated there, but still accepted). */
export const PROVIDER_META_ARGUMENTS: ReadonlySet<string> = new Set(["alias", "version"]);

const DYNAMIC_BLOCK_KEYS = new Set(["for_each", "iterator", "labels", "content"]);

export { closest };

/** Checks a top-level block body against its schema. */
export function checkTopLevelBody(body: JsonObject, block: SchemaBlock, ctx: BlockContext): void {
  checkBody(body, block, ctx, { path: "", blockPath: "", top: true });
}

interface Position {
  /** Path of this body inside the top-level block ("" at the top). */
  readonly path: string;
  /** Block names only, dot-joined: how provider rules name the block (`lifecycle_rule.expiration`). */
  readonly blockPath: string;
  readonly top: boolean;
}

function checkBody(body: JsonObject, block: SchemaBlock, ctx: BlockContext, at: Position): void {
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  const report = (kind: ViolationKind, key: string, message: string) =>
    ctx.findings.add(kind, ctx.address, childPath(at.path, key), message);

  for (const [key, value] of Object.entries(body)) {
    if (key === "//") continue; // a comment in Terraform JSON; cdktf keeps its metadata there
    if (at.top && ctx.metaArguments.has(key)) continue;
    const attribute = attributes[key];
    const nested = blockTypes[key];
    if (attribute) {
      checkAttribute(value, attribute, childPath(at.path, key), ctx);
    } else if (nested) {
      checkNestedBlock(body, key, nested, ctx, at);
    } else if (key === "dynamic") {
      checkDynamicBlocks(value, blockTypes, attributes, ctx, at);
    } else {
      const suggestion = closest(key, [...Object.keys(attributes), ...Object.keys(blockTypes)]);
      report(
        ViolationKind.UNKNOWN_ARGUMENT,
        key,
        `${describeOwner(ctx, at)} has no argument or block named "${key}"${didYouMean(suggestion)}`,
      );
    }
  }

  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.required && !isSet(body[name])) {
      report(ViolationKind.MISSING_REQUIRED, name, "required argument is not set");
    }
  }
  for (const [name, nested] of Object.entries(blockTypes)) {
    const min = nested.min_items ?? 0;
    if (min > 0 && !isSet(body[name]) && !hasDynamicBlock(body, name)) {
      report(
        ViolationKind.MISSING_REQUIRED,
        name,
        `required block is not set (at least ${blocks(min)} needed)`,
      );
    }
  }
}

function describeOwner(ctx: BlockContext, at: Position): string {
  return at.blockPath === "" ? ctx.owner : `the ${at.blockPath} block of ${ctx.owner}`;
}

function hasDynamicBlock(body: JsonObject, name: string): boolean {
  return isObject(body.dynamic) && isSet(body.dynamic[name]);
}

function blocks(n: number): string {
  return `${n} block${n === 1 ? "" : "s"}`;
}

function checkAttribute(value: unknown, attribute: SchemaAttribute, path: string, ctx: BlockContext): void {
  if (!isSet(value)) return; // null means "not set" in Terraform
  if (attribute.computed && !attribute.optional && !attribute.required) {
    ctx.findings.add(
      ViolationKind.COMPUTED_ONLY,
      ctx.address,
      path,
      "is computed by the provider and cannot be set; it can only be read",
    );
    return;
  }
  if (attribute.type !== undefined) checkType(value, attribute.type, path, ctx);
}

/** Reports a literal that Terraform cannot convert to `type`; recurses into collections. */
function checkType(value: unknown, type: CtyType, path: string, ctx: BlockContext): void {
  if (!isSet(value) || isExpression(value)) return;
  const wrong = () =>
    ctx.findings.add(
      ViolationKind.WRONG_TYPE,
      ctx.address,
      path,
      `must be ${typeDescription(type)}, got ${describeValue(value)}`,
    );

  if (typeof type === "string") {
    if (!primitiveAccepts(type, value)) wrong();
    return;
  }
  const [kind, element] = type;
  switch (kind) {
    case "list":
    case "set":
      if (!Array.isArray(value)) return wrong();
      value.forEach((item, index) => checkType(item, element as CtyType, indexPath(path, index), ctx));
      return;
    case "map":
      if (!isObject(value)) return wrong();
      for (const [key, item] of Object.entries(value))
        checkType(item, element as CtyType, mapKeyPath(path, key), ctx);
      return;
    case "object": {
      if (!isObject(value)) return wrong();
      const attributeTypes = element as { [name: string]: CtyType };
      for (const [key, item] of Object.entries(value)) {
        if (key in attributeTypes) {
          checkType(item, attributeTypes[key], childPath(path, key), ctx);
        } else {
          ctx.findings.add(
            ViolationKind.WRONG_TYPE,
            ctx.address,
            childPath(path, key),
            "is not an attribute of this object",
          );
        }
      }
      return;
    }
    case "tuple": {
      const elementTypes = element as unknown as CtyType[];
      if (!Array.isArray(value) || value.length !== elementTypes.length) return wrong();
      value.forEach((item, index) => checkType(item, elementTypes[index], indexPath(path, index), ctx));
      return;
    }
    default:
      return; // a type this checker does not know: accept rather than guess
  }
}

function primitiveAccepts(type: string, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
    case "number":
      return numberLiteral(value) !== undefined;
    case "bool":
      return (
        typeof value === "boolean" ||
        (typeof value === "string" && ["true", "false", "1", "0"].includes(value))
      );
    default:
      return true; // "dynamic" accepts anything
  }
}

function typeDescription(type: CtyType): string {
  if (type === "bool") return "a bool (true or false)";
  if (typeof type === "string") return `a ${type}`;
  return typeName(type);
}

/** The type as Terraform writes it: `list(string)`, `map(number)`, `object({...})`. */
function typeName(type: CtyType): string {
  if (typeof type === "string") return type;
  const [kind, element] = type;
  if (kind === "object") return `object({${Object.keys(element as object).join(", ")}})`;
  if (kind === "tuple") return "tuple";
  return `${kind}(${typeName(element as CtyType)})`;
}

function checkNestedBlock(
  parent: JsonObject,
  name: string,
  nested: SchemaBlockType,
  ctx: BlockContext,
  at: Position,
) {
  const value = parent[name];
  if (!isSet(value)) return;
  const path = childPath(at.path, name);
  const blockPath = childPath(at.blockPath, name);
  const shape = (where: string, got: unknown) =>
    ctx.findings.add(ViolationKind.BLOCK_SHAPE, ctx.address, where, blockShapeMessage(got));

  const items: { body: JsonObject; path: string }[] = [];
  if (isObject(value)) {
    if (nested.nesting_mode === "map") {
      for (const [label, item] of Object.entries(value)) {
        if (isObject(item)) items.push({ body: item, path: mapKeyPath(path, label) });
        else shape(mapKeyPath(path, label), item);
      }
    } else {
      items.push({ body: value, path }); // cdktf writes single blocks and max-1 list blocks as one object
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (isObject(item)) items.push({ body: item, path: indexPath(path, index) });
      else shape(indexPath(path, index), item);
    });
  } else {
    shape(path, value);
    return;
  }

  const count = Array.isArray(value) ? value.length : items.length;
  const min = nested.min_items ?? 0;
  const max = nested.nesting_mode === "single" || nested.nesting_mode === "group" ? 1 : nested.max_items;
  // A provider rule that counts these items reports instead; a dynamic block of the same name adds
  // items whose number is only known at apply time.
  if (!hasItemCountRule(ctx.ruleTarget, blockPath) && !hasDynamicBlock(parent, name)) {
    if (count === 0 && min > 0) {
      ctx.findings.add(
        ViolationKind.MISSING_REQUIRED,
        ctx.address,
        path,
        `required block is not set (at least ${blocks(min)} needed)`,
      );
    } else if (count < min) {
      ctx.findings.add(
        ViolationKind.ITEM_COUNT,
        ctx.address,
        path,
        `needs at least ${blocks(min)}, got ${count}`,
      );
    } else if (max !== undefined && max > 0 && count > max) {
      ctx.findings.add(
        ViolationKind.ITEM_COUNT,
        ctx.address,
        path,
        `allows at most ${blocks(max)}, got ${count}`,
      );
    }
  }

  for (const item of items)
    checkBody(item.body, nested.block, ctx, { path: item.path, blockPath, top: false });
}

function blockShapeMessage(got: unknown): string {
  if (isExpression(got)) {
    return (
      `is a block and cannot be set from an expression (got ${describeValue(got)}); ` +
      "generate blocks from a list with a dynamic block (TerraformIterator.dynamic) instead"
    );
  }
  return `is a block and must be an object or a list of objects, got ${describeValue(got)}`;
}

function checkDynamicBlocks(
  value: unknown,
  blockTypes: { readonly [name: string]: SchemaBlockType },
  attributes: { readonly [name: string]: SchemaAttribute },
  ctx: BlockContext,
  at: Position,
): void {
  const path = childPath(at.path, "dynamic");
  if (!isObject(value)) {
    ctx.findings.add(
      ViolationKind.BLOCK_SHAPE,
      ctx.address,
      path,
      `must be an object of dynamic blocks, got ${describeValue(value)}`,
    );
    return;
  }
  for (const [name, spec] of Object.entries(value)) {
    const specPath = childPath(path, name);
    const nested = blockTypes[name];
    if (!nested) {
      const message =
        name in attributes
          ? `"${name}" is an argument, not a block; dynamic blocks can only generate blocks`
          : `${describeOwner(ctx, at)} has no block named "${name}"${didYouMean(closest(name, Object.keys(blockTypes)))}`;
      ctx.findings.add(ViolationKind.UNKNOWN_ARGUMENT, ctx.address, specPath, message);
      continue;
    }
    if (!isObject(spec)) {
      ctx.findings.add(
        ViolationKind.BLOCK_SHAPE,
        ctx.address,
        specPath,
        `must be a dynamic block (an object with for_each and content), got ${describeValue(spec)}`,
      );
      continue;
    }
    for (const key of Object.keys(spec)) {
      if (!DYNAMIC_BLOCK_KEYS.has(key) && key !== "//") {
        ctx.findings.add(
          ViolationKind.UNKNOWN_ARGUMENT,
          ctx.address,
          childPath(specPath, key),
          `a dynamic block has no argument named "${key}" (only for_each, iterator, labels and content)`,
        );
      }
    }
    if (!isSet(spec.for_each)) {
      ctx.findings.add(
        ViolationKind.MISSING_REQUIRED,
        ctx.address,
        childPath(specPath, "for_each"),
        "required argument is not set",
      );
    }
    if (isObject(spec.content)) {
      checkBody(spec.content, nested.block, ctx, {
        path: childPath(specPath, "content"),
        blockPath: childPath(at.blockPath, name),
        top: false,
      });
    } else {
      ctx.findings.add(
        ViolationKind.MISSING_REQUIRED,
        ctx.address,
        childPath(specPath, "content"),
        "required block is not set (the dynamic block needs a content object)",
      );
    }
  }
}

export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
}
