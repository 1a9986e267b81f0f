// Reads the dependency graph of one synthesized stack from its JSON alone: the resources and data sources,
// the references between them (`${type.name.attr}` anywhere in an argument) and their `depends_on`
// entries, and the provider configuration each one uses. Nothing here knows any provider: unknown types
// are read like any other.
import { childPath, isObject, JsonObject } from "../conformance/json-values";
import { findReferences, parseAddress, Reference } from "../conformance/references";
import { NotTerraformJsonError, readTerraformJson } from "../conformance/terraform-json";

/** A resource or data source of the stack, or one it refers to but doesn't declare. */
export interface GraphNode {
  /** `alicloud_vpc.Vpc` or `data.alicloud_zones.Zones`. */
  readonly address: string;
  readonly dataSource: boolean;
  readonly type: string;
  readonly name: string;
  /** The construct path below the stack (`Export/Scaffold/Vpc`), from the block's `//` metadata. */
  readonly constructPath?: string;
  /** The provider configuration it uses: `alicloud`, `alicloud.west`; undefined when undeclared. */
  readonly provider?: string;
  /** False for a block that is referred to but not declared in the stack. */
  readonly declared: boolean;
}

/** How one block depends on another. */
export enum EdgeKind {
  /** The dependent reads an attribute of the dependency. */
  REFERENCE = "reference",
  /** The dependent lists the dependency in `depends_on`. */
  DEPENDS_ON = "depends_on",
}

/** One dependency: `dependent` needs `dependency` to exist first. */
export interface GraphEdge {
  readonly dependency: string;
  readonly dependent: string;
  readonly kind: EdgeKind;
  /** For references: the dependent's arguments that hold them (`vpc_id`, `rule.source`), sorted. */
  readonly arguments: readonly string[];
}

/** A provider configuration: the default one of a provider (`alicloud`) or an alias (`alicloud.west`). */
export interface ProviderGroup {
  /** `alicloud` or `alicloud.west`, as a block's `provider` argument names it. */
  readonly key: string;
  /** The configuration's `region` as written (possibly an expression), if it sets one. */
  readonly region?: string;
}

/** The graph of one stack, every list sorted so that the same JSON always gives the same graph. */
export interface StackGraph {
  /** From the stack's `//` metadata, if it names the stack. */
  readonly stackName?: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly providers: readonly ProviderGroup[];
}

/** Thrown when a document cannot be read as a Terraform JSON configuration. */
export class NotAStackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotAStackError";
  }
}

/** Parses a `cdk.tf.json` text and reads its graph; throws NotAStackError for anything else. */
export function readStackGraph(json: string): StackGraph {
  let document: { [key: string]: unknown };
  try {
    document = readTerraformJson(json, "");
  } catch (e) {
    if (e instanceof NotTerraformJsonError) throw new NotAStackError(e.message.trimStart());
    throw e;
  }
  const stackName = metadataOf(document).stackName;
  const blocks = [...blocksOf(document, "resource"), ...blocksOf(document, "data")];

  const nodes = new Map<string, GraphNode>();
  for (const block of blocks) {
    nodes.set(block.address, {
      address: block.address,
      dataSource: block.dataSource,
      type: block.type,
      name: block.name,
      constructPath: constructPathOf(block.body, typeof stackName === "string" ? stackName : undefined),
      provider: providerOf(block.type, block.body),
      declared: true,
    });
  }

  const edges = new Map<
    string,
    { dependency: string; dependent: string; kind: EdgeKind; args: Set<string> }
  >();
  const addEdge = (reference: Reference, dependent: string, kind: EdgeKind, argument?: string) => {
    const dependency = `${reference.dataSource ? "data." : ""}${reference.type}.${reference.name}`;
    if (dependency === dependent) return; // `self`-like references don't order anything
    if (!nodes.has(dependency)) {
      nodes.set(dependency, {
        address: dependency,
        dataSource: reference.dataSource,
        type: reference.type,
        name: reference.name,
        declared: false,
      });
    }
    const key = `${dependency}\n${dependent}\n${kind}`;
    const edge = edges.get(key) ?? { dependency, dependent, kind, args: new Set<string>() };
    if (argument !== undefined) edge.args.add(argument);
    edges.set(key, edge);
  };

  for (const block of blocks) {
    const { provider: _provider, depends_on: dependsOn, ...arguments_ } = block.body;
    for (const entry of Array.isArray(dependsOn) ? dependsOn : [dependsOn]) {
      // cdktf writes bare addresses; hand-written JSON sometimes wraps them in `${...}`.
      const target =
        typeof entry === "string" ? parseAddress(entry.replace(/^\$\{(.*)\}$/s, "$1")) : undefined;
      if (target) addEdge(target, block.address, EdgeKind.DEPENDS_ON);
    }
    for (const { reference, path } of referencesIn(arguments_, "", new Set())) {
      addEdge(reference, block.address, EdgeKind.REFERENCE, path);
    }
  }

  return {
    stackName: typeof stackName === "string" ? stackName : undefined,
    nodes: [...nodes.values()].sort((a, b) => compare(a.address, b.address)),
    edges: [...edges.values()]
      .map((edge) => ({
        dependency: edge.dependency,
        dependent: edge.dependent,
        kind: edge.kind,
        arguments: [...edge.args].sort(compare),
      }))
      .sort(
        (a, b) =>
          compare(a.dependency, b.dependency) || compare(a.dependent, b.dependent) || compare(a.kind, b.kind),
      ),
    providers: providerGroups(document, [...nodes.values()]),
  };
}

/** Code-unit order, the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Block {
  readonly address: string;
  readonly dataSource: boolean;
  readonly type: string;
  readonly name: string;
  readonly body: JsonObject;
}

function blocksOf(document: JsonObject, kind: "resource" | "data"): Block[] {
  const section = document[kind];
  if (section === undefined) return [];
  if (!isObject(section)) {
    throw new NotAStackError(
      `is not a Terraform JSON configuration ("${kind}" must be an object of block types)`,
    );
  }
  const blocks: Block[] = [];
  for (const [type, byName] of Object.entries(section)) {
    if (!isObject(byName)) {
      throw new NotAStackError(
        `is not a Terraform JSON configuration ("${kind}.${type}" must be an object of named blocks)`,
      );
    }
    for (const [name, body] of Object.entries(byName)) {
      const dataSource = kind === "data";
      const address = `${dataSource ? "data." : ""}${type}.${name}`;
      // Terraform JSON allows a list of bodies for one name; it merges them.
      const bodies = Array.isArray(body) ? body : [body];
      if (!bodies.every(isObject)) {
        throw new NotAStackError(`is not a Terraform JSON configuration ("${address}" must be an object)`);
      }
      blocks.push({ address, dataSource, type, name, body: Object.assign({}, ...bodies) as JsonObject });
    }
  }
  return blocks;
}

function metadataOf(body: JsonObject): JsonObject {
  const comment = body["//"];
  return isObject(comment) && isObject(comment.metadata) ? comment.metadata : {};
}

/**
 * The construct path below the stack, without the `Resource` id that marks a construct's main
 * resource: `docs-example/Export/Bucket/Resource` becomes `Export/Bucket`.
 */
function constructPathOf(body: JsonObject, stackName: string | undefined): string | undefined {
  const path = metadataOf(body).path;
  if (typeof path !== "string" || path === "") return undefined;
  let segments = path.split("/");
  if (segments.length > 1 && (stackName === undefined || segments[0] === stackName))
    segments = segments.slice(1);
  if (segments.length > 1 && segments[segments.length - 1] === "Resource") segments = segments.slice(0, -1);
  return segments.join("/");
}

/** `provider = "alicloud.west"` if set; otherwise Terraform's default, the type's prefix (`alicloud`). */
function providerOf(type: string, body: JsonObject): string {
  const explicit = body.provider;
  if (typeof explicit === "string" && explicit.trim() !== "") {
    return explicit.trim().replace(/^\$\{(.*)\}$/s, "$1");
  }
  return type.split("_")[0];
}

/** Each reference in a value, with the argument path that holds it (`rule.source`; no list indexes). */
function referencesIn(
  value: unknown,
  path: string,
  iterators: ReadonlySet<string>,
): { reference: Reference; path: string }[] {
  if (typeof value === "string") {
    return findReferences(value, iterators).map((reference) => ({ reference, path }));
  }
  if (Array.isArray(value)) return value.flatMap((item) => referencesIn(item, path, iterators));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    if (key === "//") return [];
    if (key === "dynamic" && isObject(item)) {
      return Object.entries(item).flatMap(([label, spec]) => {
        // Inside a dynamic block, the iterator (named after the block unless `iterator` says otherwise)
        // is a local symbol, not a resource.
        const iterator = isObject(spec) && typeof spec.iterator === "string" ? spec.iterator : label;
        const scoped = new Set([...iterators, iterator]);
        const block = childPath(path, label);
        return Object.entries(isObject(spec) ? spec : {}).flatMap(([specKey, specValue]) =>
          referencesIn(specValue, specKey === "content" ? block : childPath(block, specKey), scoped),
        );
      });
    }
    return referencesIn(item, childPath(path, key), iterators);
  });
}

/** The provider configurations the stack declares or its blocks use, sorted by key. */
function providerGroups(document: JsonObject, nodes: readonly GraphNode[]): ProviderGroup[] {
  const groups = new Map<string, ProviderGroup>();
  const declared = isObject(document.provider) ? document.provider : {};
  for (const [localName, configs] of Object.entries(declared)) {
    for (const config of Array.isArray(configs) ? configs : [configs]) {
      if (!isObject(config)) continue;
      const alias = typeof config.alias === "string" && config.alias !== "" ? config.alias : undefined;
      const key = alias === undefined ? localName : `${localName}.${alias}`;
      groups.set(key, { key, region: typeof config.region === "string" ? config.region : undefined });
    }
  }
  for (const node of nodes) {
    if (node.provider !== undefined && !groups.has(node.provider)) {
      groups.set(node.provider, { key: node.provider });
    }
  }
  return [...groups.values()].sort((a, b) => compare(a.key, b.key));
}
