// Checks of an export bucket's retention and storage-class lifecycle. They run at synth time, collect
// every problem (errors) and every cost trap (warnings), and never judge a value that holds a token.
//
// Facts from Alibaba Cloud's OSS documentation (looked up for provider 1.289, December 2026):
// - Storage classes a lifecycle rule can move objects to: IA, Archive, ColdArchive, DeepColdArchive
//   (the provider's validator on lifecycle_rule.transitions.storage_class; Standard is the start).
// - When one rule converts to several classes and also deletes, the days must grow in this order:
//   IA < Archive < ColdArchive < DeepColdArchive < expiration. OSS rejects the rule otherwise, so these are
//   errors. ("Convert storage classes", https://www.alibabacloud.com/help/doc-detail/90090.htm)
// - Minimum storage durations, billed in full when an object leaves the class earlier (by a later
//   transition or by deletion): IA 30 days and Archive 60 days, counted from the object's last modified
//   time; Cold Archive 180 days and Deep Cold Archive 180 days, counted from the conversion to that class.
//   These cost money but are allowed, so they are warnings. Only the days surely stored count (a write
//   or a lifecycle action lands at some time of its day), by the rule the replay uses
//   (src/retention/storage-classes.ts, minimumShortfall). For a lifecycle rule's move out of IA or
//   Archive the documents disagree (the page on lifecycle fees bills it, the lifecycle FAQ does not), so
//   the warning says it may be billed.
//   (https://www.alibabacloud.com/help/en/oss/product-overview/how-can-i-avoid-the-cost-of-insufficient-storage)
// - Cold Archive and Deep Cold Archive are not offered in every region, and OSS documents the error
//   0014-00000069 for regions where NoncurrentVersionExpiration must be enabled by support. We have no
//   list of regions we could check against, so the cold classes get a warning, not an error.
// - OSS documents no minimum number of days before a last-modified-time transition (unlike S3's 30 days
//   for IA), so none is enforced here.
// - Kept versions (OSS's "previous versions") count NoncurrentDays from the moment they stopped being
//   current, and the same minimum storage durations apply to them: a version keeps its last modified time.
//   ("Lifecycle rules for versioning-enabled buckets",
//   https://www.alibabacloud.com/help/en/oss/user-guide/configure-lifecycle-rules-to-manage-object-versions)
//   OSS documents the order of days (colder later, expiration last) for current versions only; we found no
//   rule between NoncurrentVersionTransition and NoncurrentVersionExpiration days, so the export bucket
//   writes kept-version transitions only before the retention ends, which keeps to the same order.
import { Token } from "cdktf";
import { checkOfKind } from "../rules/provider-rules";
import { dueDay, MINIMUM_STORAGE_DAYS, minimumShortfall } from "../retention/storage-classes";
import { kindOf, show } from "../rules/text";
import { checkPropsObject, Problems } from "./problems";

/**
 * The storage classes a transition can move exports to, warmest first: the provider's list for
 * lifecycle_rule.transitions.storage_class (from the rule table) without Standard, where files start.
 */
export const TRANSITION_STORAGE_CLASSES: readonly string[] = checkOfKind(
  "alicloud_oss_bucket",
  "lifecycle_rule.transitions.storage_class",
  "oneOf",
).values.filter((storageClass) => storageClass !== "Standard");

/** Classes that some regions don't offer. */
const REGIONAL_CLASSES: readonly string[] = ["ColdArchive", "DeepColdArchive"];

/** The option names a construct offers the lifecycle under (ExportBucket's own, or ImageExport's `bucket...`). */
export interface LifecyclePropNames {
  readonly retainDeletedExportsDays: string;
  readonly transitions: string;
  readonly expireAfterDays: string;
}

/** The lifecycle options as a user passed them: anything, from JavaScript. */
export interface LifecycleInput {
  readonly retainDeletedExportsDays?: unknown;
  readonly transitions?: unknown;
  readonly expireAfterDays?: unknown;
}

/** A transition whose class and days are both known at synth time. */
interface KnownTransition {
  readonly index: number;
  readonly storageClass: string;
  readonly rank: number;
  readonly afterDays: number;
}

const TRANSITION_KEYS = ["storageClass", "afterDays"];
const CLASS_RULE = `must be one of ${TRANSITION_STORAGE_CLASSES.map((c) => `'${c}'`).join(", ")}`;

/** A whole number of days, `min` or more. */
export function checkDays(min: number): (value: unknown) => string | undefined {
  const rule = `must be a whole number of days, ${min} or more`;
  return (value) => {
    if (typeof value !== "number") return `${rule}, got ${show(value)} (${kindOf(value)})`;
    if (Number.isNaN(value)) return `${rule}, got NaN`;
    if (!Number.isFinite(value)) return `${rule}, got ${value > 0 ? "Infinity" : "-Infinity"}`;
    if (!Number.isInteger(value)) return `${rule}, got ${value} (not a whole number)`;
    return value < min ? `${rule}, got ${value}` : undefined;
  };
}

function isKnownNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && !Token.isUnresolved(value);
}

/**
 * Checks the lifecycle options: records every error in `problems` and returns the warnings, each a
 * sentence that starts with the prop's name (as `Problems.add` takes them).
 */
export function checkLifecycle(
  problems: Problems,
  input: LifecycleInput,
  names: LifecyclePropNames,
): string[] {
  const warnings: string[] = [];
  const retain = input.retainDeletedExportsDays;
  if (Token.isUnresolved(retain)) {
    problems.add(
      names.retainDeletedExportsDays,
      "must be a number when the app is synthesized (it decides whether the bucket is versioned), got a value known only at apply time",
    );
  } else {
    problems.check(names.retainDeletedExportsDays, retain, checkDays(0));
  }
  problems.check(names.expireAfterDays, input.expireAfterDays, checkDays(1));
  const known = checkTransitionList(problems, input.transitions, names.transitions);

  // Colder classes on later days, each class once.
  const byRank = [...known].sort((a, b) => a.rank - b.rank || a.index - b.index);
  for (const t of byRank) {
    const sameClass = byRank.find((o) => o.rank === t.rank && o.index < t.index);
    if (sameClass) {
      problems.add(
        `${names.transitions}[${t.index}].storageClass`,
        `must not repeat a class (${names.transitions}[${sameClass.index}] already moves exports to ${t.storageClass}), got ${show(t.storageClass)}`,
      );
      continue;
    }
    const latestWarmer = byRank
      .filter((o) => o.rank < t.rank)
      .reduce<KnownTransition | undefined>(
        (max, o) => (max && max.afterDays >= o.afterDays ? max : o),
        undefined,
      );
    if (latestWarmer && t.afterDays <= latestWarmer.afterDays) {
      problems.add(
        `${names.transitions}[${t.index}].afterDays`,
        `must be later than the ${latestWarmer.afterDays} days after which ${names.transitions}[${latestWarmer.index}] moves exports to ${latestWarmer.storageClass} (${t.storageClass} is colder, and OSS requires colder classes on later days), got ${t.afterDays}`,
      );
    }
  }

  // Expiration after every transition.
  const expire = input.expireAfterDays;
  const lastTransition = known.reduce<KnownTransition | undefined>(
    (max, t) => (max && max.afterDays >= t.afterDays ? max : t),
    undefined,
  );
  if (isKnownNumber(expire) && expire >= 1 && lastTransition && expire <= lastTransition.afterDays) {
    problems.add(
      names.expireAfterDays,
      `must be later than every transition (${names.transitions}[${lastTransition.index}] moves exports to ${lastTransition.storageClass} after ${lastTransition.afterDays} days; OSS requires expiration last), got ${expire}`,
    );
  }

  warnings.push(...billingWarnings(known, input, names));
  for (const t of known) {
    if (REGIONAL_CLASSES.includes(t.storageClass)) {
      warnings.push(
        `${names.transitions}[${t.index}].storageClass is '${t.storageClass}', which not every region offers: make sure the bucket's region does, or OSS rejects the lifecycle rule at apply time.`,
      );
    }
  }
  return warnings;
}

/** The list itself and each of its items; returns the items whose class and days are known and valid. */
function checkTransitionList(problems: Problems, list: unknown, prop: string): KnownTransition[] {
  if (list === undefined) return [];
  if (Token.isUnresolved(list)) {
    problems.add(
      prop,
      "must be a list written out when the app is synthesized (each transition becomes part of the bucket's lifecycle rule), got a value known only at apply time",
    );
    return [];
  }
  if (!Array.isArray(list)) {
    problems.add(prop, `must be a list of { storageClass, afterDays }, got ${show(list)} (${kindOf(list)})`);
    return [];
  }
  const known: KnownTransition[] = [];
  list.forEach((item: unknown, index) => {
    const itemProp = `${prop}[${index}]`;
    if (Token.isUnresolved(item)) {
      problems.add(
        itemProp,
        "must be written out when the app is synthesized as { storageClass, afterDays }, got a value known only at apply time",
      );
      return;
    }
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      problems.add(
        itemProp,
        `must be a transition such as { storageClass: 'Archive', afterDays: 30 }, got ${show(item)}`,
      );
      return;
    }
    checkPropsObject(problems, "a transition", item, TRANSITION_KEYS, itemProp);
    const { storageClass, afterDays } = item as { storageClass?: unknown; afterDays?: unknown };
    let classOk = false;
    if (storageClass === undefined) {
      problems.add(`${itemProp}.storageClass`, `${CLASS_RULE}, got undefined (missing)`);
    } else if (!Token.isUnresolved(storageClass)) {
      classOk = typeof storageClass === "string" && TRANSITION_STORAGE_CLASSES.includes(storageClass);
      if (!classOk) problems.add(`${itemProp}.storageClass`, `${CLASS_RULE}, got ${show(storageClass)}`);
    }
    let daysOk = false;
    if (afterDays === undefined) {
      problems.add(
        `${itemProp}.afterDays`,
        "must be a whole number of days, 1 or more, got undefined (missing)",
      );
    } else if (!Token.isUnresolved(afterDays)) {
      const problem = checkDays(1)(afterDays);
      if (problem) problems.add(`${itemProp}.afterDays`, problem);
      daysOk = problem === undefined;
    }
    if (classOk && daysOk) {
      const cls = storageClass as string;
      known.push({
        index,
        storageClass: cls,
        rank: TRANSITION_STORAGE_CLASSES.indexOf(cls),
        afterDays: afterDays as number,
      });
    }
  });
  return known;
}

/**
 * Two ways through the classes, each checked against the billed minimums, with days counted as the
 * replay counts them (src/retention/): a file written during day 0, each action of N days run on the
 * N + 1st day after the day its clock started, and only the days surely stored held against a minimum
 * (minimumShortfall), so a warning here is a shortfall the replay records:
 * - the current file moves at each transition's days after it was written, and leaves its last class
 *   when it expires (`expireAfterDays`), and with retention only when it is deleted or moved colder as a
 *   kept version;
 * - a kept version of an export replaced the day after it was written (a nightly export) moves through
 *   the transitions written for kept versions, counted from the replacement (OSS's NoncurrentDays), and
 *   is deleted when the retention ends.
 * The export bucket writes a transition for kept versions only when it comes before the retention ends
 * (see export-bucket.ts), so only those are counted here.
 */
function billingWarnings(
  known: readonly KnownTransition[],
  input: LifecycleInput,
  names: LifecyclePropNames,
): string[] {
  const warnings: string[] = [];
  const byDays = [...known].sort((a, b) => a.afterDays - b.afterDays);
  const expire = isKnownNumber(input.expireAfterDays) ? input.expireAfterDays : undefined;
  const retain = isKnownNumber(input.retainDeletedExportsDays) ? input.retainDeletedExportsDays : 30;
  const kept = retain > 0 ? byDays.filter((t) => t.afterDays < retain) : [];
  const written = 0;
  const shortfall = (t: KnownTransition, entered: number, left: number, cause: "transition" | "deletion") => {
    const short = minimumShortfall(t.storageClass, written, entered, left, cause);
    if (!short) return undefined;
    const counted =
      MINIMUM_STORAGE_DAYS[t.storageClass].from === "modified"
        ? "since the export was written"
        : `in ${t.storageClass}`;
    const billed = `OSS bills ${t.storageClass} for at least ${short.minimumDays} days ${counted}`;
    return {
      stored: short.storedDays,
      counted,
      billed:
        short.billing === "billed"
          ? billed
          : `${billed}; this move may be billed (OSS's page on lifecycle fees says a lifecycle rule's move within the minimum is billed, its lifecycle FAQ says it is not)`,
    };
  };

  byDays.forEach((t, i) => {
    const next = byDays[i + 1];
    // After expiring, the file is a kept version in the same class until a colder kept-version transition.
    const colderKept = kept.find((k) => k.rank > t.rank);
    const expired = expire === undefined ? undefined : dueDay(written, expire);
    const left = next
      ? dueDay(written, next.afterDays)
      : expired === undefined
        ? undefined
        : retain === 0
          ? expired
          : dueDay(expired, colderKept ? colderKept.afterDays : retain);
    if (left === undefined) return;
    const short = shortfall(
      t,
      dueDay(written, t.afterDays),
      left,
      next || (retain > 0 && colderKept) ? "transition" : "deletion",
    );
    if (!short) return;
    const how = next
      ? `${names.transitions}[${next.index}] moves them on after ${next.afterDays} days`
      : retain === 0
        ? `they are deleted after ${expire} days (${names.expireAfterDays} ${expire})`
        : colderKept
          ? `they expire after ${expire} days (${names.expireAfterDays} ${expire}) and ${names.transitions}[${colderKept.index}] moves the kept version on ${colderKept.afterDays} days later`
          : `they expire after ${expire} days (${names.expireAfterDays} ${expire}) and are deleted ${retain} days later (${names.retainDeletedExportsDays} ${retain})`;
    warnings.push(
      `${names.transitions}[${t.index}] moves exports to ${t.storageClass} after ${t.afterDays} days and ${how}, so they may spend as little as ${short.stored} days ${short.counted}; ${short.billed}.`,
    );
  });

  const replaced = written + 1;
  kept.forEach((t, i) => {
    const next = kept[i + 1];
    const short = shortfall(
      t,
      dueDay(replaced, t.afterDays),
      dueDay(replaced, next ? next.afterDays : retain),
      next ? "transition" : "deletion",
    );
    if (!short) return;
    const how = next
      ? `${names.transitions}[${next.index}] moves them on ${next.afterDays} days after it`
      : `they are deleted ${retain} days after it (${names.retainDeletedExportsDays} ${retain})`;
    warnings.push(
      `${names.transitions}[${t.index}] moves kept versions of deleted and replaced exports to ${t.storageClass} ${t.afterDays} days after the deletion or replacement and ${how}, so an export replaced the day after it was written (as a nightly export is) may spend as little as ${short.stored} days ${short.counted}; ${short.billed}.`,
    );
  });
  return warnings;
}
