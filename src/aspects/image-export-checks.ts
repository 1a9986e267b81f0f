import { Aspects, IAspect, TerraformResource, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { ImageExport } from "../image-export";
import { markAsImageExportChecks, runChecksAddedAboveStacks } from "./placement";
import { describe, Problems } from "../validation/problems";
import { ALICLOUD_FEATURES } from "../rules/provider-versions";
import { providerVersionChecks } from "../validation/provider-version";
import { addRegionValidation, exportableImageChecks, RegionIndex, regionChecks } from "../validation/regions";
import {
  checkBucketName,
  checkCreateTimeout,
  checkCustomImageId,
  checkOssPrefix,
} from "../validation/values";

const EXPORT_TYPE = "alicloud_image_export";

/**
 * Applies the checks of `ImageExport` to every `alicloud_image_export` in a scope: raw L1s from this
 * library's `alicloud` namespace, L1s from your own `cdktf get` bindings (matched by Terraform type),
 * and `ImageExport`s changed through escape hatches. Problems are reported when the stack is
 * synthesized with validations (`app.synth()`, `cdktf synth`, `Testing.synth(stack, true)`).
 *
 * Add it to a stack, or to every stack of an app with `applyTo`. cdktf runs only the aspects of a stack
 * and of what it holds, never those of the App above it. Added with `Aspects.of(app)` anyway, it runs in
 * every stack under `app.synth()` (which this library makes hand it to the stacks); `Testing.synth` and
 * `Testing.fullSynth` skip the App, and there this library's constructs refuse to synthesize next to it.
 *
 * ```ts
 * Aspects.of(stack).add(new ImageExportChecks());
 * ImageExportChecks.applyTo(app); // every stack of the app
 * ```
 */
export class ImageExportChecks implements IAspect {
  /**
   * Adds the checks to every stack in `scope`: the scope's own stack when it is in one, otherwise every
   * stack under it (an App). A stack added under it later fails the app's synthesis, since it would go
   * unchecked: call this once all stacks exist.
   *
   * @param scope an App, a stack, or any construct
   * @returns the checks it added
   */
  public static applyTo(scope: IConstruct): ImageExportChecks {
    const checks = new ImageExportChecks();
    const stacks = scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
    const own = scope.node.scopes.find((c): c is TerraformStack => TerraformStack.isStack(c));
    if (own !== undefined) {
      Aspects.of(scope).add(checks);
      return checks;
    }
    for (const stack of stacks) Aspects.of(stack).add(checks);
    scope.node.addValidation({
      validate: () =>
        scope.node
          .findAll()
          .filter((c): c is TerraformStack => TerraformStack.isStack(c) && !stacks.includes(c))
          .map(
            (stack) =>
              `ImageExportChecks at '${scope.node.path || "the App"}': the stack '${stack.node.path}' was added after ImageExportChecks.applyTo, so it is not checked; call applyTo once every stack exists`,
          ),
    });
    return checks;
  }

  private readonly visited = new WeakSet<IConstruct>();

  constructor() {
    markAsImageExportChecks(this);
    runChecksAddedAboveStacks();
  }

  /** Registers the checks on each `alicloud_image_export` it meets; called by cdktf during synthesis. */
  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || node.terraformResourceType !== EXPORT_TYPE) return;
    // The aspect may be added to both an app and its stacks: check each resource once.
    if (this.visited.has(node)) return;
    this.visited.add(node);
    addRegionValidation(node, (index) => checkExportResource(node, index));
  }
}

/** Reads the arguments as they will be synthesized, escape-hatch overrides included. */
function synthesizedArguments(resource: TerraformResource): Record<string, unknown> {
  const block = resource.toTerraform() as {
    resource?: Record<string, Record<string, Record<string, unknown>>>;
  };
  const ofType = block.resource?.[EXPORT_TYPE] ?? {};
  return Object.values(ofType)[0] ?? {};
}

function checkExportResource(resource: TerraformResource, index: RegionIndex): string[] {
  const subject = describe(EXPORT_TYPE, resource.node.path);
  const problems = new Problems(subject);
  const args = synthesizedArguments(resource);

  if (args.image_id === undefined) problems.add("imageId", "must be given (the custom image to export)");
  else problems.check("imageId", args.image_id, checkCustomImageId);
  if (args.oss_bucket === undefined) problems.add("ossBucket", "must be given (the bucket to export into)");
  else problems.check("ossBucket", args.oss_bucket, checkBucketName);
  if (args.oss_prefix === undefined || args.oss_prefix === "") {
    problems.add(
      "ossPrefix",
      "must be 1-30 letters or digits, got none (destroy deletes '<prefix>_<imageId>_system.raw.tar.gz'; with no prefix it deletes a key the export never wrote, and the exported file leaks)",
    );
  } else {
    problems.check("ossPrefix", args.oss_prefix, checkOssPrefix);
  }
  const timeouts = args.timeouts as Record<string, unknown> | undefined;
  if (timeouts !== undefined && !Token.isUnresolved(timeouts)) {
    problems.check("timeouts.create", timeouts.create, checkCreateTimeout);
  }

  // An ImageExport already runs the region, image and provider-version checks for its own resource.
  const ours = resource.node.scope instanceof ImageExport;
  const regionProblems = ours
    ? []
    : regionChecks(resource, index, subject, {
        provider: resource.provider,
        references: [
          { prop: "imageId", value: args.image_id, what: "image" },
          { prop: "ossBucket", value: args.oss_bucket, what: "bucket" },
        ],
      });
  const imageProblems = ours ? [] : exportableImageChecks(resource, index, subject, args.image_id);
  const versionProblems = ours ? [] : providerVersionChecks(index, subject, [ALICLOUD_FEATURES.imageExport]);
  return [...problems.messages, ...regionProblems, ...imageProblems, ...versionProblems];
}
