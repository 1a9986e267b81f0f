// The package's run-time entry point (package.json `main`). It exports exactly what index.ts exports
// (index.ts stays the entry point of the types and of the jsii assembly), but loads on first use what
// most apps never touch: each of the 21 binding modules of the `alicloud` namespace (the constructs load only
// the bindings they use), the offline checker, the aspect, the diagram and the Terraform judge (with its
// gRPC server). `require()` of the package then costs little more than the constructs themselves.
// test/lazy-index.test.ts keeps the two in step.
/* eslint-disable @typescript-eslint/no-require-imports -- loading on first use is the point of this file */
import * as fs from "fs";
import * as path from "path";
export { ImageExport } from "./image-export";
export { ImageScaffold } from "./image-scaffold";
export { ExportBucket, ExportStorageClass } from "./export-bucket";
export { ImageExportRole, IMAGE_EXPORT_ROLE_NAME, IMAGE_EXPORT_ROLE_POLICY } from "./image-export-role";
// ExportBucket loads these two small bindings anyway.
export * as random from "./gen/providers/random";

/** Defines `name` on `target` as a getter that loads its value on first access. */
function lazyProperty(target: object, name: string, load: () => unknown): void {
  let value: unknown;
  let loaded = false;
  Object.defineProperty(target, name, {
    enumerable: true,
    get: () => {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    },
  });
}

/** Defines `name` on this module's exports as a getter that loads its value on first access. */
function lazy(name: string, load: () => unknown): void {
  lazyProperty(exports, name, load);
}

/**
 * The namespace of a provider's bindings, one submodule per folder of `dir` (named as the generated
 * index names them: `image-export` is `imageExport`), each loaded on first access. Apps reach for
 * `alicloud.provider.AlicloudProvider` and perhaps a resource or two; the other bindings stay unloaded.
 */
function lazyNamespace(dir: string): object {
  const namespace = {};
  Object.defineProperty(namespace, "__esModule", { value: true });
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const name = entry.name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
    lazyProperty(namespace, name, () => require(path.join(dir, entry.name)));
  }
  return namespace;
}

lazy("ImageExportChecks", () => require("./aspects/image-export-checks").ImageExportChecks);
lazy("SchemaConformance", () => require("./conformance/schema-conformance").SchemaConformance);
lazy("ViolationKind", () => require("./conformance/violation").ViolationKind);
lazy("DependencyDiagram", () => require("./graph/dependency-diagram").DependencyDiagram);
lazy("alicloud", () => lazyNamespace(path.join(__dirname, "gen", "providers", "alicloud")));
lazy("TerraformJudge", () => require("./terraform").TerraformJudge);
