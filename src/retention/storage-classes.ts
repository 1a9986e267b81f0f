// OSS's storage classes, warmest first, when a lifecycle action falls due, and what OSS bills when an
// object leaves a class early. Shared by the lifecycle warnings (src/validation/lifecycle.ts) and the
// lifecycle simulation (oss-bucket.ts), so both count days by one rule and the synth warning and the
// replay agree. No framework import: the simulation runs on synthesized JSON alone.
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

/**
 * The day the lifecycle run acts on an action of `days` days whose clock started during `startDay`: OSS
 * counts from the next 00:00 UTC, and the model acts at the first run that may (R4, R6 and A1 in
 * oss-bucket.ts).
 */
export function dueDay(startDay: number, days: number): number {
  return startDay + 1 + days;
}

/**
 * Whole days an object has surely spent between something that happened during day `fromDay` and its
 * leaving during day `leftDay`. A request lands at any time of its day, and OSS's lifecycle run starts at
 * 00:00 UTC but may act at any time of the day (R4 and A1 in oss-bucket.ts), so only
 * `leftDay - fromDay - 1` days are sure to have passed: a file written at 23:00 on day 0 and deleted by
 * a 30-day rule at 00:00 on day 31 stayed 30 days and an hour, one written at 00:30 almost 31.
 */
export function surelyStoredDays(fromDay: number, leftDay: number): number {
  return leftDay - fromDay - 1;
}

/** An object that left a class before its minimum storage duration had surely passed. */
export interface MinimumShortfall {
  /** Whole days surely spent (see surelyStoredDays), counted as the minimum counts them. */
  readonly storedDays: number;
  readonly minimumDays: number;
  /**
   * `billed` when OSS's documents agree that leaving this way is billed; `disputed` for a lifecycle
   * rule's move out of IA or Archive, which OSS's billing page bills and its lifecycle FAQ does not (see
   * LIFECYCLE_MOVE_DISPUTED_FROM): such a move may be billed.
   */
  readonly billing: "billed" | "disputed";
}

/**
 * The classes a lifecycle rule's move to a colder class leaves with OSS's documents disagreeing on the
 * minimum. The lifecycle FAQ: "If you set a lifecycle rule to convert the storage class of an object ...
 * from IA to Archive or Cold Archive, or from Archive to Cold Archive, there are no limits to the minimum
 * storage period of the object" (https://www.alibabacloud.com/help/doc-detail/118308.htm). The page on
 * lifecycle fees: "If you use lifecycle rules to delete or convert the storage classes of an IA, Archive,
 * Cold Archive, or Deep Cold Archive object within the minimum storage duration, you are also charged for
 * the remaining days" (https://www.alibabacloud.com/help/en/oss/user-guide/fees-related-to-lifecycle-rules).
 * Both agree that a deletion is billed, and the FAQ says nothing of moves out of Cold Archive.
 */
export const LIFECYCLE_MOVE_DISPUTED_FROM: readonly string[] = ["IA", "Archive"];

/**
 * Whether an object written during `modifiedDay`, in `storageClass` since `classSinceDay`, leaves it
 * during `leftDay`, by a lifecycle rule's move (`transition`) or a `deletion`, before its minimum storage
 * duration has surely passed (R10 in oss-bucket.ts); undefined when it has, or when the class has no
 * minimum.
 */
export function minimumShortfall(
  storageClass: string,
  modifiedDay: number,
  classSinceDay: number,
  leftDay: number,
  cause: "transition" | "deletion",
): MinimumShortfall | undefined {
  const minimum = MINIMUM_STORAGE_DAYS[storageClass];
  if (minimum === undefined) return undefined;
  const storedDays = surelyStoredDays(minimum.from === "modified" ? modifiedDay : classSinceDay, leftDay);
  if (storedDays >= minimum.days) return undefined;
  const disputed = cause === "transition" && LIFECYCLE_MOVE_DISPUTED_FROM.includes(storageClass);
  return { storedDays, minimumDays: minimum.days, billing: disputed ? "disputed" : "billed" };
}

/** Classes that must be restored before an object in them can be read. */
export const RESTORE_BEFORE_READING: readonly string[] = ["Archive", "ColdArchive", "DeepColdArchive"];
