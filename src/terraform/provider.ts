// The provider Terraform talks to: every RPC of plugin protocol 5 (field numbers as in tfplugin5.8.proto,
// the protocol Terraform 1.11 speaks) that `validate`, `plan` and `apply` use, answered from a schema
// file and the replacement rules (replacement-rules.ts). Terraform checks the configuration against the
// schema; the provider adds only the schema checks Terraform leaves to providers (a required argument
// that is null, a computed-only attribute that is set), none of the real provider's own validators.
// Resources are planned, applied, read and upgraded as resource-change.ts describes (creates plan every
// computed attribute left null as unknown; changes follow the replacement rules; applies fill unknowns
// with deterministic placeholders); data sources read as deterministic placeholders (`placeholder`).
// Like the SDK v1 providers it stands in for, it answers plans and applies with legacy_type_system set,
// so Terraform tolerates planned values that differ from the configuration (a changed timeouts block
// alone plans no change, as the SDK does).
import { ConnectionState, UnaryHandler } from "./grpc";
import { CtyValue, decodeMsgpack, encodeMsgpack, isCtyObject } from "./msgpack";
import { ProtoMessage, ProtoWriter } from "./protobuf";
import { ReplacementRules, ruleFor } from "./replacement-rules";
import { applyPlanned, PathStep, planResourceChange, upgradeState } from "./resource-change";
import { attributeType, BlockSchema, CtyTypeJson, ProviderSchema, TypeSchema } from "./schema-file";

export { planComputed } from "./resource-change";

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

type ConfigStep = string | number;

/** An AttributePath message: steps of attribute_name (1), element_key_string (2), element_key_int (3). */
function attributePath(steps: readonly PathStep[]): ProtoWriter {
  const path = new ProtoWriter();
  for (const step of steps) {
    const writer = new ProtoWriter();
    if ("attribute" in step) writer.string(1, step.attribute);
    else if ("key" in step) writer.string(2, step.key);
    else writer.varint(3, step.index);
    path.message(1, writer);
  }
  return path;
}

function errorDiagnostic(summary: string, detail: string, path: readonly ConfigStep[]): ProtoWriter {
  const steps = path.map((step) => (typeof step === "number" ? { index: step } : { attribute: step }));
  return new ProtoWriter().varint(1, 1).string(2, summary).string(3, detail).message(4, attributePath(steps));
}

/**
 * The schema checks a provider built on the plugin SDK makes when it validates a configuration, which
 * Terraform itself leaves to the provider: a required argument that is null, and a computed-only
 * attribute that is set. Unknown values pass (they are checked when known).
 */
export function validateConfig(block: BlockSchema, value: CtyValue, path: ConfigStep[] = []): ProtoWriter[] {
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

/**
 * Whether a provider configuration sets `features { ecs_instance { replace_on_image_update = true } }`
 * (aliyun/alicloud: alicloud_instance's CustomizeDiff then replaces an instance for a new image_id).
 */
export function replacesOnImageUpdate(config: CtyValue): boolean {
  const first = (value: CtyValue | undefined) => (Array.isArray(value) ? value[0] : value);
  const features = first(isCtyObject(config) ? config.features : undefined);
  const ecsInstance = first(isCtyObject(features) ? features.ecs_instance : undefined);
  return isCtyObject(ecsInstance) && ecsInstance.replace_on_image_update === true;
}

/** The gRPC methods of one provider, by path; `rules` are the replacement rules of its resource types. */
export function providerHandlers(
  provider: ProviderSchema,
  rules: ReplacementRules = {},
): Map<string, UnaryHandler> {
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
    // Each provider configuration has its own connection: remember what a plan needs from it.
    [
      "Configure",
      (request, connection: ConnectionState) => {
        connection.replaceOnImageUpdate = replacesOnImageUpdate(
          readDynamic(ProtoMessage.decode(request).message(2)),
        );
        return empty();
      },
    ],
    ["Stop", empty],
    [
      "PlanResourceChange",
      (request, connection) => {
        const message = ProtoMessage.decode(request);
        const type = message.string(1);
        const block = blockOf(provider.resources, type);
        if (!block) return new ProtoWriter().message(4, unknownTypeDiagnostic("resource", type)).finish();
        const { planned, requiresReplace } = planResourceChange(
          block,
          ruleFor(rules, type),
          { type, replaceOnImageUpdate: connection.replaceOnImageUpdate === true },
          readDynamic(message.message(2)),
          readDynamic(message.message(3)),
          readDynamic(message.message(4)),
        );
        const writer = new ProtoWriter().message(1, dynamicValue(planned));
        for (const steps of requiresReplace) writer.message(2, attributePath(steps));
        const priorPrivate = message.bytes(5);
        if (priorPrivate && priorPrivate.length > 0) writer.bytes(3, priorPrivate);
        return writer.varint(5, true).finish();
      },
    ],
    [
      "ApplyResourceChange",
      (request) => {
        const message = ProtoMessage.decode(request);
        const type = message.string(1);
        const block = blockOf(provider.resources, type);
        if (!block) return new ProtoWriter().message(3, unknownTypeDiagnostic("resource", type)).finish();
        const newState = applyPlanned(type, block, readDynamic(message.message(3)));
        const writer = new ProtoWriter().message(1, dynamicValue(newState));
        const plannedPrivate = message.bytes(5);
        if (plannedPrivate && plannedPrivate.length > 0) writer.bytes(2, plannedPrivate);
        return writer.varint(4, true).finish();
      },
    ],
    // The stored state (RawState.json) in the current schema's type: there is only one schema version.
    [
      "UpgradeResourceState",
      (request) => {
        const message = ProtoMessage.decode(request);
        const type = message.string(1);
        const block = blockOf(provider.resources, type);
        if (!block) return new ProtoWriter().message(2, unknownTypeDiagnostic("resource", type)).finish();
        const json = message.message(3)?.bytes(1);
        const state = json && json.length > 0 ? upgradeState(block, JSON.parse(json.toString("utf8"))) : null;
        return new ProtoWriter().message(1, dynamicValue(state)).finish();
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
    // A resource in state reads back as it is: nothing changes outside Terraform here.
    [
      "ReadResource",
      (request) => {
        const message = ProtoMessage.decode(request);
        const writer = new ProtoWriter().message(1, message.bytes(2) ?? dynamicValue(null));
        const stored = message.bytes(3);
        if (stored && stored.length > 0) writer.bytes(3, stored);
        return writer.finish();
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
