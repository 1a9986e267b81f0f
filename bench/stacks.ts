// The stacks the benchmark synthesizes: N exports written with `ImageExport`, and the same
// infrastructure written by hand with the L1 bindings. The hand-written stacks reproduce the
// construct's output exactly (same resources, arguments, references and logical ids); `run.ts`
// checks that before it compares times, so the comparison measures only what the construct adds.
import * as os from "os";
import { App, propertyAccess, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import type { Library } from "./library";

/** `scaffold`: `new ImageExport(stack, id)`, which builds the image and the bucket (the provider docs' example). `byo`: image and bucket brought by the user. */
export type Shape = "scaffold" | "byo";
/** `construct`: written with `ImageExport`; `l1`: written by hand with the L1 bindings. */
export type Variant = "construct" | "l1";

export const STACK_ID = "bench";
const REGION = "cn-hangzhou";
/** Each bring-your-own export exports an image of its own, as many exports in one account do (exports of one
 * image would run one after another, which is not what the scaling figures measure). */
const byoImage = (index: number) => `m-bp1benchimage${String(index).padStart(6, "0")}`;
const BYO_BUCKET = "bench-exports";

function exportId(index: number, count: number): string {
  return count === 1 ? "Export" : `Export${index}`;
}

function byoPrefix(index: number): string {
  return `nightly${index}`;
}

/** The names `ImageExport` derives from an export's path, which the hand-written stacks spell out. */
export interface DerivedNames {
  /** The export's default `ossPrefix`. */
  readonly ossPrefix: string;
  /** The scaffold's default `imageName`. */
  readonly imageName: string;
}

/**
 * The derived names of `count` scaffolded exports, computed once before timing starts: someone writing
 * L1s by hand would type these as literals.
 */
export function derivedNames(count: number): DerivedNames[] {
  // Nothing is synthesized: the app only needs a directory that exists.
  const stack = new TerraformStack(new App({ outdir: os.tmpdir() }), STACK_ID);
  return Array.from({ length: count }, (_, index) => {
    const id = exportId(index, count);
    const exportScope = new Construct(stack, id);
    const scaffold = new Construct(exportScope, "Scaffold");
    return {
      ossPrefix: `${id.replace(/[^A-Za-z0-9]/g, "").slice(0, 22)}${exportScope.node.addr.slice(2, 10)}`,
      imageName: `image-export-${scaffold.node.addr.slice(2, 10)}`,
    };
  });
}

/** Adds `count` exports of the given shape and variant, and the providers they need, to `stack`. */
export function addExports(
  lib: Library,
  stack: TerraformStack,
  variant: Variant,
  shape: Shape,
  count: number,
  names: readonly DerivedNames[],
): void {
  new lib.alicloud.provider.AlicloudProvider(stack, "alicloud", { region: REGION });
  if (variant === "l1" && shape === "scaffold" && count > 0)
    new lib.random.provider.RandomProvider(stack, "random");
  for (let index = 0; index < count; index++) {
    const id = exportId(index, count);
    if (variant === "construct") {
      if (shape === "scaffold") new lib.ImageExport(stack, id);
      else
        new lib.ImageExport(stack, id, {
          imageId: byoImage(index),
          ossBucket: BYO_BUCKET,
          ossPrefix: byoPrefix(index),
        });
    } else if (shape === "scaffold") {
      handWrittenScaffoldExport(lib, new Construct(stack, id), names[index]);
    } else {
      new lib.alicloud.imageExport.ImageExport(new Construct(stack, id), "Resource", {
        imageId: byoImage(index),
        ossBucket: BYO_BUCKET,
        ossPrefix: byoPrefix(index),
        timeouts: { create: "20m" },
      });
    }
  }
}

/** The provider docs' example, by hand: build an image from a fresh instance, export it to a new private bucket. */
function handWrittenScaffoldExport(lib: Library, scope: Construct, names: DerivedNames): void {
  const { alicloud, random } = lib;
  const scaffold = new Construct(scope, "Scaffold");
  const zones = new alicloud.dataAlicloudZones.DataAlicloudZones(scaffold, "Zones", {
    availableResourceCreation: "Instance",
  });
  const zoneId = zones.zones.get(0).id;
  const instanceTypes = new alicloud.dataAlicloudInstanceTypes.DataAlicloudInstanceTypes(
    scaffold,
    "InstanceTypes",
    {
      availabilityZone: zoneId,
      cpuCoreCount: 2,
      memorySize: 4,
      instanceChargeType: "PostPaid",
    },
  );
  const instanceType = Token.asString(propertyAccess(instanceTypes.ids, [0]));
  const images = new alicloud.dataAlicloudImages.DataAlicloudImages(scaffold, "SourceImages", {
    nameRegex: "^ubuntu_[0-9]+_[0-9]+_x64*",
    owners: "system",
    osType: "linux",
    mostRecent: true,
    instanceType,
  });
  const vpc = new alicloud.vpc.Vpc(scaffold, "Vpc", { vpcName: "image-export", cidrBlock: "172.17.3.0/24" });
  const vswitch = new alicloud.vswitch.Vswitch(scaffold, "Vswitch", {
    vswitchName: "image-export",
    vpcId: vpc.id,
    cidrBlock: "172.17.3.0/24",
    zoneId,
  });
  const securityGroup = new alicloud.securityGroup.SecurityGroup(scaffold, "SecurityGroup", {
    securityGroupName: "image-export",
    description: "No rules: nothing can reach the instance an image is made from.",
    vpcId: vpc.id,
    innerAccessPolicy: "Drop",
  });
  const instance = new alicloud.instance.Instance(scaffold, "Instance", {
    instanceName: "image-export",
    availabilityZone: zoneId,
    instanceType,
    imageId: Token.asString(propertyAccess(images.ids, [0])),
    vswitchId: vswitch.id,
    securityGroups: [securityGroup.id],
    internetMaxBandwidthOut: 0,
    instanceChargeType: "PostPaid",
    httpTokens: "required",
  });
  // A new instance must make a new image (the provider would otherwise keep the old one); bare references,
  // since cdktf writes a resource given to replaceTriggeredBy as "${...}", which Terraform rejects.
  const instanceAddress = `${instance.terraformResourceType}.${instance.friendlyUniqueId}`;
  const image = new alicloud.image.Image(scaffold, "Resource", {
    imageName: names.imageName,
    description: "Exported to OSS by cdktf-alicloud-image-export",
    instanceId: instance.id,
    lifecycle: { replaceTriggeredBy: [`${instanceAddress}.id`, `${instanceAddress}.image_id`] },
  });

  const bucketScope = new Construct(scope, "Bucket");
  const suffix = new random.integer.Integer(bucketScope, "NameSuffix", { min: 10000, max: 99999 });
  const bucket = new alicloud.ossBucket.OssBucket(bucketScope, "Resource", {
    bucket: `image-export-${Token.asString(suffix.result)}`,
    storageClass: "Standard",
    forceDestroy: false,
    lifecycleRule: [
      {
        id: "image-exports",
        enabled: true,
        expiration: [{ expiredObjectDeleteMarker: true }],
        noncurrentVersionExpiration: [{ days: 30 }],
      },
    ],
  });
  const acl = new alicloud.ossBucketAcl.OssBucketAcl(bucketScope, "Acl", {
    bucket: bucket.bucket,
    acl: "private",
  });
  const publicAccessBlock = new alicloud.ossBucketPublicAccessBlock.OssBucketPublicAccessBlock(
    bucketScope,
    "PublicAccessBlock",
    { bucket: bucket.bucket, blockPublicAccess: true },
  );
  const encryption = new alicloud.ossBucketServerSideEncryption.OssBucketServerSideEncryption(
    bucketScope,
    "Encryption",
    { bucket: bucket.bucket, sseAlgorithm: "AES256" },
  );
  // Keeps replaced and deleted exports for the default 30 days (with the lifecycle rule above).
  const versioning = new alicloud.ossBucketVersioning.OssBucketVersioningA(bucketScope, "Versioning", {
    bucket: bucket.bucket,
    status: "Enabled",
  });

  new alicloud.imageExport.ImageExport(scope, "Resource", {
    imageId: image.id,
    ossBucket: bucket.bucket,
    ossPrefix: names.ossPrefix,
    timeouts: { create: "20m" },
    dependsOn: [acl, publicAccessBlock, encryption, versioning],
  });
}
