export { ImageExport } from "./image-export";
export type { ImageExportProps } from "./image-export";
export { ImageScaffold } from "./image-scaffold";
export type { ImageScaffoldProps, DataDisk } from "./image-scaffold";
export { ImageExportChecks } from "./aspects/image-export-checks";
export { SchemaConformance } from "./conformance/schema-conformance";
export { ViolationKind } from "./conformance/violation";
export type { Violation } from "./conformance/violation";
export { ExportBucket } from "./export-bucket";
export type { ExportBucketProps } from "./export-bucket";
export { ImageExportRole, IMAGE_EXPORT_ROLE_NAME, IMAGE_EXPORT_ROLE_POLICY } from "./image-export-role";
export type { ImageExportRoleProps } from "./image-export-role";

/**
 * The aliyun/alicloud 1.289 resource and data-source bindings this library is built on, generated
 * from the vendored provider schema. Use them as an escape hatch for anything the constructs don't
 * cover, e.g. `new alicloud.imageExport.ImageExport(...)` or `alicloud.provider.AlicloudProvider`.
 */
export * as alicloud from "./gen/providers/alicloud";
export { TerraformJudge } from "./terraform";
export type {
  TerraformDiagnostic,
  TerraformJudgeOptions,
  TerraformJudgeResult,
  TerraformStackResult,
} from "./terraform";
