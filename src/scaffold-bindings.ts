// The bindings an ImageScaffold builds on, which image-scaffold.ts loads when the first scaffold is
// built: an app that brings its own image never needs them (about 270 KB of JavaScript).
export * as dataAlicloudImages from "./gen/providers/alicloud/data-alicloud-images";
export * as dataAlicloudInstanceTypes from "./gen/providers/alicloud/data-alicloud-instance-types";
export * as dataAlicloudZones from "./gen/providers/alicloud/data-alicloud-zones";
export * as image from "./gen/providers/alicloud/image";
export * as instance from "./gen/providers/alicloud/instance";
export * as securityGroup from "./gen/providers/alicloud/security-group";
export * as vpc from "./gen/providers/alicloud/vpc";
export * as vswitch from "./gen/providers/alicloud/vswitch";
