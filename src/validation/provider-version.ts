// The provider release a stack asks for must be able to hold what the constructs write: a stack whose
// alicloud bindings were generated for an older provider (its own `cdktf get`, say) records that
// version, and Terraform would install a release without the resource types or arguments the
// constructs use, then fail at plan time.
import { TerraformProvider } from "cdktf";
import { vendoredVersion } from "../conformance/terraform-schema";
import { allowsAtLeast, newestFeature, ProviderFeature } from "../rules/provider-versions";
import { show } from "../rules/text";
import { RegionIndex } from "./regions";

/** The version constraint a provider configuration writes into `required_providers`. */
export function versionConstraintOf(provider: TerraformProvider): string | undefined {
  const metadata = provider.terraformGeneratorMetadata;
  return metadata?.providerVersion || metadata?.providerVersionConstraint;
}

/** `allowsAtLeast` answers by constraint and minimum: every construct of a stack asks the same question. */
const answers = new Map<string, boolean | undefined>();

function rememberedAllowsAtLeast(constraint: string, minimum: string): boolean | undefined {
  const key = `${constraint}\n${minimum}`;
  if (!answers.has(key)) {
    if (answers.size >= 64) answers.clear(); // constraints come from users' stacks: keep the memo small
    answers.set(key, allowsAtLeast(constraint, minimum));
  }
  return answers.get(key);
}

/**
 * Errors for a construct whose resources rely on `features`, when the stack's alicloud version
 * constraint (one per stack, whichever provider configuration it comes from) rules out every release
 * having them all.
 */
export function providerVersionChecks(
  index: RegionIndex,
  subject: string,
  features: readonly ProviderFeature[],
): string[] {
  const effective = index.recordingAlicloudProvider();
  const newest = newestFeature(features);
  if (effective === undefined || newest === undefined) return [];
  const constraint = versionConstraintOf(effective);
  if (constraint === undefined || rememberedAllowsAtLeast(constraint, newest.since) !== false) return [];
  const name = effective.alias ? `alicloud.${effective.alias}` : "alicloud";
  return [
    `${subject}: needs aliyun/alicloud ${newest.since} or newer (${newest.feature} is available since ${newest.since}), ` +
      `but the stack requires version ${show(constraint)} (from provider '${name}'), which rules out every such release. ` +
      `Use alicloud bindings generated for ${newest.since} or newer, such as this package's alicloud namespace (${vendoredVersion("alicloud")}).`,
  ];
}
