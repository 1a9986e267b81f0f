// Reads a `terraform providers schema -json` document: ours (schema/alicloud.json, schema/random.json)
// or a user's. Only the parts the plugin protocol carries are kept: attribute types and flags, block
// nesting and item counts, and schema versions.

/** A cty type in its JSON form: `"string"`, `["list", "string"]`, `["object", {...}]`, ... */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CtyTypeJson = any;

export interface AttributeSchema {
  readonly type?: CtyTypeJson;
  readonly nested_type?: {
    readonly attributes: { [name: string]: AttributeSchema };
    readonly nesting_mode: string;
  };
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
}

export interface BlockTypeSchema {
  readonly nesting_mode: string;
  readonly block: BlockSchema;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface BlockSchema {
  readonly attributes?: { readonly [name: string]: AttributeSchema };
  readonly block_types?: { readonly [name: string]: BlockTypeSchema };
  readonly deprecated?: boolean;
}

export interface TypeSchema {
  readonly version?: number;
  readonly block?: BlockSchema;
}

/** One provider of a schema file. */
export interface ProviderSchema {
  /** The full address Terraform uses, e.g. `registry.terraform.io/aliyun/alicloud`. */
  readonly address: string;
  readonly provider: TypeSchema;
  readonly resources: { readonly [type: string]: TypeSchema };
  readonly dataSources: { readonly [type: string]: TypeSchema };
}

/** `aliyun/alicloud` and `registry.terraform.io/aliyun/alicloud` are the same provider. */
export function fullProviderAddress(source: string): string {
  const parts = source.trim().toLowerCase().split("/");
  return parts.length === 2 ? `registry.terraform.io/${parts.join("/")}` : parts.join("/");
}

/** Every provider in a schema document; throws a clear error when the document isn't one. */
export function parseSchemaDocument(text: string, file: string): ProviderSchema[] {
  let doc: { provider_schemas?: { [address: string]: unknown } };
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not JSON (${(e as Error).message})`);
  }
  const schemas = doc?.provider_schemas;
  if (typeof schemas !== "object" || schemas === null || Object.keys(schemas).length === 0) {
    throw new Error(
      `${file} holds no provider_schemas; expected the output of \`terraform providers schema -json\``,
    );
  }
  return Object.entries(schemas).map(([address, entry]) => {
    const e = entry as {
      provider?: TypeSchema;
      resource_schemas?: { [type: string]: TypeSchema };
      data_source_schemas?: { [type: string]: TypeSchema };
    };
    return {
      address: fullProviderAddress(address),
      provider: e.provider ?? {},
      resources: e.resource_schemas ?? {},
      dataSources: e.data_source_schemas ?? {},
    };
  });
}

/** The cty type of an attribute; a protocol-6 nested attribute becomes the equivalent object type. */
export function attributeType(attribute: AttributeSchema): CtyTypeJson {
  if (attribute.type !== undefined) return attribute.type;
  const nested = attribute.nested_type;
  if (!nested) return "dynamic";
  const object = [
    "object",
    Object.fromEntries(Object.entries(nested.attributes).map(([n, a]) => [n, attributeType(a)])),
  ];
  switch (nested.nesting_mode) {
    case "single":
      return object;
    case "list":
      return ["list", object];
    case "set":
      return ["set", object];
    case "map":
      return ["map", object];
    default:
      return object;
  }
}
