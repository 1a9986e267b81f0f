// Reads a `terraform providers schema -json` document and checks its shape before anything else
// touches it, so a truncated or hand-mangled file fails with a sentence instead of a stack trace
// from deep inside cdktf's generator.
"use strict";

const fs = require("fs");

const ALICLOUD_FQPN = "registry.terraform.io/aliyun/alicloud";

class SchemaFileError extends Error {}

function fail(file, problem) {
  throw new SchemaFileError(`${file}: ${problem}`);
}

function checkBlock(file, where, block) {
  if (block === null || typeof block !== "object" || Array.isArray(block)) {
    fail(file, `${where}.block must be an object`);
  }
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (attribute === null || typeof attribute !== "object" || attribute.type === undefined) {
      if (attribute && attribute.nested_type !== undefined) continue;
      fail(file, `${where}.block.attributes.${name} has no "type"`);
    }
  }
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    if (nested === null || typeof nested !== "object" || typeof nested.nesting_mode !== "string") {
      fail(file, `${where}.block.block_types.${name} has no "nesting_mode"`);
    }
    checkBlock(file, `${where}.block.block_types.${name}`, nested.block);
  }
}

/**
 * Loads a provider schema file and checks that it holds `providerAddress` with resources and
 * data sources in the shape Terraform prints. Throws SchemaFileError on any problem.
 */
function readProviderSchemaFile(file, providerAddress = ALICLOUD_FQPN) {
  if (!fs.existsSync(file)) {
    fail(file, "file not found (the vendored provider schema is missing; restore it from git)");
  }
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    fail(file, `not valid JSON (${e.message})`);
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    fail(file, "top level must be a JSON object");
  }
  if (doc.format_version !== "1.0") {
    fail(
      file,
      `format_version must be "1.0" (the shape of 'terraform providers schema -json'), got ${JSON.stringify(doc.format_version)}`,
    );
  }
  const provider = doc.provider_schemas?.[providerAddress];
  if (!provider || typeof provider !== "object") {
    const found = Object.keys(doc.provider_schemas ?? {});
    fail(
      file,
      `provider_schemas has no "${providerAddress}" (found: ${found.length ? found.join(", ") : "none"})`,
    );
  }
  if (!provider.provider || typeof provider.provider !== "object") {
    fail(file, `provider_schemas["${providerAddress}"].provider is missing`);
  }
  checkBlock(file, "provider", provider.provider.block);
  for (const kind of ["resource_schemas", "data_source_schemas"]) {
    const entries = provider[kind];
    if (entries === null || typeof entries !== "object" || Array.isArray(entries)) {
      fail(file, `provider_schemas["${providerAddress}"].${kind} must be an object`);
    }
    for (const [type, entity] of Object.entries(entries)) {
      if (!entity || typeof entity !== "object") fail(file, `${kind}.${type} must be an object`);
      checkBlock(file, `${kind}.${type}`, entity.block);
    }
  }
  return doc;
}

module.exports = { ALICLOUD_FQPN, SchemaFileError, readProviderSchemaFile };
