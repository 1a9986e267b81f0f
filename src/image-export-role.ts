import { TerraformProvider, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import * as alicloud from "./bindings";
import { checkChecksPlacement } from "./aspects/placement";
import { checkFramework } from "./framework";
import { checkPropsObject, describe, isCheckedByCaller, Problems } from "./validation/problems";
import { ALICLOUD_FEATURES } from "./rules/provider-versions";
import { providerVersionChecks } from "./validation/provider-version";
import { addRegionValidation, checkAlicloudProvider } from "./validation/regions";
import { show } from "./rules/text";
import { literalText } from "./literal-text";

/**
 * The name ECS requires for the role it assumes to write exported images to OSS. ECS looks the role up
 * by this exact name; any other name is ignored.
 */
export const IMAGE_EXPORT_ROLE_NAME = "AliyunECSImageExportDefaultRole";

/** The Alibaba Cloud system policy that grants the export role exactly the OSS actions an export needs. */
export const IMAGE_EXPORT_ROLE_POLICY = "AliyunECSImageExportRolePolicy";

/** Properties of an {@link ImageExportRole}. */
export interface ImageExportRoleProps {
  /**
   * The provider (account and region) to create the role with. RAM is global, so any region of the
   * account will do.
   *
   * @default - the stack's default alicloud provider
   */
  readonly provider?: TerraformProvider;

  /**
   * A description stored on the role.
   *
   * @default "Lets ECS write exported images to OSS (managed by cdktf-alicloud-image-export)."
   */
  readonly description?: string;
}

/**
 * The account-wide RAM role ECS assumes to write exported images to OSS: `AliyunECSImageExportDefaultRole`,
 * trusted by `ecs.aliyuncs.com`, with the system policy `AliyunECSImageExportRolePolicy` attached.
 *
 * An account can hold this role only once, and most accounts already have it (the console creates it on
 * the first export). Create it with this construct only where it doesn't exist yet, once per account,
 * and hand it to every `ImageExport` as `role` so that each export waits for it.
 */
export class ImageExportRole extends Construct {
  /** The `alicloud_ram_role` resource. */
  public readonly resource: alicloud.ramRole.RamRole;

  /** The attachment of `AliyunECSImageExportRolePolicy` to the role. */
  public readonly policyAttachment: alicloud.ramRolePolicyAttachment.RamRolePolicyAttachment;

  /** The role's name, always `AliyunECSImageExportDefaultRole`. */
  public readonly roleName: string;

  /** The role's ARN (known after apply). */
  public readonly roleArn: string;

  private readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: ImageExportRoleProps = {}) {
    super(scope, id);
    checkFramework(this, "ImageExportRole");
    checkChecksPlacement(this);
    if (!isCheckedByCaller(props)) {
      const problems = new Problems(describe("ImageExportRole", this.node.path));
      if (checkPropsObject(problems, "ImageExportRole", props, ["provider", "description"])) {
        problems.check("provider", props.provider, checkAlicloudProvider);
        problems.check("description", props.description, (value) =>
          typeof value === "string" ? undefined : `must be text, got ${show(value)}`,
        );
      }
      problems.throwIfAny();
    }
    this.node.addValidation({ validate: () => this.checkSingleRolePerProvider() });

    this.provider = props.provider;
    this.resource = new alicloud.ramRole.RamRole(this, "Resource", {
      provider: props.provider,
      roleName: IMAGE_EXPORT_ROLE_NAME,
      description: literalText(
        props.description ??
          "Lets ECS write exported images to OSS (managed by cdktf-alicloud-image-export).",
      ),
      assumeRolePolicyDocument: JSON.stringify({
        Statement: [
          {
            Action: "sts:AssumeRole",
            Effect: "Allow",
            Principal: { Service: ["ecs.aliyuncs.com"] },
          },
        ],
        Version: "1",
      }),
    });

    this.policyAttachment = new alicloud.ramRolePolicyAttachment.RamRolePolicyAttachment(this, "Policy", {
      provider: props.provider,
      roleName: this.resource.roleName,
      policyName: IMAGE_EXPORT_ROLE_POLICY,
      policyType: "System",
    });

    this.roleName = this.resource.roleName;
    addRegionValidation(this, (index) =>
      providerVersionChecks(index, describe("ImageExportRole", this.node.path), [
        ALICLOUD_FEATURES.ramRoleName,
      ]),
    );
    this.roleArn = this.resource.arn;
  }

  /**
   * RAM roles are account-wide and `AliyunECSImageExportDefaultRole` can exist only once: two of these
   * with the same provider (so the same account) in one stack would fail at apply time.
   */
  private checkSingleRolePerProvider(): string[] {
    const twins = TerraformStack.of(this)
      .node.findAll()
      .filter((c): c is ImageExportRole => c instanceof ImageExportRole && c.provider === this.provider);
    if (twins.length < 2 || twins[0] !== this) return [];
    return [
      `${describe("ImageExportRole", this.node.path)}: the account can hold ${IMAGE_EXPORT_ROLE_NAME} only once, ` +
        `but this stack creates it ${twins.length} times with the same provider: ${twins.map((t) => `'${t.node.path}'`).join(", ")} ` +
        "(create one ImageExportRole and pass it as role to every ImageExport)",
    ];
  }
}
