// Replays what Terraform, the provider and ECS do to the buckets of one stack, in order, on the OSS model
// (oss-bucket.ts). The requests are the ones the provider's source and ECS's docs describe (the project's
// PROVENANCE notes, vendored facts in schema/README.md and src/terraform/):
// - creating an export: ECS ExportImage writes `<oss_prefix>_<image_id>_system.raw.tar.gz`, and a file per
//   data disk whose name holds `data` and the disk's mount point (ECS documents that much; the model names
//   them `<oss_prefix>_<image_id>_data_<mount point>.raw.tar.gz`);
// - destroying an export: the provider deletes exactly `<oss_prefix>_<image_id>_system.raw.tar.gz`, and
//   no data-disk file;
// - replacing an export (a new image_id, oss_bucket or oss_prefix: the resource has no Update): a destroy
//   of the old one, then a create of the new one, in that order (Terraform destroys before it creates
//   unless the configuration says create_before_destroy, which the constructs don't).
import { LifecycleRule, SimulatedBucket } from "./oss-bucket";
import { BucketInStack, ExportInStack, StackRetention } from "./stack-reader";
import { STORAGE_CLASSES } from "./storage-classes";

/** The key ECS writes an export's system disk to, and the one the provider's destroy deletes. */
export function systemDiskKey(ossPrefix: string, imageId: string): string {
  return `${ossPrefix}_${imageId}_system.raw.tar.gz`;
}

/** The key the model gives the file of an exported data disk (see above). */
export function dataDiskKey(ossPrefix: string, imageId: string, device: string): string {
  return `${ossPrefix}_${imageId}_data_${device}.raw.tar.gz`;
}

/** One request to a bucket, as the provider or ECS makes it. */
export interface ObjectRequest {
  readonly day: number;
  readonly bucket: string;
  readonly operation: "write" | "delete";
  readonly key: string;
  /** `alicloud_image_export.X` whose create (ECS) or destroy (provider) made it. */
  readonly export: string;
}

/** The stack's exports replayed against its buckets, one day at a time. */
export class RetentionReplay {
  /** Every request made so far, in order. */
  public readonly requests: ObjectRequest[] = [];
  private readonly simulated = new Map<string, SimulatedBucket>();
  private readonly exports = new Map<string, { export: ExportInStack; bucket: string }>();

  constructor(public readonly stack: StackRetention) {
    for (const bucket of stack.buckets) {
      this.simulated.set(
        bucket.name,
        new SimulatedBucket(bucket.versioning, bucket.rules as LifecycleRule[]),
      );
      for (const e of bucket.exports) this.exports.set(e.address, { export: e, bucket: bucket.name });
    }
  }

  /** The day requests happen on now. */
  public get day(): number {
    return this.bucketList()[0]?.simulated.today ?? 0;
  }

  /** Each bucket of the stack with its simulated state. */
  public bucketList(): { readonly bucket: BucketInStack; readonly simulated: SimulatedBucket }[] {
    return this.stack.buckets.map((bucket) => ({
      bucket,
      simulated: this.simulated.get(bucket.name) as SimulatedBucket,
    }));
  }

  /** Lets `days` days pass in every bucket (each day begins with its lifecycle run). */
  public passDays(days: number): void {
    const to = this.day + days;
    for (const bucket of this.simulated.values()) bucket.advanceTo(to);
  }

  /** ECS exports `imageId` for the export at `address`: writes its system-disk and data-disk files. */
  public create(address: string, imageId: string): void {
    for (const request of createRequests(this.exportAt(address).export, imageId)) this.request(request);
  }

  /** The provider destroys the export of `imageId`: deletes its system-disk file, nothing else. */
  public destroy(address: string, imageId: string): void {
    this.request(destroyRequest(this.exportAt(address).export, imageId));
  }

  /** A new image_id replaces the export: destroy, then create. */
  public replace(address: string, fromImageId: string, toImageId: string): void {
    this.destroy(address, fromImageId);
    this.create(address, toImageId);
  }

  /** Makes one request, as given, in the bucket the request's export writes to. */
  public request(request: NightRequest): void {
    const { bucket } = this.exportAt(request.export);
    const target = this.simulated.get(bucket) as SimulatedBucket;
    if (request.operation === "write") target.write(request.key);
    else target.delete(request.key);
    this.requests.push({ day: target.today, bucket, ...request });
  }

  /** Terraform destroys a bucket of the stack (R12): succeeds only when empty, or with force_destroy. */
  public destroyBucket(name: string): { readonly deleted: boolean; readonly versions: number } {
    const bucket = this.stack.buckets.find((b) => b.name === name);
    const simulated = this.simulated.get(name);
    if (!bucket || !simulated) throw new Error(`${this.stack.stack} has no bucket ${name}`);
    return simulated.deleteBucket(bucket.forceDestroy);
  }

  /** The export at `address` and the bucket it writes to. */
  public exportAt(address: string): { export: ExportInStack; bucket: string } {
    const found = this.exports.get(address);
    if (!found) throw new Error(`${this.stack.stack} has no export ${address}`);
    return found;
  }
}

/** What ECS writes when it exports `imageId` for an export: the system disk, then each data disk. */
export function createRequests(e: ExportInStack, imageId: string): NightRequest[] {
  return [
    systemDiskKey(e.ossPrefix, imageId),
    ...e.dataDiskDevices.map((device) => dataDiskKey(e.ossPrefix, imageId, device)),
  ].map((key) => ({ operation: "write", key, export: e.address }));
}

/** What the provider deletes when it destroys the export of `imageId`: the system-disk file only. */
export function destroyRequest(e: ExportInStack, imageId: string): NightRequest {
  return { operation: "delete", key: systemDiskKey(e.ossPrefix, imageId), export: e.address };
}

/** The image the replay gives an export on a night (1-based): `m-night0001`, `m-night0001e2`, ... */
export function nightlyImageId(night: number, exportIndex: number): string {
  return `m-night${String(night).padStart(4, "0")}${exportIndex > 0 ? `e${exportIndex + 1}` : ""}`;
}

/** Backups (system-disk files, current or kept) by storage class, in STORAGE_CLASSES order. */
export type ClassCounts = readonly number[];

/** A stack after one new export a night. */
export interface NightlyReplay {
  readonly nights: number;
  readonly replay: RetentionReplay;
  /** Per bucket (in stack order), the backups by class after each night's apply. */
  readonly history: readonly (readonly ClassCounts[])[];
}

/** A request without its day and bucket: what one night's apply asked of the buckets, in order. */
export interface NightRequest {
  readonly operation: "write" | "delete";
  readonly key: string;
  readonly export: string;
}

/**
 * Night 1 (day 0) creates every export; each later night, a day later, replaces each export with a new
 * image. The state is read after the last night's apply. `applied[n - 1]`, when given, holds the
 * requests something else decided for night n (real Terraform runs: see terraform-nights.ts), which the
 * replay makes on that night instead of its own.
 */
export function replayNights(
  stack: StackRetention,
  nights: number,
  applied: readonly (readonly NightRequest[])[] = [],
): NightlyReplay {
  const replay = new RetentionReplay(stack);
  const exports = stack.buckets.flatMap((b) => b.exports.map((e) => e.address));
  const history = stack.buckets.map((): ClassCounts[] => []);
  const systemKeysOf = stack.buckets.map((bucket) => bucket.exports.map((e) => `${e.ossPrefix}_`));
  for (let night = 1; night <= nights; night++) {
    if (night > 1) replay.passDays(1);
    const given = applied[night - 1];
    if (given) {
      for (const request of given) replay.request(request);
    } else {
      exports.forEach((address, index) => {
        const imageId = nightlyImageId(night, index);
        if (night === 1) replay.create(address, imageId);
        else replay.replace(address, nightlyImageId(night - 1, index), imageId);
      });
    }
    replay.bucketList().forEach(({ simulated }, b) => {
      history[b].push(countBackups(simulated, systemKeysOf[b]));
    });
  }
  return { nights, replay, history };
}

/** Backups by class: versions (not delete markers) of system-disk files written under `prefixes`. */
export function countBackups(bucket: SimulatedBucket, prefixes: readonly string[]): ClassCounts {
  const counts = STORAGE_CLASSES.map(() => 0);
  bucket.forEachVersion((v) => {
    if (v.deleteMarker || !isSystemDiskFile(v.key, prefixes)) return;
    counts[STORAGE_CLASSES.indexOf(v.storageClass as string)]++;
  });
  return counts;
}

/** Whether `key` is the system-disk file of an export written under one of `prefixes` (`nightly_`). */
export function isSystemDiskFile(key: string, prefixes: readonly string[]): boolean {
  return key.endsWith("_system.raw.tar.gz") && prefixes.some((p) => key.startsWith(p));
}
