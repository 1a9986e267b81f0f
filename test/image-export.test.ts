import { AnnotationMetadataEntryType, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import {
  alicloud,
  ExportBucket,
  ExportStorageClass,
  ImageExport,
  ImageExportProps,
  ImageExportRole,
  ImageScaffold,
} from "../src";
import { checkOssPrefix } from "../src/validation/values";
import {
  BRING_YOUR_OWN,
  BUCKET_TYPES,
  address,
  defined,
  escapeRegExp,
  reference,
  resolve,
  resources,
  SCAFFOLD_TYPES,
  synth,
  theDataSource,
  theResource,
  warningsOf,
  REGION,
  Config,
} from "./support/config";
import { stackInRegion } from "./support/synth-helpers";

describe("ImageExport with your own image and bucket", () => {
  test("creates exactly one alicloud_image_export with your values and nothing else", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", BRING_YOUR_OWN);
    const synthesized = Testing.synth(stack, true);

    // THEN
    const config = JSON.parse(synthesized) as Config;
    expect(synthesized).toHaveResourceWithProperties(alicloud.imageExport.ImageExport, {
      image_id: "m-bp1g7004ksh0oeuc1234",
      oss_bucket: "my-exports",
      oss_prefix: "nightly",
    });
    expect(resources(config, alicloud.imageExport.ImageExport)).toHaveLength(1);
    expect(Object.keys(config.resource ?? {})).toEqual(["alicloud_image_export"]);
    expect(config.data).toBeUndefined();
    expect(Object.keys(config.provider ?? {})).toEqual(["alicloud"]);
  });

  test("waits the provider's default 20 minutes and depends on nothing", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", BRING_YOUR_OWN);
    const config = synth(stack);

    // THEN
    const exported = theResource(config, alicloud.imageExport.ImageExport);
    expect(exported.timeouts).toEqual({ create: "20m" });
    expect(exported.depends_on).toBeUndefined();
    expect(exported.provider).toBeUndefined();
  });

  test("exposes the export as 'Resource' and its attributes", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, createTimeout: "45m" });
    const resolved = resolve(stack, {
      imageId: exported.imageId,
      ossBucket: exported.ossBucket,
      ossPrefix: exported.ossPrefix,
      key: exported.systemDiskObjectKey,
      url: exported.systemDiskObjectUrl,
    });

    // THEN
    expect(exported.resource.node.id).toBe("Resource");
    expect(exported.resource).toBeInstanceOf(alicloud.imageExport.ImageExport);
    expect(exported.createTimeout).toBe("45m");
    const exportId = reference(exported.resource, "id");
    expect(resolved).toEqual({
      imageId: "m-bp1g7004ksh0oeuc1234",
      ossBucket: "my-exports",
      ossPrefix: "nightly",
      key: `nightly_${exportId}_system.raw.tar.gz`,
      url: `oss://my-exports/nightly_${exportId}_system.raw.tar.gz`,
    });
  });

  test("leaves every sub-resource undefined", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", BRING_YOUR_OWN);

    // THEN
    expect(exported.scaffold).toBeUndefined();
    expect(exported.image).toBeUndefined();
    expect(exported.instance).toBeUndefined();
    expect(exported.vpc).toBeUndefined();
    expect(exported.vswitch).toBeUndefined();
    expect(exported.securityGroup).toBeUndefined();
    expect(exported.exportBucket).toBeUndefined();
    expect(exported.bucket).toBeUndefined();
    expect(exported.bucketNameSuffix).toBeUndefined();
    expect(exported.role).toBeUndefined();
  });

  test("synthesizes the same through Testing.synthScope", () => {
    // GIVEN / WHEN
    const synthesized = Testing.synthScope((scope) => {
      new alicloud.provider.AlicloudProvider(scope, "alicloud", { region: REGION });
      new ImageExport(scope, "Export", BRING_YOUR_OWN);
    });

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.imageExport.ImageExport, {
      image_id: "m-bp1g7004ksh0oeuc1234",
      oss_bucket: "my-exports",
      oss_prefix: "nightly",
      timeouts: { create: "20m" },
    });
    expect(synthesized).not.toHaveResource(alicloud.ossBucket.OssBucket);
    expect(synthesized).not.toHaveResource(alicloud.image.Image);
  });
});

describe("ImageExport with nothing given", () => {
  test("looks up a zone, an instance type and a Linux source image", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export");
    const synthesized = Testing.synth(stack, true);

    // THEN
    const scaffold = defined(exported.scaffold);
    const zones = defined(scaffold.zones);
    const instanceTypes = defined(scaffold.instanceTypes);
    expect(synthesized).toHaveDataSourceWithProperties(alicloud.dataAlicloudZones.DataAlicloudZones, {
      available_resource_creation: "Instance",
    });
    expect(synthesized).toHaveDataSourceWithProperties(
      alicloud.dataAlicloudInstanceTypes.DataAlicloudInstanceTypes,
      {
        availability_zone: `\${${address(zones)}.zones[0].id}`,
        cpu_core_count: 2,
        memory_size: 4,
        instance_charge_type: "PostPaid",
      },
    );
    expect(synthesized).toHaveDataSourceWithProperties(alicloud.dataAlicloudImages.DataAlicloudImages, {
      name_regex: "^ubuntu_[0-9]+_[0-9]+_x64*",
      owners: "system",
      os_type: "linux",
      most_recent: true,
      instance_type: `\${${address(instanceTypes)}.ids.0}`,
    });
  });

  test("builds the network, the instance and the image, each wired to the one before", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export");
    const config = synth(stack);

    // THEN
    const scaffold = defined(exported.scaffold);
    const vpc = defined(exported.vpc);
    const vswitch = defined(exported.vswitch);
    const securityGroup = defined(exported.securityGroup);
    const instance = defined(exported.instance);
    const zoneRef = `\${${address(defined(scaffold.zones))}.zones[0].id}`;
    expect(theResource(config, alicloud.vpc.Vpc)).toEqual({
      vpc_name: "image-export",
      cidr_block: "172.17.3.0/24",
    });
    expect(theResource(config, alicloud.vswitch.Vswitch)).toEqual({
      vswitch_name: "image-export",
      vpc_id: reference(vpc, "id"),
      cidr_block: "172.17.3.0/24",
      zone_id: zoneRef,
    });
    expect(theResource(config, alicloud.securityGroup.SecurityGroup)).toMatchObject({
      vpc_id: reference(vpc, "id"),
      security_group_name: "image-export",
    });
    expect(theResource(config, alicloud.instance.Instance)).toMatchObject({
      instance_name: "image-export",
      availability_zone: zoneRef,
      instance_type: `\${${address(defined(scaffold.instanceTypes))}.ids.0}`,
      image_id: `\${${address(defined(scaffold.sourceImages))}.ids.0}`,
      vswitch_id: reference(vswitch, "id"),
      security_groups: [reference(securityGroup, "id")],
      instance_charge_type: "PostPaid",
    });
    // The image is replaced with the instance, and when the instance gets a new source image.
    expect(theResource(config, alicloud.image.Image)).toEqual({
      image_name: expect.stringMatching(/^image-export-[0-9a-f]{8}$/),
      description: "Exported to OSS by cdktf-alicloud-image-export",
      instance_id: reference(instance, "id"),
      lifecycle: { replace_triggered_by: [`${address(instance)}.id`, `${address(instance)}.image_id`] },
    });
  });

  test("creates a bucket named from a random number, with its ACL, access block, encryption and versioning", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export");
    const config = synth(stack);

    // THEN
    const bucket = defined(exported.bucket);
    const suffix = defined(exported.bucketNameSuffix);
    expect(theResource(config, alicloud.ossBucket.OssBucket)).toEqual({
      bucket: `image-export-${reference(suffix, "result")}`,
      storage_class: "Standard",
      force_destroy: false,
      lifecycle_rule: [
        {
          id: "image-exports",
          enabled: true,
          expiration: [{ expired_object_delete_marker: true }],
          noncurrent_version_expiration: [{ days: 30 }],
        },
      ],
    });
    expect(resources(config, { tfResourceType: "random_integer" })).toEqual([{ min: 10000, max: 99999 }]);
    for (const type of [
      alicloud.ossBucketAcl.OssBucketAcl,
      alicloud.ossBucketPublicAccessBlock.OssBucketPublicAccessBlock,
      alicloud.ossBucketServerSideEncryption.OssBucketServerSideEncryption,
      alicloud.ossBucketVersioning.OssBucketVersioningA,
    ]) {
      expect(theResource(config, type).bucket).toBe(reference(bucket, "bucket"));
    }
    expect(config.provider?.random).toHaveLength(1);
  });

  test("exports the created image into the created bucket", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export");
    const config = synth(stack);

    // THEN
    const exportBlock = theResource(config, alicloud.imageExport.ImageExport);
    expect(exportBlock.image_id).toBe(reference(defined(exported.image), "id"));
    expect(exportBlock.oss_bucket).toBe(reference(defined(exported.bucket), "bucket"));
    expect(exportBlock.timeouts).toEqual({ create: "20m" });
  });

  test("exposes every sub-resource it created, under stable ids", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export");

    // THEN
    const scaffold = defined(exported.scaffold);
    const exportBucket = defined(exported.exportBucket);
    expect(scaffold.node.id).toBe("Scaffold");
    expect(exportBucket.node.id).toBe("Bucket");
    expect(defined(exported.image)).toBe(scaffold.resource);
    expect(exported.image?.node.id).toBe("Resource");
    expect(defined(exported.instance).node.id).toBe("Instance");
    expect(defined(exported.vpc).node.id).toBe("Vpc");
    expect(defined(exported.vswitch).node.id).toBe("Vswitch");
    expect(defined(exported.securityGroup).node.id).toBe("SecurityGroup");
    expect(defined(exported.bucket)).toBe(exportBucket.resource);
    expect(defined(exported.bucketNameSuffix).node.id).toBe("NameSuffix");
    expect(defined(scaffold.zones).node.id).toBe("Zones");
    expect(defined(scaffold.instanceTypes).node.id).toBe("InstanceTypes");
    expect(defined(scaffold.sourceImages).node.id).toBe("SourceImages");
    expect(
      [exportBucket.acl, exportBucket.publicAccessBlock, exportBucket.encryption].map((c) => c.node.id),
    ).toEqual(["Acl", "PublicAccessBlock", "Encryption"]);
  });

  test("makes the export wait for the bucket's ACL, public access block, encryption and versioning", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export");
    const config = synth(stack);

    // THEN
    const bucket = defined(exported.exportBucket);
    expect(theResource(config, alicloud.imageExport.ImageExport).depends_on).toEqual([
      address(bucket.acl),
      address(bucket.publicAccessBlock),
      address(bucket.encryption),
      address(defined(bucket.versioning)),
    ]);
  });

  test("makes the export wait for a created bucket even when the image is yours", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", { imageId: "m-bp1abc" });
    const config = synth(stack);

    // THEN
    const bucket = defined(exported.exportBucket);
    expect(resources(config, alicloud.image.Image)).toHaveLength(0);
    expect(theResource(config, alicloud.imageExport.ImageExport)).toMatchObject({
      image_id: "m-bp1abc",
      oss_bucket: reference(bucket.resource, "bucket"),
      depends_on: [
        address(bucket.acl),
        address(bucket.publicAccessBlock),
        address(bucket.encryption),
        address(defined(bucket.versioning)),
      ],
    });
  });

  test("builds the image but creates no bucket when the bucket is yours", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", { ossBucket: "my-exports" });
    const config = synth(stack);

    // THEN
    expect(resources(config, alicloud.ossBucket.OssBucket)).toHaveLength(0);
    expect(resources(config, { tfResourceType: "random_integer" })).toHaveLength(0);
    expect(config.provider?.random).toBeUndefined();
    expect(exported.exportBucket).toBeUndefined();
    expect(theResource(config, alicloud.imageExport.ImageExport)).toMatchObject({
      image_id: reference(defined(exported.image), "id"),
      oss_bucket: "my-exports",
    });
    expect(theResource(config, alicloud.imageExport.ImageExport).depends_on).toBeUndefined();
  });
});

describe("the default ossPrefix", () => {
  test("is 1-30 letters or digits and starts with the construct's id", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export");
    const config = synth(stack);

    // THEN
    expect(exported.ossPrefix).toMatch(/^Export[0-9a-f]{8}$/);
    expect(checkOssPrefix(exported.ossPrefix)).toBeUndefined();
    expect(theResource(config, alicloud.imageExport.ImageExport).oss_prefix).toBe(exported.ossPrefix);
  });

  test("stays within 30 characters for a long id and drops what isn't a letter or digit", () => {
    // GIVEN
    const stack = stackInRegion();
    const yours = { imageId: "m-bp1abc", ossBucket: "my-exports" };

    // WHEN
    const long = new ImageExport(stack, "NightlyExportOfTheProductionWebServer", yours);
    const dashed = new ImageExport(stack, "web-server_export", yours);
    const symbols = new ImageExport(stack, "--", yours);

    // THEN
    expect(long.ossPrefix).toMatch(/^NightlyExportOfTheProd[0-9a-f]{8}$/);
    expect(long.ossPrefix).toHaveLength(30);
    expect(dashed.ossPrefix).toMatch(/^webserverexport[0-9a-f]{8}$/);
    expect(symbols.ossPrefix).toMatch(/^export[0-9a-f]{8}$/);
    for (const exported of [long, dashed, symbols]) {
      expect(checkOssPrefix(exported.ossPrefix)).toBeUndefined();
    }
  });

  test("is the same each time the app is synthesized", () => {
    // GIVEN
    const first = new ImageExport(stackInRegion(), "Export");
    const second = new ImageExport(stackInRegion(), "Export");

    // WHEN
    const prefixes = [first, second].map(
      (exported) =>
        theResource(synth(exported.node.scope as TerraformStack), alicloud.imageExport.ImageExport)
          .oss_prefix,
    );

    // THEN
    expect(prefixes[0]).toBe(prefixes[1]);
    expect(prefixes[0]).toBe(first.ossPrefix);
  });

  test("differs between two exports, even two with the same id", () => {
    // GIVEN
    const stack = stackInRegion();

    const yours = { imageId: "m-bp1abc", ossBucket: "my-exports" };

    // WHEN
    const prefixes = [
      new ImageExport(stack, "Export", yours),
      new ImageExport(stack, "Export2", yours),
      new ImageExport(new Construct(stack, "Prod"), "Export", yours),
      new ImageExport(new Construct(stack, "Staging"), "Export", yours),
    ].map((exported) => exported.ossPrefix);

    // THEN
    expect(new Set(prefixes).size).toBe(4);
    const config = synth(stack);
    expect(
      resources(config, alicloud.imageExport.ImageExport)
        .map((e) => e.oss_prefix)
        .sort(),
    ).toEqual([...prefixes].sort());
  });
});

describe("secure defaults", () => {
  test("the instance has no public bandwidth and a token-only metadata service", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export");
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.instance.Instance, {
      internet_max_bandwidth_out: 0,
      http_tokens: "required",
    });
  });

  test("the security group drops traffic between its members and has no rules at all", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export");
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.securityGroup.SecurityGroup, {
      inner_access_policy: "Drop",
    });
    expect(synthesized).not.toHaveResource(alicloud.securityGroupRule.SecurityGroupRule);
  });

  test("the bucket is private, blocks public access, is encrypted and survives a destroy", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export");
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.ossBucketAcl.OssBucketAcl, { acl: "private" });
    expect(synthesized).toHaveResourceWithProperties(
      alicloud.ossBucketPublicAccessBlock.OssBucketPublicAccessBlock,
      { block_public_access: true },
    );
    expect(synthesized).toHaveResourceWithProperties(
      alicloud.ossBucketServerSideEncryption.OssBucketServerSideEncryption,
      { sse_algorithm: "AES256" },
    );
    expect(synthesized).toHaveResourceWithProperties(alicloud.ossBucket.OssBucket, { force_destroy: false });
  });

  test("only Linux images are considered to boot from (Windows Server images can't be exported)", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", { sourceImageNameRegex: "^win", sourceImageOwners: "self" });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveDataSourceWithProperties(alicloud.dataAlicloudImages.DataAlicloudImages, {
      name_regex: "^win",
      owners: "self",
      os_type: "linux",
    });
  });
});

describe("createTimeout", () => {
  test("sets the export's create timeout", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, createTimeout: "1h30m" });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.imageExport.ImageExport, {
      timeouts: { create: "1h30m" },
    });
  });
});

describe("an explicit provider", () => {
  test("is used by every resource and data source the construct creates", () => {
    // GIVEN
    const stack = stackInRegion();
    const shanghai = new alicloud.provider.AlicloudProvider(stack, "shanghai", {
      region: "cn-shanghai",
      alias: "shanghai",
    });

    // WHEN
    new ImageExport(stack, "Export", { provider: shanghai, createRole: true });
    const config = synth(stack);

    // THEN
    const created = [...Object.entries(config.resource ?? {}), ...Object.entries(config.data ?? {})].filter(
      ([type]) => type.startsWith("alicloud_"),
    );
    expect(created.map(([type]) => type).sort()).toEqual(
      [
        "alicloud_image_export",
        "alicloud_ram_role",
        "alicloud_ram_role_policy_attachment",
        "alicloud_zones",
        "alicloud_instance_types",
        "alicloud_images",
        ...[...SCAFFOLD_TYPES, ...BUCKET_TYPES].map((type) => type.tfResourceType),
      ].sort(),
    );
    for (const [, blocks] of created) {
      for (const block of Object.values(blocks)) expect(block.provider).toBe("alicloud.shanghai");
    }
  });

  test("is used by the export itself when image and bucket are yours", () => {
    // GIVEN
    const stack = stackInRegion();
    const shanghai = new alicloud.provider.AlicloudProvider(stack, "shanghai", {
      region: "cn-shanghai",
      alias: "shanghai",
    });

    // WHEN
    new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, provider: shanghai });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.imageExport.ImageExport, {
      provider: "alicloud.shanghai",
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// Validation

describe("validation of single props", () => {
  const at = "ImageExport at 'stack/Export': ";

  // Each case gets exactly one problem: the props around the bad one are valid together.
  test.each<[string, ImageExportProps, RegExp]>([
    [
      "imageId: a public image",
      { imageId: "ubuntu_22_04_x64" },
      /imageId must be the id of a custom image, 'm-' followed by lowercase letters and digits, got 'ubuntu_22_04_x64' \(looks like a public image; only custom images can be exported\)/,
    ],
    [
      "ossBucket: upper case",
      { ossBucket: "Exports_2024" },
      /ossBucket must be 3-63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit, got 'Exports_2024' \(has upper-case letters\)/,
    ],
    [
      "ossBucket: 64 characters",
      { ossBucket: "b".repeat(64) },
      /ossBucket must be 3-63 characters .*, got 'b{64}' \(64 characters\)/,
    ],
    [
      "ossPrefix: a space",
      { ossPrefix: "my prefix" },
      /ossPrefix must be 1-30 letters or digits, got 'my prefix' \(has a space\)/,
    ],
    [
      "ossPrefix: 31 characters",
      { ossPrefix: "p".repeat(31) },
      /ossPrefix must be 1-30 letters or digits, got 'p{31}' \(31 characters\)/,
    ],
    ["ossPrefix: empty", { ossPrefix: "" }, /ossPrefix must be 1-30 letters or digits, got '' \(empty\)/],
    [
      "createTimeout: exactly 2 minutes",
      { createTimeout: "2m" },
      /createTimeout must be a duration such as '20m' or '1h30m', longer than the 2m the provider waits before its first status check, got '2m' \(the export would always time out\)/,
    ],
    [
      "createTimeout: no unit",
      { createTimeout: "30" },
      /createTimeout must be a duration .*, got '30' \(no unit; write e\.g\. '30m'\)/,
    ],
    [
      "createRole: not a boolean",
      { createRole: "yes" as unknown as boolean },
      /createRole must be true or false, got 'yes' \(a string\)/,
    ],
    [
      "role: not an ImageExportRole",
      { role: { roleName: "x" } as unknown as ImageExportRole },
      /role must be an ImageExportRole, got \{"roleName":"x"\}/,
    ],
    [
      "bucketNamePrefix: 58 characters",
      { bucketNamePrefix: "p".repeat(58) },
      /bucketNamePrefix must be 1-57 lowercase letters, digits and hyphens, starting with a letter or digit, so that '<prefix>-<5 random digits>' is a valid bucket name, got 'p{58}' \(58 characters; with the suffix the name would be 64\)/,
    ],
    [
      "bucketForceDestroy: not a boolean",
      { bucketForceDestroy: "no" as unknown as boolean },
      /bucketForceDestroy must be true or false, got 'no' \(a string\)/,
    ],
    [
      "namePrefix: starts with a digit",
      { namePrefix: "1st-export" },
      /namePrefix must be 2-100 characters, start with a letter, and hold only letters, digits, '\.', '_', '-' and ':', got '1st-export' \(starts with '1'\)/,
    ],
    [
      "namePrefix: 101 characters",
      { namePrefix: "n".repeat(101) },
      /namePrefix must be 2-100 characters, .*, got 'n{101}' \(101 characters\)/,
    ],
    [
      "vpcId: not a VPC id",
      { vpcId: "vpc_123", vswitchCidrBlock: "10.0.0.0/24" },
      /vpcId must be the id of a VPC, 'vpc-' followed by lowercase letters and digits, got 'vpc_123'/,
    ],
    [
      "vpcCidrBlock: /7",
      { vpcCidrBlock: "10.0.0.0/7", vswitchCidrBlock: "10.0.0.0/16" },
      /vpcCidrBlock must be an IPv4 CIDR block with a prefix length from \/8 to \/28, got '10\.0\.0\.0\/7' \(\/7\)/,
    ],
    [
      "vpcCidrBlock: host bits set",
      { vpcCidrBlock: "10.0.0.1/16" },
      /vpcCidrBlock must be an IPv4 CIDR block .*, got '10\.0\.0\.1\/16' \(host bits are set; the network is 10\.0\.0\.0\/16\)/,
    ],
    [
      "vswitchId: not a vSwitch id",
      { vswitchId: "vswitch-1", vpcId: "vpc-bp1abc" },
      /vswitchId must be the id of a vSwitch, 'vsw-' followed by lowercase letters and digits, got 'vswitch-1'/,
    ],
    [
      "vswitchCidrBlock: /30",
      { vswitchCidrBlock: "172.17.3.0/30" },
      /vswitchCidrBlock must be an IPv4 CIDR block with a prefix length from \/16 to \/29, got '172\.17\.3\.0\/30' \(\/30\)/,
    ],
    [
      "zoneId: not a zone id",
      { zoneId: "Hangzhou-H" },
      /zoneId must be a zone id such as 'cn-hangzhou-h', got 'Hangzhou-H'/,
    ],
    [
      "securityGroupId: not a security group id",
      { securityGroupId: "sg_1", vswitchId: "vsw-bp1abc" },
      /securityGroupId must be the id of a security group, 'sg-' followed by lowercase letters and digits, got 'sg_1'/,
    ],
    [
      "instanceType: no 'ecs.'",
      { instanceType: "g7.large" },
      /instanceType must start with 'ecs\.' \(the provider rejects anything else\), got 'g7\.large'/,
    ],
    [
      "instanceTypeFamily: no 'ecs.'",
      { instanceTypeFamily: "g7" },
      /instanceTypeFamily must start with 'ecs\.' \(the provider rejects anything else\), got 'g7'/,
    ],
    [
      "sourceImageId: whitespace",
      { sourceImageId: "ubuntu 22" },
      /sourceImageId must be an image id or name without whitespace, got 'ubuntu 22' \(has whitespace\)/,
    ],
    [
      "sourceImageNameRegex: doesn't compile",
      { sourceImageNameRegex: "ubuntu_(" },
      /sourceImageNameRegex must be a valid regular expression, got 'ubuntu_\(' \(.+\)/,
    ],
    [
      "sourceImageOwners: marketplace",
      { sourceImageOwners: "marketplace" },
      /sourceImageOwners must be one of 'system', 'self', 'others', got 'marketplace' \(custom images based on Marketplace images can't be exported\)/,
    ],
    [
      "sourceImageOwners: unknown",
      { sourceImageOwners: "public" },
      /sourceImageOwners must be one of 'system', 'self', 'others', got 'public'/,
    ],
    [
      "instancePublicBandwidth: 101",
      { instancePublicBandwidth: 101 },
      /instancePublicBandwidth must be a whole number from 0 to 100 Mbit\/s, got 101/,
    ],
    [
      "instancePublicBandwidth: -1",
      { instancePublicBandwidth: -1 },
      /instancePublicBandwidth must be a whole number from 0 to 100 Mbit\/s, got -1/,
    ],
    [
      "dataDisks: 5 disks",
      { dataDisks: Array.from({ length: 5 }, () => ({ size: 20 })) },
      /dataDisks must hold at most 4 disks \(the most an exported image may carry\), got 5/,
    ],
    [
      "dataDisks: 501 GiB",
      { dataDisks: [{ size: 20 }, { size: 501 }] },
      /dataDisks\[1\]\.size must be a whole number from 1 to 500 GiB \(the largest data disk an exported image may carry\), got 501/,
    ],
    [
      "dataDisks: 0 GiB",
      { dataDisks: [{ size: 0 }] },
      /dataDisks\[0\]\.size must be a whole number from 1 to 500 GiB .*, got 0/,
    ],
    [
      "dataDisks: no size",
      { dataDisks: [{} as { size: number }] },
      /dataDisks\[0\]\.size must be given \(GiB, 1-500\)/,
    ],
    [
      "dataDisks: unknown category",
      { dataDisks: [{ size: 20, category: "hdd" }] },
      /dataDisks\[0\]\.category must be one of 'all', 'cloud', .*'cloud_essd'.*, got 'hdd'/,
    ],
    [
      "dataDisks: unknown performance level",
      { dataDisks: [{ size: 20, performanceLevel: "PL4" }] },
      /dataDisks\[0\]\.performanceLevel must be one of 'PL0', 'PL1', 'PL2', 'PL3', got 'PL4'/,
    ],
    [
      "dataDisks: a 1-byte name",
      { dataDisks: [{ size: 20, name: "d" }] },
      /dataDisks\[0\]\.name must be 2-128 bytes long, got 'd' \(1 bytes\)/,
    ],
    [
      "dataDisks: a 257-byte description",
      { dataDisks: [{ size: 20, description: "d".repeat(257) }] },
      /dataDisks\[0\]\.description must be 2-256 bytes long, got 'd{257}' \(257 bytes\)/,
    ],
    [
      "dataDisks: not a disk",
      { dataDisks: ["40"] as unknown as { size: number }[] },
      /dataDisks\[0\] must be a data disk such as \{ size: 40 \}, got '40'/,
    ],
    [
      "dataDisks: not a list",
      { dataDisks: { size: 40 } as unknown as { size: number }[] },
      /dataDisks must be a list of data disks, got \{"size":40\}/,
    ],
    [
      "imageName: a URL",
      { imageName: "http://example.com" },
      /imageName must be 2-128 characters, start with a letter, and not start with 'http:\/\/' or 'https:\/\/', got 'http:\/\/example\.com'/,
    ],
    [
      "imageDescription: 1 character",
      { imageDescription: "x" },
      /imageDescription must be 2-256 characters and not start with 'http:\/\/' or 'https:\/\/', got 'x' \(1 characters\)/,
    ],
    [
      "instanceForceDelete: not a boolean",
      { instanceForceDelete: 1 as unknown as boolean },
      /instanceForceDelete must be true or false, got 1 \(a number\)/,
    ],
  ])("%s", (_case, props, message) => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN / THEN
    expect(() => new ImageExport(stack, "Export", props)).toThrow(
      new RegExp(`^${escapeRegExp(at)}${message.source}$`),
    );
  });

  test("props that aren't an object are reported as such", () => {
    expect(() => new ImageExport(stackInRegion(), "Export", null as unknown as ImageExportProps)).toThrow(
      /^ImageExport at 'stack\/Export': props must be an object of ImageExport options, got null$/,
    );
  });

  test("every prop passes right at its limit", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", {
      ossPrefix: "p".repeat(30),
      createTimeout: "2m1s",
      bucketNamePrefix: "b".repeat(57),
      namePrefix: "n".repeat(100),
      vpcCidrBlock: "10.0.0.0/8",
      vswitchCidrBlock: "10.0.0.0/16",
      instancePublicBandwidth: 100,
      dataDisks: Array.from({ length: 4 }, () => ({ size: 500, name: "dd", description: "d".repeat(256) })),
      imageName: "i".repeat(128),
      imageDescription: "d".repeat(256),
    });
    const config = synth(stack);

    // THEN
    expect(theResource(config, alicloud.imageExport.ImageExport)).toMatchObject({
      oss_prefix: "p".repeat(30),
      timeouts: { create: "2m1s" },
    });
    expect(theResource(config, alicloud.instance.Instance).data_disks).toHaveLength(4);
    expect(theResource(config, alicloud.instance.Instance).internet_max_bandwidth_out).toBe(100);
  });

  test("the smallest values pass too", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN / THEN
    expect(
      () =>
        new ImageExport(stack, "Export", {
          ossPrefix: "p",
          bucketNamePrefix: "b",
          namePrefix: "nn",
          vpcCidrBlock: "172.17.3.0/28",
          vswitchCidrBlock: "172.17.3.8/29",
          instancePublicBandwidth: 0,
          dataDisks: [{ size: 1 }],
          imageName: "ii",
          imageDescription: "dd",
        }),
    ).not.toThrow();
    expect(() => synth(stack)).not.toThrow();
  });

  test("an ImageScaffold on its own names itself in its messages", () => {
    expect(() => new ImageScaffold(stackInRegion(), "Scaffold", { instancePublicBandwidth: 101 })).toThrow(
      /^ImageScaffold at 'stack\/Scaffold': instancePublicBandwidth must be a whole number from 0 to 100 Mbit\/s, got 101$/,
    );
  });

  test("an ExportBucket on its own names itself and its own prop names", () => {
    expect(
      () => new ExportBucket(stackInRegion(), "Bucket", { forceDestroy: "yes" as unknown as boolean }),
    ).toThrow(
      /^ExportBucket at 'stack\/Bucket': forceDestroy must be true or false, got 'yes' \(a string\)$/,
    );
    expect(() => new ExportBucket(stackInRegion(), "Bucket", { bucketNamePrefix: "Exports" })).toThrow(
      /^ExportBucket at 'stack\/Bucket': bucketNamePrefix must be 1-57 .*, got 'Exports' \(has upper-case letters\)$/,
    );
  });
});

describe("validation of several problems at once", () => {
  test("every problem is reported in one error", () => {
    // GIVEN
    const props: ImageExportProps = {
      ossPrefix: "my prefix",
      createTimeout: "2m",
      bucketNamePrefix: "Exports",
      instancePublicBandwidth: 101,
      dataDisks: [{ size: 501 }],
    };

    // WHEN
    const create = () => new ImageExport(stackInRegion(), "Export", props);

    // THEN
    expect(create).toThrow(/^5 problems:\n/);
    expect(create).toThrow(
      /\n {2}- ImageExport at 'stack\/Export': ossPrefix must be 1-30 letters or digits/,
    );
    expect(create).toThrow(/\n {2}- ImageExport at 'stack\/Export': createTimeout must be a duration/);
    expect(create).toThrow(/\n {2}- ImageExport at 'stack\/Export': bucketNamePrefix must be 1-57/);
    expect(create).toThrow(/\n {2}- ImageExport at 'stack\/Export': instancePublicBandwidth must be a whole/);
    expect(create).toThrow(/\n {2}- ImageExport at 'stack\/Export': dataDisks\[0\]\.size must be a whole/);
  });

  test("nothing is created when the props are rejected", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    expect(() => new ImageExport(stack, "Export", { ossPrefix: "my prefix" })).toThrow();

    // THEN
    const exportNode = stack.node.tryFindChild("Export");
    expect(exportNode?.node.children ?? []).toHaveLength(0);
  });
});

describe("validation of contradictions", () => {
  const at = "ImageExport at 'stack/Export': ";

  test.each<[string, ImageExportProps, RegExp]>([
    [
      "namePrefix with imageId",
      { imageId: "m-bp1abc", namePrefix: "nightly" },
      /namePrefix can't be combined with imageId \(it configures the image the construct would build\), got 'nightly'/,
    ],
    [
      "instanceForceDelete: false with imageId",
      { imageId: "m-bp1abc", instanceForceDelete: false },
      /instanceForceDelete can't be combined with imageId \(it configures the image the construct would build\), got false/,
    ],
    [
      "dataDisks with imageId",
      { imageId: "m-bp1abc", dataDisks: [{ size: 40 }] },
      /dataDisks can't be combined with imageId \(.*\), got \[\{"size":40\}\]/,
    ],
    [
      "bucketNamePrefix with ossBucket",
      { ossBucket: "my-exports", bucketNamePrefix: "exports" },
      /bucketNamePrefix can't be combined with ossBucket \(it configures the bucket the construct would create\), got 'exports'/,
    ],
    [
      "bucketForceDestroy: false with ossBucket",
      { ossBucket: "my-exports", bucketForceDestroy: false },
      /bucketForceDestroy can't be combined with ossBucket \(it configures the bucket the construct would create\), got false/,
    ],
    [
      "vpcCidrBlock with vpcId",
      { vpcId: "vpc-bp1abc", vpcCidrBlock: "10.0.0.0/16", vswitchCidrBlock: "10.0.0.0/24" },
      /vpcCidrBlock can't be combined with vpcId \(the VPC already exists\), got '10\.0\.0\.0\/16'/,
    ],
    [
      "vpcCidrBlock with vswitchId",
      { vswitchId: "vsw-bp1abc", securityGroupId: "sg-bp1abc", vpcCidrBlock: "10.0.0.0/16" },
      /vpcCidrBlock can't be combined with vswitchId \(the vSwitch's VPC already exists\), got '10\.0\.0\.0\/16'/,
    ],
    [
      "vswitchCidrBlock with vswitchId",
      { vswitchId: "vsw-bp1abc", vpcId: "vpc-bp1abc", vswitchCidrBlock: "10.0.0.0/24" },
      /vswitchCidrBlock can't be combined with vswitchId \(the vSwitch already exists\), got '10\.0\.0\.0\/24'/,
    ],
    [
      "zoneId with vswitchId",
      { vswitchId: "vsw-bp1abc", vpcId: "vpc-bp1abc", zoneId: "cn-hangzhou-h" },
      /zoneId can't be combined with vswitchId \(the instance runs in the vSwitch's zone\), got 'cn-hangzhou-h'/,
    ],
    [
      "instanceTypeFamily with instanceType",
      { instanceType: "ecs.g7.large", instanceTypeFamily: "ecs.g7" },
      /instanceTypeFamily can't be combined with instanceType \(the type is already chosen\), got 'ecs\.g7'/,
    ],
    [
      "sourceImageNameRegex with sourceImageId",
      { sourceImageId: "m-bp1abc", sourceImageNameRegex: "^ubuntu" },
      /sourceImageNameRegex can't be combined with sourceImageId \(the source image is already chosen\), got '\^ubuntu'/,
    ],
    [
      "sourceImageOwners with sourceImageId",
      { sourceImageId: "m-bp1abc", sourceImageOwners: "self" },
      /sourceImageOwners can't be combined with sourceImageId \(the source image is already chosen\), got 'self'/,
    ],
    [
      "vpcId without a vSwitch",
      { vpcId: "vpc-bp1abc" },
      /vswitchCidrBlock must be given when vpcId is given without vswitchId \(a block inside 'vpc-bp1abc' for the new vSwitch\)/,
    ],
    [
      "vswitchId without vpcId or securityGroupId",
      { vswitchId: "vsw-bp1abc" },
      /vpcId must be given when vswitchId is given without securityGroupId \(the new security group must be created in the vSwitch's VPC\)/,
    ],
    [
      "securityGroupId without vpcId or vswitchId",
      { securityGroupId: "sg-bp1abc" },
      /securityGroupId needs vpcId or vswitchId of the group's VPC \(the scaffold would otherwise build the instance in a new VPC the group isn't in\), got 'sg-bp1abc'/,
    ],
    [
      "vswitchCidrBlock outside vpcCidrBlock",
      { vpcCidrBlock: "10.0.0.0/16", vswitchCidrBlock: "10.1.0.0/24" },
      /vswitchCidrBlock must lie inside the VPC's block '10\.0\.0\.0\/16', got '10\.1\.0\.0\/24'/,
    ],
    [
      "vswitchCidrBlock outside the default VPC block",
      { vswitchCidrBlock: "172.17.4.0/24" },
      /vswitchCidrBlock must lie inside the VPC's block '172\.17\.3\.0\/24' \(the default vpcCidrBlock\), got '172\.17\.4\.0\/24'/,
    ],
    [
      "vswitchCidrBlock larger than the VPC's",
      { vpcCidrBlock: "10.0.0.0/24", vswitchCidrBlock: "10.0.0.0/16" },
      /vswitchCidrBlock must lie inside the VPC's block '10\.0\.0\.0\/24', got '10\.0\.0\.0\/16'/,
    ],
  ])("%s", (_case, props, message) => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN / THEN
    expect(() => new ImageExport(stack, "Export", props)).toThrow(
      new RegExp(`^${escapeRegExp(at)}${message.source}$`),
    );
  });

  test("createRole: true with role is rejected", () => {
    // GIVEN
    const stack = stackInRegion();
    const role = new ImageExportRole(stack, "ExportRole");

    // WHEN / THEN
    expect(() => new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, createRole: true, role })).toThrow(
      /^ImageExport at 'stack\/Export': createRole can't be true when role is given \(the account can hold the role only once\)$/,
    );
  });

  test("createRole: false with role is fine", () => {
    // GIVEN
    const stack = stackInRegion();
    const role = new ImageExportRole(stack, "ExportRole");

    // WHEN / THEN
    expect(
      () => new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, createRole: false, role }),
    ).not.toThrow();
  });

  test("a contradiction with imageId is reported for every scaffold option given", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN / THEN
    expect(
      () =>
        new ImageExport(stack, "Export", {
          imageId: "m-bp1abc",
          zoneId: "cn-hangzhou-h",
          instanceType: "ecs.g7.large",
          imageName: "golden",
        }),
    ).toThrow(
      /^3 problems:\n {2}- .*zoneId can't be combined with imageId.*\n {2}- .*instanceType can't be combined with imageId.*\n {2}- .*imageName can't be combined with imageId/,
    );
  });

  test("a vSwitch block equal to the VPC's, or at the VPC's upper end, lies inside it", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN / THEN
    expect(
      () => new ImageExport(stack, "Same", { vpcCidrBlock: "10.0.0.0/16", vswitchCidrBlock: "10.0.0.0/16" }),
    ).not.toThrow();
    expect(
      () =>
        new ImageExport(stack, "Top", { vpcCidrBlock: "10.0.0.0/16", vswitchCidrBlock: "10.0.255.248/29" }),
    ).not.toThrow();
  });
});

describe("tokens", () => {
  test("variables for the export's own props pass untouched", () => {
    // GIVEN
    const stack = stackInRegion();
    const variable = (name: string) => new TerraformVariable(stack, name, { type: "string" }).stringValue;

    // WHEN
    new ImageExport(stack, "Export", {
      imageId: variable("image_id"),
      ossBucket: variable("bucket"),
      ossPrefix: variable("prefix"),
      createTimeout: variable("timeout"),
    });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.imageExport.ImageExport, {
      image_id: "${var.image_id}",
      oss_bucket: "${var.bucket}",
      oss_prefix: "${var.prefix}",
      timeouts: { create: "${var.timeout}" },
    });
  });

  test("variables for the scaffold's and bucket's props pass untouched", () => {
    // GIVEN
    const stack = stackInRegion();
    const text = (name: string) => new TerraformVariable(stack, name, { type: "string" }).stringValue;
    const number = (name: string) => new TerraformVariable(stack, name, { type: "number" }).numberValue;

    // WHEN
    new ImageExport(stack, "Export", {
      namePrefix: text("name_prefix"),
      vpcCidrBlock: text("vpc_cidr"),
      vswitchCidrBlock: "10.99.0.0/24",
      zoneId: text("zone"),
      instanceTypeFamily: text("family"),
      sourceImageNameRegex: text("image_regex"),
      sourceImageOwners: text("owners"),
      instancePublicBandwidth: number("bandwidth"),
      dataDisks: [
        {
          size: number("disk_size"),
          category: text("disk_category"),
          performanceLevel: text("disk_level"),
          name: text("disk_name"),
          description: text("disk_description"),
        },
      ],
      imageName: text("image_name"),
      imageDescription: text("image_description"),
      bucketNamePrefix: text("bucket_prefix"),
    });
    const config = synth(stack);

    // THEN
    expect(theResource(config, alicloud.vpc.Vpc)).toEqual({
      vpc_name: "${var.name_prefix}",
      cidr_block: "${var.vpc_cidr}",
    });
    expect(theResource(config, alicloud.vswitch.Vswitch)).toMatchObject({
      cidr_block: "10.99.0.0/24",
      zone_id: "${var.zone}",
    });
    expect(theDataSource(config, alicloud.dataAlicloudImages.DataAlicloudImages)).toMatchObject({
      name_regex: "${var.image_regex}",
      owners: "${var.owners}",
    });
    expect(theResource(config, alicloud.instance.Instance)).toMatchObject({
      internet_max_bandwidth_out: "${var.bandwidth}",
      data_disks: [
        {
          size: "${var.disk_size}",
          category: "${var.disk_category}",
          performance_level: "${var.disk_level}",
          name: "${var.disk_name}",
          description: "${var.disk_description}",
          delete_with_instance: true,
        },
      ],
    });
    expect(theResource(config, alicloud.image.Image)).toMatchObject({
      image_name: "${var.image_name}",
      description: "${var.image_description}",
    });
    expect(theResource(config, alicloud.ossBucket.OssBucket).bucket).toMatch(
      /^\$\{var\.bucket_prefix\}-\$\{/,
    );
  });

  test("other resources' attributes pass untouched for ids, types and the source image", () => {
    // GIVEN
    const stack = stackInRegion();
    const vpc = new alicloud.vpc.Vpc(stack, "MyVpc", { cidrBlock: "10.0.0.0/16" });
    const vswitch = new alicloud.vswitch.Vswitch(stack, "MyVswitch", {
      vpcId: vpc.id,
      cidrBlock: "10.0.0.0/24",
      zoneId: "cn-hangzhou-h",
    });
    const group = new alicloud.securityGroup.SecurityGroup(stack, "MyGroup", { vpcId: vpc.id });
    const types = new alicloud.dataAlicloudInstanceTypes.DataAlicloudInstanceTypes(stack, "MyTypes", {});
    const images = new alicloud.dataAlicloudImages.DataAlicloudImages(stack, "MyImages", {
      owners: "system",
    });

    // WHEN
    new ImageExport(stack, "Export", {
      vpcId: vpc.id,
      vswitchId: vswitch.id,
      securityGroupId: group.id,
      instanceType: types.instanceTypes.get(0).id,
      sourceImageId: images.images.get(0).id,
    });
    const config = synth(stack);

    // THEN
    const instance = theResource(config, alicloud.instance.Instance);
    expect(instance).toMatchObject({
      vswitch_id: reference(vswitch, "id"),
      security_groups: [reference(group, "id")],
      instance_type: `\${${address(types)}.instance_types[0].id}`,
      image_id: `\${${address(images)}.images[0].id}`,
    });
  });

  test("a bucket and an image made elsewhere in the stack pass as ossBucket and imageId", () => {
    // GIVEN
    const stack = stackInRegion();
    const bucket = new alicloud.ossBucket.OssBucket(stack, "MyBucket", { bucket: "my-exports" });
    const image = new alicloud.image.Image(stack, "MyImage", { instanceId: "i-bp1abc", imageName: "golden" });

    // WHEN
    new ImageExport(stack, "Export", { imageId: image.id, ossBucket: bucket.bucket, ossPrefix: "nightly" });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.imageExport.ImageExport, {
      image_id: reference(image, "id"),
      oss_bucket: reference(bucket, "bucket"),
    });
  });

  test("an ExportBucket's name passes as ossBucket", () => {
    // GIVEN
    const stack = stackInRegion();
    const bucket = new ExportBucket(stack, "Shared");

    // WHEN
    new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, ossBucket: bucket.bucketName });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.imageExport.ImageExport, {
      oss_bucket: reference(bucket.resource, "bucket"),
    });
  });
});

describe("region checks", () => {
  test("reject an ExportBucket created in another region", () => {
    // GIVEN
    const stack = stackInRegion();
    const beijing = new alicloud.provider.AlicloudProvider(stack, "beijing", {
      region: "cn-beijing",
      alias: "beijing",
    });
    const bucket = new ExportBucket(stack, "Shared", { provider: beijing });

    // WHEN
    new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, ossBucket: bucket.bucketName });

    // THEN
    expect(() => Testing.synth(stack, true)).toThrow(
      new RegExp(
        escapeRegExp(
          `ImageExport at 'stack/Export': ossBucket must name a bucket in the export's region 'cn-hangzhou', ` +
            `got ${address(bucket.resource)} in 'cn-beijing' ` +
            `(ECS exports an image only to a bucket in the image's own region)`,
        ),
      ),
    );
  });

  test("stop app.synth() as well, the way `cdktf synth` runs them", () => {
    // GIVEN
    const app = Testing.app();
    const stack = new TerraformStack(app, "stack");
    new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: REGION });

    // WHEN
    new ImageExport(stack, "Export", { zoneId: "cn-beijing-a" });

    // THEN
    expect(() => app.synth()).toThrow(
      /zoneId must be a zone of the export's region 'cn-hangzhou', got 'cn-beijing-a'/,
    );
  });

  test("reject a raw alicloud_oss_bucket created in another region", () => {
    // GIVEN
    const stack = stackInRegion();
    const beijing = new alicloud.provider.AlicloudProvider(stack, "beijing", {
      region: "cn-beijing",
      alias: "beijing",
    });
    const bucket = new alicloud.ossBucket.OssBucket(stack, "MyBucket", {
      provider: beijing,
      bucket: "my-exports",
    });

    // WHEN
    new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, ossBucket: bucket.bucket });

    // THEN
    expect(() => Testing.synth(stack, true)).toThrow(
      /ossBucket must name a bucket in the export's region 'cn-hangzhou', got alicloud_oss_bucket\.MyBucket in 'cn-beijing'/,
    );
  });

  test("reject a bucket in the default region when the export runs in another", () => {
    // GIVEN
    const stack = stackInRegion();
    const shanghai = new alicloud.provider.AlicloudProvider(stack, "shanghai", {
      region: "cn-shanghai",
      alias: "shanghai",
    });
    const bucket = new alicloud.ossBucket.OssBucket(stack, "MyBucket", { bucket: "my-exports" });

    // WHEN
    new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, ossBucket: bucket.bucket, provider: shanghai });

    // THEN
    expect(() => Testing.synth(stack, true)).toThrow(
      /ossBucket must name a bucket in the export's region 'cn-shanghai', got alicloud_oss_bucket\.MyBucket in 'cn-hangzhou'/,
    );
  });

  test("reject an image created in another region", () => {
    // GIVEN
    const stack = stackInRegion();
    const beijing = new alicloud.provider.AlicloudProvider(stack, "beijing", {
      region: "cn-beijing",
      alias: "beijing",
    });
    const image = new alicloud.image.Image(stack, "MyImage", { provider: beijing, instanceId: "i-bp1abc" });

    // WHEN
    new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, imageId: image.id });

    // THEN
    expect(() => Testing.synth(stack, true)).toThrow(
      /imageId must name an image in the export's region 'cn-hangzhou', got alicloud_image\.MyImage in 'cn-beijing'/,
    );
  });

  test("pass a bucket made with another provider of the same region", () => {
    // GIVEN
    const stack = stackInRegion();
    const other = new alicloud.provider.AlicloudProvider(stack, "other", { region: REGION, alias: "other" });
    const bucket = new ExportBucket(stack, "Shared", { provider: other });

    // WHEN
    new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, ossBucket: bucket.bucketName });

    // THEN
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("pass everything created by the construct with an explicit provider in another region", () => {
    // GIVEN
    const stack = stackInRegion();
    const shanghai = new alicloud.provider.AlicloudProvider(stack, "shanghai", {
      region: "cn-shanghai",
      alias: "shanghai",
    });

    // WHEN
    new ImageExport(stack, "Export", { provider: shanghai, zoneId: "cn-shanghai-l" });

    // THEN
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("reject a zoneId outside the provider's region", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", { zoneId: "cn-beijing-a" });

    // THEN
    expect(() => Testing.synth(stack, true)).toThrow(
      /ImageExport at 'stack\/Export': zoneId must be a zone of the export's region 'cn-hangzhou', got 'cn-beijing-a'/,
    );
  });

  test("pass a zoneId of the provider's region", () => {
    // GIVEN
    const stack = stackInRegion("ap-southeast-1");

    // WHEN
    new ImageExport(stack, "Export", { zoneId: "ap-southeast-1a" });

    // THEN
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("reject a malformed region", () => {
    // GIVEN
    const stack = stackInRegion("CN_Hangzhou");

    // WHEN
    new ImageExport(stack, "Export", BRING_YOUR_OWN);

    // THEN
    expect(() => Testing.synth(stack, true)).toThrow(
      /ImageExport at 'stack\/Export': the region of provider 'alicloud' must be a region id such as 'cn-hangzhou' or 'ap-southeast-1', got 'CN_Hangzhou'/,
    );
  });

  test("name the aliased provider whose region is malformed", () => {
    // GIVEN
    const stack = stackInRegion();
    const bad = new alicloud.provider.AlicloudProvider(stack, "bad", { region: "hangzhou", alias: "bad" });

    // WHEN
    new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, provider: bad });

    // THEN
    expect(() => Testing.synth(stack, true)).toThrow(
      /the region of provider 'alicloud\.bad' must be a region id/,
    );
  });

  test("only warn about a well-formed region the library doesn't know", () => {
    // GIVEN
    const stack = stackInRegion("xx-newregion-1");

    // WHEN
    const exported = new ImageExport(stack, "Export", BRING_YOUR_OWN);
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).toHaveResource(alicloud.imageExport.ImageExport);
    expect(warningsOf(exported)).toContainEqual(
      "ImageExport at 'stack/Export': region 'xx-newregion-1' is not one this library knows; check that ECS image export is offered there.",
    );
  });

  test("don't warn about a known region", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", BRING_YOUR_OWN);
    Testing.synth(stack, true);

    // THEN
    expect(warningsOf(exported)).toEqual([]);
  });

  test("skip a region only known at apply time", () => {
    // GIVEN
    const stack = new TerraformStack(Testing.app(), "stack");
    const region = new TerraformVariable(stack, "region", { type: "string" }).stringValue;
    new alicloud.provider.AlicloudProvider(stack, "alicloud", { region });

    // WHEN
    new ImageExport(stack, "Export", { zoneId: "cn-beijing-a" });

    // THEN
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe("account-wide and per-region uniqueness", () => {
  test("two ImageExportRoles with the same provider in one stack are rejected", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExportRole(stack, "RoleA");
    new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, createRole: true });

    // THEN
    expect(() => Testing.synth(stack, true)).toThrow(
      /ImageExportRole at 'stack\/RoleA': the account can hold AliyunECSImageExportDefaultRole only once, but this stack creates it 2 times with the same provider: 'stack\/RoleA', 'stack\/Export\/Role'/,
    );
  });

  test("one role per provider passes", () => {
    const stack = stackInRegion();
    const other = new alicloud.provider.AlicloudProvider(stack, "other", {
      region: "cn-beijing",
      alias: "other",
    });

    new ImageExportRole(stack, "RoleA");
    new ImageExportRole(stack, "RoleB", { provider: other });

    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("createRole only known at apply time is rejected, since it decides what the stack holds", () => {
    const stack = stackInRegion();
    const flag = new TerraformVariable(stack, "create_role", { type: "bool" });

    expect(
      () =>
        new ImageExport(stack, "Export", {
          ...BRING_YOUR_OWN,
          createRole: flag.booleanValue as unknown as boolean,
        }),
    ).toThrow(/ImageExport at 'stack\/Export': createRole must be true or false when the app is synthesized/);
  });

  test("two default scaffolds give their images different names", () => {
    const stack = stackInRegion();

    new ImageExport(stack, "A");
    new ImageExport(stack, "B");
    const names = resources(synth(stack), alicloud.image.Image).map((image) => image.image_name);

    expect(new Set(names).size).toBe(2);
  });

  test("a zone of a region that merely starts like the export's is rejected", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "ap-southeast-1" });

    new ImageExport(stack, "Export", { zoneId: "ap-southeast-10a" });

    expect(() => Testing.synth(stack, true)).toThrow(
      /zoneId must be a zone of the export's region 'ap-southeast-1', got 'ap-southeast-10a'/,
    );
  });

  test("an unknown region is warned about once, however often the stack is synthesized", () => {
    const stack = stackInRegion("xx-nowhere-1");
    const exported = new ImageExport(stack, "Export", BRING_YOUR_OWN);

    Testing.synth(stack, true);
    Testing.synth(stack, true);
    const warnings = exported.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN);

    expect(warnings).toHaveLength(1);
  });
});

describe("snapshots", () => {
  test("defaults only", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export");

    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test("everything brought by the user", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", {
      imageId: "m-bp1g7004ksh0oeuc1234",
      ossBucket: "my-exports",
      ossPrefix: "nightly",
      createTimeout: "45m",
    });

    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test("every option on", () => {
    // GIVEN
    const stack = stackInRegion();
    const shanghai = new alicloud.provider.AlicloudProvider(stack, "shanghai", {
      region: "cn-shanghai",
      alias: "shanghai",
    });

    // WHEN
    new ImageExport(stack, "Export", {
      provider: shanghai,
      ossPrefix: "nightly",
      createTimeout: "1h30m",
      createRole: true,
      bucketNamePrefix: "web-exports",
      bucketForceDestroy: true,
      bucketRetainDeletedExportsDays: 14,
      bucketTransitions: [{ storageClass: ExportStorageClass.IA, afterDays: 30 }],
      bucketExpireAfterDays: 90,
      namePrefix: "nightly-web",
      vpcCidrBlock: "10.0.0.0/16",
      vswitchCidrBlock: "10.0.1.0/24",
      zoneId: "cn-shanghai-l",
      instanceTypeFamily: "ecs.g7",
      sourceImageNameRegex: "^aliyun_3_x64",
      sourceImageOwners: "system",
      instancePublicBandwidth: 10,
      dataDisks: [
        { size: 100, category: "cloud_essd", performanceLevel: "PL0", name: "data", description: "app data" },
      ],
      imageName: "web-golden",
      imageDescription: "Golden web image",
      instanceForceDelete: true,
    });

    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});
