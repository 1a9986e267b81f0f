// The provider release a stack asks for must have what the constructs write. A user whose own
// `cdktf get` binding records an older aliyun/alicloud gets a clear error at synth time instead of a
// plan that fails on an unknown resource type or argument.
import { TerraformStack, Testing } from "cdktf";
import { ExportBucket, ImageExport, ImageExportRole, ImageScaffold } from "../src";
import { allows, allowsAtLeast, ALICLOUD_FEATURES, newestFeature } from "../src/rules/provider-versions";
import { ProviderClass, userAlicloudBinding } from "./support/user-binding";

describe("reading a version constraint as Terraform does", () => {
  test.each([
    ["~> 1.289", "1.252.0", true],
    ["1.250.0", "1.252.0", false],
    ["1.252.0", "1.252.0", true],
    ["= 1.252.0", "1.252.0", true],
    ["v1.253", "1.252.0", true],
    [">= 1.200, < 1.250", "1.224.0", true],
    [">= 1.200, < 1.224", "1.224.0", false],
    [">= 1.200, <= 1.224", "1.224.0", true],
    ["~> 1.220.0", "1.224.0", false],
    ["~> 1.224.0", "1.224.0", true],
    ["~> 1.2", "1.224.0", true],
    ["~> 0.9", "1.0.0", false],
    ["~> 1", "1.224.0", true],
    ["!= 1.252.0, <= 1.252.0", "1.252.0", false],
    ["!= 1.252.0, <= 1.252.1", "1.252.0", true],
    ["> 1.224.0, < 1.224.1", "1.224.0", false],
    ["> 1.223.9", "1.224.0", true],
    ["<= 2.0.0", "1.224.0", true],
    // Prereleases sort below their release, and ranges pick only releases.
    ["<= 1.252.0-rc1", "1.252.0", false],
    ["< 1.252.1-rc1", "1.252.0", true],
    ["> 1.252.0-beta1, < 1.252.1", "1.252.0", true],
    [">= 1.252.0-beta1, < 1.252.1", "1.252.0", true],
    ["!= 1.252.0-beta1, < 1.252.1", "1.252.0", true],
    ["~> 1.252.0-rc1", "1.252.0", true],
    ["~> 1.251.0-rc1", "1.252.0", false],
  ])("%s allows a release of %s or newer: %s", (constraint, minimum, allowed) => {
    expect(allowsAtLeast(constraint, minimum)).toBe(allowed);
  });

  test.each([
    ["~> 1.289", "1.289.0", true],
    ["~> 1.289", "2.0.0", false],
    ["~> 1.289.1", "1.289.0", false],
    ["~> 1.289.0", "1.289.9", true],
    ["1.250.0", "1.289.0", false],
    [">= 1.200, != 1.289.0", "1.289.0", false],
    ["~> 3.0", "3.7.2", true],
    ["3.7.2", "3.7.2", true],
    ["1.289.0-rc1", "1.289.0", false],
    ["> 1.289.0-rc1", "1.289.0", true],
    ["< 1.289.0-rc1", "1.289.0", false],
    ["!= 1.289.0-rc1", "1.289.0", true],
  ])("%s allows %s: %s", (constraint, release, allowed) => {
    expect(allows(constraint, release)).toBe(allowed);
  });

  test("what can't be read is not judged", () => {
    expect(allowsAtLeast("latest", "1.0.0")).toBeUndefined();
    expect(allowsAtLeast(">= 1.2, ~~ 3", "1.0.0")).toBeUndefined();
    expect(allowsAtLeast("= 1.252.0-rc1", "1.252.0")).toBeUndefined();
  });

  test("the minimum the constructs' output needs, all of them together: 1.252.0, for the RAM role's role_name", () => {
    expect(newestFeature(Object.values(ALICLOUD_FEATURES))).toEqual({
      feature: "alicloud_ram_role.role_name",
      since: "1.252.0",
    });
  });
});

describe("a stack whose alicloud binding records another provider version", () => {
  let binding1250: ProviderClass;
  let binding1200: ProviderClass;
  beforeAll(async () => {
    binding1250 = await userAlicloudBinding("1.250.0");
    binding1200 = await userAlicloudBinding("1.200.0");
  }, 60_000);

  function synthError(Provider: ProviderClass, build: (stack: TerraformStack) => void): string {
    const stack = new TerraformStack(Testing.app(), "stack");
    new Provider(stack, "alicloud", { region: "cn-hangzhou" });
    build(stack);
    try {
      const config = JSON.parse(Testing.synth(stack, true));
      expect(config.terraform.required_providers.alicloud).toEqual({
        source: "aliyun/alicloud",
        version: expect.any(String),
      });
      return "";
    } catch (error) {
      return (error as Error).message;
    }
  }

  test("the user's binding is what the stack records", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    new binding1250(stack, "alicloud", { region: "cn-hangzhou" });
    new ImageExport(stack, "Export", { imageId: "m-abc", ossBucket: "exports" });
    expect(JSON.parse(Testing.synth(stack, true)).terraform.required_providers.alicloud).toEqual({
      source: "aliyun/alicloud",
      version: "1.250.0",
    });
  });

  test("1.250.0 holds the bucket and the scaffold, but not the RAM role (role_name arrived in 1.252.0)", () => {
    expect(
      synthError(binding1250, (s) => new ImageExport(s, "Export", { imageId: "m-abc", ossBucket: "b1x" })),
    ).toBe("");
    expect(synthError(binding1250, (s) => new ImageExport(s, "Export"))).toBe("");
    expect(synthError(binding1250, (s) => new ImageExportRole(s, "Role"))).toMatch(
      "ImageExportRole at 'stack/Role': needs aliyun/alicloud 1.252.0 or newer (alicloud_ram_role.role_name is available since 1.252.0), " +
        "but the stack requires version '1.250.0' (from provider 'alicloud'), which rules out every such release. " +
        "Use alicloud bindings generated for 1.252.0 or newer, such as this package's alicloud namespace (1.289.0).",
    );
    expect(synthError(binding1250, (s) => new ImageExport(s, "Export", { createRole: true }))).toMatch(
      /ImageExportRole at 'stack\/Export\/Role': needs aliyun\/alicloud 1\.252\.0 or newer/,
    );
  });

  test("1.200.0 holds no export bucket (its public-access block arrived in 1.224.0) and no scaffold's security group", () => {
    expect(synthError(binding1200, (s) => new ExportBucket(s, "Bucket"))).toMatch(
      /ExportBucket at 'stack\/Bucket': needs aliyun\/alicloud 1\.224\.0 or newer \(alicloud_oss_bucket_public_access_block is available since 1\.224\.0\), but the stack requires version '1\.200\.0'/,
    );
    expect(synthError(binding1200, (s) => new ImageScaffold(s, "Scaffold"))).toMatch(
      /ImageScaffold at 'stack\/Scaffold': needs aliyun\/alicloud 1\.239\.0 or newer \(alicloud_security_group\.security_group_name/,
    );
    // With a security group and a vSwitch of your own, the scaffold writes nothing newer than http_tokens.
    expect(
      synthError(
        binding1200,
        (s) =>
          new ImageScaffold(s, "Scaffold", {
            vswitchId: "vsw-1",
            securityGroupId: "sg-1",
            instanceType: "ecs.g7.large",
          }),
      ),
    ).toBe("");
    // The export itself is old enough for any of them.
    expect(
      synthError(binding1200, (s) => new ImageExport(s, "Export", { imageId: "m-abc", ossBucket: "b1x" })),
    ).toBe("");
  });
});
