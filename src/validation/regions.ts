// Region rules that need the whole stack: which provider (and so which region) each resource ends up
// with is only settled once every construct has been added. Run from node.addValidation.
import {
  Annotations,
  DefaultTokenResolver,
  StringConcat,
  TerraformDataSource,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Token,
  Tokenization,
} from "cdktf";
import { Construct, IConstruct } from "constructs";
import { show } from "../rules/text";
import { Check, checkRegionId, KNOWN_REGIONS } from "./values";

/** A prop whose value may refer to another resource, e.g. `imageId: image.id`. */
export interface ReferenceProp {
  readonly prop: string;
  readonly value: unknown;
  readonly what: string;
}

/** What region checks look at. */
export interface RegionCheckInput {
  readonly provider?: TerraformProvider;
  readonly zoneId?: unknown;
  readonly references: readonly ReferenceProp[];
}

function isAlicloudProvider(c: IConstruct): c is TerraformProvider {
  return c instanceof TerraformProvider && c.terraformResourceType === "alicloud";
}

/**
 * The `provider` prop: an alicloud provider. Anything else would be dropped without a word and the
 * resources would silently go to the stack's default provider (another account or region).
 */
export const checkAlicloudProvider: Check = (value) => {
  if (!TerraformProvider.isTerraformProvider(value)) {
    return `must be an alicloud provider (alicloud.provider.AlicloudProvider), got ${show(value)}`;
  }
  if (value.terraformResourceType === "alicloud") return undefined;
  return `must be an alicloud provider (alicloud.provider.AlicloudProvider), got ${show(value)} (a '${value.terraformResourceType}' provider)`;
};

type Element = TerraformResource | TerraformDataSource;

/**
 * What the region checks look up in a stack: its default alicloud provider and its resources by
 * Terraform address. Built at most once per validation pass, so that checking N exports costs one walk
 * of the stack rather than N.
 */
class StackIndex {
  private nodes?: IConstruct[];
  private defaultProviderFound?: { readonly provider: TerraformProvider | undefined };
  private recordingProviderFound?: { readonly provider: TerraformProvider | undefined };
  private elements?: Map<string, Element>;
  private readonly references = new Map<string, Element | undefined>();

  constructor(private readonly stack: TerraformStack) {}

  /**
   * The element a token refers to, resolved once per pass: an export's image id is read by the region
   * check and the exportable-image check, and a token's resolution is the costly part of both.
   */
  public referenced(value: string, find: () => Element | undefined): Element | undefined {
    if (!this.references.has(value)) this.references.set(value, find());
    return this.references.get(value);
  }

  /** The provider a resource uses: its own, or the stack's alicloud provider without alias. */
  public effectiveProvider(explicit: TerraformProvider | undefined): TerraformProvider | undefined {
    if (explicit !== undefined) return explicit;
    this.defaultProviderFound ??= {
      provider: this.all().find(
        (c): c is TerraformProvider => isAlicloudProvider(c) && c.alias === undefined,
      ),
    };
    return this.defaultProviderFound.provider;
  }

  /**
   * The alicloud provider whose version constraint the stack records: cdktf merges every provider
   * configuration's `required_providers` entry into the stack's in tree order, so the last one's wins.
   */
  public recordingAlicloudProvider(): TerraformProvider | undefined {
    // Once per pass, like the default provider: every construct's version check asks for it.
    this.recordingProviderFound ??= { provider: this.all().filter(isAlicloudProvider).pop() };
    return this.recordingProviderFound.provider;
  }

  /** The resource (or, with `data`, data source) at `type.name`. */
  public element(data: boolean, type: string, name: string): Element | undefined {
    if (this.elements === undefined) {
      this.elements = new Map();
      for (const c of this.all()) {
        if (c instanceof TerraformResource || c instanceof TerraformDataSource) {
          const key = `${c instanceof TerraformDataSource ? "data." : ""}${c.terraformResourceType}.${this.stack.getLogicalId(c)}`;
          this.elements.set(key, c);
        }
      }
    }
    return this.elements.get(`${data ? "data." : ""}${type}.${name}`);
  }

  private all(): IConstruct[] {
    this.nodes ??= this.stack.node.findAll();
    return this.nodes;
  }
}

const currentIndex = new WeakMap<TerraformStack, StackIndex>();
const stacksWithIndexing = new WeakSet<TerraformStack>();

/**
 * Makes every validation pass over `stack` start with a fresh StackIndex. cdktf validates the stack
 * node before its descendants, so the index is in place when the exports' checks run.
 */
function indexFor(stack: TerraformStack): StackIndex {
  if (!stacksWithIndexing.has(stack)) {
    stacksWithIndexing.add(stack);
    stack.node.addValidation({
      validate: () => {
        currentIndex.set(stack, new StackIndex(stack));
        return [];
      },
    });
  }
  // Called outside a stack's validation pass (e.g. node.validate() on the construct alone): build one.
  return currentIndex.get(stack) ?? new StackIndex(stack);
}

/**
 * Registers `validate` on `scope` with the stack index in place; call it while building the construct
 * tree (constructors, aspects), before validations run.
 */
export function addRegionValidation(scope: Construct, validate: (index: RegionIndex) => string[]): void {
  const stack = TerraformStack.of(scope);
  indexFor(stack);
  scope.node.addValidation({ validate: () => validate(indexFor(stack)) });
}

/** The index a region check reads; opaque to callers. */
export type RegionIndex = StackIndex;

/** The provider's region when it is a literal; undefined when unset or only known at apply time. */
function literalRegion(provider: TerraformProvider | undefined): string | undefined {
  const region = (provider as unknown as { region?: unknown } | undefined)?.region;
  return typeof region === "string" && !Token.isUnresolved(region) ? region : undefined;
}

function providerName(provider: TerraformProvider): string {
  return provider.alias ? `alicloud.${provider.alias}` : "alicloud";
}

/** Finds the resource or data source a `${type.name.attr}` reference points to. */
function referencedElement(stack: TerraformStack, index: StackIndex, value: unknown): Element | undefined {
  if (typeof value !== "string" || !Token.isUnresolved(value)) return undefined;
  return index.referenced(value, () => resolvedElement(stack, index, value));
}

function resolvedElement(stack: TerraformStack, index: StackIndex, value: string): Element | undefined {
  const resolved = Tokenization.resolve(value, {
    scope: stack,
    preparing: false,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
  if (typeof resolved !== "string") return undefined;
  const match = /^\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[a-z_]/.exec(resolved);
  if (!match) return undefined;
  const [, data, type, name] = match;
  return index.element(data !== undefined, type, name);
}

/** Image owners whose images ECS never exports: public images and Marketplace images. */
const UNEXPORTABLE_OWNERS = ["system", "marketplace"];

/**
 * An image looked up in the stack among public or Marketplace images can't be exported: ECS refuses
 * it at apply time (ExportImage errors InvalidImageCategory.NotSupported and ImageNotSupported). Only
 * custom images can be.
 */
export function exportableImageChecks(
  scope: Construct,
  index: RegionIndex,
  subject: string,
  imageId: unknown,
): string[] {
  const stack = TerraformStack.of(scope);
  const element = referencedElement(stack, index, imageId);
  if (!(element instanceof TerraformDataSource) || element.terraformResourceType !== "alicloud_images")
    return [];
  const owners = (element as unknown as { ownersInput?: unknown }).ownersInput;
  if (typeof owners !== "string" || Token.isUnresolved(owners) || !UNEXPORTABLE_OWNERS.includes(owners))
    return [];
  return [
    `${subject}: imageId must be a custom image, got an image of data.alicloud_images.${stack.getLogicalId(element)}, ` +
      `which looks among ${show(owners)} images (ECS exports only custom images; build one from it with ImageScaffold, or leave imageId out)`,
  ];
}

const warnedAboutRegion = new WeakSet<Construct>();

/**
 * Checks that the export's region is a valid region id, that the zone lies in it, and that an image or
 * bucket created elsewhere in the stack is in the same region. Returns error messages; unknown but
 * well-formed regions only cause a warning.
 */
export function regionChecks(
  scope: Construct,
  index: RegionIndex,
  subject: string,
  input: RegionCheckInput,
): string[] {
  const stack = TerraformStack.of(scope);
  const provider = index.effectiveProvider(input.provider);
  const errors: string[] = [];
  if (provider === undefined) return errors;
  const region = literalRegion(provider);
  if (region === undefined) return errors;

  const problem = checkRegionId(region);
  if (problem) {
    errors.push(`${subject}: the region of provider '${providerName(provider)}' ${problem}`);
    return errors;
  }
  if (!KNOWN_REGIONS.includes(region) && !warnedAboutRegion.has(scope)) {
    // Validations may run more than once (e.g. two synths in a test); say it once.
    warnedAboutRegion.add(scope);
    Annotations.of(scope).addWarning(
      `${subject}: region ${show(region)} is not one this library knows; check that ECS image export is offered there.`,
    );
  }

  const zone = input.zoneId;
  if (
    typeof zone === "string" &&
    !Token.isUnresolved(zone) &&
    // A zone id is its region's id plus a zone letter: after a hyphen when the region ends in a letter
    // (cn-hangzhou-h), right after the digit otherwise (ap-southeast-1a).
    !new RegExp(/\d$/.test(region) ? `^${region}[a-z]$` : `^${region}-[a-z][a-z0-9]?$`).test(zone)
  ) {
    errors.push(
      `${subject}: zoneId must be a zone of the export's region ${show(region)}, got ${show(zone)}`,
    );
  }

  for (const reference of input.references) {
    const element = referencedElement(stack, index, reference.value);
    if (element === undefined) continue;
    const elementProvider = index.effectiveProvider(element.provider);
    const elementRegion = literalRegion(elementProvider);
    if (elementRegion !== undefined && elementRegion !== region) {
      errors.push(
        `${subject}: ${reference.prop} must name a${reference.what === "image" ? "n" : ""} ${reference.what} in the export's region ${show(region)}, ` +
          `got ${element.terraformResourceType}.${stack.getLogicalId(element)} in ${show(elementRegion)} ` +
          `(ECS exports an image only to a bucket in the image's own region)`,
      );
    }
  }
  return errors;
}
