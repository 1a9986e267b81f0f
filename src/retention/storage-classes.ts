// OSS's storage classes, warmest first, and what OSS bills when an object leaves one early. Shared by
// the lifecycle warnings (src/validation/lifecycle.ts) and the lifecycle simulation, so both use one set
// of facts. No framework import: the simulation runs on synthesized JSON alone.
import { checkOfKind } from "../rules/provider-rules";

/**
 * Every class an object can be in, warmest (and dearest to store) first: the provider's list for
 * lifecycle_rule.transitions.storage_class (from the rule table), which starts with Standard, where
 * exports are written. Lifecycle rules only ever move an object to a colder class.
 */
export const STORAGE_CLASSES: readonly string[] = checkOfKind(
  "alicloud_oss_bucket",
  "lifecycle_rule.transitions.storage_class",
  "oneOf",
).values;

/** Where exports are written. */
export const STANDARD = "Standard";

/** 0 for Standard, higher for colder classes; -1 for a name that is not a class. */
export function classRank(storageClass: string): number {
  return STORAGE_CLASSES.indexOf(storageClass);
}

/**
 * Days an object is billed for at least, once in a class, and from when they count: IA 30 days and
 * Archive 60 days from the object's last modified time, Cold Archive and Deep Cold Archive 180 days
 * from the conversion to that class. Leaving earlier (a later transition, or deletion) is billed as if
 * it had stayed. Standard has no minimum.
 * (https://www.alibabacloud.com/help/en/oss/product-overview/how-can-i-avoid-the-cost-of-insufficient-storage)
 */
export const MINIMUM_STORAGE_DAYS: Readonly<
  Record<string, { days: number; from: "modified" | "conversion" }>
> = {
  IA: { days: 30, from: "modified" },
  Archive: { days: 60, from: "modified" },
  ColdArchive: { days: 180, from: "conversion" },
  DeepColdArchive: { days: 180, from: "conversion" },
};

/** Classes that must be restored before an object in them can be read. */
export const RESTORE_BEFORE_READING: readonly string[] = ["Archive", "ColdArchive", "DeepColdArchive"];
