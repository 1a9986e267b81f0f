// The bindings the constructs build on at once, each from its own module: importing the `alicloud`
// index instead would load every binding for every app. The scaffold's are in scaffold-bindings.ts
// and the bucket's in bucket-bindings.ts, loaded with the first scaffold or bucket.
export * as imageExport from "./gen/providers/alicloud/image-export";
export * as ramRole from "./gen/providers/alicloud/ram-role";
export * as ramRolePolicyAttachment from "./gen/providers/alicloud/ram-role-policy-attachment";
