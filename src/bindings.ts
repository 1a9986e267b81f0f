// The bindings the constructs build on at once, each from its own module: importing the `alicloud`
// index instead would load all 22 bindings for every app. The scaffold's are in scaffold-bindings.ts.
export * as imageExport from "./gen/providers/alicloud/image-export";
export * as ossBucket from "./gen/providers/alicloud/oss-bucket";
export * as ossBucketAcl from "./gen/providers/alicloud/oss-bucket-acl";
export * as ossBucketPublicAccessBlock from "./gen/providers/alicloud/oss-bucket-public-access-block";
export * as ossBucketServerSideEncryption from "./gen/providers/alicloud/oss-bucket-server-side-encryption";
export * as ossBucketVersioning from "./gen/providers/alicloud/oss-bucket-versioning";
export * as ramRole from "./gen/providers/alicloud/ram-role";
export * as ramRolePolicyAttachment from "./gen/providers/alicloud/ram-role-policy-attachment";
