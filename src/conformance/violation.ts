/**
 * What kind of mistake a {@link Violation} reports. Each kind is something `terraform validate` or
 * `terraform plan` (or, for `INVALID_VALUE` on `oss_prefix`, the cloud API) would reject.
 */
export enum ViolationKind {
  /** The synthesized document is not JSON, or a part of it is not shaped like Terraform JSON at all. */
  MALFORMED_CONFIGURATION = "MALFORMED_CONFIGURATION",
  /** A resource or data-source type that the provider's schema does not define. */
  UNKNOWN_TYPE = "UNKNOWN_TYPE",
  /** An argument or block that the type's schema does not define. */
  UNKNOWN_ARGUMENT = "UNKNOWN_ARGUMENT",
  /** A required argument, or a block with a minimum number of items, is not set. */
  MISSING_REQUIRED = "MISSING_REQUIRED",
  /** A literal value that Terraform cannot convert to the argument's type. */
  WRONG_TYPE = "WRONG_TYPE",
  /** An attribute the provider computes (it can only be read) is set in the configuration. */
  COMPUTED_ONLY = "COMPUTED_ONLY",
  /** A block is written as something other than an object or a list of objects. */
  BLOCK_SHAPE = "BLOCK_SHAPE",
  /** A block or collection holds fewer or more items than the provider allows. */
  ITEM_COUNT = "ITEM_COUNT",
  /** A `${...}` reference names a resource the stack does not declare, or an attribute its type lacks. */
  INVALID_REFERENCE = "INVALID_REFERENCE",
  /** A provider is used but not declared in `terraform.required_providers`, or declared with the wrong source. */
  PROVIDER_REQUIREMENT = "PROVIDER_REQUIREMENT",
  /** A literal value that the provider's plan-time validation (or the cloud API) rejects. */
  INVALID_VALUE = "INVALID_VALUE",
  /** An argument the provider has removed; any value is rejected. */
  REMOVED_ARGUMENT = "REMOVED_ARGUMENT",
  /** Arguments that the provider does not allow together are set together. */
  CONFLICTING_ARGUMENTS = "CONFLICTING_ARGUMENTS",
  /** None of a group of arguments, of which at least (or exactly) one is required, is set. */
  MISSING_ONE_OF = "MISSING_ONE_OF",
  /** Two configurations of one provider without an alias, or with the same alias. */
  DUPLICATE_PROVIDER = "DUPLICATE_PROVIDER",
}

/**
 * One place where a synthesized stack does not conform to the provider schema.
 */
export interface Violation {
  /** What kind of mistake this is. */
  readonly kind: ViolationKind;

  /**
   * The Terraform address of the block that holds the mistake, e.g. `alicloud_instance.Export_Instance_1A2B3C4D`,
   * `data.alicloud_zones.zones`, `provider.alicloud[0]`, `output.image_id` or `terraform`.
   */
  readonly address: string;

  /**
   * Where inside that block, e.g. `data_disks[4].size`, `timeouts.create` or `tags["Name"]`.
   * Empty when the violation concerns the whole block (an unknown resource type, for example).
   */
  readonly path: string;

  /** What is wrong and what is allowed, in one sentence without the address or path. */
  readonly message: string;
}
