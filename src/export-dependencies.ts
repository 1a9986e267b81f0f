// What an export must wait for that only the whole stack can tell, settled when the stack is
// synthesized (every construct exists by then, whatever order they were added in):
// - Exports of the same image run one after another, in the order they were constructed. ECS refuses a
//   second export of an image while one is running (ExportImage error `ImageIsExporting`, 403), and
//   Terraform would otherwise start both at once: one would fail some twenty minutes into the apply.
//   The same image means the same literal id, or the same expression once resolved (`var.image_id`
//   read twice is one image).
// - An export into a bucket made by an `ExportBucket` of the same stack (a shared bucket, passed as
//   `ossBucket: bucket.bucketName`) waits for that bucket's ACL, public-access block, encryption and
//   versioning, as an export into the bucket it creates itself does: ECS must not write a byte before
//   the bucket is private, encrypted and versioned. The bucket is recognized from the reference the
//   export's `oss_bucket` resolves to, so `bucket.bucketName`, `bucket.resource.bucket` and an L1
//   reference all count.
import {
  Aspects,
  DefaultTokenResolver,
  dependable,
  IAspect,
  ITerraformDependable,
  StringConcat,
  TerraformResource,
  TerraformStack,
  Token,
  Tokenization,
} from "cdktf";
import { IConstruct } from "constructs";
import { ExportBucket } from "./export-bucket";

/** What this module needs of an ImageExport. */
export interface OrderedExport {
  /** The `alicloud_image_export` resource. */
  readonly resource: TerraformResource;
  /** The bucket the export created for itself, if it did; it already waits for that one. */
  readonly exportBucket?: ExportBucket;
}

const exportsOf = new WeakMap<TerraformStack, OrderedExport[]>();

/** Records an export (in construction order) so that the stack's synthesis settles what it waits for. */
export function registerExport(scope: IConstruct, exported: OrderedExport): void {
  const stack = TerraformStack.of(scope);
  let list = exportsOf.get(stack);
  if (list === undefined) {
    list = [];
    exportsOf.set(stack, list);
    Aspects.of(stack).add(new ExportDependencies(stack, list));
  }
  list.push(exported);
}

/** The protections of an export bucket an export must wait for. */
export function bucketProtections(bucket: ExportBucket): ITerraformDependable[] {
  return [
    bucket.acl,
    bucket.publicAccessBlock,
    bucket.encryption,
    ...(bucket.versioning ? [bucket.versioning] : []),
  ];
}

class ExportDependencies implements IAspect {
  /** What has been added to each export, so that synthesizing twice adds nothing twice. */
  private readonly added = new WeakMap<TerraformResource, Set<ITerraformDependable>>();

  constructor(
    private readonly stack: TerraformStack,
    private readonly exports: readonly OrderedExport[],
  ) {}

  public visit(node: IConstruct): void {
    // Aspects visit the stack before its children, so every construct is here by now.
    if (node !== this.stack) return;
    const buckets = node.node.findAll().filter((c): c is ExportBucket => c instanceof ExportBucket);
    const previousOfImage = new Map<string, OrderedExport>();
    for (const exported of this.exports) {
      const config = exported.resource as unknown as { imageIdInput?: unknown; ossBucketInput?: unknown };
      const image = this.resolved(config.imageIdInput);
      if (image !== undefined) {
        const previous = previousOfImage.get(image);
        if (previous) this.waitFor(exported.resource, [previous.resource]);
        previousOfImage.set(image, exported);
      }
      if (buckets.length === 0) continue;
      const bucket = this.resolved(config.ossBucketInput);
      if (bucket === undefined) continue;
      for (const shared of buckets) {
        if (shared === exported.exportBucket) continue;
        // A reference anywhere in the expression, `${lower(alicloud_oss_bucket.X.bucket)}` too (a bucket
        // name can't hold `_`, so literal text never looks like one).
        const id = this.stack.getLogicalId(shared.resource).replace(/[^\w-]/g, "\\$&");
        if (new RegExp(`(?:^|[^\\w.-])alicloud_oss_bucket\\.${id}\\.`).test(bucket)) {
          this.waitFor(exported.resource, bucketProtections(shared));
        }
      }
    }
  }

  /** A value as Terraform will see it, e.g. `${var.image_id}`; undefined when it isn't a string. */
  private resolved(value: unknown): string | undefined {
    if (typeof value !== "string") return undefined;
    if (!Token.isUnresolved(value)) return value; // a literal is what Terraform sees

    const resolved = Tokenization.resolve(value, {
      scope: this.stack,
      preparing: false,
      resolver: new DefaultTokenResolver(new StringConcat()),
    });
    return typeof resolved === "string" ? resolved : undefined;
  }

  private waitFor(resource: TerraformResource, dependencies: readonly ITerraformDependable[]): void {
    let added = this.added.get(resource);
    if (added === undefined) {
      added = new Set();
      this.added.set(resource, added);
    }
    const fresh = dependencies.filter((d) => !added.has(d));
    if (fresh.length === 0) return;
    fresh.forEach((d) => added.add(d));
    resource.dependsOn = [...(resource.dependsOn ?? []), ...fresh.map((d) => dependable(d))];
  }
}
