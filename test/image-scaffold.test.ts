import { Testing } from "cdktf";
import { alicloud, ImageExport, ImageScaffold } from "../src";
import {
  dataSources,
  defined,
  reference,
  resolve,
  resources,
  SCAFFOLD_TYPES,
  synth,
  theDataSource,
  theResource,
  warningsOf,
} from "./support/config";
import { stackInRegion } from "./support/synth-helpers";

describe("bringing your own network pieces", () => {
  test("vpcId with vswitchCidrBlock: a vSwitch and a security group are created in your VPC", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", {
      vpcId: "vpc-bp1abc",
      vswitchCidrBlock: "10.20.30.0/24",
    });
    const config = synth(stack);

    // THEN
    expect(exported.vpc).toBeUndefined();
    expect(resources(config, alicloud.vpc.Vpc)).toHaveLength(0);
    expect(theResource(config, alicloud.vswitch.Vswitch)).toMatchObject({
      vpc_id: "vpc-bp1abc",
      cidr_block: "10.20.30.0/24",
    });
    expect(theResource(config, alicloud.securityGroup.SecurityGroup)).toMatchObject({ vpc_id: "vpc-bp1abc" });
    expect(theResource(config, alicloud.instance.Instance)).toMatchObject({
      vswitch_id: reference(defined(exported.vswitch), "id"),
      security_groups: [reference(defined(exported.securityGroup), "id")],
    });
    expect(dataSources(config, alicloud.dataAlicloudZones.DataAlicloudZones)).toHaveLength(1);
  });

  test("vswitchId with vpcId: only a security group is created, and the vSwitch decides the zone", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", {
      vswitchId: "vsw-bp1abc",
      vpcId: "vpc-bp1abc",
      instanceType: "ecs.g7.large",
    });
    const config = synth(stack);

    // THEN
    expect(exported.vpc).toBeUndefined();
    expect(exported.vswitch).toBeUndefined();
    expect(resources(config, alicloud.vpc.Vpc)).toHaveLength(0);
    expect(resources(config, alicloud.vswitch.Vswitch)).toHaveLength(0);
    expect(dataSources(config, alicloud.dataAlicloudZones.DataAlicloudZones)).toHaveLength(0);
    expect(theResource(config, alicloud.securityGroup.SecurityGroup)).toMatchObject({ vpc_id: "vpc-bp1abc" });
    const instance = theResource(config, alicloud.instance.Instance);
    expect(instance).toMatchObject({
      vswitch_id: "vsw-bp1abc",
      instance_type: "ecs.g7.large",
      security_groups: [reference(defined(exported.securityGroup), "id")],
    });
    expect(instance.availability_zone).toBeUndefined();
    expect(warningsOf(defined(exported.scaffold))).toEqual([]);
  });

  test("vswitchId without instanceType warns that the type may not be sold in the vSwitch's zone", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", { vswitchId: "vsw-bp1abc", vpcId: "vpc-bp1abc" });
    const config = synth(stack);

    // THEN
    expect(warningsOf(defined(exported.scaffold))).toEqual([
      expect.stringMatching(/^vswitchId is given without instanceType: .* Give instanceType to be sure\.$/),
    ]);
    expect(theDataSource(config, alicloud.dataAlicloudInstanceTypes.DataAlicloudInstanceTypes)).toEqual({
      cpu_core_count: 2,
      memory_size: 4,
      instance_charge_type: "PostPaid",
    });
  });

  test("securityGroupId with vswitchId: no network piece is created and the instance uses yours", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", {
      securityGroupId: "sg-bp1abc",
      vswitchId: "vsw-bp1abc",
      instanceType: "ecs.g7.large",
    });
    const config = synth(stack);

    // THEN
    expect(exported.vpc).toBeUndefined();
    expect(exported.vswitch).toBeUndefined();
    expect(exported.securityGroup).toBeUndefined();
    for (const type of [alicloud.vpc.Vpc, alicloud.vswitch.Vswitch, alicloud.securityGroup.SecurityGroup]) {
      expect(resources(config, type)).toHaveLength(0);
    }
    expect(theResource(config, alicloud.instance.Instance)).toMatchObject({
      vswitch_id: "vsw-bp1abc",
      security_groups: ["sg-bp1abc"],
    });
    expect(theResource(config, alicloud.imageExport.ImageExport).image_id).toBe(
      reference(defined(exported.image), "id"),
    );
  });

  test("securityGroupId with vpcId: the vSwitch is created in your VPC, the security group is yours", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", {
      securityGroupId: "sg-bp1abc",
      vpcId: "vpc-bp1abc",
      vswitchCidrBlock: "10.0.0.0/24",
    });
    const config = synth(stack);

    // THEN
    expect(exported.securityGroup).toBeUndefined();
    expect(resources(config, alicloud.securityGroup.SecurityGroup)).toHaveLength(0);
    expect(theResource(config, alicloud.vswitch.Vswitch)).toMatchObject({ vpc_id: "vpc-bp1abc" });
    expect(theResource(config, alicloud.instance.Instance)).toMatchObject({
      vswitch_id: reference(defined(exported.vswitch), "id"),
      security_groups: ["sg-bp1abc"],
    });
  });
});

describe("scaffold options", () => {
  test("zoneId replaces the zone lookup everywhere a zone is needed", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", { zoneId: "cn-hangzhou-h" });
    const config = synth(stack);

    // THEN
    expect(defined(exported.scaffold).zones).toBeUndefined();
    expect(dataSources(config, alicloud.dataAlicloudZones.DataAlicloudZones)).toHaveLength(0);
    expect(theDataSource(config, alicloud.dataAlicloudInstanceTypes.DataAlicloudInstanceTypes)).toMatchObject(
      {
        availability_zone: "cn-hangzhou-h",
      },
    );
    expect(theResource(config, alicloud.vswitch.Vswitch).zone_id).toBe("cn-hangzhou-h");
    expect(theResource(config, alicloud.instance.Instance).availability_zone).toBe("cn-hangzhou-h");
  });

  test("instanceType replaces the type lookup and narrows the zone and image lookups", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", { instanceType: "ecs.g7.large" });
    const config = synth(stack);

    // THEN
    expect(defined(exported.scaffold).instanceTypes).toBeUndefined();
    expect(dataSources(config, alicloud.dataAlicloudInstanceTypes.DataAlicloudInstanceTypes)).toHaveLength(0);
    expect(theDataSource(config, alicloud.dataAlicloudZones.DataAlicloudZones)).toMatchObject({
      available_instance_type: "ecs.g7.large",
    });
    expect(theDataSource(config, alicloud.dataAlicloudImages.DataAlicloudImages).instance_type).toBe(
      "ecs.g7.large",
    );
    expect(theResource(config, alicloud.instance.Instance).instance_type).toBe("ecs.g7.large");
  });

  test("instanceTypeFamily picks the type from that family instead of by size", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", { instanceTypeFamily: "ecs.g7" });
    const config = synth(stack);

    // THEN
    const lookup = theDataSource(config, alicloud.dataAlicloudInstanceTypes.DataAlicloudInstanceTypes);
    expect(lookup.instance_type_family).toBe("ecs.g7");
    expect(lookup.cpu_core_count).toBeUndefined();
    expect(lookup.memory_size).toBeUndefined();
  });

  test("sourceImageId replaces the image lookup", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", {
      sourceImageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    });
    const config = synth(stack);

    // THEN
    expect(defined(exported.scaffold).sourceImages).toBeUndefined();
    expect(dataSources(config, alicloud.dataAlicloudImages.DataAlicloudImages)).toHaveLength(0);
    expect(theResource(config, alicloud.instance.Instance).image_id).toBe(
      "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    );
  });

  test("dataDisks reach the instance, each deleted with it", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", {
      dataDisks: [
        { size: 500, category: "cloud_essd", performanceLevel: "PL1", name: "data", description: "scratch" },
        { size: 1 },
      ],
    });
    const config = synth(stack);

    // THEN
    expect(theResource(config, alicloud.instance.Instance).data_disks).toEqual([
      {
        size: 500,
        category: "cloud_essd",
        performance_level: "PL1",
        name: "data",
        description: "scratch",
        delete_with_instance: true,
      },
      { size: 1, delete_with_instance: true },
    ]);
  });

  test("without dataDisks the instance has none", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export");
    const config = synth(stack);

    // THEN
    expect(theResource(config, alicloud.instance.Instance).data_disks).toBeUndefined();
  });

  test("instancePublicBandwidth gives the instance outbound bandwidth", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", { instancePublicBandwidth: 100 });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.instance.Instance, {
      internet_max_bandwidth_out: 100,
    });
  });

  test("namePrefix names the VPC, vSwitch, security group, instance and image", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", { namePrefix: "nightly-web" });
    const config = synth(stack);

    // THEN
    expect(theResource(config, alicloud.vpc.Vpc).vpc_name).toBe("nightly-web");
    expect(theResource(config, alicloud.vswitch.Vswitch).vswitch_name).toBe("nightly-web");
    expect(theResource(config, alicloud.securityGroup.SecurityGroup).security_group_name).toBe("nightly-web");
    expect(theResource(config, alicloud.instance.Instance).instance_name).toBe("nightly-web");
    // Custom image names are unique per region, so the image's name carries a suffix.
    expect(theResource(config, alicloud.image.Image).image_name).toMatch(/^nightly-web-[0-9a-f]{8}$/);
  });

  test("imageName and imageDescription name only the image", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", {
      namePrefix: "nightly-web",
      imageName: "web-golden",
      imageDescription: "Golden web image",
    });
    const config = synth(stack);

    // THEN
    expect(theResource(config, alicloud.image.Image)).toMatchObject({
      image_name: "web-golden",
      description: "Golden web image",
    });
    expect(theResource(config, alicloud.instance.Instance).instance_name).toBe("nightly-web");
  });

  test("instanceForceDelete reaches the instance, false included", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Forced", { instanceForceDelete: true, ossBucket: "my-exports" });
    new ImageExport(stack, "Kept", { instanceForceDelete: false, ossBucket: "my-exports" });
    const config = synth(stack);

    // THEN
    expect(resources(config, alicloud.instance.Instance).map((i) => i.force_delete)).toEqual([true, false]);
  });

  test("vpcCidrBlock sets the VPC's block and, without vswitchCidrBlock, the vSwitch's", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", { vpcCidrBlock: "10.0.0.0/16" });
    const config = synth(stack);

    // THEN
    expect(theResource(config, alicloud.vpc.Vpc).cidr_block).toBe("10.0.0.0/16");
    expect(theResource(config, alicloud.vswitch.Vswitch).cidr_block).toBe("10.0.0.0/16");
  });

  test("vswitchCidrBlock sets the vSwitch's block inside the VPC's", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", { vpcCidrBlock: "10.0.0.0/16", vswitchCidrBlock: "10.0.255.0/24" });
    const config = synth(stack);

    // THEN
    expect(theResource(config, alicloud.vpc.Vpc).cidr_block).toBe("10.0.0.0/16");
    expect(theResource(config, alicloud.vswitch.Vswitch).cidr_block).toBe("10.0.255.0/24");
  });
});

describe("ImageScaffold on its own", () => {
  test("creates the whole chain down to the custom image, and no export or bucket", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const scaffold = new ImageScaffold(stack, "Scaffold", { namePrefix: "golden" });
    const config = synth(stack);

    // THEN
    expect(scaffold.resource.node.id).toBe("Resource");
    for (const type of SCAFFOLD_TYPES) expect(resources(config, type)).toHaveLength(1);
    expect(resources(config, alicloud.imageExport.ImageExport)).toHaveLength(0);
    expect(resources(config, alicloud.ossBucket.OssBucket)).toHaveLength(0);
    expect(theResource(config, alicloud.image.Image)).toMatchObject({
      image_name: expect.stringMatching(/^golden-[0-9a-f]{8}$/),
      instance_id: reference(scaffold.instance, "id"),
    });
    expect(resolve(stack, { imageId: scaffold.imageId }).imageId).toBe(reference(scaffold.resource, "id"));
  });
});
