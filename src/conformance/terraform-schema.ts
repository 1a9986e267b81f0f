// Loads the vendored provider schemas (`schema/*.json`, in the shape `terraform providers schema -json`
// prints) at run time. The files ship in the npm package next to `lib/` (see `files` in package.json),
// and this module sits two folders below the package root both as source (`src/conformance/`) and compiled
// (`lib/conformance/`), so one relative path serves tests, tsx and the published library alike.
import * as fs from "fs";
import * as path from "path";

/** A cty type as Terraform prints it: `"string"`, `["list", "string"]`, `["object", {...}]`, ... */
export type CtyType =
  string | [string, CtyType] | ["object", { [name: string]: CtyType }] | ["tuple", CtyType[]];

export interface SchemaAttribute {
  readonly type?: CtyType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
}

export interface SchemaBlockType {
  readonly nesting_mode: string;
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaBlock {
  readonly attributes?: { readonly [name: string]: SchemaAttribute };
  readonly block_types?: { readonly [name: string]: SchemaBlockType };
}

/** A provider whose schema this package vendors. */
export interface KnownProvider {
  /** The local name cdktf uses in `provider` and `required_providers`, and the prefix of its type names. */
  readonly localName: string;
  /** The registry source, e.g. `aliyun/alicloud`. */
  readonly source: string;
  /** The release the vendored schema was taken from. */
  readonly version: string;
  readonly provider: SchemaBlock;
  readonly resources: { readonly [type: string]: SchemaBlock };
  readonly dataSources: { readonly [type: string]: SchemaBlock };
}

interface VendoredSchema {
  readonly localName: string;
  readonly source: string;
  readonly version: string;
  readonly file: string;
}

/** Keep in step with `schema/README.md` and `scripts/generate-bindings.js` (PROVIDER_VERSION). */
const VENDORED: readonly VendoredSchema[] = [
  { localName: "alicloud", source: "aliyun/alicloud", version: "1.289.0", file: "alicloud.json" },
  { localName: "random", source: "hashicorp/random", version: "3.7.2", file: "random.json" },
];

/** The folder holding the vendored schema files, in the source tree and in the installed package. */
export const SCHEMA_DIR = path.resolve(__dirname, "..", "..", "schema");

/** The release of a vendored provider's schema, e.g. `1.289.0` for `alicloud`: what the bindings and the judge know. */
export function vendoredVersion(localName: string): string | undefined {
  return VENDORED.find((v) => v.localName === localName)?.version;
}

/** The schema file names the checker reads at run time; package.json `files` must ship each of them. */
export const RUNTIME_SCHEMA_FILES: readonly string[] = VENDORED.map((v) => v.file);

let loaded: readonly KnownProvider[] | undefined;

/** The vendored providers, parsed once per process. */
export function knownProviders(): readonly KnownProvider[] {
  if (loaded === undefined) loaded = VENDORED.map(loadProvider);
  return loaded;
}

/** The vendored provider that owns a resource or data-source type name (by its `<local name>_` prefix). */
export function providerForType(type: string): KnownProvider | undefined {
  return knownProviders().find((p) => type.startsWith(`${p.localName}_`));
}

/** The vendored provider with this local name. */
export function providerByLocalName(localName: string): KnownProvider | undefined {
  return knownProviders().find((p) => p.localName === localName);
}

function loadProvider(vendored: VendoredSchema): KnownProvider {
  const file = path.join(SCHEMA_DIR, vendored.file);
  const broken = (problem: string) =>
    new Error(
      `cdktf-alicloud-image-export: the vendored ${vendored.source} schema ${file} ${problem}; ` +
        "reinstall the package (or restore schema/ from git)",
    );
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw broken(`cannot be read (${(e as Error).message})`);
  }
  const address = `registry.terraform.io/${vendored.source}`;
  const entry = (doc as { provider_schemas?: { [address: string]: unknown } }).provider_schemas?.[address] as
    | {
        provider?: { block?: SchemaBlock };
        resource_schemas?: { [type: string]: { block?: SchemaBlock } };
        data_source_schemas?: { [type: string]: { block?: SchemaBlock } };
      }
    | undefined;
  if (!entry?.provider?.block) throw broken(`holds no provider schema for ${address}`);
  const blocks = (schemas: { [type: string]: { block?: SchemaBlock } } | undefined) => {
    const out: { [type: string]: SchemaBlock } = {};
    for (const [type, schema] of Object.entries(schemas ?? {})) out[type] = schema.block ?? {};
    return out;
  };
  return {
    localName: vendored.localName,
    source: vendored.source,
    version: vendored.version,
    provider: entry.provider.block,
    resources: blocks(entry.resource_schemas),
    dataSources: blocks(entry.data_source_schemas),
  };
}

/** The vendored providers and versions, for messages: `aliyun/alicloud 1.289.0`. */
export function vendoredProviderNames(): string[] {
  return VENDORED.map((v) => `${v.source} ${v.version}`);
}
