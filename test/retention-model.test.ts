// The OSS bucket model on its own (src/retention/oss-bucket.ts), rule by rule (R1-R12, A1-A5 in its
// header), each at the day it acts and the day before, and the runs' shortcut against runs without it.
// Plain values only: no stack, no framework.
import * as fc from "fast-check";
import {
  dueDay,
  LifecycleRule,
  ObjectVersion,
  SimulatedBucket,
  Versioning,
} from "../src/retention/oss-bucket";

const rule = (overrides: Partial<LifecycleRule>): LifecycleRule => ({
  id: "r",
  prefix: "",
  expiredObjectDeleteMarker: false,
  transitions: [],
  noncurrentTransitions: [],
  ...overrides,
});

/** Each version as `key versionId class current|noncurrent` (markers as `marker`), newest first. */
const listing = (bucket: SimulatedBucket): string[] =>
  bucket.versions().map((v: ObjectVersion) => {
    const what = v.deleteMarker ? "marker" : v.storageClass;
    return `${v.key} ${v.versionId} ${what} ${v.noncurrentSinceDay === undefined ? "current" : `noncurrent since ${v.noncurrentSinceDay}`}`;
  });

describe("requests (R1-R3, A5)", () => {
  test("R1 unversioned: a delete is for good, a write replaces the object", () => {
    const bucket = new SimulatedBucket(Versioning.UNVERSIONED, []);
    bucket.write("a");
    bucket.write("b");
    bucket.advanceTo(1);
    bucket.write("a");
    bucket.delete("b");
    bucket.delete("never-written");
    expect(listing(bucket)).toEqual(["a null Standard current"]);
    expect(bucket.versions()[0].lastModifiedDay).toBe(1);
  });

  test("R2 enabled: a write keeps the former version, a delete inserts a marker over it", () => {
    const bucket = new SimulatedBucket(Versioning.ENABLED, []);
    bucket.write("a");
    bucket.advanceTo(2);
    bucket.write("a");
    bucket.advanceTo(3);
    bucket.delete("a");
    expect(listing(bucket)).toEqual([
      "a v3 marker current",
      "a v2 Standard noncurrent since 3",
      "a v1 Standard noncurrent since 2",
    ]);
  });

  test("A5 enabled: deleting a key that was never written still inserts a marker", () => {
    const bucket = new SimulatedBucket(Versioning.ENABLED, []);
    bucket.delete("ghost");
    expect(listing(bucket)).toEqual(["ghost v1 marker current"]);
  });

  test("R3 suspended: new versions and markers take the null ID and replace the null version", () => {
    const bucket = new SimulatedBucket(Versioning.SUSPENDED, []);
    bucket.write("a");
    bucket.write("a");
    expect(listing(bucket)).toEqual(["a null Standard current"]);
    bucket.delete("a");
    expect(listing(bucket)).toEqual(["a null marker current"]);
    expect(bucket.events.at(-1)).toEqual({
      kind: "delete",
      day: 0,
      key: "a",
      markerId: "null",
      removed: ["null"],
    });
  });

  test("time only moves forward", () => {
    const bucket = new SimulatedBucket(Versioning.ENABLED, []);
    bucket.advanceTo(5);
    expect(() => bucket.advanceTo(4)).toThrow(/time only moves forward: the bucket is at day 5, asked for 4/);
  });
});

describe("days count from the midnight after the event (R4, R6, A1)", () => {
  test("dueDay: an event during day d with N days is due at the run of day d + N + 1", () => {
    expect(dueDay(0, 30)).toBe(31);
    expect(dueDay(10, 0)).toBe(11);
  });

  test("R4 Expiration in an unversioned bucket: there through day 3, gone at day 4's run", () => {
    const bucket = new SimulatedBucket(Versioning.UNVERSIONED, [rule({ expirationDays: 3 })]);
    bucket.write("a");
    bucket.advanceTo(3);
    expect(listing(bucket)).toEqual(["a null Standard current"]);
    bucket.advanceTo(4);
    expect(listing(bucket)).toEqual([]);
    expect(bucket.events.at(-1)).toEqual({
      kind: "expire",
      day: 4,
      key: "a",
      versionId: "null",
      permanent: true,
    });
  });

  test("R5, A3 Expiration in a versioned bucket inserts a marker, once, and the marker itself never expires", () => {
    const bucket = new SimulatedBucket(Versioning.ENABLED, [rule({ expirationDays: 1 })]);
    bucket.write("a");
    bucket.advanceTo(30);
    expect(listing(bucket)).toEqual(["a v2 marker current", "a v1 Standard noncurrent since 2"]);
  });

  test("R6 NoncurrentVersionExpiration counts from the replacement, not the write", () => {
    const bucket = new SimulatedBucket(Versioning.ENABLED, [rule({ noncurrentExpirationDays: 5 })]);
    bucket.write("a");
    bucket.advanceTo(10);
    bucket.write("a");
    bucket.advanceTo(15);
    expect(listing(bucket)).toEqual(["a v2 Standard current", "a v1 Standard noncurrent since 10"]);
    bucket.advanceTo(16);
    expect(listing(bucket)).toEqual(["a v2 Standard current"]);
  });

  test("R7 NoncurrentVersionExpiration removes delete markers that are previous versions too", () => {
    const bucket = new SimulatedBucket(Versioning.ENABLED, [rule({ noncurrentExpirationDays: 1 })]);
    bucket.write("a");
    bucket.delete("a");
    bucket.write("a");
    expect(listing(bucket)).toEqual([
      "a v3 Standard current",
      "a v2 marker noncurrent since 0",
      "a v1 Standard noncurrent since 0",
    ]);
    bucket.advanceTo(2);
    expect(listing(bucket)).toEqual(["a v3 Standard current"]);
  });
});

describe("expired delete markers (R8, A2)", () => {
  const rules = [rule({ noncurrentExpirationDays: 2, expiredObjectDeleteMarker: true })];

  test("the marker goes at the run after the one that removed the last version behind it", () => {
    const bucket = new SimulatedBucket(Versioning.ENABLED, rules);
    bucket.write("a");
    bucket.delete("a");
    bucket.advanceTo(2);
    expect(listing(bucket)).toEqual(["a v2 marker current", "a v1 Standard noncurrent since 0"]);
    bucket.advanceTo(3);
    expect(listing(bucket)).toEqual(["a v2 marker current"]);
    bucket.advanceTo(4);
    expect(listing(bucket)).toEqual([]);
    expect(bucket.empty).toBe(true);
  });

  test("without ExpiredObjectDeleteMarker the lone marker stays", () => {
    const bucket = new SimulatedBucket(Versioning.ENABLED, [rule({ noncurrentExpirationDays: 2 })]);
    bucket.write("a");
    bucket.delete("a");
    bucket.advanceTo(100);
    expect(listing(bucket)).toEqual(["a v2 marker current"]);
  });

  test("a marker with a version behind it is not expired", () => {
    const bucket = new SimulatedBucket(Versioning.ENABLED, [rule({ expiredObjectDeleteMarker: true })]);
    bucket.write("a");
    bucket.delete("a");
    bucket.advanceTo(100);
    expect(listing(bucket)).toEqual(["a v2 marker current", "a v1 Standard noncurrent since 0"]);
  });
});

describe("storage classes (R9, R10, A4)", () => {
  test("transitions go colder only; the coldest one due wins", () => {
    const bucket = new SimulatedBucket(Versioning.UNVERSIONED, [
      rule({
        transitions: [
          { days: 10, storageClass: "IA" },
          { days: 20, storageClass: "Archive" },
        ],
      }),
      rule({ id: "late", transitions: [{ days: 5, storageClass: "IA" }] }),
    ]);
    bucket.write("a");
    bucket.advanceTo(5);
    expect(bucket.versions()[0].storageClass).toBe("Standard");
    bucket.advanceTo(6);
    expect(bucket.versions()[0].storageClass).toBe("IA");
    bucket.advanceTo(21);
    expect(bucket.versions()[0].storageClass).toBe("Archive");
    expect(bucket.events.filter((e) => e.kind === "transition").map((e) => e.day)).toEqual([6, 21]);
  });

  test("when two rules' transitions fall due on one run, the version goes straight to the coldest", () => {
    const bucket = new SimulatedBucket(Versioning.UNVERSIONED, [
      rule({ transitions: [{ days: 5, storageClass: "IA" }] }),
      rule({ id: "other", transitions: [{ days: 5, storageClass: "ColdArchive" }] }),
    ]);
    bucket.write("a");
    bucket.advanceTo(10);
    expect(bucket.events.filter((e) => e.kind === "transition")).toEqual([
      {
        kind: "transition",
        day: 6,
        key: "a",
        versionId: "null",
        from: "Standard",
        to: "ColdArchive",
        noncurrent: false,
      },
    ]);
  });

  test("a deletion due on the same run wins over a transition", () => {
    const bucket = new SimulatedBucket(Versioning.UNVERSIONED, [
      rule({ expirationDays: 7, transitions: [{ days: 7, storageClass: "IA" }] }),
    ]);
    bucket.write("a");
    bucket.advanceTo(8);
    expect(bucket.events.map((e) => e.kind)).toEqual(["write", "expire"]);
  });

  test("noncurrent transitions count from the replacement and skip a class the version has passed", () => {
    const bucket = new SimulatedBucket(Versioning.ENABLED, [
      rule({
        transitions: [{ days: 2, storageClass: "Archive" }],
        noncurrentTransitions: [{ days: 1, storageClass: "IA" }],
      }),
    ]);
    bucket.write("old");
    bucket.write("young");
    bucket.advanceTo(3);
    expect(listing(bucket)).toEqual(["old v1 Archive current", "young v2 Archive current"]);
    bucket.write("old");
    bucket.advanceTo(10);
    // Archive is colder than IA: the kept version stays where it is.
    expect(listing(bucket)).toEqual([
      "old v3 Archive current",
      "old v1 Archive noncurrent since 3",
      "young v2 Archive current",
    ]);
  });

  test("R10, A6 leaving a class before its billed minimum has surely passed is recorded, at the limit it is not", () => {
    const bucket = new SimulatedBucket(Versioning.UNVERSIONED, [
      rule({ transitions: [{ days: 0, storageClass: "ColdArchive" }] }),
    ]);
    bucket.write("short");
    bucket.write("long");
    bucket.advanceTo(1); // both move to Cold Archive at day 1's run, which may act at any time of day 1
    bucket.advanceTo(181);
    bucket.delete("short"); // during day 181: 179 whole days surely in Cold Archive
    bucket.advanceTo(182);
    bucket.delete("long"); // 180 days
    expect(bucket.earlyLeaves).toEqual([
      {
        day: 181,
        key: "short",
        versionId: "null",
        storageClass: "ColdArchive",
        storedDays: 179,
        minimumDays: 180,
        cause: "deletion",
        billing: "billed",
      },
    ]);
  });

  test("R10 IA and Archive count their minimum from the write, across a transition", () => {
    const bucket = new SimulatedBucket(Versioning.UNVERSIONED, [
      rule({
        transitions: [
          { days: 9, storageClass: "IA" },
          { days: 28, storageClass: "Archive" },
        ],
      }),
    ]);
    bucket.write("a");
    bucket.advanceTo(29); // Archive at day 29's run
    bucket.delete("a"); // during day 29, 28 whole days surely after the write during day 0
    expect(bucket.earlyLeaves.map((l) => [l.storageClass, l.storedDays, l.cause, l.billing])).toEqual([
      ["IA", 28, "transition", "disputed"],
      ["Archive", 28, "deletion", "billed"],
    ]);
  });

  test("R10 a lifecycle move out of IA or Archive is disputed, out of Cold Archive billed", () => {
    const bucket = new SimulatedBucket(Versioning.UNVERSIONED, [
      rule({
        transitions: [
          { days: 1, storageClass: "Archive" },
          { days: 2, storageClass: "ColdArchive" },
          { days: 3, storageClass: "DeepColdArchive" },
        ],
      }),
    ]);
    bucket.write("a");
    bucket.advanceTo(4);
    expect(listing(bucket)).toEqual(["a null DeepColdArchive current"]);
    expect(
      bucket.earlyLeaves.map((l) => `${l.storageClass} ${l.storedDays}/${l.minimumDays} ${l.billing}`),
    ).toEqual(["Archive 2/60 disputed", "ColdArchive 0/180 billed"]);
  });

  test("A6 a 29-day expiration may leave IA early, a 30-day one does not", () => {
    // Written during day 0 (as late as 23:59), expired by the run of day 30 (as early as 00:00): 29 days
    // and a minute, short of IA's 30.
    const leaves = (expirationDays: number) => {
      const bucket = new SimulatedBucket(Versioning.UNVERSIONED, [
        rule({ transitions: [{ days: 1, storageClass: "IA" }], expirationDays }),
      ]);
      bucket.write("a");
      bucket.advanceTo(400);
      expect(bucket.versions()).toEqual([]);
      return bucket.earlyLeaves.map((l) => `${l.storageClass} ${l.storedDays}/${l.minimumDays} day ${l.day}`);
    };
    expect(leaves(29)).toEqual(["IA 29/30 day 30"]);
    expect(leaves(30)).toEqual([]);
  });
});

describe("rules and the bucket (R11, R12)", () => {
  test("R11 a rule acts only on keys that start with its prefix", () => {
    const bucket = new SimulatedBucket(Versioning.UNVERSIONED, [
      rule({ prefix: "logs/", expirationDays: 1 }),
    ]);
    bucket.write("logs/a");
    bucket.write("images/a");
    bucket.advanceTo(5);
    expect(listing(bucket)).toEqual(["images/a null Standard current"]);
  });

  test("R12 a bucket holding a version or a marker can't be deleted, unless forced", () => {
    const bucket = new SimulatedBucket(Versioning.ENABLED, []);
    bucket.write("a");
    bucket.delete("a");
    expect(bucket.deleteBucket(false)).toEqual({ deleted: false, versions: 2 });
    expect(bucket.deleteBucket(true)).toEqual({ deleted: true, versions: 2 });
    expect(bucket.empty).toBe(true);
    expect(new SimulatedBucket(Versioning.ENABLED, []).deleteBucket(false)).toEqual({
      deleted: true,
      versions: 0,
    });
  });
});

describe("runs pass over keys with nothing due, and that changes nothing", () => {
  const classes = ["IA", "Archive", "ColdArchive", "DeepColdArchive"];
  const transitions = fc.array(
    fc.record({ days: fc.integer({ min: 0, max: 6 }), storageClass: fc.constantFrom(...classes) }),
    { maxLength: 3 },
  );
  const days = fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined });
  const rules = fc.array(
    fc.record({
      prefix: fc.constantFrom("", "a", "b"),
      expirationDays: days,
      expiredObjectDeleteMarker: fc.boolean(),
      transitions,
      noncurrentExpirationDays: days,
      noncurrentTransitions: transitions,
    }),
    { maxLength: 2 },
  );
  const step = fc.oneof(
    fc.record({ op: fc.constant("write" as const), key: fc.constantFrom("a1", "a2", "b1") }),
    fc.record({ op: fc.constant("delete" as const), key: fc.constantFrom("a1", "a2", "b1") }),
    fc.record({ op: fc.constant("days" as const), days: fc.integer({ min: 1, max: 5 }) }),
  );

  test("the same versions, events and early leaves as runs that look at every version", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(Versioning.UNVERSIONED, Versioning.ENABLED, Versioning.SUSPENDED),
        rules,
        fc.array(step, { maxLength: 40 }),
        (versioning, generated, steps) => {
          const ruleList = generated.map((r, i) => rule({ ...r, id: `r${i}` }));
          const buckets = [true, false].map((skip) => new SimulatedBucket(versioning, ruleList, skip));
          for (const s of steps) {
            for (const bucket of buckets) {
              if (s.op === "write") bucket.write(s.key);
              else if (s.op === "delete") bucket.delete(s.key);
              else bucket.advanceTo(bucket.today + s.days);
            }
          }
          for (const bucket of buckets) bucket.advanceTo(bucket.today + 20);
          expect(buckets[0].versions()).toEqual(buckets[1].versions());
          expect(buckets[0].events).toEqual(buckets[1].events);
          expect(buckets[0].earlyLeaves).toEqual(buckets[1].earlyLeaves);
        },
      ),
      { numRuns: 300 },
    );
  });
});
