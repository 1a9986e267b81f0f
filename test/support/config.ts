// Readers of a synthesized stack for the construct suites: its blocks by type, references between
// them, outputs read back, and warnings.
import {
  AnnotationMetadataEntryType,
  TerraformDataSource,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  Testing,
} from "cdktf";
import { Construct } from "constructs";
import { alicloud, ImageExportProps } from "../../src";

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One block of the synthesized JSON: a resource, a data source or a provider configuration. */
export interface Block {
  readonly [key: string]: unknown;
}

/** The parts of the synthesized JSON these tests look at. */
export interface Config {
  readonly resource?: Record<string, Record<string, Block>>;
  readonly data?: Record<string, Record<string, Block>>;
  readonly provider?: Record<string, Block[]>;
  readonly output?: Record<string, { readonly value: unknown }>;
}

/** A generated binding class: all the tests need is its Terraform type name. */
export interface ElementType {
  readonly tfResourceType: string;
}

/** The region of the stacks the construct suites build (see stackInRegion). */
export const REGION = "cn-hangzhou";

/** Synthesizes with validations on, as `cdktf synth` does, and parses the JSON. */
export function synth(stack: TerraformStack): Config {
  return JSON.parse(Testing.synth(stack, true)) as Config;
}

export function resources(config: Config, type: ElementType): Block[] {
  return Object.values(config.resource?.[type.tfResourceType] ?? {});
}

export function dataSources(config: Config, type: ElementType): Block[] {
  return Object.values(config.data?.[type.tfResourceType] ?? {});
}

/** The only resource of a type; fails the test when there are none or several. */
export function theResource(config: Config, type: ElementType): Block {
  const found = resources(config, type);
  expect(found).toHaveLength(1);
  return found[0];
}

export function theDataSource(config: Config, type: ElementType): Block {
  const found = dataSources(config, type);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The Terraform address of an element, e.g. `alicloud_image.Export_Scaffold_EDDABC9B`. */
export function address(element: TerraformResource | TerraformDataSource): string {
  const data = element instanceof TerraformDataSource ? "data." : "";
  return `${data}${element.terraformResourceType}.${element.friendlyUniqueId}`;
}

/** How the synthesized JSON refers to an attribute of an element: `${alicloud_image.X.id}`. */
export function reference(element: TerraformResource | TerraformDataSource, attribute: string): string {
  return `\${${address(element)}.${attribute}}`;
}

/** Fails the test unless the value is defined, and returns it. */
export function defined<T>(value: T | undefined): T {
  expect(value).toBeDefined();
  return value as T;
}

/** What the given strings (tokens included) synthesize to, read back from outputs. */
export function resolve(stack: TerraformStack, values: Record<string, string>): Record<string, unknown> {
  for (const [name, value] of Object.entries(values)) new TerraformOutput(stack, name, { value });
  const config = synth(stack);
  return Object.fromEntries(Object.keys(values).map((name) => [name, config.output?.[name]?.value]));
}

export function warningsOf(construct: Construct): string[] {
  return construct.node.metadata
    .filter((entry) => entry.type === AnnotationMetadataEntryType.WARN)
    .map((entry) => String(entry.data));
}

/** The resource types the image scaffold creates. */
export const SCAFFOLD_TYPES = [
  alicloud.vpc.Vpc,
  alicloud.vswitch.Vswitch,
  alicloud.securityGroup.SecurityGroup,
  alicloud.instance.Instance,
  alicloud.image.Image,
];

/** The alicloud resource types an export bucket creates. */
export const BUCKET_TYPES = [
  alicloud.ossBucket.OssBucket,
  alicloud.ossBucketAcl.OssBucketAcl,
  alicloud.ossBucketPublicAccessBlock.OssBucketPublicAccessBlock,
  alicloud.ossBucketServerSideEncryption.OssBucketServerSideEncryption,
  alicloud.ossBucketVersioning.OssBucketVersioningA,
];

export const BRING_YOUR_OWN: ImageExportProps = {
  imageId: "m-bp1g7004ksh0oeuc1234",
  ossBucket: "my-exports",
  ossPrefix: "nightly",
};
