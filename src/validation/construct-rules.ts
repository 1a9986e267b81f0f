// Where the constructs' props meet the provider's rule table (src/rules/provider-rules.ts): which prop
// lands in which argument, and whether the construct judges it exactly as the table does or, on
// purpose, more strictly. This is the one place such a difference is named; a construct is never more
// lenient than the table (test/construct-rules.test.ts pins both).

/** A construct prop and the provider argument it is written to. */
export interface PropRule {
  /** `ImageScaffold.dataDisks[].category`: the construct and the prop, `[]` for each item of a list. */
  readonly prop: string;
  /** The rule table's target and path the prop's value ends up at. */
  readonly target: string;
  readonly path: string;
  /**
   * `same`: the construct accepts exactly the values the table accepts (of the prop's type).
   * Otherwise why it is stricter: what else rejects the values the table would let through.
   */
  readonly stricter?: string;
}

export const PROP_RULES: readonly PropRule[] = [
  { prop: "ImageExport.ossPrefix", target: "alicloud_image_export", path: "oss_prefix" },
  { prop: "ImageScaffold.dataDisks[].category", target: "alicloud_instance", path: "data_disks.category" },
  {
    prop: "ImageScaffold.dataDisks[].performanceLevel",
    target: "alicloud_instance",
    path: "data_disks.performance_level",
  },
  { prop: "ImageScaffold.dataDisks[].name", target: "alicloud_instance", path: "data_disks.name" },
  {
    prop: "ImageScaffold.dataDisks[].description",
    target: "alicloud_instance",
    path: "data_disks.description",
  },
  {
    prop: "ImageScaffold.dataDisks",
    target: "alicloud_instance",
    path: "data_disks",
    stricter: "an exported image carries at most 4 data disks (ECS ExportImage), where an instance takes 16",
  },
  {
    prop: "ImageScaffold.sourceImageNameRegex",
    target: "data.alicloud_images",
    path: "name_regex",
    stricter: "an empty pattern, which Go compiles, would match every image: it is refused",
  },
  {
    prop: "ImageScaffold.sourceImageOwners",
    target: "data.alicloud_images",
    path: "owners",
    stricter:
      "custom images based on Marketplace images can't be exported, so 'marketplace' (and '', any owner) are refused",
  },
  {
    prop: "ImageScaffold.instanceType",
    target: "alicloud_instance",
    path: "instance_type",
    stricter:
      "a type is 'ecs.' followed by letters, digits, '.' and '-'; the provider only checks the prefix",
  },
  {
    prop: "ImageScaffold.instanceTypeFamily",
    target: "data.alicloud_instance_types",
    path: "instance_type_family",
    stricter:
      "a family is 'ecs.' followed by letters, digits, '.' and '-'; the provider only checks the prefix",
  },
  {
    prop: "ImageExport.ossBucket",
    target: "alicloud_oss_bucket",
    path: "bucket",
    stricter:
      "OSS bucket naming (lowercase letters, digits and hyphens, starting and ending with a letter or digit); the provider only counts 3-63 bytes",
  },
  {
    prop: "ExportBucket.transitions[].storageClass",
    target: "alicloud_oss_bucket",
    path: "lifecycle_rule.transitions.storage_class",
    stricter: "exports start in Standard, so a transition must go colder: 'Standard' is refused",
  },
];
