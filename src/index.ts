export { ImageExport } from "./image-export";
export type { ImageExportProps } from "./image-export";
export { ImageScaffold } from "./image-scaffold";
export type { ImageScaffoldProps, DataDisk } from "./image-scaffold";
export { ImageExportChecks } from "./aspects/image-export-checks";
export { SchemaConformance } from "./conformance/schema-conformance";
export { ViolationKind } from "./conformance/violation";
export type { Violation } from "./conformance/violation";
export { DependencyDiagram } from "./graph/dependency-diagram";
export { ExportBucket, ExportStorageClass } from "./export-bucket";
export type { ExportBucketProps, LifecycleTransition } from "./export-bucket";
export { ImageExportRole, IMAGE_EXPORT_ROLE_NAME, IMAGE_EXPORT_ROLE_POLICY } from "./image-export-role";
export type { ImageExportRoleProps } from "./image-export-role";

/**
 * The aliyun/alicloud 1.289 resource and data-source bindings this library is built on, generated
 * from the vendored provider schema. Use them as an escape hatch for anything the constructs don't
 * cover, e.g. `new alicloud.imageExport.ImageExport(...)` or `alicloud.provider.AlicloudProvider`.
 */
export * as alicloud from "./gen/providers/alicloud";

/**
 * The hashicorp/random bindings (3.7.2, generated from the vendored schema) behind the created bucket's
 * name suffix: `random.integer.Integer` is the type of `ExportBucket.nameSuffix`, and
 * `random.provider.RandomProvider` configures the provider yourself (the constructs add a default one
 * at synthesis only when the stack has none).
 */
export * as random from "./gen/providers/random";
export { TerraformJudge } from "./terraform";
export type {
  TerraformDiagnostic,
  TerraformJudgeOptions,
  TerraformJudgeResult,
  TerraformStackResult,
} from "./terraform";
