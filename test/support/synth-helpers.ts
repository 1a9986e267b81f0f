// Helpers shared by the bad-input, determinism, security and docs-example suites: stacks to
// synthesize, a way to catch what a constructor throws, and a reader for the references between the
// blocks of a synthesized stack.
import { App, LocalBackend, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { BringYourOwnStack } from "../../examples/bring-your-own";
import { CrossRegionStack } from "../../examples/cross-region";
import { DocsExampleStack } from "../../examples/docs-example";
import { ManyExportsStack } from "../../examples/many-exports";
import { NightlyBackupsStack } from "../../examples/nightly-backups";
import { alicloud, ExportStorageClass, ImageExport } from "../../src";

/** A synthesized stack, parsed; loosely typed so tests can walk anything in it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TerraformJson = { [key: string]: any };

/** A stack class of the examples, or one of the test stacks below. */
export type StackClass = new (scope: Construct, id: string) => TerraformStack;

/** An empty stack named `stack`, so constructs in it have paths like `stack/Export`. */
export function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), "stack");
}

/** A stack with an alicloud provider in `region` and nothing else yet. */
export function stackInRegion(region = "cn-hangzhou"): TerraformStack {
  const stack = newStack();
  new alicloud.provider.AlicloudProvider(stack, "alicloud", { region });
  return stack;
}

/**
 * Every option of ImageExport that can go together, on: the full scaffold with each setting changed,
 * data disks at the limit of four, the created bucket with its own prefix, retention and every storage
 * class, the RAM role, a timeout,
 * and a second, bring-your-own export that waits for the first one's role.
 */
export class KitchenSinkStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Without a backend, App adds a local one with an absolute path: output would differ by machine.
    new LocalBackend(this, { path: `${id}.tfstate` });
    new alicloud.provider.AlicloudProvider(this, "alicloud", { region: "cn-hangzhou" });
    const full = new ImageExport(this, "Export", {
      ossPrefix: "kitchensink",
      createTimeout: "1h30m",
      createRole: true,
      bucketNamePrefix: "kitchen-sink",
      bucketForceDestroy: true,
      bucketRetainDeletedExportsDays: 14,
      bucketTransitions: [
        { storageClass: ExportStorageClass.IA, afterDays: 30 },
        { storageClass: ExportStorageClass.ARCHIVE, afterDays: 90 },
        { storageClass: ExportStorageClass.COLD_ARCHIVE, afterDays: 180 },
        { storageClass: ExportStorageClass.DEEP_COLD_ARCHIVE, afterDays: 360 },
      ],
      bucketExpireAfterDays: 720,
      namePrefix: "kitchen-sink",
      vpcCidrBlock: "10.0.0.0/16",
      vswitchCidrBlock: "10.0.1.0/24",
      zoneId: "cn-hangzhou-h",
      instanceTypeFamily: "ecs.g7",
      sourceImageNameRegex: "^ubuntu_22_04_x64",
      sourceImageOwners: "system",
      instancePublicBandwidth: 0,
      dataDisks: [
        { size: 20 },
        { size: 40, category: "cloud_essd", performanceLevel: "PL1", name: "data", description: "data disk" },
        { size: 100, category: "cloud_efficiency" },
        { size: 500, category: "cloud_auto" },
      ],
      imageName: "kitchen-sink",
      imageDescription: "Everything the construct can do",
      instanceForceDelete: true,
    });
    new ImageExport(this, "ByoExport", {
      imageId: "m-bp1kitchensink",
      ossBucket: "kitchen-sink-byo",
      ossPrefix: "byo",
      role: full.role,
    });
  }
}

/** A stack with only `new ImageExport(stack, "Export")` and a provider: every default. */
export class DefaultsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `${id}.tfstate` });
    new alicloud.provider.AlicloudProvider(this, "alicloud", { region: "cn-hangzhou" });
    new ImageExport(this, "Export");
  }
}

/** The example stacks and the test stacks, by the id they are synthesized under. */
export const ALL_STACKS: readonly (readonly [string, StackClass])[] = [
  ["docs-example", DocsExampleStack],
  ["bring-your-own", BringYourOwnStack],
  ["cross-region", CrossRegionStack],
  ["nightly-backups", NightlyBackupsStack],
  ["many-exports", ManyExportsStack],
  ["defaults", DefaultsStack],
  ["kitchen-sink", KitchenSinkStack],
];

/** Synthesizes a fresh instance of `Stack` in a fresh app, with validations on, as `cdktf synth` does. */
export function synthFresh(Stack: StackClass, id: string): string {
  return Testing.synth(new Stack(Testing.app(), id), true);
}

/** Synthesizes and parses. */
export function synthJson(stack: TerraformStack, runValidations = true): TerraformJson {
  return JSON.parse(Testing.synth(stack, runValidations));
}

/** A fresh `App` writing to `outdir`, as `cdktf synth` would create it. */
export function appIn(outdir: string): App {
  return new App({ outdir, stackTraces: false });
}

/**
 * What `build` throws. Fails the test when it throws nothing: a hostile input that builds is a stack
 * that would only fail at plan or apply time, if at all.
 */
export function thrownBy(build: () => unknown): unknown {
  try {
    build();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error, but the construct was built without complaint");
}

/** One reference from an argument of a block to another block, e.g. instance.vswitch_id -> vswitch.id. */
export interface Edge {
  /** The referring block: `alicloud_instance.Name` or `data.alicloud_zones.Name`. */
  readonly from: string;
  /** The top-level argument holding the reference, e.g. `vswitch_id`, or `depends_on`. */
  readonly argument: string;
  /** The referenced block, in the same notation as `from`. */
  readonly to: string;
  /** The attribute read from it (`id`, `zones`, `ids`, ...); empty for `depends_on`. */
  readonly attribute: string;
}

const REFERENCE = /\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_][a-z0-9_]*)/g;

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * Every `${type.name.attr}` reference (and every `depends_on` entry) between the resources and data
 * sources of a synthesized stack, as an edge list. Meta-arguments other than depends_on (provider,
 * lifecycle) are left out.
 */
export function referenceEdges(config: TerraformJson): Edge[] {
  const edges: Edge[] = [];
  const blocks: [string, Record<string, Record<string, unknown>>][] = [
    ...Object.entries((config.resource ?? {}) as Record<string, Record<string, Record<string, unknown>>>).map(
      ([type, byName]) => [type, byName] as [string, Record<string, Record<string, unknown>>],
    ),
    ...Object.entries((config.data ?? {}) as Record<string, Record<string, Record<string, unknown>>>).map(
      ([type, byName]) => [`data.${type}`, byName] as [string, Record<string, Record<string, unknown>>],
    ),
  ];
  for (const [type, byName] of blocks) {
    for (const [name, body] of Object.entries(byName)) {
      const from = `${type}.${name}`;
      for (const [argument, value] of Object.entries(body)) {
        if (argument === "provider" || argument === "lifecycle") continue;
        if (argument === "depends_on") {
          for (const target of value as string[]) edges.push({ from, argument, to: target, attribute: "" });
          continue;
        }
        for (const text of stringsIn(value)) {
          for (const match of text.matchAll(REFERENCE)) {
            const [, data, refType, refName, attribute] = match;
            edges.push({ from, argument, to: `${data ?? ""}${refType}.${refName}`, attribute });
          }
        }
      }
    }
  }
  return edges;
}

/** Drops the logical names: `alicloud_instance.X` -> `alicloud_instance` (fine when each type occurs once). */
export function typeOf(address: string): string {
  return address.replace(/\.[^.]+$/, "");
}

/** An edge by types only, written `from.argument -> to.attribute`. */
export function typeEdge(edge: Edge): string {
  return `${typeOf(edge.from)}.${edge.argument} -> ${typeOf(edge.to)}${edge.attribute ? `.${edge.attribute}` : ""}`;
}
