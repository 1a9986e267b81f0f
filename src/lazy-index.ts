// The package's run-time entry point (package.json `main`). It exports exactly what index.ts exports
// (index.ts stays the entry point of the types and of the jsii assembly), but loads on first use what
// most apps never touch: the `alicloud` namespace of all 22 bindings (the constructs load only the
// bindings they use), the offline checker, the aspect, the diagram and the Terraform judge (with its
// gRPC server). `require()` of the package then costs little more than the constructs themselves.
// test/lazy-index.test.ts keeps the two in step.
/* eslint-disable @typescript-eslint/no-require-imports -- loading on first use is the point of this file */
export { ImageExport } from "./image-export";
export { ImageScaffold } from "./image-scaffold";
export { ExportBucket, ExportStorageClass } from "./export-bucket";
export { ImageExportRole, IMAGE_EXPORT_ROLE_NAME, IMAGE_EXPORT_ROLE_POLICY } from "./image-export-role";
// ExportBucket loads these two small bindings anyway.
export * as random from "./gen/providers/random";

/** Defines `name` on this module's exports as a getter that loads its module on first access. */
function lazy(name: string, load: () => unknown): void {
  let value: unknown;
  let loaded = false;
  Object.defineProperty(exports, name, {
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

lazy("ImageExportChecks", () => require("./aspects/image-export-checks").ImageExportChecks);
lazy("SchemaConformance", () => require("./conformance/schema-conformance").SchemaConformance);
lazy("ViolationKind", () => require("./conformance/violation").ViolationKind);
lazy("DependencyDiagram", () => require("./graph/dependency-diagram").DependencyDiagram);
lazy("alicloud", () => require("./gen/providers/alicloud"));
lazy("TerraformJudge", () => require("./terraform").TerraformJudge);
