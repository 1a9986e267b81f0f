#!/usr/bin/env node
// Refreshes schema/alicloud.json from a full `terraform providers schema -json` dump, keeping only the
// resource and data-source types this library generates bindings for. See schema/README.md.
"use strict";

const fs = require("fs");
const path = require("path");
const { ALICLOUD_FQPN, SchemaFileError, readProviderSchemaFile } = require("./schema-file");

const TARGET = path.resolve(__dirname, "..", "schema", "alicloud.json");

const RESOURCES = [
  "alicloud_image",
  "alicloud_image_copy",
  "alicloud_image_export",
  "alicloud_image_import",
  "alicloud_instance",
  "alicloud_oss_bucket",
  "alicloud_oss_bucket_acl",
  "alicloud_oss_bucket_public_access_block",
  "alicloud_oss_bucket_server_side_encryption",
  "alicloud_oss_bucket_versioning",
  "alicloud_ram_policy",
  "alicloud_ram_role",
  "alicloud_ram_role_policy_attachment",
  "alicloud_security_group",
  "alicloud_security_group_rule",
  "alicloud_vpc",
  "alicloud_vswitch",
];
const DATA_SOURCES = ["alicloud_images", "alicloud_instance_types", "alicloud_zones"];

/**
 * Drops prose so the vendored file holds facts only, and sorts keys for stable diffs. Prose sits in
 * `description` next to a `description_kind`; an attribute or object field that happens to be named
 * "description" has no such sibling and stays.
 */
function factsOnly(value) {
  if (Array.isArray(value)) return value.map(factsOnly);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const key of Object.keys(value).sort()) {
    if (key === "description" && "description_kind" in value) continue;
    out[key] = factsOnly(value[key]);
  }
  return out;
}

function pick(file, entries, wanted, kind) {
  const missing = wanted.filter((type) => !(type in entries));
  if (missing.length > 0) {
    throw new SchemaFileError(
      `${file}: ${kind} ${missing.join(", ")} not found; print the schema from a configuration that requires aliyun/alicloud`,
    );
  }
  return Object.fromEntries(wanted.map((type) => [type, entries[type]]));
}

function main(argv) {
  const source = argv[0];
  if (!source || argv.length > 1) {
    throw new SchemaFileError("usage: npm run schema:refresh -- <full-schema.json>");
  }
  const doc = readProviderSchemaFile(source);
  const provider = doc.provider_schemas[ALICLOUD_FQPN];
  const subset = {
    format_version: doc.format_version,
    provider_schemas: {
      [ALICLOUD_FQPN]: {
        provider: provider.provider,
        resource_schemas: pick(source, provider.resource_schemas, RESOURCES, "resource types"),
        data_source_schemas: pick(source, provider.data_source_schemas, DATA_SOURCES, "data sources"),
      },
    },
  };
  fs.writeFileSync(TARGET, `${JSON.stringify(factsOnly(subset), null, 2)}\n`);
  console.error(
    `wrote ${path.relative(process.cwd(), TARGET)}: ${RESOURCES.length} resources, ${DATA_SOURCES.length} data sources`,
  );
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof SchemaFileError)) throw error;
  console.error(`Cannot refresh the schema: ${error.message}`);
  process.exit(1);
}
