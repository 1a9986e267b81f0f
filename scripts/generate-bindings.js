#!/usr/bin/env node
// Generates the TypeScript bindings for aliyun/alicloud and hashicorp/random from the vendored schemas
// with the framework's own generator, the same code path `cdktf get` / `cdktn get` takes after it has
// fetched a schema from the registry.
//
//   node scripts/generate-bindings.js                      cdktf's generator into src/gen
//   node scripts/generate-bindings.js --flavour cdktn DIR  cdktn's generator into DIR (scripts/flavour.js)
//
// It runs before install, build, test and synth (see package.json), so it must be cheap when nothing
// changed: a stamp records a hash of every input, and a matching stamp skips the work.
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { SchemaFileError, readProviderSchemaFile } = require("./schema-file");

const ROOT = path.resolve(__dirname, "..");

/**
 * Each framework's generator. Both take a sanitized `terraform providers schema -json` document and a
 * provider target; only the module paths differ. Deep imports: the entry points also load jsii and
 * jsii-pacmak, which only the multi-language path of `get` needs.
 */
const GENERATORS = {
  cdktf: {
    generator: "@cdktf/provider-generator/lib/get/generator/provider-generator",
    schema: "@cdktf/provider-schema/src/provider-schema",
    commons: "@cdktf/commons",
    packageJson: "@cdktf/provider-generator/package.json",
  },
  cdktn: {
    generator: "@cdktn/provider-generator/build/get/generator/provider-generator",
    schema: "@cdktn/provider-schema/build/provider-schema",
    commons: "@cdktn/commons",
    packageJson: "@cdktn/provider-generator/package.json",
  },
};

/**
 * The providers the library binds. `constraint` is what the bindings record; `version`, when set, is
 * recorded as the selected version and becomes the `required_providers` version users get.
 * - alicloud: a library must not pin (that clashes with any other constraint in the user's
 *   configuration), so only the constraint is recorded, which keeps users on the 1.x line whose schema
 *   the bindings were generated from.
 * - random: the 3.x line (`~> 3.0`), for the same reason: a pin (the `3.7.2` earlier releases recorded)
 *   clashes with any module of the user's that needs another 3.x. `random_integer`'s arguments and result
 *   are the same in every 3.x release (its CHANGELOG from 3.0.0 to 3.7.2; the schema was transcribed
 *   from 3.7.2), and a lock file keeps whatever release a configuration already uses.
 */
const PROVIDERS = [
  {
    name: "alicloud",
    file: "alicloud.json",
    address: "registry.terraform.io/aliyun/alicloud",
    constraint: "aliyun/alicloud@~> 1.289",
  },
  {
    name: "random",
    file: "random.json",
    address: "registry.terraform.io/hashicorp/random",
    constraint: "hashicorp/random@~> 3.0",
  },
];

function parseArgs(argv) {
  let flavour = "cdktf";
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--flavour") flavour = argv[++i];
    else rest.push(argv[i]);
  }
  if (!GENERATORS[flavour]) throw new Error(`unknown flavour ${JSON.stringify(flavour)} (cdktf or cdktn)`);
  return { flavour, outDir: path.resolve(rest[0] ?? path.join(ROOT, "src", "gen")) };
}

function inputsHash(flavour) {
  const hash = crypto.createHash("sha256");
  hash.update(flavour);
  const files = [
    ...PROVIDERS.map((provider) => path.join(ROOT, "schema", provider.file)),
    __filename,
    path.join(__dirname, "schema-file.js"),
    require.resolve(GENERATORS[flavour].packageJson),
  ];
  for (const file of files) hash.update(fs.existsSync(file) ? fs.readFileSync(file) : `missing:${file}`);
  return hash.digest("hex");
}

async function generate(flavour, outDir) {
  const schemas = PROVIDERS.map((provider) =>
    readProviderSchemaFile(path.join(ROOT, "schema", provider.file), provider.address),
  );
  const stamp = inputsHash(flavour);
  const stampFile = path.join(outDir, ".inputs.sha256");
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8").trim() === stamp) return false;

  // Loading the commons package (which the generator needs) probes the Terraform binary and phones
  // home for version news. Generation needs neither, and the probe's complaints would read like
  // failures, so point it at a binary that does not exist and switch the checkpoint off.
  process.env.TERRAFORM_BINARY_NAME = "binding-generation-runs-without-terraform";
  process.env.CHECKPOINT_DISABLE = "1";
  const modules = GENERATORS[flavour];
  const generatorPath = require.resolve(modules.generator);
  // The generator's own codemaker, in case the framework pins a different one than ours.
  const { CodeMaker } = require(require.resolve("codemaker", { paths: [path.dirname(generatorPath)] }));
  const { TerraformProviderGenerator } = require(generatorPath);
  const { sanitizeProviderSchema } = require(modules.schema);
  const { ConstructsMakerProviderTarget, Language, TerraformProviderConstraint } = require(modules.commons);

  const code = new CodeMaker();
  PROVIDERS.forEach((provider, i) => {
    const schema = schemas[i];
    if (provider.version) schema.provider_versions = { [provider.address]: provider.version };
    sanitizeProviderSchema(schema);
    const generator = new TerraformProviderGenerator(code, schema);
    generator.generate(
      new ConstructsMakerProviderTarget(
        new TerraformProviderConstraint(provider.constraint),
        Language.TYPESCRIPT,
      ),
    );
  });

  // Write next to the final folder and swap, so an interrupted run never leaves half a binding.
  const staging = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  await code.save(staging);
  // The lazy index is an alternative entry point for JavaScript users of `get`; it is not valid as a
  // TypeScript module under our compiler settings and nothing here imports it.
  for (const provider of PROVIDERS) {
    fs.rmSync(path.join(staging, "providers", provider.name, "lazy-index.ts"), { force: true });
  }
  fs.writeFileSync(path.join(staging, ".inputs.sha256"), `${stamp}\n`);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  fs.renameSync(staging, outDir);
  return true;
}

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
generate(args.flavour, args.outDir).then(
  (generated) => {
    if (generated) {
      const names = PROVIDERS.map((provider) => provider.name).join(" and ");
      console.error(
        `generated ${args.flavour} bindings for ${names} into ${path.relative(ROOT, args.outDir)}/`,
      );
    }
  },
  (error) => {
    if (error instanceof SchemaFileError) {
      console.error(`Cannot generate the bindings: ${error.message}`);
    } else {
      console.error("Cannot generate the bindings:", error);
    }
    process.exit(1);
  },
);
