// Reads what the lifecycle simulation needs from one synthesized stack (cdk.tf.json), never from construct
// props, so it replays what Terraform will send: each `alicloud_image_export` (its prefix, its image, the
// data disks of the instance its image is made from), the bucket it writes to, and that bucket's
// versioning, lifecycle rules and force_destroy. Values known only at apply time can't be replayed where
// they decide what happens; such a stack is refused with a message that names the value.
import { NotTerraformJsonError, readTerraformJson } from "../conformance/terraform-json";
import { isExpression, isObject, JsonObject } from "../conformance/json-values";
import { findReferences } from "../conformance/references";
import { LifecycleRule, TransitionAction, Versioning } from "./oss-bucket";
import { classRank, STANDARD } from "./storage-classes";

/** Thrown when a stack can't be replayed; the message says which value and why. */
export class RetentionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetentionInputError";
  }
}

/** One `alicloud_image_export` of the stack. */
export interface ExportInStack {
  /** `alicloud_image_export.Backup_DA3807AC`. */
  readonly address: string;
  /** The construct path below the stack (`Backup`), from cdktf's metadata, if the JSON has it. */
  readonly constructPath?: string;
  /** `oss_prefix` as written: a literal, or an expression whose text stands in for it in keys. */
  readonly ossPrefix: string;
  /** `image_id` as written. */
  readonly imageId: string;
  /** The mount points of the data disks the export writes files for (`xvdb`, ...): none unless known. */
  readonly dataDiskDevices: readonly string[];
}

/** A bucket the stack's exports write to. */
export interface BucketInStack {
  /** How output names it: the resource address, or the bucket as the exports name it. */
  readonly name: string;
  /** Whether the stack declares the bucket (and so its versioning and lifecycle). */
  readonly declared: boolean;
  readonly constructPath?: string;
  readonly versioning: Versioning;
  /** Where the versioning comes from, for output: `alicloud_oss_bucket_versioning.X`, or why none. */
  readonly versioningSource: string;
  /** The enabled lifecycle rules that can act on exported files. */
  readonly rules: readonly LifecycleRule[];
  readonly forceDestroy: boolean;
  /** Things a reader of the replay should know (rules left out, assumptions). */
  readonly notes: readonly string[];
  readonly exports: readonly ExportInStack[];
}

/** What one stack holds for the replay. */
export interface StackRetention {
  readonly stack: string;
  readonly buckets: readonly BucketInStack[];
}

const DATA_DISK_DEVICES = ["xvdb", "xvdc", "xvdd", "xvde", "xvdf", "xvdg", "xvdh", "xvdi"];

/** Reads a stack's exports and their buckets; throws RetentionInputError when it can't be replayed. */
export function readStackRetention(json: string, stackName: string): StackRetention {
  let document: JsonObject;
  try {
    document = readTerraformJson(json, `${stackName}:`);
  } catch (e) {
    if (e instanceof NotTerraformJsonError) throw new RetentionInputError(e.message);
    throw e;
  }
  if (document.resource !== undefined && !isObject(document.resource)) {
    throw new RetentionInputError(
      `${stackName}: is not a Terraform JSON configuration ("resource" is not an object)`,
    );
  }
  const resources = (document.resource ?? {}) as JsonObject;
  const blocksOf = (type: string): [string, JsonObject][] =>
    isObject(resources[type])
      ? Object.entries(resources[type] as JsonObject).filter((entry): entry is [string, JsonObject] =>
          isObject(entry[1]),
        )
      : [];

  const exportBlocks = blocksOf("alicloud_image_export");
  if (exportBlocks.length === 0) {
    throw new RetentionInputError(
      `${stackName}: holds no alicloud_image_export, so nothing writes to a bucket`,
    );
  }
  const problem = (address: string, path: string, message: string) =>
    new RetentionInputError(`${stackName}: ${address} ${path}: ${message}`);

  const bucketBlocks = new Map(blocksOf("alicloud_oss_bucket"));
  const groups = new Map<string, { bucketName?: string; exports: ExportInStack[] }>();
  for (const [name, body] of exportBlocks.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const address = `alicloud_image_export.${name}`;
    const prefix = body.oss_prefix;
    if (prefix === undefined || prefix === null || prefix === "") {
      throw problem(
        address,
        "oss_prefix",
        "is not set, so the provider's destroy deletes a key the export never wrote (it starts with '_'); set a prefix to replay it",
      );
    }
    if (typeof prefix !== "string")
      throw problem(address, "oss_prefix", `must be a string, got ${JSON.stringify(prefix)}`);
    const bucket = body.oss_bucket;
    if (typeof bucket !== "string" || bucket === "") {
      throw problem(address, "oss_bucket", `must name a bucket, got ${JSON.stringify(bucket)}`);
    }
    const declared = declaredBucket(bucket, bucketBlocks);
    const key = declared ? `alicloud_oss_bucket.${declared}` : bucket.replace(/^\$\{(.*)\}$/s, "$1");
    const group = groups.get(key) ?? { bucketName: declared, exports: [] };
    group.exports.push({
      address,
      constructPath: constructPathOf(body, stackName),
      ossPrefix: prefix,
      imageId: typeof body.image_id === "string" ? body.image_id : JSON.stringify(body.image_id),
      dataDiskDevices: DATA_DISK_DEVICES.slice(0, dataDisksOf(body.image_id, resources)),
    });
    groups.set(key, group);
  }

  const buckets: BucketInStack[] = [];
  for (const [key, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (group.bucketName === undefined) {
      buckets.push({
        name: key,
        declared: false,
        versioning: Versioning.UNVERSIONED,
        versioningSource: "not declared in this stack",
        rules: [],
        forceDestroy: false,
        notes: [
          `${key} is not created by this stack, so its versioning and lifecycle rules are unknown: it is replayed as OSS creates a bucket, unversioned and without lifecycle rules`,
        ],
        exports: group.exports,
      });
      continue;
    }
    const body = bucketBlocks.get(group.bucketName) as JsonObject;
    const address = key;
    const notes: string[] = [];
    const refuse = (path: string, message: string) => problem(address, path, message);
    refuseDynamicBlocks(body, "", ["lifecycle_rule", "versioning"], "what the bucket keeps", refuse);
    const versioning = versioningOf(group.bucketName, body, resources, bucketBlocks, problem);
    const rules = rulesOf(body.lifecycle_rule, group.exports, notes, refuse);
    buckets.push({
      name: address,
      declared: true,
      constructPath: constructPathOf(body, stackName),
      versioning: versioning.status,
      versioningSource: versioning.source,
      rules,
      forceDestroy: literalBoolean(body.force_destroy) ?? false,
      notes,
      exports: group.exports,
    });
  }
  return { stack: stackName, buckets };
}

/** The name of the stack's `alicloud_oss_bucket` that an `oss_bucket` value names, if any. */
function declaredBucket(value: string, buckets: ReadonlyMap<string, JsonObject>): string | undefined {
  if (isExpression(value)) {
    const whole = /^\$\{([^{}]*)\}$/s.exec(value.trim());
    const references = whole ? findReferences(value) : [];
    const reference = references.length === 1 ? references[0] : undefined;
    if (
      reference &&
      !reference.dataSource &&
      reference.type === "alicloud_oss_bucket" &&
      (reference.attribute === "bucket" || reference.attribute === "id") &&
      buckets.has(reference.name)
    ) {
      return reference.name;
    }
    return undefined;
  }
  for (const [name, body] of buckets) if (body.bucket === value) return name;
  return undefined;
}

/**
 * The bucket's versioning: from the `alicloud_oss_bucket_versioning` whose `bucket` names it (a reference
 * to the bucket, its literal name, or the very expression the bucket's own `bucket` is), else from its
 * inline `versioning` block. A versioning resource whose `bucket` is known only at apply time and is none
 * of these can't be matched, and is refused.
 */
function versioningOf(
  bucketName: string,
  body: JsonObject,
  resources: JsonObject,
  buckets: ReadonlyMap<string, JsonObject>,
  problem: (address: string, path: string, message: string) => RetentionInputError,
): { status: Versioning; source: string } {
  const bucketAddress = `alicloud_oss_bucket.${bucketName}`;
  const statusOf = (value: unknown, address: string, path: string, source: string) => {
    if (typeof value !== "string" || isExpression(value)) {
      throw problem(
        address,
        path,
        `the versioning status must be written out to replay the bucket (it decides whether a delete keeps the file), got ${JSON.stringify(value)}`,
      );
    }
    const status =
      value.toLowerCase() === "enabled"
        ? Versioning.ENABLED
        : value.toLowerCase() === "suspended"
          ? Versioning.SUSPENDED
          : undefined;
    if (status === undefined)
      throw problem(address, path, `must be Enabled or Suspended, got ${JSON.stringify(value)}`);
    return { status, source };
  };
  const versionings = isObject(resources.alicloud_oss_bucket_versioning)
    ? Object.entries(resources.alicloud_oss_bucket_versioning as JsonObject)
    : [];
  for (const [name, versioning] of versionings.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!isObject(versioning) || typeof versioning.bucket !== "string") continue;
    const address = `alicloud_oss_bucket_versioning.${name}`;
    const target = versioning.bucket;
    let refersToBucket = target === body.bucket;
    if (!refersToBucket && isExpression(target)) {
      const named = findReferences(target).filter((r) => !r.dataSource && r.type === "alicloud_oss_bucket");
      const sameText = [...buckets.values()].some((b) => b.bucket === target);
      if (named.length === 0 && !sameText) {
        throw problem(
          address,
          "bucket",
          `is known only at apply time (${JSON.stringify(target)}), and it names no alicloud_oss_bucket of the stack and is not the bucket argument of one, so whether it versions ${bucketAddress} (bucket ${JSON.stringify(body.bucket)}) can't be told`,
        );
      }
      refersToBucket = named.some((r) => r.name === bucketName);
    }
    if (refersToBucket) return statusOf(versioning.status, address, "status", address);
  }
  const refuse = (path: string, message: string) => problem(bucketAddress, path, message);
  const [inline] = blocks(body.versioning, "versioning", refuse);
  if (inline) {
    return statusOf(inline.status, bucketAddress, "versioning.status", "the bucket's versioning block");
  }
  return { status: Versioning.UNVERSIONED, source: "never versioned" };
}

/** The enabled rules that can act on the exports' files, in the order the bucket lists them. */
function rulesOf(
  value: unknown,
  exports: readonly ExportInStack[],
  notes: string[],
  problem: (path: string, message: string) => RetentionInputError,
): LifecycleRule[] {
  if (value === undefined || value === null) return [];
  if (isExpression(value)) throw problem("lifecycle_rule", knownOnlyAtApply(value, "the bucket keeps"));
  if (!Array.isArray(value))
    throw problem("lifecycle_rule", `must be a list of rules, got ${JSON.stringify(value)}`);
  const rules: LifecycleRule[] = [];
  value.forEach((rule: unknown, index) => {
    const at = `lifecycle_rule[${index}]`;
    if (!isObject(rule)) throw problem(at, `must be a rule, got ${JSON.stringify(rule)}`);
    const id = typeof rule.id === "string" ? rule.id : `#${index}`;
    const known = (path: string, v: unknown): unknown => {
      if (isExpression(v)) throw problem(`${at}.${path}`, knownOnlyAtApply(v, "the rule does"));
      return v;
    };
    const ruleProblem = (path: string, message: string) => problem(`${at}.${path}`, message);
    const blocksOf = (v: unknown, path: string) => blocks(v, path, ruleProblem, "the rule does");
    const enabled = literalBoolean(known("enabled", rule.enabled));
    if (enabled !== true) {
      notes.push(`lifecycle rule ${id} is disabled, so it does nothing`);
      return;
    }
    const unsupported = (path: string, what: string) =>
      problem(
        `${at}.${path}`,
        `${what} is not part of the simulation, which replays rules by days since last modified`,
      );
    refuseDynamicBlocks(rule, `${at}.`, undefined, "what the rule does", problem);
    if (blocksOf(rule.filter, "filter").length > 0)
      throw unsupported("filter", "a filter (object size, exclusions)");
    const tags = known("tags", rule.tags);
    if (tags !== undefined && tags !== null && !isObject(tags))
      throw problem(`${at}.tags`, `must be a map of tags, got ${JSON.stringify(tags)}`);
    if (isObject(tags) && Object.keys(tags).length > 0) {
      notes.push(
        `lifecycle rule ${id} applies only to objects tagged ${JSON.stringify(tags)}; exports carry no tags, so it does nothing`,
      );
      return;
    }
    const prefix = known("prefix", rule.prefix ?? "");
    if (typeof prefix !== "string")
      throw problem(`${at}.prefix`, `must be a string, got ${JSON.stringify(prefix)}`);
    if (prefix !== "") {
      const unknownPrefix = exports.find((e) => isExpression(e.ossPrefix));
      if (unknownPrefix) {
        throw problem(
          `${at}.prefix`,
          `is '${prefix}', and ${unknownPrefix.address}'s oss_prefix is known only at apply time (${unknownPrefix.ossPrefix}), so whether the rule applies to its files can't be told`,
        );
      }
    }

    let expirationDays: number | undefined;
    let expiredObjectDeleteMarker = false;
    blocksOf(rule.expiration, "expiration").forEach((expiration, i) => {
      const path = `expiration[${i}]`;
      for (const dated of ["date", "created_before_date"]) {
        if (expiration[dated] !== undefined && expiration[dated] !== null)
          throw unsupported(`${path}.${dated}`, "an expiration by date");
      }
      const days = days_(known(`${path}.days`, expiration.days), `${at}.${path}.days`, problem);
      const marker =
        literalBoolean(
          known(`${path}.expired_object_delete_marker`, expiration.expired_object_delete_marker),
        ) === true;
      // R8: OSS takes Days or ExpiredObjectDeleteMarker in one expiration, and rejects the rule with both.
      if (days !== undefined && marker) {
        throw problem(
          `${at}.${path}`,
          `sets both days (${days}) and expired_object_delete_marker, which OSS and the provider reject: one expiration takes one of them`,
        );
      }
      if (days !== undefined) expirationDays = Math.min(expirationDays ?? days, days);
      if (marker) expiredObjectDeleteMarker = true;
    });
    const transitionsOf = (list: unknown, name: string): TransitionAction[] =>
      blocksOf(list, name).map((t, i) => {
        const path = `${name}[${i}]`;
        if (literalBoolean(known(`${path}.is_access_time`, t.is_access_time)) === true) {
          throw unsupported(`${path}.is_access_time`, "a transition by last access time");
        }
        if (t.created_before_date !== undefined && t.created_before_date !== null) {
          throw unsupported(`${path}.created_before_date`, "a transition by date");
        }
        const storageClass = known(`${path}.storage_class`, t.storage_class);
        if (typeof storageClass !== "string" || classRank(storageClass) < 0) {
          throw problem(
            `${at}.${path}.storage_class`,
            `must be a storage class, got ${JSON.stringify(storageClass)}`,
          );
        }
        const days = days_(known(`${path}.days`, t.days), `${at}.${path}.days`, problem);
        if (days === undefined) throw problem(`${at}.${path}.days`, "must be set to replay the transition");
        return { days, storageClass };
      });
    const transitions = transitionsOf(rule.transitions, "transitions");
    let noncurrentExpirationDays: number | undefined;
    blocksOf(rule.noncurrent_version_expiration, "noncurrent_version_expiration").forEach((expiration, i) => {
      const path = `noncurrent_version_expiration[${i}].days`;
      const days = days_(known(path, expiration.days), `${at}.${path}`, problem);
      if (days !== undefined) noncurrentExpirationDays = Math.min(noncurrentExpirationDays ?? days, days);
    });
    const noncurrentTransitions = transitionsOf(
      rule.noncurrent_version_transition,
      "noncurrent_version_transition",
    );
    // A move "to Standard" moves nothing: every object starts there (R9).
    const colder = (list: TransitionAction[]) => list.filter((t) => t.storageClass !== STANDARD);
    rules.push({
      id,
      prefix,
      expirationDays,
      expiredObjectDeleteMarker,
      transitions: colder(transitions),
      noncurrentExpirationDays,
      noncurrentTransitions: colder(noncurrentTransitions),
    });
  });
  return rules;
}

/** Why a value known only at apply time can't be replayed: it decides what `decides` (e.g. "the rule does"). */
function knownOnlyAtApply(value: unknown, decides: string): string {
  return `is known only at apply time (${JSON.stringify(value)}), and it decides what ${decides}`;
}

/**
 * A nested block of the bucket, written as a list (cdktf) or a single object (hand-written JSON). A block
 * given as an expression, or a list item that is one, is known only at apply time: refused, as is an
 * item that is no block.
 */
function blocks(
  value: unknown,
  path: string,
  problem: (path: string, message: string) => RetentionInputError,
  decides = "the bucket keeps",
): JsonObject[] {
  if (value === undefined || value === null) return [];
  if (isExpression(value)) throw problem(path, knownOnlyAtApply(value, decides));
  const list = Array.isArray(value) ? value : [value];
  return list.map((item: unknown, i) => {
    if (isObject(item)) return item;
    const at = Array.isArray(value) ? `${path}[${i}]` : path;
    if (isExpression(item)) throw problem(at, knownOnlyAtApply(item, decides));
    throw problem(at, `must be a block, got ${JSON.stringify(item)}`);
  });
}

/**
 * Refuses the `dynamic` blocks of `body` that make one of `decisive` (any, when undefined): Terraform
 * makes them at apply time from their for_each, so the replay can't know them.
 */
function refuseDynamicBlocks(
  body: JsonObject,
  at: string,
  decisive: readonly string[] | undefined,
  decides: string,
  problem: (path: string, message: string) => RetentionInputError,
): void {
  const dynamic = body.dynamic;
  if (dynamic === undefined || dynamic === null) return;
  for (const entry of Array.isArray(dynamic) ? dynamic : [dynamic]) {
    if (!isObject(entry)) throw problem(`${at}dynamic`, `must be a block, got ${JSON.stringify(entry)}`);
    for (const [name, block] of Object.entries(entry)) {
      if (decisive !== undefined && !decisive.includes(name)) continue;
      const forEach = (Array.isArray(block) ? block : [block]).find(isObject)?.for_each;
      throw problem(
        `${at}dynamic.${name}`,
        `is a dynamic block, made at apply time${forEach === undefined ? "" : ` from for_each ${JSON.stringify(forEach)}`}, and it decides ${decides}; write the blocks out to replay it`,
      );
    }
  }
}

function days_(
  value: unknown,
  path: string,
  problem: (path: string, message: string) => RetentionInputError,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  const days = typeof value === "string" && /^[0-9]+$/.test(value) ? Number(value) : value;
  if (typeof days !== "number" || !Number.isInteger(days) || days < 0) {
    throw problem(path, `must be a whole number of days, got ${JSON.stringify(value)}`);
  }
  return days;
}

function literalBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

/** The blocks written out in a nested block, as a list (cdktf) or a single object; anything else is left out. */
function listedBlocks(value: unknown): JsonObject[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter(isObject);
}

/**
 * How many data-disk files an export writes: the data disks of the instance its image is made from
 * (`alicloud_image.instance_id`), or the data disks its image maps (`disk_device_mapping`), when the
 * image is a resource of the stack; none otherwise (an image given by id is not known here).
 */
function dataDisksOf(imageId: unknown, resources: JsonObject): number {
  if (typeof imageId !== "string") return 0;
  const image = findReferences(imageId).find((r) => !r.dataSource && r.type === "alicloud_image");
  const images = resources.alicloud_image;
  if (!image || !isObject(images) || !isObject(images[image.name])) return 0;
  const body = images[image.name] as JsonObject;
  const mapped = listedBlocks(body.disk_device_mapping).filter((d) => d.disk_type === "data").length;
  if (mapped > 0) return Math.min(mapped, DATA_DISK_DEVICES.length);
  const instanceRef =
    typeof body.instance_id === "string"
      ? findReferences(body.instance_id).find((r) => !r.dataSource && r.type === "alicloud_instance")
      : undefined;
  const instances = resources.alicloud_instance;
  if (!instanceRef || !isObject(instances) || !isObject(instances[instanceRef.name])) return 0;
  const instance = instances[instanceRef.name] as JsonObject;
  return Math.min(listedBlocks(instance.data_disks).length, DATA_DISK_DEVICES.length);
}

/** The construct path below the stack from cdktf's metadata, without a trailing `Resource`. */
function constructPathOf(body: JsonObject, stackName: string): string | undefined {
  const comment = body["//"];
  const metadata = isObject(comment) && isObject(comment.metadata) ? comment.metadata : {};
  if (typeof metadata.path !== "string" || metadata.path === "") return undefined;
  let segments = metadata.path.split("/");
  if (segments.length > 1 && segments[0] === stackName) segments = segments.slice(1);
  if (segments.length > 1 && segments[segments.length - 1] === "Resource") segments = segments.slice(0, -1);
  return segments.join("/");
}
