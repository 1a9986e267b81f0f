// The provider Terraform talks to: every RPC of plugin protocol 5 that `validate` and `plan` of a fresh
// state use, answered from a schema file. Terraform checks the configuration against the schema; the
// provider adds only the schema checks Terraform leaves to providers (a required argument that is null,
// a computed-only attribute that is set), none of the real provider's own validators. It plans every
// computed attribute the configuration leaves null as unknown, and reads data sources as deterministic
// placeholders (see `placeholder`).
import { UnaryHandler } from "./grpc";
import { CtyValue, decodeMsgpack, encodeMsgpack, isCtyObject, UnknownValue } from "./msgpack";
import { ProtoMessage, ProtoWriter } from "./protobuf";
import { attributeType, BlockSchema, CtyTypeJson, ProviderSchema, TypeSchema } from "./schema-file";

const NESTING: { [mode: string]: number } = { single: 1, list: 2, set: 3, map: 4, group: 5 };
const SERVICE = "/tfplugin5.Provider/";

function encodeBlock(block: BlockSchema): ProtoWriter {
  const writer = new ProtoWriter();
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    writer.message(
      2,
      new ProtoWriter()
        .string(1, name)
        .bytes(2, Buffer.from(JSON.stringify(attributeType(attribute)), "utf8"))
        .varint(4, attribute.required === true)
        .varint(5, attribute.optional === true)
        .varint(6, attribute.computed === true)
        .varint(7, attribute.sensitive === true)
        .varint(9, attribute.deprecated === true),
    );
  }
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    const nesting = NESTING[blockType.nesting_mode];
    if (nesting === undefined)
      throw new Error(`block ${name}: unknown nesting mode "${blockType.nesting_mode}"`);
    writer.message(
      3,
      new ProtoWriter()
        .string(1, name)
        .message(2, encodeBlock(blockType.block))
        .varint(3, nesting)
        .varint(4, blockType.min_items ?? 0)
        .varint(5, blockType.max_items ?? 0),
    );
  }
  return writer.varint(6, block.deprecated === true);
}

function encodeSchema(schema: TypeSchema): ProtoWriter {
  return new ProtoWriter().varint(1, schema.version ?? 0).message(2, encodeBlock(schema.block ?? {}));
}

/** GetProviderSchema.Response, built once per provider. */
function providerSchemaResponse(provider: ProviderSchema): Buffer {
  const writer = new ProtoWriter().message(1, encodeSchema(provider.provider));
  const entries = (field: number, schemas: { readonly [type: string]: TypeSchema }) => {
    for (const [type, schema] of Object.entries(schemas)) {
      writer.message(field, new ProtoWriter().string(1, type).message(2, encodeSchema(schema)));
    }
  };
  entries(2, provider.resources);
  entries(3, provider.dataSources);
  // server_capabilities: get_provider_schema_optional, so Terraform asks for the schema once.
  writer.message(6, new ProtoWriter().varint(2, true));
  return writer.finish();
}

function dynamicValue(value: CtyValue): ProtoWriter {
  return new ProtoWriter().bytes(1, encodeMsgpack(value));
}

function readDynamic(message: ProtoMessage | undefined): CtyValue {
  const msgpack = message?.bytes(1);
  if (msgpack !== undefined && msgpack.length > 0) return decodeMsgpack(msgpack);
  const json = message?.bytes(2);
  if (json !== undefined && json.length > 0) return JSON.parse(json.toString("utf8")) as CtyValue;
  return null;
}

/**
 * Marks as unknown every computed attribute that is null in the proposed new state, in nested blocks
 * too: what a real provider's plan says when it creates a resource (`(known after apply)`).
 */
export function planComputed(block: BlockSchema, value: CtyValue): CtyValue {
  if (!isCtyObject(value)) return value;
  const planned: { [name: string]: CtyValue } = { ...value };
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

/**
 * A deterministic placeholder of a cty type, for a computed attribute a data source returns: a string
 * names where it came from (`placeholder-zones-0-id`), a number is 1, a bool false, a list or set holds
 * one element and a map one entry (`key`), so that `zones[0].id` and `ids[0]` resolve; an object has
 * every attribute. Placeholders are not cloud data: they only make plan's expressions evaluate.
 */
export function placeholder(type: CtyTypeJson, path: string): CtyValue {
  if (type === "string") return `placeholder-${path}`;
  if (type === "number") return 1;
  if (type === "bool") return false;
  if (type === "dynamic") return [Buffer.from('"string"'), `placeholder-${path}`];
  if (Array.isArray(type)) {
    const [kind, inner] = type as [string, CtyTypeJson];
    if (kind === "list" || kind === "set") return [placeholder(inner, `${path}-0`)];
    if (kind === "map") return { key: placeholder(inner, `${path}-key`) };
    if (kind === "object") {
      return Object.fromEntries(
        Object.entries(inner as { [name: string]: CtyTypeJson }).map(([name, t]) => [
          name,
          placeholder(t, `${path}-${name}`),
        ]),
      );
    }
    if (kind === "tuple") return (inner as CtyTypeJson[]).map((t, i) => placeholder(t, `${path}-${i}`));
  }
  return null;
}

/** A data source's state: the configuration, with a placeholder for every computed attribute left null. */
export function readDataSource(block: BlockSchema, config: CtyValue, path = ""): CtyValue {
  if (!isCtyObject(config)) return config;
  const state: { [name: string]: CtyValue } = { ...config };
  const at = (name: string) => (path === "" ? name : `${path}-${name}`);
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (attribute.computed && (state[name] === null || state[name] === undefined)) {
      state[name] = placeholder(attributeType(attribute), at(name));
    }
  }
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    const nested = state[name];
    if (Array.isArray(nested)) {
      state[name] = nested.map((item, i) => readDataSource(blockType.block, item, `${at(name)}-${i}`));
    } else if (isCtyObject(nested)) {
      state[name] =
        blockType.nesting_mode === "map"
          ? Object.fromEntries(
              Object.entries(nested).map(([k, item]) => [
                k,
                readDataSource(blockType.block, item, `${at(name)}-${k}`),
              ]),
            )
          : readDataSource(blockType.block, nested, at(name));
    }
  }
  return state;
}

type PathStep = string | number;

function errorDiagnostic(summary: string, detail: string, path: readonly PathStep[]): ProtoWriter {
  const attribute = new ProtoWriter();
  for (const step of path) {
    attribute.message(
      1,
      typeof step === "number" ? new ProtoWriter().varint(3, step) : new ProtoWriter().string(1, step),
    );
  }
  return new ProtoWriter().varint(1, 1).string(2, summary).string(3, detail).message(4, attribute);
}

/**
 * The schema checks a provider built on the plugin SDK makes when it validates a configuration, which
 * Terraform itself leaves to the provider: a required argument that is null, and a computed-only
 * attribute that is set. Unknown values pass (they are checked when known).
 */
export function validateConfig(block: BlockSchema, value: CtyValue, path: PathStep[] = []): ProtoWriter[] {
  if (!isCtyObject(value)) return [];
  const found: ProtoWriter[] = [];
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    const v = value[name];
    if (attribute.required && v === null) {
      found.push(
        errorDiagnostic("Missing required argument", `The argument "${name}" is required, but it is null.`, [
          ...path,
          name,
        ]),
      );
    } else if (
      attribute.computed &&
      !attribute.optional &&
      !attribute.required &&
      v !== null &&
      v !== undefined
    ) {
      found.push(
        errorDiagnostic(
          "Value for unconfigurable attribute",
          `"${name}" is computed by the provider and cannot be set in the configuration.`,
          [...path, name],
        ),
      );
    }
  }
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    const nested = value[name];
    if (Array.isArray(nested)) {
      nested.forEach((item, index) =>
        found.push(
          ...validateConfig(
            blockType.block,
            item,
            blockType.nesting_mode === "set" ? [...path, name] : [...path, name, index],
          ),
        ),
      );
    } else if (isCtyObject(nested) && blockType.nesting_mode === "map") {
      for (const [key, item] of Object.entries(nested))
        found.push(...validateConfig(blockType.block, item, [...path, name, key]));
    } else if (isCtyObject(nested)) {
      found.push(...validateConfig(blockType.block, nested, [...path, name]));
    }
  }
  return found;
}

function validateHandler(
  schemas: { readonly [type: string]: TypeSchema },
  diagnosticsField: number,
): UnaryHandler {
  return (request) => {
    const message = ProtoMessage.decode(request);
    const type = message.string(1);
    const block = Object.prototype.hasOwnProperty.call(schemas, type)
      ? (schemas[type].block ?? {})
      : undefined;
    const writer = new ProtoWriter();
    if (block)
      for (const d of validateConfig(block, readDynamic(message.message(2))))
        writer.message(diagnosticsField, d);
    return writer.finish();
  };
}

function unknownTypeDiagnostic(kind: string, type: string): ProtoWriter {
  return new ProtoWriter()
    .varint(1, 1)
    .string(2, `Unknown ${kind} type`)
    .string(3, `The schema this provider was served from has no ${kind} type "${type}".`);
}

/** The gRPC methods of one provider, by path. */
export function providerHandlers(provider: ProviderSchema): Map<string, UnaryHandler> {
  let schemaResponse: Buffer | undefined;
  const empty = () => Buffer.alloc(0);
  const blockOf = (schemas: { readonly [type: string]: TypeSchema }, type: string) =>
    Object.prototype.hasOwnProperty.call(schemas, type) ? (schemas[type].block ?? {}) : undefined;
  const handlers: [string, UnaryHandler][] = [
    ["GetSchema", () => (schemaResponse ??= providerSchemaResponse(provider))],
    [
      "GetMetadata",
      () => {
        const writer = new ProtoWriter().message(1, new ProtoWriter().varint(2, true));
        for (const type of Object.keys(provider.dataSources))
          writer.message(3, new ProtoWriter().string(1, type));
        for (const type of Object.keys(provider.resources))
          writer.message(4, new ProtoWriter().string(1, type));
        return writer.finish();
      },
    ],
    // The configuration comes back unchanged as the prepared one.
    [
      "PrepareProviderConfig",
      (request) => {
        const raw = ProtoMessage.decode(request).message(1);
        const config = ProtoMessage.decode(request).bytes(1) ?? Buffer.alloc(0);
        const writer = new ProtoWriter().message(1, config);
        for (const d of validateConfig(provider.provider.block ?? {}, readDynamic(raw))) writer.message(2, d);
        return writer.finish();
      },
    ],
    ["ValidateResourceTypeConfig", validateHandler(provider.resources, 1)],
    ["ValidateDataSourceConfig", validateHandler(provider.dataSources, 1)],
    ["Configure", empty],
    ["Stop", empty],
    [
      "PlanResourceChange",
      (request) => {
        const message = ProtoMessage.decode(request);
        const type = message.string(1);
        const block = blockOf(provider.resources, type);
        if (!block) return new ProtoWriter().message(4, unknownTypeDiagnostic("resource", type)).finish();
        const proposed = readDynamic(message.message(3));
        const planned = proposed === null ? null : planComputed(block, proposed);
        const writer = new ProtoWriter().message(1, dynamicValue(planned));
        const priorPrivate = message.bytes(5);
        if (priorPrivate && priorPrivate.length > 0) writer.bytes(3, priorPrivate);
        return writer.finish();
      },
    ],
    [
      "ReadDataSource",
      (request) => {
        const message = ProtoMessage.decode(request);
        const type = message.string(1);
        const block = blockOf(provider.dataSources, type);
        if (!block) return new ProtoWriter().message(2, unknownTypeDiagnostic("data source", type)).finish();
        const state = readDataSource(block, readDynamic(message.message(2)));
        return new ProtoWriter().message(1, dynamicValue(state)).finish();
      },
    ],
    // A resource already in state reads back as it is (plan runs with -refresh=false anyway).
    [
      "ReadResource",
      (request) => {
        const current = ProtoMessage.decode(request).bytes(2);
        return current ? new ProtoWriter().message(1, current).finish() : empty();
      },
    ],
  ];
  return new Map(handlers.map(([method, handler]) => [`${SERVICE}${method}`, handler]));
}

/** go-plugin's health check: `SERVING` for every service. */
export const HEALTH_CHECK: [string, UnaryHandler] = [
  "/grpc.health.v1.Health/Check",
  () => new ProtoWriter().varint(1, 1).finish(),
];
