import { Aspects, IAspect, TerraformProvider, TerraformStack, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { checkFramework } from "./framework";
import * as alicloud from "./gen/providers/alicloud";
import * as random from "./gen/providers/random";
import { checkPropsObject, describe, Problems } from "./validation/problems";
import { checkAlicloudProvider } from "./validation/regions";
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
   * Whether `terraform destroy` may delete the bucket while it still holds objects. Destroying an export
   * deletes only its system-disk file, so data-disk files stay and a bucket without this can't be
   * destroyed until they are removed.
   *
   * @default false - the bucket and the exported images in it survive a destroy
   */
  readonly forceDestroy?: boolean;

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

  /** The bucket's name (known after apply: it holds the random suffix). */
  public readonly bucketName: string;

  constructor(scope: Construct, id: string, props: ExportBucketProps = {}) {
    super(scope, id);
    checkFramework(this, "ExportBucket");
    const problems = new Problems(describe("ExportBucket", this.node.path));
    if (checkPropsObject(problems, "ExportBucket", props, ["provider", "bucketNamePrefix", "forceDestroy"])) {
      problems.check("provider", props.provider, checkAlicloudProvider);
      checkExportBucketProps(problems, props.bucketNamePrefix, props.forceDestroy, "forceDestroy");
    }
    problems.throwIfAny();

    const provider = props.provider;
    ensureRandomProvider(this);
    this.nameSuffix = new random.integer.Integer(this, "NameSuffix", { min: 10000, max: 99999 });
    this.resource = new alicloud.ossBucket.OssBucket(this, "Resource", {
      provider,
      bucket: `${props.bucketNamePrefix ?? "image-export"}-${Token.asString(this.nameSuffix.result)}`,
      storageClass: "Standard",
      forceDestroy: props.forceDestroy ?? false,
    });
    this.bucketName = this.resource.bucket;

    this.acl = new alicloud.ossBucketAcl.OssBucketAcl(this, "Acl", {
      provider,
      bucket: this.resource.bucket,
      acl: "private",
    });
    this.publicAccessBlock = new alicloud.ossBucketPublicAccessBlock.OssBucketPublicAccessBlock(
      this,
      "PublicAccessBlock",
      { provider, bucket: this.resource.bucket, blockPublicAccess: true },
    );
    this.encryption = new alicloud.ossBucketServerSideEncryption.OssBucketServerSideEncryption(
      this,
      "Encryption",
      {
        provider,
        bucket: this.resource.bucket,
        sseAlgorithm: "AES256",
      },
    );
  }
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
