// A model of one OSS bucket over time: its object versions, what requests do to them, and what the
// daily lifecycle run does. It is written from OSS's documentation, rule by rule; each rule below has its
// source, and the code names the rule it follows ("R3"). Where the documentation leaves something open,
// the model makes a choice and says so ("A1"). It knows nothing about Terraform or the constructs: the
// replay (replay.ts) drives it with the requests the provider and ECS make.
//
// Time is counted in whole UTC days (day 0, 1, ...). A request happens "during" a day; the lifecycle run
// of day d happens at 00:00 UTC, before any request of day d.
//
// Rules, from Alibaba Cloud's OSS documentation:
// R1  Unversioned buckets: a delete removes the object for good; writing a key replaces the object.
//     (https://www.alibabacloud.com/help/en/oss/user-guide/overview-54/ : "Deleted objects in unversioned
//     buckets cannot be recovered.")
// R2  Versioning-enabled buckets: a write adds a new current version; the former current version becomes
//     a previous (noncurrent) version. A delete without a version ID inserts a delete marker, which
//     becomes the current version, and keeps the former current version as a previous version.
//     (https://www.alibabacloud.com/help/en/oss/user-guide/configure-lifecycle-rules-to-manage-object-versions ,
//     "Key concepts")
// R3  Versioning-suspended buckets: a write or a delete makes a version (or delete marker) whose ID is
//     null, which replaces the key's existing null version; versions with real IDs stay as they are.
//     (same page, "Expiration policy for current versions", for the delete marker; the write follows the
//     same null-version rule)
// R4  Expiration and Transition (Days) count from the object's last modified time, rounded up to the
//     next 00:00 UTC; the object is due N days after that, and the daily run acts on it within the day
//     after it is due. (https://alibabacloud.com/help/en/oss/user-guide/the-reason-why-objects-in-a-bucket-are-not-deleted-or-why-the-storage-class-of-the-objects-is-not-converted ;
//     the run starts at 00:00 UTC: https://www.alibabacloud.com/help/tc/oss/overview-54)
// R5  In a versioned bucket, Expiration on a current version inserts a delete marker and keeps the
//     version as a previous version; in a suspended bucket the marker has the null ID and replaces the
//     null version. In an unversioned bucket it deletes the object. (configure-lifecycle-rules-to-manage-
//     object-versions, "Expiration policy for current versions"; overview-54)
// R6  NoncurrentVersionExpiration and NoncurrentVersionTransition count NoncurrentDays from the time the
//     version became a previous version ("The object expires 90 days after it is converted to a previous
//     version and is deleted on the second day after expiration"), with the same rounding as R4.
//     (configure-lifecycle-rules-to-manage-object-versions)
// R7  NoncurrentVersionExpiration deletes previous versions for good, and delete markers that are previous
//     versions with them. (https://www.alibabacloud.com/help/doc-detail/326319.htm)
// R8  ExpiredObjectDeleteMarker removes an "expired delete marker": a delete marker with no previous
//     versions left behind it. One expiration takes either Days or ExpiredObjectDeleteMarker, not both.
//     (configure-lifecycle-rules-to-manage-object-versions, "Key concepts"; the provider's
//     lifecycle_rule.expiration documents the exclusivity)
// R9  Lifecycle rules move objects only to colder classes: Standard -> IA -> Archive -> ColdArchive ->
//     DeepColdArchive, and never back. (https://www.alibabacloud.com/help/en/oss/user-guide/overview-54/ :
//     "The storage class of an object cannot be reverted after it is converted"; "Convert storage classes",
//     https://www.alibabacloud.com/help/ja/oss/convert-storage-classes)
// R10 Minimum storage durations: IA 30 and Archive 60 days from the last modified time, Cold Archive and
//     Deep Cold Archive 180 days from the conversion; leaving earlier is billed as if the object had
//     stayed. A conversion keeps the object's last modified time (the IA/Archive minimums count from it
//     even after a conversion). (storage-classes.ts has the figures and the source; A6 says how the
//     model counts the days.) The documents disagree on a lifecycle rule's move out of IA or Archive:
//     the page on lifecycle fees bills converting "within the minimum storage duration"
//     (https://www.alibabacloud.com/help/en/oss/user-guide/fees-related-to-lifecycle-rules), the
//     lifecycle FAQ says such conversions have "no limits to the minimum storage period"
//     (https://www.alibabacloud.com/help/doc-detail/118308.htm). The model records such a move, marked
//     as disputed: it may be billed. A deletion, or a move out of Cold Archive, is billed by both.
// R11 A rule applies to the objects whose names start with its prefix; only enabled rules act.
//     (https://www.alibabacloud.com/help/en/object-storage-service/latest/configuration-elements)
// R12 A bucket can be deleted only when it holds no object: in a versioned bucket, no current and no
//     previous version (a delete marker is a version too). The provider's force_destroy deletes every
//     object version and delete marker first. (https://alibabacloud.com/help/en/oss/developer-reference/delete-a-bucket-2 ;
//     the provider's alicloud_oss_bucket force_destroy argument)
//
// Choices where the documentation is silent (each the cautious one for "is my backup still there?", and
// A6 for "is this billed?"):
// A1  The run acts at the earliest moment R4/R6 allow: at 00:00 UTC of the due day. OSS may act later:
//     R4's page says within the day after, and its own example there (a file modified on October 27
//     under a 30-day rule expires at 00:00 on November 28 and is deleted by November 29, where N days
//     from the midnight after the write give November 27) is up to two days after the model. So a real
//     bucket keeps a version at least as long as the model says, never shorter, and up to two days
//     longer.
// A2  An expired delete marker is removed by the first run that starts with it alone, so a marker left
//     alone by one run's NoncurrentVersionExpiration goes in the next run.
// A3  Expiration (Days) does nothing to a current delete marker: only an object version can expire.
// A4  When several transitions are due on one run, the version goes straight to the coldest; a deletion
//     due on the same run wins over any transition.
// A5  A delete without a version ID inserts a delete marker even when the key has no version yet (R2
//     says a delete inserts one, with no exception).
// A6  The billed minimum (R10) counts only the days surely stored. The model knows days, not hours: a
//     write lands at some time of its day and a run may act at any time of its day, so between
//     something during day a and a leave during day b only b - a - 1 whole days have surely passed. A
//     file written during day 0 and deleted by a 29-day expiration (the run of day 30) may have stayed
//     29 days and an hour, so it is recorded as leaving IA early; one deleted by a 30-day expiration is
//     not. The synth warnings count the same way (storage-classes.ts, minimumShortfall).
import { classRank, dueDay, minimumShortfall, STANDARD } from "./storage-classes";

export { dueDay };

/** Whether, and how, the bucket keeps versions. */
export enum Versioning {
  /** Never versioned: deletes are permanent (R1). */
  UNVERSIONED = "Unversioned",
  /** Versioning enabled: deletes insert delete markers (R2). */
  ENABLED = "Enabled",
  /** Versioning suspended: new versions and markers have the null ID (R3). */
  SUSPENDED = "Suspended",
}

/** A move to a colder class, a number of days after the version's clock started (R4, R6). */
export interface TransitionAction {
  readonly days: number;
  readonly storageClass: string;
}

/** One enabled lifecycle rule, as the bucket's configuration states it. */
export interface LifecycleRule {
  readonly id: string;
  /** Object names the rule applies to start with this (R11); "" for the whole bucket. */
  readonly prefix: string;
  readonly expirationDays?: number;
  readonly expiredObjectDeleteMarker: boolean;
  readonly transitions: readonly TransitionAction[];
  readonly noncurrentExpirationDays?: number;
  readonly noncurrentTransitions: readonly TransitionAction[];
}

/** One version of an object, or a delete marker, as the bucket holds it. */
export interface ObjectVersion {
  readonly key: string;
  /** `v1`, `v2`, ... in the order the bucket made them; `null` in unversioned and suspended buckets. */
  readonly versionId: string;
  readonly deleteMarker: boolean;
  /** Undefined for a delete marker. */
  readonly storageClass?: string;
  /** The day it was written (its last modified time). */
  readonly lastModifiedDay: number;
  /** The day it stopped being the current version; undefined while it is current. */
  readonly noncurrentSinceDay?: number;
  /** The day it entered its storage class (its write, or the conversion). */
  readonly classSinceDay: number;
}

/** What happened to an object version, by a request or by the lifecycle run. */
export type BucketEvent =
  | { readonly kind: "write"; readonly day: number; readonly key: string; readonly versionId: string }
  | {
      readonly kind: "delete";
      readonly day: number;
      readonly key: string;
      /** The delete marker it inserted, when the bucket keeps versions. */
      readonly markerId?: string;
      /** Versions removed for good (unversioned: the object; suspended: the null version). */
      readonly removed: readonly string[];
    }
  | {
      readonly kind: "expire";
      readonly day: number;
      readonly key: string;
      readonly versionId: string;
      readonly markerId?: string;
      readonly permanent: boolean;
    }
  | {
      readonly kind: "transition";
      readonly day: number;
      readonly key: string;
      readonly versionId: string;
      readonly from: string;
      readonly to: string;
      readonly noncurrent: boolean;
    }
  | {
      readonly kind: "expireNoncurrent";
      readonly day: number;
      readonly key: string;
      readonly versionId: string;
    }
  | {
      readonly kind: "removeDeleteMarker";
      readonly day: number;
      readonly key: string;
      readonly versionId: string;
    };

/** A version that left a class before its minimum storage duration had surely passed (R10, A6). */
export interface EarlyLeave {
  readonly day: number;
  readonly key: string;
  readonly versionId: string;
  readonly storageClass: string;
  /**
   * Whole days it had surely spent when it left, counted as the minimum counts them (from its write, or
   * from its move into the class): the day it left, less the day the count started, less one (A6).
   */
  readonly storedDays: number;
  readonly minimumDays: number;
  readonly cause: "transition" | "deletion";
  /** `disputed` for a lifecycle move out of IA or Archive, which OSS's documents disagree on (R10). */
  readonly billing: "billed" | "disputed";
}

/** The actions of every rule that matches one key. */
interface MergedRules {
  readonly expirationDays?: number;
  readonly expiredObjectDeleteMarker: boolean;
  readonly transitions: readonly TransitionAction[];
  readonly noncurrentExpirationDays?: number;
  readonly noncurrentTransitions: readonly TransitionAction[];
}

interface MutableVersion {
  readonly key: string;
  readonly versionId: string;
  readonly deleteMarker: boolean;
  storageClass?: string;
  readonly lastModifiedDay: number;
  noncurrentSinceDay?: number;
  classSinceDay: number;
}

/** One OSS bucket: requests change it at once, the lifecycle runs as days pass. */
export class SimulatedBucket {
  /** Everything that happened, in order. */
  public readonly events: BucketEvent[] = [];
  /** Every version that left a class before its billed minimum (R10). */
  public readonly earlyLeaves: EarlyLeave[] = [];

  private readonly objects = new Map<string, MutableVersion[]>(); // newest first
  /** Per key, the first run that may act on it (see scheduleKey). */
  private readonly nextDue = new Map<string, number>();
  private readonly merged = new Map<string, MergedRules | undefined>();
  private nextVersion = 1;
  private day = 0;

  /**
   * @param skipIdleKeys let each run pass over keys with nothing due (see scheduleKey); off, every run
   *   looks at every version, which the tests use to check that the shortcut changes nothing.
   */
  constructor(
    public readonly versioning: Versioning,
    public readonly rules: readonly LifecycleRule[],
    private readonly skipIdleKeys = true,
  ) {}

  /** The current day: requests happen during it; its lifecycle run has happened. */
  public get today(): number {
    return this.day;
  }

  /** Lets days pass up to `day`, running the lifecycle at the start of each. */
  public advanceTo(day: number): void {
    if (!Number.isInteger(day) || day < this.day) {
      throw new RangeError(`time only moves forward: the bucket is at day ${this.day}, asked for ${day}`);
    }
    while (this.day < day) {
      this.day++;
      this.runLifecycle(this.day);
    }
  }

  /** PutObject: writes `key` during today (R1, R2, R3); returns the new version's ID. */
  public write(key: string): string {
    const versions = this.objects.get(key) ?? [];
    const day = this.day;
    const version: MutableVersion = {
      key,
      versionId: this.versioning === Versioning.ENABLED ? `v${this.nextVersion++}` : "null",
      deleteMarker: false,
      storageClass: STANDARD,
      lastModifiedDay: day,
      classSinceDay: day,
    };
    if (this.versioning === Versioning.UNVERSIONED) {
      for (const old of versions) this.leaveClass(old, day, "deletion");
      this.objects.set(key, [version]);
    } else {
      if (this.versioning === Versioning.SUSPENDED) this.removeNullVersion(versions, day);
      if (versions[0] && versions[0].noncurrentSinceDay === undefined) versions[0].noncurrentSinceDay = day;
      versions.unshift(version);
      this.objects.set(key, versions);
    }
    this.scheduleKey(key, this.objects.get(key) as MutableVersion[], day);
    this.events.push({ kind: "write", day, key, versionId: version.versionId });
    return version.versionId;
  }

  /** DeleteObject without a version ID, during today (R1, R2, R3, A5). */
  public delete(key: string): void {
    const versions = this.objects.get(key) ?? [];
    const day = this.day;
    if (this.versioning === Versioning.UNVERSIONED) {
      for (const old of versions) this.leaveClass(old, day, "deletion");
      this.objects.delete(key);
      this.nextDue.delete(key);
      this.events.push({ kind: "delete", day, key, removed: versions.map((v) => v.versionId) });
      return;
    }
    const removed = this.versioning === Versioning.SUSPENDED ? this.removeNullVersion(versions, day) : [];
    const markerId = this.addDeleteMarker(key, versions, day);
    this.scheduleKey(key, versions, day);
    this.events.push({ kind: "delete", day, key, markerId, removed });
  }

  /** Every version and delete marker, by key, newest first within a key. */
  public versions(): ObjectVersion[] {
    const keys = [...this.objects.keys()].sort();
    return keys.flatMap((key) => (this.objects.get(key) as MutableVersion[]).map((v) => ({ ...v })));
  }

  /** Calls `visit` with every version and delete marker, without copying (for counting each night). */
  public forEachVersion(visit: (version: ObjectVersion) => void): void {
    for (const versions of this.objects.values()) for (const v of versions) visit(v);
  }

  /** Whether the bucket holds nothing: no version, no delete marker. */
  public get empty(): boolean {
    return this.objects.size === 0;
  }

  /**
   * DeleteBucket, during today (R12): with `forceDestroy`, every version and delete marker goes first,
   * as the provider does it; without, the bucket stays while anything is left. Returns whether it went,
   * and how many versions and delete markers were left in it (or removed with it).
   */
  public deleteBucket(forceDestroy: boolean): { readonly deleted: boolean; readonly versions: number } {
    let count = 0;
    for (const versions of this.objects.values()) count += versions.length;
    if (count > 0 && !forceDestroy) return { deleted: false, versions: count };
    for (const versions of this.objects.values()) {
      for (const v of versions) this.leaveClass(v, this.day, "deletion");
    }
    this.objects.clear();
    this.nextDue.clear();
    return { deleted: true, versions: count };
  }

  /** The lifecycle run at 00:00 UTC of `day` (R4-R9, A1-A4). */
  private runLifecycle(day: number): void {
    if (this.rules.length === 0) return;
    for (const [key, versions] of this.objects) {
      // Most keys have nothing due on most days: skip them without looking at their versions.
      if (this.skipIdleKeys && (this.nextDue.get(key) ?? day) > day) continue;
      const rules = this.rulesFor(key);
      if (rules === undefined) continue;
      const aloneMarker = versions.length === 1 && versions[0].deleteMarker; // A2: alone at the start

      const current = versions[0];
      if (current.noncurrentSinceDay === undefined && !current.deleteMarker) {
        const expiration = rules.expirationDays;
        if (expiration !== undefined && dueDay(current.lastModifiedDay, expiration) <= day) {
          this.expireCurrent(key, versions, day);
        } else {
          const to = coldestDue(
            rules.transitions,
            current.lastModifiedDay,
            current.storageClass as string,
            day,
          );
          if (to !== undefined) this.transition(current, to, day, false);
        }
      }

      for (let i = versions.length - 1; i >= 0; i--) {
        const version = versions[i];
        if (version.noncurrentSinceDay === undefined) continue;
        const expiration = rules.noncurrentExpirationDays;
        if (expiration !== undefined && dueDay(version.noncurrentSinceDay, expiration) <= day) {
          this.leaveClass(version, day, "deletion");
          versions.splice(i, 1);
          this.events.push({ kind: "expireNoncurrent", day, key, versionId: version.versionId });
        } else if (!version.deleteMarker) {
          const to = coldestDue(
            rules.noncurrentTransitions,
            version.noncurrentSinceDay,
            version.storageClass as string,
            day,
          );
          if (to !== undefined) this.transition(version, to, day, true);
        }
      }

      if (aloneMarker && rules.expiredObjectDeleteMarker) {
        versions.length = 0;
        this.events.push({ kind: "removeDeleteMarker", day, key, versionId: current.versionId });
      }
      if (versions.length === 0) {
        this.objects.delete(key);
        this.nextDue.delete(key);
      } else {
        this.scheduleKey(key, versions, day);
      }
    }
  }

  /** The matching rules of a key, merged (R11); undefined when none matches. Cached per key. */
  private rulesFor(key: string): MergedRules | undefined {
    if (this.merged.has(key)) return this.merged.get(key);
    const rules = this.rules.filter((rule) => key.startsWith(rule.prefix));
    const merged: MergedRules | undefined =
      rules.length === 0
        ? undefined
        : {
            expirationDays: minimum(rules.map((r) => r.expirationDays)),
            expiredObjectDeleteMarker: rules.some((r) => r.expiredObjectDeleteMarker),
            transitions: rules.flatMap((r) => r.transitions),
            noncurrentExpirationDays: minimum(rules.map((r) => r.noncurrentExpirationDays)),
            noncurrentTransitions: rules.flatMap((r) => r.noncurrentTransitions),
          };
    this.merged.set(key, merged);
    return merged;
  }

  /**
   * Notes the first run, after `day`, that may act on a key: the earliest of its versions' due actions
   * (an expiration, or a move to a colder class), or the next run for a delete marker left alone (A2).
   * Only a shortcut: a run that finds nothing due for the key changes nothing.
   */
  private scheduleKey(key: string, versions: readonly MutableVersion[], day: number): void {
    const rules = this.rulesFor(key);
    if (rules === undefined) return;
    let next = Infinity;
    const colder = (transitions: readonly TransitionAction[], start: number, storageClass: string) => {
      const rank = classRank(storageClass);
      for (const t of transitions)
        if (classRank(t.storageClass) > rank) next = Math.min(next, dueDay(start, t.days));
    };
    for (const v of versions) {
      if (v.noncurrentSinceDay === undefined) {
        if (v.deleteMarker) continue;
        if (rules.expirationDays !== undefined)
          next = Math.min(next, dueDay(v.lastModifiedDay, rules.expirationDays));
        colder(rules.transitions, v.lastModifiedDay, v.storageClass as string);
      } else {
        if (rules.noncurrentExpirationDays !== undefined) {
          next = Math.min(next, dueDay(v.noncurrentSinceDay, rules.noncurrentExpirationDays));
        }
        if (!v.deleteMarker)
          colder(rules.noncurrentTransitions, v.noncurrentSinceDay, v.storageClass as string);
      }
    }
    if (versions.length === 1 && versions[0].deleteMarker && rules.expiredObjectDeleteMarker) next = day + 1;
    this.nextDue.set(key, Math.max(next, day + 1));
  }

  /** R5: a current version's expiration. */
  private expireCurrent(key: string, versions: MutableVersion[], day: number): void {
    const current = versions[0];
    if (this.versioning === Versioning.UNVERSIONED) {
      this.leaveClass(current, day, "deletion");
      versions.length = 0;
      this.events.push({ kind: "expire", day, key, versionId: current.versionId, permanent: true });
      return;
    }
    const removed = this.versioning === Versioning.SUSPENDED ? this.removeNullVersion(versions, day) : [];
    const markerId = this.addDeleteMarker(key, versions, day);
    this.events.push({
      kind: "expire",
      day,
      key,
      versionId: current.versionId,
      markerId,
      permanent: removed.includes(current.versionId),
    });
  }

  private addDeleteMarker(key: string, versions: MutableVersion[], day: number): string {
    if (versions[0] && versions[0].noncurrentSinceDay === undefined) versions[0].noncurrentSinceDay = day;
    const marker: MutableVersion = {
      key,
      versionId: this.versioning === Versioning.ENABLED ? `v${this.nextVersion++}` : "null",
      deleteMarker: true,
      lastModifiedDay: day,
      classSinceDay: day,
    };
    versions.unshift(marker);
    this.objects.set(key, versions);
    return marker.versionId;
  }

  /** R3: a suspended bucket's new null version replaces the old one; returns what it removed. */
  private removeNullVersion(versions: MutableVersion[], day: number): string[] {
    const index = versions.findIndex((v) => v.versionId === "null");
    if (index < 0) return [];
    this.leaveClass(versions[index], day, "deletion");
    versions.splice(index, 1);
    return ["null"];
  }

  private transition(version: MutableVersion, to: string, day: number, noncurrent: boolean): void {
    const from = version.storageClass as string;
    this.leaveClass(version, day, "transition");
    version.storageClass = to;
    version.classSinceDay = day;
    this.events.push({
      kind: "transition",
      day,
      key: version.key,
      versionId: version.versionId,
      from,
      to,
      noncurrent,
    });
  }

  /** R10, A6: records a version leaving its class before its billed minimum has surely passed. */
  private leaveClass(version: MutableVersion, day: number, cause: EarlyLeave["cause"]): void {
    if (version.deleteMarker) return;
    const storageClass = version.storageClass as string;
    const short = minimumShortfall(storageClass, version.lastModifiedDay, version.classSinceDay, day, cause);
    if (short === undefined) return;
    this.earlyLeaves.push({
      day,
      key: version.key,
      versionId: version.versionId,
      storageClass,
      storedDays: short.storedDays,
      minimumDays: short.minimumDays,
      cause,
      billing: short.billing,
    });
  }
}

function minimum(values: readonly (number | undefined)[]): number | undefined {
  let result: number | undefined;
  for (const value of values)
    if (value !== undefined && (result === undefined || value < result)) result = value;
  return result;
}

/** A4, R9: the coldest class among the transitions due by `day` that is colder than `storageClass`. */
function coldestDue(
  transitions: readonly TransitionAction[],
  startDay: number,
  storageClass: string,
  day: number,
): string | undefined {
  let best: string | undefined;
  let bestRank = classRank(storageClass);
  for (const t of transitions) {
    const rank = classRank(t.storageClass);
    if (rank > bestRank && dueDay(startDay, t.days) <= day) {
      best = t.storageClass;
      bestRank = rank;
    }
  }
  return best;
}
