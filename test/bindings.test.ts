import { Testing, TerraformStack } from "cdktf";
import { alicloud, random } from "../src";

describe("generated alicloud bindings", () => {
  test("an image export synthesizes with the aliyun/alicloud requirement", () => {
    // GIVEN
    const app = Testing.app();
    const stack = new TerraformStack(app, "stack");
    new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-beijing" });

    // WHEN
    new alicloud.imageExport.ImageExport(stack, "export", {
      imageId: "m-2ze0000000000000",
      ossBucket: "exports",
      ossPrefix: "daily",
      timeouts: { create: "30m" },
    });
    const synthesized = Testing.synth(stack);

    // THEN
    expect(synthesized).toHaveResourceWithProperties(alicloud.imageExport.ImageExport, {
      image_id: "m-2ze0000000000000",
      oss_bucket: "exports",
      oss_prefix: "daily",
      timeouts: { create: "30m" },
    });
    expect(synthesized).toHaveProviderWithProperties(alicloud.provider.AlicloudProvider, {
      region: "cn-beijing",
    });
    const config = JSON.parse(synthesized);
    expect(config.terraform.required_providers.alicloud).toEqual({
      source: "aliyun/alicloud",
      version: "~> 1.289",
    });
  });

  test("the generated classes carry the provider's Terraform type names", () => {
    expect(alicloud.imageExport.ImageExport.tfResourceType).toBe("alicloud_image_export");
    expect(alicloud.dataAlicloudZones.DataAlicloudZones.tfResourceType).toBe("alicloud_zones");
  });

  test("the random bindings record the hashicorp/random 3.x line, not a pin that clashes with other modules", () => {
    // GIVEN
    const stack = new TerraformStack(Testing.app(), "stack");
    new random.provider.RandomProvider(stack, "random");

    // WHEN
    new random.integer.Integer(stack, "n", { min: 1, max: 9 });
    const config = JSON.parse(Testing.synth(stack));

    // THEN
    expect(random.integer.Integer.tfResourceType).toBe("random_integer");
    expect(config.terraform.required_providers.random).toEqual({
      source: "hashicorp/random",
      version: "~> 3.0",
    });
    expect(config.resource.random_integer.n).toEqual({ min: 1, max: 9 });
    expect(config.provider.random).toEqual([{}]);
  });
});
