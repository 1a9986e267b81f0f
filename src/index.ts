/**
 * The aliyun/alicloud 1.289 resource and data-source bindings this library is built on, generated
 * from the vendored provider schema. Use them as an escape hatch for anything the constructs don't
 * cover, e.g. `new alicloud.imageExport.ImageExport(...)` or `alicloud.provider.AlicloudProvider`.
 */
export * as alicloud from "./gen/providers/alicloud";
