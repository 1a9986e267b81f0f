import { Integer } from "@cdktf/provider-random/lib/integer";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { TerraformProvider, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import * as alicloud from "./gen/providers/alicloud";
import { checkPropsObject, describe, isCheckedByCaller, Problems } from "./validation/problems";
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
  public readonly nameSuffix: Integer;

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
    if (!isCheckedByCaller(props)) {
      const problems = new Problems(describe("ExportBucket", this.node.path));
      if (
        checkPropsObject(problems, "ExportBucket", props, ["provider", "bucketNamePrefix", "forceDestroy"])
      ) {
        problems.check("provider", props.provider, checkAlicloudProvider);
        checkExportBucketProps(problems, props.bucketNamePrefix, props.forceDestroy, "forceDestroy");
      }
      problems.throwIfAny();
    }

    const provider = props.provider;
    ensureRandomProvider(this);
    this.nameSuffix = new Integer(this, "NameSuffix", { min: 10000, max: 99999 });
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
 * The name suffix needs hashicorp/random, and Terraform needs a provider block for it. Add one at the
 * stack's top level unless the stack already configures it, so users don't have to know we use it.
 * Each stack is searched once: a stack with many buckets must not be walked once per bucket.
 */
function ensureRandomProvider(scope: Construct): void {
  const stack = TerraformStack.of(scope);
  if (stacksWithRandomProvider.has(stack)) return;
  stacksWithRandomProvider.add(stack);
  const configured = stack.node
    .findAll()
    .some(
      (c) => c instanceof TerraformProvider && c.terraformResourceType === "random" && c.alias === undefined,
    );
  if (!configured) new RandomProvider(stack, "random");
}
