import { Annotations, Aspects, IAspect, TerraformProvider, TerraformStack, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import type * as alicloud from "./bucket-bindings";
import { checkChecksPlacement } from "./aspects/placement";
import { checkFramework } from "./framework";
import * as random from "./gen/providers/random";
import { literalText } from "./literal-text";
import { checkLifecycle } from "./validation/lifecycle";
import { checkPropsObject, describe, isCheckedByCaller, Problems } from "./validation/problems";
import { ALICLOUD_FEATURES } from "./rules/provider-versions";
import { providerVersionChecks } from "./validation/provider-version";
import { addRegionValidation, checkAlicloudProvider } from "./validation/regions";
import { checkBoolean, checkBucketNamePrefix } from "./validation/values";

/** Checks the bucket's props; shared with ImageExport, which offers the same options under its own names. */
export function checkExportBucketProps(
  problems: Problems,
  bucketNamePrefix: unknown,
  forceDestroy: unknown,
  forceDestroyProp: string,
): void {
  problems.check("bucketNamePrefix", bucketNamePrefix, checkBucketNamePrefix);
  problems.check(forceDestroyProp, forceDestroy, checkBoolean);
}

/** The storage classes a {@link LifecycleTransition} can move exports to, from warmest to coldest. */
export enum ExportStorageClass {
  /** Infrequent Access: read at any time, billed for at least 30 days. */
  IA = "IA",
  /** Archive: restored before reading (about a minute), billed for at least 60 days. */
  ARCHIVE = "Archive",
  /** Cold Archive: restored before reading (hours), billed for at least 180 days; not in every region. */
  COLD_ARCHIVE = "ColdArchive",
  /** Deep Cold Archive: restored before reading (12 hours or more), billed for at least 180 days; not in every region. */
  DEEP_COLD_ARCHIVE = "DeepColdArchive",
}

/** Moves exported files to a colder, cheaper storage class some days after they were written. */
export interface LifecycleTransition {
  /** The class to move the files to. Each class may appear once, colder classes on later days. */
  readonly storageClass: ExportStorageClass;

  /**
   * Days after the file was written, or for a kept version of a deleted or replaced export, days after it
   * was deleted or replaced: a whole number, 1 or more.
   */
  readonly afterDays: number;
}

/** How long deleted and replaced exports are kept unless `retainDeletedExportsDays` says otherwise. */
export const DEFAULT_RETAIN_DELETED_EXPORTS_DAYS = 30;

/** Properties of an {@link ExportBucket}. */
export interface ExportBucketProps {
  /**
   * The start of the bucket's name; a hyphen and five random digits (10000-99999) follow it, since
   * bucket names are global across all of OSS. 1-57 lowercase letters, digits and hyphens, starting
   * with a letter or digit.
   *
   * @default "image-export"
   */
  readonly bucketNamePrefix?: string;

  /**
   * Whether `terraform destroy` may delete the bucket while it still holds objects, including versions
   * kept by `retainDeletedExportsDays`. Destroying an export deletes only its system-disk file, and with
   * retention even that stays as a noncurrent version, so a bucket without this can't be destroyed until
   * those are removed.
   *
   * @default false - the bucket and the exported images in it survive a destroy
   */
  readonly forceDestroy?: boolean;

  /**
   * How many days a deleted or replaced export stays recoverable. Above 0, the bucket is versioned and a
   * lifecycle rule removes noncurrent versions this many days after they were deleted or replaced,
   * counted from the next midnight (UTC): kept N days, a file replaced on day d is gone from day
   * d + N + 1. Destroying an export, or replacing it with a new image, then only hides the old file.
   * Without `expireAfterDays` the rule also removes the delete marker left with no version behind it, a
   * day later (day d + N + 2); with it, OSS takes no marker cleanup in the same rule and the markers
   * stay. Nightly exports replace each other, so this is how many days of nightly backups the bucket
   * keeps (365: a year). 0 turns versioning and that rule off. A whole number, 0 or more.
   *
   * @default 30 - deleted and replaced exports are kept for 30 days
   */
  readonly retainDeletedExportsDays?: number;

  /**
   * Moves exported files to colder storage classes as they age. Classes must get colder on later days,
   * each class at most once. Current files move `afterDays` after they were written; kept versions of
   * deleted and replaced exports move `afterDays` after they were deleted or replaced (OSS counts a kept
   * version's days from then), unless `retainDeletedExportsDays` removes them first.
   *
   * @default - files stay in Standard storage
   */
  readonly transitions?: LifecycleTransition[];

  /**
   * Days after which exported files expire. With retention, an expired file stays recoverable for
   * `retainDeletedExportsDays` more. A whole number, 1 or more, later than every transition.
   *
   * @default - exported files never expire
   */
  readonly expireAfterDays?: number;

  /**
   * The provider (account and region) to create the bucket with. It must be the region of the images
   * exported into it.
   *
   * @default - the stack's default alicloud provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * A private OSS bucket for exported images: public access blocked, server-side encryption (AES256) on,
 * named `<prefix>-<random 10000-99999>`. Share one between several `ImageExport`s by passing its
 * `bucketName` as their `ossBucket`.
 */
export class ExportBucket extends Construct {
  /** The `alicloud_oss_bucket` resource. */
  public readonly resource: alicloud.ossBucket.OssBucket;

  /** The random number that makes the bucket's name unique. */
  public readonly nameSuffix: random.integer.Integer;

  /** The bucket's ACL, `private`. */
  public readonly acl: alicloud.ossBucketAcl.OssBucketAcl;

  /** The block on public access to the bucket. */
  public readonly publicAccessBlock: alicloud.ossBucketPublicAccessBlock.OssBucketPublicAccessBlock;

  /** The bucket's default server-side encryption (AES256). */
  public readonly encryption: alicloud.ossBucketServerSideEncryption.OssBucketServerSideEncryption;

  /** The bucket's versioning, or `undefined` when `retainDeletedExportsDays` is 0. */
  public readonly versioning?: alicloud.ossBucketVersioning.OssBucketVersioningA;

  /** How many days deleted and replaced exports stay recoverable (0: not at all). */
  public readonly retainDeletedExportsDays: number;

  /** The bucket's name (known after apply: it holds the random suffix). */
  public readonly bucketName: string;

  constructor(scope: Construct, id: string, props: ExportBucketProps = {}) {
    super(scope, id);
    checkFramework(this, "ExportBucket");
    checkChecksPlacement(this);
    // A parent that checked these props (ImageExport) has also given the warnings, under its own names.
    if (!isCheckedByCaller(props)) {
      const problems = new Problems(describe("ExportBucket", this.node.path));
      let warnings: string[] = [];
      if (checkPropsObject(problems, "ExportBucket", props, EXPORT_BUCKET_PROP_NAMES)) {
        problems.check("provider", props.provider, checkAlicloudProvider);
        checkExportBucketProps(problems, props.bucketNamePrefix, props.forceDestroy, "forceDestroy");
        warnings = checkLifecycle(problems, props, {
          retainDeletedExportsDays: "retainDeletedExportsDays",
          transitions: "transitions",
          expireAfterDays: "expireAfterDays",
        });
      }
      problems.throwIfAny();
      const subject = describe("ExportBucket", this.node.path);
      for (const warning of warnings) Annotations.of(this).addWarning(`${subject}: ${warning}`);
    }

    const gen = bucketBindings();
    const provider = props.provider;
    this.retainDeletedExportsDays = props.retainDeletedExportsDays ?? DEFAULT_RETAIN_DELETED_EXPORTS_DAYS;
    ensureRandomProvider(this);
    this.nameSuffix = new random.integer.Integer(this, "NameSuffix", { min: 10000, max: 99999 });
    this.resource = new gen.ossBucket.OssBucket(this, "Resource", {
      provider,
      bucket: literalText(
        `${props.bucketNamePrefix ?? "image-export"}-${Token.asString(this.nameSuffix.result)}`,
      ),
      storageClass: "Standard",
      forceDestroy: props.forceDestroy ?? false,
      lifecycleRule: lifecycleRules(this.retainDeletedExportsDays, props.transitions, props.expireAfterDays),
    });
    this.bucketName = this.resource.bucket;

    this.acl = new gen.ossBucketAcl.OssBucketAcl(this, "Acl", {
      provider,
      bucket: this.resource.bucket,
      acl: "private",
    });
    this.publicAccessBlock = new gen.ossBucketPublicAccessBlock.OssBucketPublicAccessBlock(
      this,
      "PublicAccessBlock",
      { provider, bucket: this.resource.bucket, blockPublicAccess: true },
    );
    this.encryption = new gen.ossBucketServerSideEncryption.OssBucketServerSideEncryption(
      this,
      "Encryption",
      {
        provider,
        bucket: this.resource.bucket,
        sseAlgorithm: "AES256",
      },
    );
    if (this.retainDeletedExportsDays > 0) {
      this.versioning = new gen.ossBucketVersioning.OssBucketVersioningA(this, "Versioning", {
        provider,
        bucket: this.resource.bucket,
        status: "Enabled",
      });
    }
    const features = [
      ALICLOUD_FEATURES.bucketAcl,
      ALICLOUD_FEATURES.bucketEncryption,
      ALICLOUD_FEATURES.bucketPublicAccessBlock,
      ALICLOUD_FEATURES.bucketLifecycleVersions,
      ...(this.versioning ? [ALICLOUD_FEATURES.bucketVersioning] : []),
    ];
    addRegionValidation(this, (index) =>
      providerVersionChecks(index, describe("ExportBucket", this.node.path), features),
    );
  }
}

const EXPORT_BUCKET_PROP_NAMES: readonly string[] = [
  "provider",
  "bucketNamePrefix",
  "forceDestroy",
  "retainDeletedExportsDays",
  "transitions",
  "expireAfterDays",
];

/** The id of the bucket's one lifecycle rule, as OSS lists it. */
export const EXPORT_LIFECYCLE_RULE_ID = "image-exports";

/**
 * One rule for the whole bucket, or none when there is nothing to do. One rule, because OSS takes a
 * single expiration per rule and refuses overlapping rules with the same kind of action by default:
 * - noncurrent versions (deleted and replaced exports) expire after the retention;
 * - the delete marker an expired version leaves behind is removed once nothing is behind it, so markers
 *   don't pile up and an emptied bucket can be deleted without forceDestroy. OSS takes either days or
 *   this in one expiration, so with `expireAfterDays` the markers stay;
 * - current files move through the transitions and expire after `expireAfterDays`;
 * - kept versions move through the same transitions (`noncurrent_version_transition`), counted from the
 *   day they stopped being current, as OSS counts NoncurrentDays. A nightly export is current for one
 *   day, so without these its kept versions would never leave Standard. A transition on or after the
 *   retention's last day is left out: the version is deleted first, and OSS documents the order of days
 *   only for current versions (colder later, expiration last), so the rule keeps to that order for
 *   kept versions too. A transition whose days are a token can't be judged and is written as it is.
 * No abort_multipart_upload: the rule is about finished exports, and any number of days for abandoned
 * uploads would be a guess about how ECS writes them.
 */
function lifecycleRules(
  retainDays: number,
  transitions: LifecycleTransition[] | undefined,
  expireAfterDays: number | undefined,
): alicloud.ossBucket.OssBucketLifecycleRule[] | undefined {
  const hasTransitions = transitions !== undefined && transitions.length > 0;
  if (retainDays === 0 && !hasTransitions && expireAfterDays === undefined) return undefined;
  const expiration: alicloud.ossBucket.OssBucketLifecycleRuleExpiration[] = [];
  if (expireAfterDays !== undefined) expiration.push({ days: expireAfterDays });
  else if (retainDays > 0) expiration.push({ expiredObjectDeleteMarker: true });
  const keptVersionTransitions =
    retainDays > 0 && hasTransitions
      ? transitions
          .filter((t) => Token.isUnresolved(t.afterDays) || t.afterDays < retainDays)
          .map((t) => ({ storageClass: literalText(t.storageClass), days: t.afterDays }))
      : [];
  return [
    {
      id: EXPORT_LIFECYCLE_RULE_ID,
      enabled: true,
      transitions: hasTransitions
        ? transitions.map((t) => ({ storageClass: literalText(t.storageClass), days: t.afterDays }))
        : undefined,
      expiration: expiration.length > 0 ? expiration : undefined,
      noncurrentVersionExpiration: retainDays > 0 ? [{ days: retainDays }] : undefined,
      noncurrentVersionTransition: keptVersionTransitions.length > 0 ? keptVersionTransitions : undefined,
    },
  ];
}

const stacksWithRandomProvider = new WeakSet<TerraformStack>();

/**
 * The name suffix needs hashicorp/random, and Terraform needs exactly one default (non-aliased)
 * provider block for it. Users shouldn't have to know we use it, yet may configure it themselves,
 * before or after our constructs. So the decision waits for synthesis, when the stack is complete: an
 * aspect on the stack adds a provider only when the stack has no default random provider of its own.
 * Each stack gets one aspect, however many buckets it holds.
 */
function ensureRandomProvider(scope: Construct): void {
  const stack = TerraformStack.of(scope);
  if (stacksWithRandomProvider.has(stack)) return;
  stacksWithRandomProvider.add(stack);
  Aspects.of(stack).add(new DefaultRandomProvider(stack));
}

/** Adds a default random provider to a stack at synthesis, unless the stack already has one. */
class DefaultRandomProvider implements IAspect {
  constructor(private readonly stack: TerraformStack) {}

  public visit(node: IConstruct): void {
    // Aspects visit the stack before its children, so all of them are here to be searched.
    if (node !== this.stack) return;
    const configured = node.node
      .findAll()
      .some(
        (c) =>
          c instanceof TerraformProvider && c.terraformResourceType === "random" && c.alias === undefined,
      );
    if (configured) return;
    // The conventional id, unless the user gave it to something else (e.g. an aliased provider).
    let id = "random";
    for (let n = 2; node.node.tryFindChild(id) !== undefined; n++) id = `random${n}`;
    new random.provider.RandomProvider(node, id);
  }
}

let loadedBindings: typeof alicloud | undefined;

/** The bucket's bindings, loaded with the first bucket (see bucket-bindings.ts). */
function bucketBindings(): typeof alicloud {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  loadedBindings ??= require("./bucket-bindings") as typeof alicloud;
  return loadedBindings;
}
