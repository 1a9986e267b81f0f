#!/usr/bin/env node
// Generates the TypeScript bindings for aliyun/alicloud from the vendored schema with cdktf's own
// generator, the same code path `cdktf get` takes after it has fetched a schema from the registry.
//
// It runs before install, build, test and synth (see package.json), so it must be cheap when nothing
// changed: a stamp records a hash of every input, and a matching stamp skips the work.
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { SchemaFileError, readProviderSchemaFile } = require("./schema-file");

const ROOT = path.resolve(__dirname, "..");
const SCHEMA_FILE = path.join(ROOT, "schema", "alicloud.json");
const OUT_DIR = path.join(ROOT, "src", "gen");
const STAMP_FILE = path.join(OUT_DIR, ".inputs.sha256");
const PROVIDER_VERSION = "1.289.0";
const PROVIDER_CONSTRAINT = "aliyun/alicloud@~> 1.289";

function inputsHash() {
  const hash = crypto.createHash("sha256");
  const generatorPackage = require.resolve("@cdktf/provider-generator/package.json");
  for (const file of [SCHEMA_FILE, __filename, path.join(__dirname, "schema-file.js"), generatorPackage]) {
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : `missing:${file}`);
  }
  return hash.digest("hex");
}

async function generate() {
  const schema = readProviderSchemaFile(SCHEMA_FILE);
  const stamp = inputsHash();
  if (fs.existsSync(STAMP_FILE) && fs.readFileSync(STAMP_FILE, "utf8").trim() === stamp) {
    return false;
  }

  // Loading @cdktf/commons (which the generator needs) probes the Terraform binary and phones
  // home for version news. Generation needs neither, and the probe's complaints would read like
  // failures, so point it at a binary that does not exist and switch the checkpoint off.
  process.env.TERRAFORM_BINARY_NAME = "cdktf-binding-generation-runs-without-terraform";
  process.env.CHECKPOINT_DISABLE = "1";
  // Deep imports: the package entry point also loads jsii and jsii-pacmak, which only the
  // multi-language path of `cdktf get` needs.
  const { CodeMaker } = require("codemaker");
  const {
    TerraformProviderGenerator,
  } = require("@cdktf/provider-generator/lib/get/generator/provider-generator");
  const { sanitizeProviderSchema } = require("@cdktf/provider-schema/src/provider-schema");
  const { ConstructsMakerProviderTarget, Language, TerraformProviderConstraint } = require("@cdktf/commons");

  sanitizeProviderSchema(schema);
  // `cdktf get` would also record the exact version Terraform selected (provider_versions), and
  // the bindings would then pin `version = "1.289.0"` in every user's required_providers. A library
  // must not pin: that clashes with any other constraint in the user's configuration. Without it the
  // synthesized requirement is the constraint below, which still keeps users on the 1.x line whose
  // schema the bindings were generated from.

  const code = new CodeMaker();
  const generator = new TerraformProviderGenerator(code, schema);
  const target = new ConstructsMakerProviderTarget(
    new TerraformProviderConstraint(PROVIDER_CONSTRAINT),
    Language.TYPESCRIPT,
  );
  generator.generate(target);

  // Write next to the final folder and swap, so an interrupted run never leaves half a binding.
  const staging = `${OUT_DIR}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  await code.save(staging);
  // The lazy index is an alternative entry point for JavaScript users of `cdktf get`; it is not
  // valid as a TypeScript module under our compiler settings and nothing here imports it.
  fs.rmSync(path.join(staging, "providers", "alicloud", "lazy-index.ts"), { force: true });
  fs.writeFileSync(path.join(staging, ".inputs.sha256"), `${stamp}\n`);
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.renameSync(staging, OUT_DIR);
  return true;
}

generate().then(
  (generated) => {
    if (generated)
      console.error(`generated alicloud ${PROVIDER_VERSION} bindings into ${path.relative(ROOT, OUT_DIR)}/`);
  },
  (error) => {
    if (error instanceof SchemaFileError) {
      console.error(`Cannot generate the alicloud bindings: ${error.message}`);
    } else {
      console.error("Cannot generate the alicloud bindings:", error);
    }
    process.exit(1);
  },
);
