import { Testing } from "cdktf";
import {
  alicloud,
  IMAGE_EXPORT_ROLE_NAME,
  IMAGE_EXPORT_ROLE_POLICY,
  ImageExport,
  ImageExportRole,
} from "../src";
import {
  BRING_YOUR_OWN,
  address,
  defined,
  reference,
  resolve,
  resources,
  synth,
  theResource,
} from "./support/config";
import { stackInRegion } from "./support/synth-helpers";

describe("the RAM role", () => {
  test("is not created by default", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export");
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(exported.role).toBeUndefined();
    expect(synthesized).not.toHaveResource(alicloud.ramRole.RamRole);
    expect(synthesized).not.toHaveResource(alicloud.ramRolePolicyAttachment.RamRolePolicyAttachment);
    expect(synthesized).not.toHaveResource(alicloud.ramPolicy.RamPolicy);
  });

  test("createRole: true creates AliyunECSImageExportDefaultRole, trusted only by ECS", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, createRole: true });
    const config = synth(stack);

    // THEN
    expect(IMAGE_EXPORT_ROLE_NAME).toBe("AliyunECSImageExportDefaultRole");
    expect(defined(exported.role).node.id).toBe("Role");
    const role = theResource(config, alicloud.ramRole.RamRole);
    expect(role.role_name).toBe("AliyunECSImageExportDefaultRole");
    expect(JSON.parse(role.assume_role_policy_document as string)).toEqual({
      Version: "1",
      Statement: [
        {
          Action: "sts:AssumeRole",
          Effect: "Allow",
          Principal: { Service: ["ecs.aliyuncs.com"] },
        },
      ],
    });
  });

  test("createRole: true attaches the system policy AliyunECSImageExportRolePolicy", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, createRole: true });
    const config = synth(stack);

    // THEN
    const role = defined(exported.role);
    expect(IMAGE_EXPORT_ROLE_POLICY).toBe("AliyunECSImageExportRolePolicy");
    expect(theResource(config, alicloud.ramRolePolicyAttachment.RamRolePolicyAttachment)).toEqual({
      role_name: reference(role.resource, "role_name"),
      policy_name: "AliyunECSImageExportRolePolicy",
      policy_type: "System",
    });
  });

  test("createRole: true makes the export wait for the policy attachment", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const exported = new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, createRole: true });
    const config = synth(stack);

    // THEN
    expect(theResource(config, alicloud.imageExport.ImageExport).depends_on).toEqual([
      address(defined(exported.role).policyAttachment),
    ]);
  });

  test("createRole: false creates no role", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    new ImageExport(stack, "Export", { ...BRING_YOUR_OWN, createRole: false });
    const synthesized = Testing.synth(stack, true);

    // THEN
    expect(synthesized).not.toHaveResource(alicloud.ramRole.RamRole);
  });

  test("one ImageExportRole shared by two exports is created once and both wait for it", () => {
    // GIVEN
    const stack = stackInRegion();
    const role = new ImageExportRole(stack, "ExportRole");

    // WHEN
    const first = new ImageExport(stack, "First", { ...BRING_YOUR_OWN, role });
    // (Another image: a second export of the same one would also wait for the first.)
    const second = new ImageExport(stack, "Second", { ...BRING_YOUR_OWN, imageId: "m-second", role });
    const config = synth(stack);

    // THEN
    expect(resources(config, alicloud.ramRole.RamRole)).toHaveLength(1);
    expect(first.role).toBeUndefined();
    expect(second.role).toBeUndefined();
    const exports = resources(config, alicloud.imageExport.ImageExport);
    expect(exports).toHaveLength(2);
    for (const exported of exports) {
      expect(exported.depends_on).toEqual([address(role.policyAttachment)]);
    }
  });

  test("a shared role comes before the bucket's pieces in depends_on", () => {
    // GIVEN
    const stack = stackInRegion();
    const role = new ImageExportRole(stack, "ExportRole");

    // WHEN
    const exported = new ImageExport(stack, "Export", { imageId: "m-bp1abc", role });
    const config = synth(stack);

    // THEN
    const bucket = defined(exported.exportBucket);
    expect(theResource(config, alicloud.imageExport.ImageExport).depends_on).toEqual([
      address(role.policyAttachment),
      address(bucket.acl),
      address(bucket.publicAccessBlock),
      address(bucket.encryption),
      address(defined(bucket.versioning)),
    ]);
  });
});

describe("ImageExportRole on its own", () => {
  test("creates the role and its policy attachment and exposes name and ARN", () => {
    // GIVEN
    const stack = stackInRegion();

    // WHEN
    const role = new ImageExportRole(stack, "Role", { description: "Created by the platform team" });
    const config = synth(stack);
    const resolved = resolve(stack, { name: role.roleName, arn: role.roleArn });

    // THEN
    expect(role.resource.node.id).toBe("Resource");
    expect(theResource(config, alicloud.ramRole.RamRole)).toMatchObject({
      role_name: "AliyunECSImageExportDefaultRole",
      description: "Created by the platform team",
    });
    expect(theResource(config, alicloud.ramRolePolicyAttachment.RamRolePolicyAttachment)).toMatchObject({
      policy_name: "AliyunECSImageExportRolePolicy",
      policy_type: "System",
    });
    expect(resolved).toEqual({
      name: reference(role.resource, "role_name"),
      arn: reference(role.resource, "arn"),
    });
  });

  test("uses its provider for both resources", () => {
    // GIVEN
    const stack = stackInRegion();
    const other = new alicloud.provider.AlicloudProvider(stack, "other", {
      region: "cn-beijing",
      alias: "other",
    });

    // WHEN
    new ImageExportRole(stack, "Role", { provider: other });
    const config = synth(stack);

    // THEN
    expect(theResource(config, alicloud.ramRole.RamRole).provider).toBe("alicloud.other");
    expect(theResource(config, alicloud.ramRolePolicyAttachment.RamRolePolicyAttachment).provider).toBe(
      "alicloud.other",
    );
  });
});
