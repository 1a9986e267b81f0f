// What a planned change means for exported files, in words. The facts come from the provider's source and
// OSS's documented behaviour (schema/PROVENANCE-style notes in the README's "What happens to exported
// files"): an export's destroy deletes `<oss_prefix>_<image_id>_system.raw.tar.gz` from its bucket, and
// nothing else; a versioned bucket keeps a deleted file as a noncurrent version until its lifecycle rule
// removes it; a bucket's destroy fails while anything is left in it, unless `force_destroy` is set, in
// which case the provider deletes every object, version and delete marker first. Values are read from the
// configuration that was applied (the "before" side); what only Terraform knows reads "…".
import { blocksOf, Body, Config, ConfigBlock, isLiteral, referenceOf, rendered } from "./config";

/** What a planned change does, as the diff names it. */
export type DiffAction = "create" | "update" | "replace" | "delete" | "move" | "no-op";

const first = (value: unknown): Body | undefined => {
  const item = Array.isArray(value) ? value[0] : value;
  return typeof item === "object" && item !== null ? (item as Body) : undefined;
};

const list = (value: unknown): Body[] =>
  Array.isArray(value) ? value.filter((v): v is Body => typeof v === "object" && v !== null) : [];

/** The bucket a value refers to (`${alicloud_oss_bucket.B.bucket}` or `.id`), in a configuration. */
function managedBucket(config: Config, value: unknown): ConfigBlock | undefined {
  const reference = referenceOf(value);
  if (
    !reference ||
    reference.type !== "alicloud_oss_bucket" ||
    !["bucket", "id"].includes(reference.attribute)
  ) {
    return undefined;
  }
  return blocksOf(config).get(reference.address);
}

/** Whether a bucket of the configuration is versioned (its own `versioning` block or an alicloud_oss_bucket_versioning). */
function versioned(config: Config, bucket: ConfigBlock): boolean {
  if (first(bucket.body.versioning)?.status === "Enabled") return true;
  return [...blocksOf(config).values()].some(
    (block) =>
      block.type === "alicloud_oss_bucket_versioning" &&
      block.mode === "managed" &&
      managedBucket(config, block.body.bucket)?.address === bucket.address &&
      block.body.status === "Enabled",
  );
}

/**
 * How many days the bucket's lifecycle rules keep a noncurrent version of `key` (the shortest, over the
 * enabled rules whose prefix the key starts with), or undefined when none expires them.
 */
export function noncurrentDays(bucket: Body, key: string): number | undefined {
  const days = list(bucket.lifecycle_rule)
    .filter((rule) => rule.enabled !== false)
    .filter((rule) => typeof rule.prefix !== "string" || rule.prefix === "" || key.startsWith(rule.prefix))
    .flatMap((rule) => list(rule.noncurrent_version_expiration).map((e) => e.days))
    .filter((d): d is number => typeof d === "number");
  return days.length === 0 ? undefined : Math.min(...days);
}

/** The object key an export's destroy deletes: `<oss_prefix>_<image_id>_system.raw.tar.gz`. */
export function exportKey(body: Body, config?: Config): string {
  return `${rendered(body.oss_prefix ?? "", config)}_${rendered(body.image_id, config)}_system.raw.tar.gz`;
}

/** What destroying an export (a replacement destroys first) does to its file. */
function exportDestroyed(config: Config, body: Body): string {
  const key = exportKey(body, config);
  const bucket = managedBucket(config, body.oss_bucket);
  const where = `deletes \`${key}\` from \`${rendered(body.oss_bucket, config)}\``;
  if (bucket === undefined) {
    return `${where}; whether it can be restored depends on that bucket's versioning, which this stack does not manage`;
  }
  if (!versioned(config, bucket)) return `${where}; deleted for good (the bucket is not versioned)`;
  const days = noncurrentDays(bucket.body, key);
  return days === undefined
    ? `${where}; kept as a noncurrent version until someone deletes it`
    : `${where}; kept ${days} day${days === 1 ? "" : "s"} as a noncurrent version`;
}

/** What destroying a bucket (a replacement destroys first) does to the exports in it. */
function bucketDestroyed(body: Body): string {
  if (body.force_destroy === true) return "every export in the bucket is deleted, kept versions too";
  if (!isLiteral(body.force_destroy)) {
    return `force_destroy is \`${rendered(body.force_destroy)}\`: with it every export in the bucket is deleted, kept versions too; without it the destroy fails while the bucket holds any file`;
  }
  return "without force_destroy the destroy fails while the bucket holds any file (kept versions and delete markers count), and the apply stops there";
}

/** The arguments of a change, for the sentences below. */
export interface ChangeFacts {
  readonly type: string;
  readonly action: DiffAction;
  /** The construct path (`Export/Resource`). */
  readonly path: string;
  /** The block's body in the configuration applied before (undefined for a create). */
  readonly before?: Body;
  /** The block's body in the configuration after (undefined for a delete). */
  readonly after?: Body;
  /** Top-level arguments an update changes. */
  readonly changed: readonly string[];
}

/**
 * What the change means for exported files, as sentences: "replaces `Export/Resource`: deletes
 * `nightly_m-…_system.raw.tar.gz` from `image-export-…`; kept 30 days as a noncurrent version".
 * Empty when it means nothing for them.
 */
export function consequences(before: Config, change: ChangeFacts): string[] {
  const verb = change.action === "replace" ? "replaces" : "destroys";
  const destroys = change.action === "replace" || change.action === "delete";
  const subject = `${verb} \`${change.path}\``;
  switch (change.type) {
    case "alicloud_image_export":
      return destroys && change.before ? [`${subject}: ${exportDestroyed(before, change.before)}`] : [];
    case "alicloud_oss_bucket": {
      if (destroys && change.before) {
        const force = change.before.force_destroy === true ? " with `force_destroy`" : "";
        return [`${subject}${force}: ${bucketDestroyed(change.before)}`];
      }
      if (change.action === "update" && change.before && change.after) {
        const [was, now] = [noncurrentDays(change.before, ""), noncurrentDays(change.after, "")];
        if (was !== now) {
          const days = (d: number | undefined) =>
            d === undefined ? "until someone deletes them" : `${d} days`;
          return [
            `updates \`${change.path}\` in place: deleted exports are now kept ${days(now)} (were ${days(was)})`,
          ];
        }
      }
      return [];
    }
    case "alicloud_oss_bucket_versioning":
      return change.action === "delete"
        ? [
            `${subject}: OSS does not turn versioning off, it suspends it: exports deleted from now on are gone for good; versions kept so far stay`,
          ]
        : [];
    case "alicloud_image":
      if (
        change.action === "update" &&
        change.changed.length > 0 &&
        change.changed.every((a) => a === "instance_id")
      ) {
        return [
          `updates \`${change.path}\` in place, which changes nothing in the cloud: the image, and what is exported from it, stay those of the old instance`,
        ];
      }
      return [];
    default:
      return [];
  }
}
