// The bindings an ExportBucket builds on, which export-bucket.ts loads when the first bucket is built:
// an app that exports to its own bucket never needs them (about 160 KB of JavaScript).
export * as ossBucket from "./gen/providers/alicloud/oss-bucket";
export * as ossBucketAcl from "./gen/providers/alicloud/oss-bucket-acl";
export * as ossBucketPublicAccessBlock from "./gen/providers/alicloud/oss-bucket-public-access-block";
export * as ossBucketServerSideEncryption from "./gen/providers/alicloud/oss-bucket-server-side-encryption";
export * as ossBucketVersioning from "./gen/providers/alicloud/oss-bucket-versioning";
