import { Annotations, propertyAccess, TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { checkChecksPlacement } from "./aspects/placement";
import { checkFramework } from "./framework";
import { literalText } from "./literal-text";
import type * as alicloud from "./scaffold-bindings";
import { checkOfKind } from "./rules/provider-rules";
import { show } from "./rules/text";
import { checkPropsObject, describe, isCheckedByCaller, Problems } from "./validation/problems";
import { ALICLOUD_FEATURES } from "./rules/provider-versions";
import { providerVersionChecks } from "./validation/provider-version";
import { addRegionValidation, checkAlicloudProvider } from "./validation/regions";
import {
  checkBoolean,
  checkByteLength,
  checkDescription,
  checkEcsPrefixed,
  checkImageName,
  checkInteger,
  checkNamePrefix,
  checkOneOf,
  checkRegex,
  checkResourceId,
  checkSourceImageId,
  checkVpcCidr,
  checkVswitchCidr,
  checkZoneId,
  cidrContains,
  parseIpv4Cidr,
} from "./validation/values";

/** A data disk attached to the scaffold's instance; it becomes part of the custom image and is exported too. */
export interface DataDisk {
  /**
   * Size in GiB. An exported image may carry data disks of at most 500 GiB each.
   */
  readonly size: number;

  /**
   * The disk category, e.g. `cloud_essd`, `cloud_efficiency`, `cloud_ssd`, `cloud_auto`.
   *
   * @default "cloud_efficiency" (the provider's default)
   */
  readonly category?: string;

  /**
   * The performance level of an ESSD disk: `PL0`, `PL1`, `PL2` or `PL3`.
   *
   * @default - the cloud's default for the category (PL1 for ESSD)
   */
  readonly performanceLevel?: string;

  /**
   * The disk's name, 2-128 bytes.
   *
   * @default - no name
   */
  readonly name?: string;

  /**
   * The disk's description, 2-256 bytes.
   *
   * @default - no description
   */
  readonly description?: string;
}

/** Properties of an {@link ImageScaffold}; {@link ImageExportProps} offers the same options. */
export interface ImageScaffoldProps {
  /**
   * The provider (account and region) to create the resources with.
   *
   * @default - the stack's default alicloud provider
   */
  readonly provider?: TerraformProvider;

  /**
   * The name given to the VPC, vSwitch, security group, instance and image the scaffold creates:
   * 2-100 characters, starting with a letter; letters, digits, '.', '_', '-' and ':'.
   *
   * @default "image-export"
   */
  readonly namePrefix?: string;

  /**
   * An existing VPC to build the instance in. Give `vswitchCidrBlock` for the vSwitch to create in it,
   * or `vswitchId` to use an existing vSwitch of it.
   *
   * @default - a new VPC is created
   */
  readonly vpcId?: string;

  /**
   * The CIDR block of the VPC the scaffold creates (/8 to /28). Only when `vpcId` and `vswitchId` are
   * not given.
   *
   * @default "172.17.3.0/24"
   */
  readonly vpcCidrBlock?: string;

  /**
   * An existing vSwitch to attach the instance to. The instance then runs in the vSwitch's zone; give
   * `instanceType` too, so that the type is one sold in that zone.
   *
   * @default - a new vSwitch is created
   */
  readonly vswitchId?: string;

  /**
   * The CIDR block of the vSwitch the scaffold creates (/16 to /29); it must lie inside the VPC's block.
   * Required when `vpcId` is given without `vswitchId`, since the scaffold can't see that VPC's block.
   *
   * @default - the VPC's whole block, `vpcCidrBlock` (so give one when that is wider than /16)
   */
  readonly vswitchCidrBlock?: string;

  /**
   * The zone to create the vSwitch and instance in, e.g. `cn-hangzhou-h`. Not with `vswitchId` (the
   * vSwitch decides the zone).
   *
   * @default - the first zone where an instance of `instanceType` (or of any type) can be created
   */
  readonly zoneId?: string;

  /**
   * An existing security group for the instance, in the same VPC. Requires `vpcId` or `vswitchId`.
   *
   * @default - a new security group with no rules: nothing can reach the instance
   */
  readonly securityGroupId?: string;

  /**
   * The instance type, e.g. `ecs.g7.large`. Not together with `instanceTypeFamily`.
   *
   * @default - the first type with 2 vCPUs and 4 GiB (or of `instanceTypeFamily`) sold pay-as-you-go in the zone
   */
  readonly instanceType?: string;

  /**
   * The instance type family to choose the instance type from, e.g. `ecs.g7`.
   *
   * @default - any family; the type is chosen by size (2 vCPUs, 4 GiB)
   */
  readonly instanceTypeFamily?: string;

  /**
   * The image to boot the instance from (an id or name). Not together with the `sourceImage*` filters.
   *
   * @default - the most recent image matching `sourceImageNameRegex` and `sourceImageOwners`
   */
  readonly sourceImageId?: string;

  /**
   * A regular expression on the names of the images to boot the instance from. Only Linux images are
   * considered: images containing Windows Server can't be exported.
   *
   * @default "^ubuntu_[0-9]+_[0-9]+_x64*"
   */
  readonly sourceImageNameRegex?: string;

  /**
   * Whose images to choose from: `system`, `self` or `others`. Marketplace images are refused, since
   * custom images based on them can't be exported.
   *
   * @default "system"
   */
  readonly sourceImageOwners?: string;

  /**
   * The instance's outbound public bandwidth in Mbit/s (0-100). Anything above 0 gives the instance a
   * public IP address.
   *
   * @default 0 - no public IP address
   */
  readonly instancePublicBandwidth?: number;

  /**
   * Data disks for the instance; they are captured in the image and exported with it. At most 4, each
   * at most 500 GiB (limits of image export).
   *
   * @default - no data disks
   */
  readonly dataDisks?: DataDisk[];

  /**
   * The custom image's name: 2-128 characters, starting with a letter. ECS refuses a name already used
   * by another custom image in the region.
   *
   * @default - `namePrefix` and 8 hex digits derived from this construct's path, e.g. `image-export-1a2b3c4d`
   */
  readonly imageName?: string;

  /**
   * The custom image's description: 2-256 characters.
   *
   * @default "Exported to OSS by cdktf-alicloud-image-export"
   */
  readonly imageDescription?: string;

  /**
   * Whether the instance is deleted even if it has deletion protection or is a subscription instance.
   *
   * @default false
   */
  readonly instanceForceDelete?: boolean;
}

/** The scaffold props, by name, in the order they are documented; used to report contradictions. */
export const SCAFFOLD_PROP_NAMES: readonly (keyof ImageScaffoldProps)[] = [
  "namePrefix",
  "vpcId",
  "vpcCidrBlock",
  "vswitchId",
  "vswitchCidrBlock",
  "zoneId",
  "securityGroupId",
  "instanceType",
  "instanceTypeFamily",
  "sourceImageId",
  "sourceImageNameRegex",
  "sourceImageOwners",
  "instancePublicBandwidth",
  "dataDisks",
  "imageName",
  "imageDescription",
  "instanceForceDelete",
];

const DEFAULT_CIDR = "172.17.3.0/24";
const DEFAULT_NAME = "image-export";
const DEFAULT_SOURCE_IMAGE_REGEX = "^ubuntu_[0-9]+_[0-9]+_x64*";
const SOURCE_IMAGE_OWNERS = ["system", "self", "others"];
const MAX_EXPORTED_DATA_DISKS = 4;
const MAX_EXPORTED_DATA_DISK_GIB = 500;

// The provider's own rules for a data disk's fields, from the rule table (src/rules/provider-rules.ts).
const DISK_CATEGORY = checkOneOf(checkOfKind("alicloud_instance", "data_disks.category", "oneOf").values);
const DISK_PERFORMANCE_LEVEL = checkOneOf(
  checkOfKind("alicloud_instance", "data_disks.performance_level", "oneOf").values,
);
const DISK_NAME = byteLengthRule("data_disks.name");
const DISK_DESCRIPTION = byteLengthRule("data_disks.description");

function byteLengthRule(path: string) {
  const { min, max } = checkOfKind("alicloud_instance", path, "byteLength");
  return checkByteLength(min, max);
}

function given(value: unknown): boolean {
  return value !== undefined;
}

const DISK_LIST_RULE =
  "must be a list of data disks written out in the app, such as [{ size: 40 }] (each disk's fields may be known only at apply time)";

function checkDataDisks(problems: Problems, disks: unknown): void {
  if (disks === undefined) return;
  // Each disk becomes a data_disks block: Terraform can't make blocks from one expression, and the
  // export must know that an image carries at most 4 disks. Fields inside a disk may be tokens.
  if (Token.isUnresolved(disks)) {
    problems.add(
      "dataDisks",
      `${DISK_LIST_RULE}, got a value known only at apply time (Terraform can't make data_disks blocks from one expression)`,
    );
    return;
  }
  if (!Array.isArray(disks)) {
    problems.add("dataDisks", `must be a list of data disks, got ${show(disks)}`);
    return;
  }
  if (disks.length > MAX_EXPORTED_DATA_DISKS) {
    problems.add(
      "dataDisks",
      `must hold at most ${MAX_EXPORTED_DATA_DISKS} disks (the most an exported image may carry), got ${disks.length}`,
    );
  }
  // An index loop, not forEach: forEach skips the holes of a sparse list such as [, { size: 40 }].
  for (let i = 0; i < disks.length; i++) {
    const disk: unknown = disks[i];
    const prop = `dataDisks[${i}]`;
    // Each disk becomes a data_disks block, which Terraform can't fill from one expression.
    if (Token.isUnresolved(disk)) {
      problems.add(
        prop,
        "must be a data disk such as { size: 40 } written out in the app (its fields may be known only at apply time, the disk itself can't), got a value known only at apply time",
      );
      continue;
    }
    if (disk === null || typeof disk !== "object" || Array.isArray(disk)) {
      problems.add(prop, `must be a data disk such as { size: 40 }, got ${show(disk)}`);
      continue;
    }
    const d = disk as Record<string, unknown>;
    checkPropsObject(
      problems,
      "DataDisk",
      d,
      ["size", "category", "performanceLevel", "name", "description"],
      prop,
    );
    if (d.size === undefined) {
      problems.add(`${prop}.size`, "must be given (GiB, 1-500)");
    } else {
      problems.check(
        `${prop}.size`,
        d.size,
        checkInteger(
          1,
          MAX_EXPORTED_DATA_DISK_GIB,
          "GiB (the largest data disk an exported image may carry)",
        ),
      );
    }
    problems.check(`${prop}.category`, d.category, DISK_CATEGORY);
    problems.check(`${prop}.performanceLevel`, d.performanceLevel, DISK_PERFORMANCE_LEVEL);
    problems.check(`${prop}.name`, d.name, DISK_NAME);
    problems.check(`${prop}.description`, d.description, DISK_DESCRIPTION);
  }
}

/** Checks every scaffold prop and every combination of them; shared with ImageExport. */
export function checkScaffoldProps(problems: Problems, props: ImageScaffoldProps): void {
  problems.check("namePrefix", props.namePrefix, checkNamePrefix);
  problems.check("vpcId", props.vpcId, checkResourceId("vpc", "a VPC"));
  problems.check("vpcCidrBlock", props.vpcCidrBlock, checkVpcCidr);
  problems.check("vswitchId", props.vswitchId, checkResourceId("vsw", "a vSwitch"));
  problems.check("vswitchCidrBlock", props.vswitchCidrBlock, checkVswitchCidr);
  problems.check("zoneId", props.zoneId, checkZoneId);
  problems.check("securityGroupId", props.securityGroupId, checkResourceId("sg", "a security group"));
  problems.check("instanceType", props.instanceType, checkEcsPrefixed);
  problems.check("instanceTypeFamily", props.instanceTypeFamily, checkEcsPrefixed);
  problems.check("sourceImageId", props.sourceImageId, checkSourceImageId);
  problems.check("sourceImageNameRegex", props.sourceImageNameRegex, checkRegex);
  problems.check("sourceImageOwners", props.sourceImageOwners, (value) => {
    const problem = checkOneOf(SOURCE_IMAGE_OWNERS)(value);
    // The data source would accept it; the export, 20 minutes later, would not.
    return problem && value === "marketplace"
      ? `${problem} (custom images based on Marketplace images can't be exported)`
      : problem;
  });
  problems.check("instancePublicBandwidth", props.instancePublicBandwidth, checkInteger(0, 100, "Mbit/s"));
  checkDataDisks(problems, props.dataDisks);
  problems.check("imageName", props.imageName, checkImageName);
  problems.check("imageDescription", props.imageDescription, checkDescription);
  problems.check("instanceForceDelete", props.instanceForceDelete, checkBoolean);

  // Combinations: options that describe something the user already brought.
  const conflict = (prop: keyof ImageScaffoldProps, because: keyof ImageScaffoldProps, why: string) => {
    if (given(props[prop]) && given(props[because])) {
      problems.add(prop, `can't be combined with ${because} (${why}), got ${show(props[prop])}`);
    }
  };
  conflict("vpcCidrBlock", "vpcId", "the VPC already exists");
  conflict("vpcCidrBlock", "vswitchId", "the vSwitch's VPC already exists");
  conflict("vswitchCidrBlock", "vswitchId", "the vSwitch already exists");
  conflict("zoneId", "vswitchId", "the instance runs in the vSwitch's zone");
  conflict("instanceTypeFamily", "instanceType", "the type is already chosen");
  conflict("sourceImageNameRegex", "sourceImageId", "the source image is already chosen");
  conflict("sourceImageOwners", "sourceImageId", "the source image is already chosen");
  if (given(props.vpcId) && !given(props.vswitchId) && !given(props.vswitchCidrBlock)) {
    problems.add(
      "vswitchCidrBlock",
      `must be given when vpcId is given without vswitchId (a block inside ${show(props.vpcId)} for the new vSwitch)`,
    );
  }
  if (given(props.securityGroupId) && !given(props.vpcId) && !given(props.vswitchId)) {
    problems.add(
      "securityGroupId",
      `needs vpcId or vswitchId of the group's VPC (the scaffold would otherwise build the instance in a new VPC the group isn't in), got ${show(props.securityGroupId)}`,
    );
  }
  if (given(props.vswitchId) && !given(props.securityGroupId) && !given(props.vpcId)) {
    problems.add(
      "vpcId",
      "must be given when vswitchId is given without securityGroupId (the new security group must be created in the vSwitch's VPC)",
    );
  }

  // Without vswitchCidrBlock the vSwitch takes the VPC's whole block, and no vSwitch block is wider than /16.
  if (
    typeof props.vpcCidrBlock === "string" &&
    !Token.isUnresolved(props.vpcCidrBlock) &&
    !given(props.vswitchCidrBlock) &&
    !given(props.vswitchId)
  ) {
    const vpc = parseIpv4Cidr(props.vpcCidrBlock);
    if (typeof vpc !== "string" && vpc.prefixLength < 16) {
      problems.add(
        "vswitchCidrBlock",
        `must be given when vpcCidrBlock is wider than /16 (the vSwitch would take the VPC's whole block, but vSwitch blocks are /16 to /29), got none with vpcCidrBlock ${show(props.vpcCidrBlock)}`,
      );
    }
  }

  // The vSwitch's block must lie inside the VPC's.
  const vpcCidr = props.vpcCidrBlock ?? (given(props.vpcId) ? undefined : DEFAULT_CIDR);
  const vswitchCidr = props.vswitchCidrBlock;
  if (
    vpcCidr !== undefined &&
    vswitchCidr !== undefined &&
    typeof vpcCidr === "string" &&
    typeof vswitchCidr === "string" &&
    !Token.isUnresolved(vpcCidr) &&
    !Token.isUnresolved(vswitchCidr)
  ) {
    const outer = parseIpv4Cidr(vpcCidr);
    const inner = parseIpv4Cidr(vswitchCidr);
    if (typeof outer !== "string" && typeof inner !== "string" && !cidrContains(outer, inner)) {
      problems.add(
        "vswitchCidrBlock",
        `must lie inside the VPC's block ${show(vpcCidr)}${props.vpcCidrBlock === undefined ? " (the default vpcCidrBlock)" : ""}, got ${show(vswitchCidr)}`,
      );
    }
  }
}

/**
 * An exportable custom image and everything it takes to make one, as in the provider's example for
 * `alicloud_image_export`: zone, instance-type and source-image lookups, a VPC, a vSwitch, a security
 * group, an ECS instance, and a custom image of that instance. Each network piece can be replaced by
 * one of your own.
 *
 * Secure by default: the instance has no public IP address, the security group has no rules (nothing can
 * reach the instance), and the instance's metadata service only answers token-authenticated requests.
 */
export class ImageScaffold extends Construct {
  /** The custom image (`alicloud_image`) made from the instance. */
  public readonly resource: alicloud.image.Image;

  /** The id of the custom image (known after apply). */
  public readonly imageId: string;

  /** The ECS instance the image is made from. */
  public readonly instance: alicloud.instance.Instance;

  /** The VPC, or `undefined` when you gave `vpcId` or `vswitchId`. */
  public readonly vpc?: alicloud.vpc.Vpc;

  /** The vSwitch, or `undefined` when you gave `vswitchId`. */
  public readonly vswitch?: alicloud.vswitch.Vswitch;

  /** The security group, or `undefined` when you gave `securityGroupId`. */
  public readonly securityGroup?: alicloud.securityGroup.SecurityGroup;

  /** The zone lookup, or `undefined` when you gave `zoneId` or `vswitchId`. */
  public readonly zones?: alicloud.dataAlicloudZones.DataAlicloudZones;

  /** The instance-type lookup, or `undefined` when you gave `instanceType`. */
  public readonly instanceTypes?: alicloud.dataAlicloudInstanceTypes.DataAlicloudInstanceTypes;

  /** The source-image lookup, or `undefined` when you gave `sourceImageId`. */
  public readonly sourceImages?: alicloud.dataAlicloudImages.DataAlicloudImages;

  constructor(scope: Construct, id: string, props: ImageScaffoldProps = {}) {
    super(scope, id);
    checkFramework(this, "ImageScaffold");
    checkChecksPlacement(this);
    if (!isCheckedByCaller(props)) {
      const problems = new Problems(describe("ImageScaffold", this.node.path));
      if (checkPropsObject(problems, "ImageScaffold", props, ["provider", ...SCAFFOLD_PROP_NAMES])) {
        problems.check("provider", props.provider, checkAlicloudProvider);
        checkScaffoldProps(problems, props);
      }
      problems.throwIfAny();
    }

    const gen = scaffoldBindings();
    const provider = props.provider;
    // Text is written as typed: Terraform would read `${` and `%{` in it as templates (literal-text.ts).
    const name = literalText(props.namePrefix ?? DEFAULT_NAME);

    if (props.vswitchId !== undefined && props.instanceType === undefined) {
      Annotations.of(this).addWarning(
        "vswitchId is given without instanceType: the instance type is chosen without knowing the vSwitch's zone and may not be sold there. Give instanceType to be sure.",
      );
    }

    // The zone: yours, the vSwitch's (then unknown here), or the first one that can host the instance.
    let zoneId: string | undefined = literalText(props.zoneId);
    if (zoneId === undefined && props.vswitchId === undefined) {
      this.zones = new gen.dataAlicloudZones.DataAlicloudZones(this, "Zones", {
        provider,
        availableResourceCreation: "Instance",
        availableInstanceType: literalText(props.instanceType),
      });
      zoneId = this.zones.zones.get(0).id;
    }

    // The instance type: yours, or one sold pay-as-you-go in that zone.
    let instanceType = literalText(props.instanceType);
    if (instanceType === undefined) {
      const bySize = props.instanceTypeFamily === undefined;
      this.instanceTypes = new gen.dataAlicloudInstanceTypes.DataAlicloudInstanceTypes(
        this,
        "InstanceTypes",
        {
          provider,
          availabilityZone: zoneId,
          instanceTypeFamily: literalText(props.instanceTypeFamily),
          cpuCoreCount: bySize ? 2 : undefined,
          memorySize: bySize ? 4 : undefined,
          instanceChargeType: "PostPaid",
        },
      );
      instanceType = Token.asString(propertyAccess(this.instanceTypes.ids, [0]));
    }

    // The source image: yours, or the newest Linux image that matches and runs on that type.
    let sourceImageId = literalText(props.sourceImageId);
    if (sourceImageId === undefined) {
      this.sourceImages = new gen.dataAlicloudImages.DataAlicloudImages(this, "SourceImages", {
        provider,
        nameRegex: literalText(props.sourceImageNameRegex ?? DEFAULT_SOURCE_IMAGE_REGEX),
        owners: literalText(props.sourceImageOwners ?? "system"),
        osType: "linux",
        mostRecent: true,
        instanceType,
      });
      sourceImageId = Token.asString(propertyAccess(this.sourceImages.ids, [0]));
    }

    let vpcId = literalText(props.vpcId);
    if (vpcId === undefined && props.vswitchId === undefined) {
      this.vpc = new gen.vpc.Vpc(this, "Vpc", {
        provider,
        vpcName: name,
        cidrBlock: literalText(props.vpcCidrBlock ?? DEFAULT_CIDR),
      });
      vpcId = this.vpc.id;
    }

    let vswitchId = literalText(props.vswitchId);
    if (vswitchId === undefined) {
      this.vswitch = new gen.vswitch.Vswitch(this, "Vswitch", {
        provider,
        vswitchName: name,
        vpcId: vpcId as string,
        cidrBlock: literalText(props.vswitchCidrBlock ?? props.vpcCidrBlock ?? DEFAULT_CIDR),
        zoneId,
      });
      vswitchId = this.vswitch.id;
    }

    let securityGroupId = literalText(props.securityGroupId);
    if (securityGroupId === undefined) {
      this.securityGroup = new gen.securityGroup.SecurityGroup(this, "SecurityGroup", {
        provider,
        securityGroupName: name,
        description: "No rules: nothing can reach the instance an image is made from.",
        vpcId: vpcId as string,
        innerAccessPolicy: "Drop",
      });
      securityGroupId = this.securityGroup.id;
    }

    this.instance = new gen.instance.Instance(this, "Instance", {
      provider,
      instanceName: name,
      availabilityZone: props.vswitchId === undefined ? zoneId : undefined,
      instanceType,
      imageId: sourceImageId,
      vswitchId,
      securityGroups: [securityGroupId],
      internetMaxBandwidthOut: props.instancePublicBandwidth ?? 0,
      instanceChargeType: "PostPaid",
      httpTokens: "required",
      forceDelete: props.instanceForceDelete,
      dataDisks: instanceDataDisks(props.dataDisks),
    });

    // The image is a copy of the instance's disks, made once: the provider neither replaces an image for a
    // new instance_id nor updates it (a new instance plans as an update in place that changes nothing in
    // the cloud), so the image, and the export of it, would stay those of the old instance. It is
    // replaced whenever the instance gets new disks: when the instance is replaced (a new id), and when
    // its image_id changes, which the provider applies by replacing the system disk in place.
    // Bare references, as Terraform's JSON syntax wants them here: cdktf writes a resource given to
    // replaceTriggeredBy as "${...}", which Terraform rejects (hashicorp/terraform-cdk#3196).
    const instance = this.instance;
    const instanceAttribute = (attribute: string) =>
      `${instance.terraformResourceType}.${instance.friendlyUniqueId}.${attribute}`;
    this.resource = new gen.image.Image(this, "Resource", {
      provider,
      // Custom image names are unique per region, so two scaffolds must not both take the bare prefix.
      imageName: literalText(
        props.imageName ?? `${props.namePrefix ?? DEFAULT_NAME}-${this.node.addr.slice(2, 10)}`,
      ),
      description: literalText(props.imageDescription ?? "Exported to OSS by cdktf-alicloud-image-export"),
      instanceId: instance.id,
      lifecycle: { replaceTriggeredBy: [instanceAttribute("id"), instanceAttribute("image_id")] },
    });
    this.imageId = this.resource.id;

    const features = [
      ALICLOUD_FEATURES.httpTokens,
      ...(this.vpc ? [ALICLOUD_FEATURES.vpcName] : []),
      ...(this.vswitch ? [ALICLOUD_FEATURES.vswitchName] : []),
      ...(this.securityGroup ? [ALICLOUD_FEATURES.securityGroupName] : []),
    ];
    addRegionValidation(this, (index) =>
      providerVersionChecks(index, describe("ImageScaffold", this.node.path), features),
    );
  }
}

/**
 * The instance's `data_disks` (none for an empty list); the disks are deleted with the instance, which
 * exists only to make the image.
 */
function instanceDataDisks(disks: DataDisk[] | undefined): alicloud.instance.InstanceDataDisks[] | undefined {
  if (disks === undefined || disks.length === 0) return undefined;
  return disks.map((disk) => ({
    size: disk.size,
    category: literalText(disk.category),
    performanceLevel: literalText(disk.performanceLevel),
    name: literalText(disk.name),
    description: literalText(disk.description),
    deleteWithInstance: true,
  }));
}

let loadedBindings: typeof alicloud | undefined;

/** The scaffold's bindings, loaded with the first scaffold (see scaffold-bindings.ts). */
function scaffoldBindings(): typeof alicloud {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  loadedBindings ??= require("./scaffold-bindings") as typeof alicloud;
  return loadedBindings;
}
