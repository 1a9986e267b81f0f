import { TerraformOutput, TerraformStack, Testing, Token } from "cdktf";
import { alicloud, random } from "../../src";

/** A parsed `cdk.tf.json`, loosely typed so tests can reach in and change anything. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Stack = { [key: string]: any };

let validJson: string | undefined;

/**
 * A stack that conforms to the provider schemas, built with the generated bindings the way a user
 * would: a network, an instance with data disks, an image of it, an encrypted bucket named with a
 * random suffix, and the export with a timeout. Synthesized once; each call returns a fresh copy.
 */
export function validStackJson(): string {
  if (validJson === undefined) {
    const stack = new TerraformStack(Testing.app(), "valid");
    new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
    new random.provider.RandomProvider(stack, "random");

    const zones = new alicloud.dataAlicloudZones.DataAlicloudZones(stack, "Zones", {
      availableResourceCreation: "VSwitch",
    });
    const images = new alicloud.dataAlicloudImages.DataAlicloudImages(stack, "Images", {
      owners: "system",
      nameRegex: "^ubuntu_22",
      mostRecent: true,
    });
    const vpc = new alicloud.vpc.Vpc(stack, "Vpc", { vpcName: "export", cidrBlock: "10.0.0.0/16" });
    const vswitch = new alicloud.vswitch.Vswitch(stack, "Vswitch", {
      vpcId: vpc.id,
      cidrBlock: "10.0.1.0/24",
      zoneId: zones.zones.get(0).id,
      vswitchName: "export",
    });
    const securityGroup = new alicloud.securityGroup.SecurityGroup(stack, "SecurityGroup", {
      vpcId: vpc.id,
      securityGroupName: "export",
    });
    new alicloud.securityGroupRule.SecurityGroupRule(stack, "SshIn", {
      securityGroupId: securityGroup.id,
      type: "ingress",
      ipProtocol: "tcp",
      portRange: "22/22",
      cidrIp: "10.0.0.0/8",
      priority: 1,
    });
    const instance = new alicloud.instance.Instance(stack, "Instance", {
      instanceType: "ecs.g6.large",
      imageId: images.images.get(0).id,
      vswitchId: vswitch.id,
      securityGroups: [securityGroup.id],
      systemDiskCategory: "cloud_essd",
      instanceName: "export-source",
      dataDisks: [{ size: 20, category: "cloud_essd", name: "data-1" }, { size: 40 }],
      tags: { purpose: "export" },
    });
    const image = new alicloud.image.Image(stack, "Image", {
      instanceId: instance.id,
      imageName: "export-source",
    });
    const suffix = new random.integer.Integer(stack, "Suffix", { min: 10000, max: 99999 });
    const bucket = new alicloud.ossBucket.OssBucket(stack, "Bucket", {
      bucket: `image-exports-${Token.asString(suffix.result)}`,
      serverSideEncryptionRule: { sseAlgorithm: "AES256" },
      storageClass: "Standard",
    });
    new alicloud.imageExport.ImageExport(stack, "Export", {
      imageId: image.id,
      ossBucket: bucket.bucket,
      ossPrefix: "nightly",
      timeouts: { create: "1h" },
    });
    new TerraformOutput(stack, "image_id", { value: image.id });
    validJson = Testing.synth(stack);
  }
  return validJson;
}

/** A fresh, mutable copy of the valid stack. */
export function validStack(): Stack {
  return JSON.parse(validStackJson());
}

/**
 * A stack holding one block of a vendored alicloud type (`alicloud_instance`, `data.alicloud_zones`) named
 * `Host`, or just the provider configuration (`provider`), with the requirement cdktf writes.
 */
export function stackWith(target: string, body: Stack): Stack {
  const stack: Stack = {
    provider: { alicloud: [{ region: "cn-hangzhou" }] },
    terraform: { required_providers: { alicloud: { source: "aliyun/alicloud", version: "~> 1.289" } } },
  };
  if (target === "provider") {
    stack.provider.alicloud = [body];
  } else if (target.startsWith("data.")) {
    stack.data = { [target.slice("data.".length)]: { Host: body } };
  } else {
    stack.resource = { [target]: { Host: body } };
  }
  return stack;
}

/** The address `stackWith` gives its block. */
export function hostAddress(target: string): string {
  return target === "provider" ? "provider.alicloud[0]" : `${target}.Host`;
}
