import { Annotations, ITerraformDependable, Token } from "cdktf";
import { Construct } from "constructs";
import { checkChecksPlacement } from "./aspects/placement";
import { checkFramework } from "./framework";
import { checkExportBucketProps, ExportBucket, LifecycleTransition } from "./export-bucket";
import * as alicloud from "./bindings";
import type * as bucket from "./bucket-bindings";
import type * as random from "./gen/providers/random";
import type * as scaffold from "./scaffold-bindings";
import { ImageExportRole } from "./image-export-role";
import { checkScaffoldProps, ImageScaffold, ImageScaffoldProps, SCAFFOLD_PROP_NAMES } from "./image-scaffold";
import { checkLifecycle } from "./validation/lifecycle";
import { checkedByCaller, checkPropsObject, describe, Problems } from "./validation/problems";
import {
  addRegionValidation,
  checkAlicloudProvider,
  exportableImageChecks,
  regionChecks,
} from "./validation/regions";
import {
  checkBoolean,
  checkBucketName,
  checkCreateTimeout,
  checkCustomImageId,
  checkOssPrefix,
} from "./validation/values";
import { show } from "./rules/text";
import { literalText } from "./literal-text";
import { bucketProtections, registerExport } from "./export-dependencies";
import { ALICLOUD_FEATURES } from "./rules/provider-versions";
import { providerVersionChecks } from "./validation/provider-version";

/** Properties of an {@link ImageExport}. Every one is optional. */
export interface ImageExportProps extends ImageScaffoldProps {
  /**
   * The custom image to export (`m-...`). It must be in the provider's region, must not be based on a
   * Marketplace image, contain Windows Server, or be made from a system-disk snapshot, and may carry at
   * most 4 data disks of at most 500 GiB each.
   *
   * @default - an image is built for you: VPC, vSwitch, security group, instance and custom image (see `ImageScaffold`)
   */
  readonly imageId?: string;

  /**
   * The name of the OSS bucket to export into. It must be in the same region as the image.
   *
   * @default - a new private, encrypted bucket named `<bucketNamePrefix>-<random 10000-99999>` is created
   */
  readonly ossBucket?: string;

  /**
   * The prefix of the exported objects' names: 1-30 letters or digits. The system disk lands in
   * `<ossPrefix>_<imageId>_system.raw.tar.gz`. Destroying the export deletes exactly that object, so
   * the prefix must not be empty: with none, the provider deletes a key the export never wrote and
   * the exported file stays behind.
   *
   * @default - derived from this construct's id and path, e.g. `Export1a2b3c4d`; stable across synths
   */
  readonly ossPrefix?: string;

  /**
   * How long Terraform waits for the export to finish, as a Go duration (`"20m"`, `"1h30m"`). It must be
   * longer than the 2 minutes the provider waits before it first checks on the export.
   *
   * @default "20m" (the provider's default)
   */
  readonly createTimeout?: string;

  /**
   * Create the account-wide RAM role `AliyunECSImageExportDefaultRole` that ECS needs to write to OSS,
   * and make the export wait for it. An account can hold the role only once: turn this on only where
   * it doesn't exist yet, and for several exports in one account create one `ImageExportRole` and pass
   * it to each as `role` instead.
   *
   * @default false - the role must already exist in the account
   */
  readonly createRole?: boolean;

  /**
   * An `ImageExportRole` created elsewhere in the app; the export waits for it. Not with `createRole`.
   *
   * @default - the export doesn't wait for any role
   */
  readonly role?: ImageExportRole;

  /**
   * The start of the created bucket's name; a hyphen and 5 random digits follow. 1-57 lowercase letters,
   * digits and hyphens, starting with a letter or digit. Not with `ossBucket`.
   *
   * @default "image-export"
   */
  readonly bucketNamePrefix?: string;

  /**
   * Whether `terraform destroy` may delete the created bucket while it still holds objects, including
   * kept versions of deleted exports. Without it, destroying the stack stops at the bucket while data-disk
   * files (never deleted by the export's destroy) or retained versions (see
   * `bucketRetainDeletedExportsDays`) remain. Not with `ossBucket`.
   *
   * @default false - the bucket and the exported files survive a destroy
   */
  readonly bucketForceDestroy?: boolean;

  /**
   * How many days a deleted or replaced export stays recoverable in the created bucket, which is
   * versioned when this is above 0. Every new `imageId` replaces the export, and the replacement deletes
   * the old file: with retention it becomes a noncurrent version for this many days instead of being
   * gone, so for nightly exports this is how many days of backups the bucket keeps (365: a year). A whole
   * number, 0 or more. Not with `ossBucket`.
   *
   * @default 30 - deleted and replaced exports are kept for 30 days
   */
  readonly bucketRetainDeletedExportsDays?: number;

  /**
   * Moves the created bucket's exported files to colder storage classes as they age, colder classes on
   * later days, each class at most once: the current file `afterDays` after it was written, kept versions
   * of deleted and replaced exports `afterDays` after they were deleted or replaced (unless
   * `bucketRetainDeletedExportsDays` removes them first). Not with `ossBucket`.
   *
   * @default - files stay in Standard storage
   */
  readonly bucketTransitions?: LifecycleTransition[];

  /**
   * Days after which the created bucket's exported files expire, later than every transition. A whole
   * number, 1 or more. Not with `ossBucket`.
   *
   * @default - exported files never expire
   */
  readonly bucketExpireAfterDays?: number;
}

/** The bucket options of ImageExport, which only apply when it creates the bucket. */
const BUCKET_PROP_NAMES = [
  "bucketNamePrefix",
  "bucketForceDestroy",
  "bucketRetainDeletedExportsDays",
  "bucketTransitions",
  "bucketExpireAfterDays",
] as const;

const DEFAULT_CREATE_TIMEOUT = "20m";

/** Every option of ImageExport, by name. */
export const IMAGE_EXPORT_PROP_NAMES: readonly string[] = [
  "provider",
  "imageId",
  "ossBucket",
  "ossPrefix",
  "createTimeout",
  "createRole",
  "role",
  ...BUCKET_PROP_NAMES,
  ...SCAFFOLD_PROP_NAMES,
];

/**
 * Exports an ECS custom image to OSS (`alicloud_image_export`), with every rule the provider and the ECS
 * API apply checked at synth time, and, when you don't bring them, the image and the bucket built for
 * you.
 *
 * ```ts
 * new ImageExport(stack, "Export", { imageId: "m-...", ossBucket: "my-bucket", ossPrefix: "nightly" });
 * new ImageExport(stack, "Export"); // builds a custom image and a bucket, then exports
 * ```
 */
export class ImageExport extends Construct {
  /** The `alicloud_image_export` resource: the escape hatch to every argument of the export. */
  public readonly resource: alicloud.imageExport.ImageExport;

  /** The id of the exported image: the one you gave, or the scaffold's. */
  public readonly imageId: string;

  /** The name of the bucket the image is exported into. */
  public readonly ossBucket: string;

  /** The prefix of the exported objects' names. */
  public readonly ossPrefix: string;

  /** How long Terraform waits for the export. */
  public readonly createTimeout: string;

  /** The image scaffold, or `undefined` when you gave `imageId`. */
  public readonly scaffold?: ImageScaffold;

  /** The custom image the scaffold made, or `undefined` when you gave `imageId`. */
  public readonly image?: scaffold.image.Image;

  /** The scaffold's ECS instance, or `undefined` when you gave `imageId`. */
  public readonly instance?: scaffold.instance.Instance;

  /** The scaffold's VPC, or `undefined` when you gave `imageId`, `vpcId` or `vswitchId`. */
  public readonly vpc?: scaffold.vpc.Vpc;

  /** The scaffold's vSwitch, or `undefined` when you gave `imageId` or `vswitchId`. */
  public readonly vswitch?: scaffold.vswitch.Vswitch;

  /** The scaffold's security group, or `undefined` when you gave `imageId` or `securityGroupId`. */
  public readonly securityGroup?: scaffold.securityGroup.SecurityGroup;

  /** The created bucket with its access block, encryption and versioning, or `undefined` when you gave `ossBucket`. */
  public readonly exportBucket?: ExportBucket;

  /** The created `alicloud_oss_bucket`, or `undefined` when you gave `ossBucket`. */
  public readonly bucket?: bucket.ossBucket.OssBucket;

  /** The random suffix of the created bucket's name, or `undefined` when you gave `ossBucket`. */
  public readonly bucketNameSuffix?: random.integer.Integer;

  /** The RAM role created because of `createRole`, or `undefined`. */
  public readonly role?: ImageExportRole;

  constructor(scope: Construct, id: string, props: ImageExportProps = {}) {
    super(scope, id);
    checkFramework(this, "ImageExport");
    checkChecksPlacement(this);
    const subject = describe("ImageExport", this.node.path);
    const warnings: string[] = [];
    checkImageExportProps(new Problems(subject), props, warnings).throwIfAny();
    for (const warning of warnings) Annotations.of(this).addWarning(`${subject}: ${warning}`);

    const provider = props.provider;
    const dependencies: ITerraformDependable[] = [];

    if (props.createRole === true) {
      this.role = new ImageExportRole(this, "Role", checkedByCaller({ provider }));
    }
    const role = this.role ?? props.role;
    if (role !== undefined) dependencies.push(role.policyAttachment);

    if (props.imageId === undefined) {
      const scaffoldProps: ImageScaffoldProps = { provider };
      for (const name of SCAFFOLD_PROP_NAMES) {
        if (props[name] !== undefined) Object.assign(scaffoldProps, { [name]: props[name] });
      }
      this.scaffold = new ImageScaffold(this, "Scaffold", checkedByCaller(scaffoldProps));
      this.image = this.scaffold.resource;
      this.instance = this.scaffold.instance;
      this.vpc = this.scaffold.vpc;
      this.vswitch = this.scaffold.vswitch;
      this.securityGroup = this.scaffold.securityGroup;
    }
    this.imageId = props.imageId ?? (this.scaffold as ImageScaffold).imageId;

    if (props.ossBucket === undefined) {
      this.exportBucket = new ExportBucket(
        this,
        "Bucket",
        checkedByCaller({
          provider,
          bucketNamePrefix: props.bucketNamePrefix,
          forceDestroy: props.bucketForceDestroy,
          retainDeletedExportsDays: props.bucketRetainDeletedExportsDays,
          transitions: props.bucketTransitions,
          expireAfterDays: props.bucketExpireAfterDays,
        }),
      );
      this.bucket = this.exportBucket.resource;
      this.bucketNameSuffix = this.exportBucket.nameSuffix;
      // ECS must not write a single byte before the bucket is private and encrypted, nor before it is
      // versioned: a file written earlier would not be kept when the export is replaced.
      dependencies.push(...bucketProtections(this.exportBucket));
    }
    this.ossBucket = props.ossBucket ?? (this.exportBucket as ExportBucket).bucketName;

    this.ossPrefix = props.ossPrefix ?? defaultOssPrefix(this);
    this.createTimeout = props.createTimeout ?? DEFAULT_CREATE_TIMEOUT;

    // Text is written as typed: Terraform would read `${` and `%{` in it as templates (literal-text.ts).
    this.resource = new alicloud.imageExport.ImageExport(this, "Resource", {
      provider,
      imageId: literalText(this.imageId),
      ossBucket: literalText(this.ossBucket),
      ossPrefix: literalText(this.ossPrefix),
      timeouts: { create: literalText(this.createTimeout) },
      dependsOn: dependencies.length > 0 ? dependencies : undefined,
    });
    // Exports of the same image in one stack run one after another, and an export into a shared
    // ExportBucket waits for its protections: settled once the whole stack exists.
    registerExport(this, this);

    // Regions can only be compared once the whole stack exists (providers may be added later).
    addRegionValidation(this, (index) => [
      ...regionChecks(this, index, subject, {
        provider,
        zoneId: props.zoneId,
        references: [
          { prop: "imageId", value: this.resource.imageIdInput, what: "image" },
          { prop: "ossBucket", value: this.resource.ossBucketInput, what: "bucket" },
        ],
      }),
      ...exportableImageChecks(this, index, subject, this.resource.imageIdInput),
      ...providerVersionChecks(index, subject, [ALICLOUD_FEATURES.imageExport]),
    ]);
  }

  /** The key of the exported system-disk file, `<ossPrefix>_<imageId>_system.raw.tar.gz` (known after apply). */
  public get systemDiskObjectKey(): string {
    // Made on first read: reading the export's id creates a token (and captures a stack trace), which
    // most exports never need. The export's id is the image id; reading it from the export makes the
    // key wait for the export.
    this.objectKey ??= literalText(`${this.ossPrefix}_${this.resource.id}_system.raw.tar.gz`);
    return this.objectKey;
  }

  /** The exported system-disk file as an `oss://<bucket>/<key>` URL (known after apply). */
  public get systemDiskObjectUrl(): string {
    this.objectUrl ??= literalText(`oss://${this.ossBucket}/${this.systemDiskObjectKey}`);
    return this.objectUrl;
  }

  private objectKey?: string;
  private objectUrl?: string;
}

/**
 * Checks every prop and every combination of props of an ImageExport, collecting all problems, and adds
 * what deserves a warning but no error to `warnings`.
 */
function checkImageExportProps(problems: Problems, props: ImageExportProps, warnings: string[]): Problems {
  if (!checkPropsObject(problems, "ImageExport", props, IMAGE_EXPORT_PROP_NAMES)) return problems;
  problems.check("provider", props.provider, checkAlicloudProvider);
  problems.check("imageId", props.imageId, checkCustomImageId);
  problems.check("ossBucket", props.ossBucket, checkBucketName);
  problems.check("ossPrefix", props.ossPrefix, checkOssPrefix);
  problems.check("createTimeout", props.createTimeout, checkCreateTimeout);
  if (Token.isUnresolved(props.createRole)) {
    problems.add(
      "createRole",
      "must be true or false when the app is synthesized (it decides whether the role is part of the stack), got a value known only at apply time",
    );
  }
  problems.check("createRole", props.createRole, checkBoolean);
  if (props.role !== undefined && !(props.role instanceof ImageExportRole)) {
    problems.add("role", `must be an ImageExportRole, got ${show(props.role)}`);
  }
  if (props.createRole === true && props.role !== undefined) {
    problems.add("createRole", "can't be true when role is given (the account can hold the role only once)");
  }

  if (props.imageId !== undefined) {
    rejectWith(problems, props, SCAFFOLD_PROP_NAMES, "imageId", "the image the construct would build");
  } else {
    checkScaffoldProps(problems, props);
  }

  if (props.ossBucket !== undefined) {
    rejectWith(problems, props, BUCKET_PROP_NAMES, "ossBucket", "the bucket the construct would create");
  } else {
    checkExportBucketProps(problems, props.bucketNamePrefix, props.bucketForceDestroy, "bucketForceDestroy");
    const lifecycleWarnings = checkLifecycle(
      problems,
      {
        retainDeletedExportsDays: props.bucketRetainDeletedExportsDays,
        transitions: props.bucketTransitions,
        expireAfterDays: props.bucketExpireAfterDays,
      },
      {
        retainDeletedExportsDays: "bucketRetainDeletedExportsDays",
        transitions: "bucketTransitions",
        expireAfterDays: "bucketExpireAfterDays",
      },
    );
    warnings.push(...lifecycleWarnings);
  }
  return problems;
}

/** Reports each of `names` that is given although `because` says the thing they configure isn't made. */
function rejectWith(
  problems: Problems,
  props: ImageExportProps,
  names: readonly (keyof ImageExportProps)[],
  because: string,
  configures: string,
): void {
  for (const name of names) {
    if (props[name] !== undefined) {
      problems.add(
        name,
        `can't be combined with ${because} (it configures ${configures}), got ${show(props[name])}`,
      );
    }
  }
}

/**
 * A prefix that is valid (letters and digits, at most 30), readable (starts with the construct's id)
 * and unique within the app (ends with 8 hex digits of the construct's address, which is derived from
 * its path and so stable from synth to synth).
 */
function defaultOssPrefix(construct: Construct): string {
  const readable = construct.node.id.replace(/[^A-Za-z0-9]/g, "").slice(0, 22) || "export";
  return `${readable}${construct.node.addr.slice(2, 10)}`;
}
