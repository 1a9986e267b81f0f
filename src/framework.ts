// The seam between the library and the CDK framework it is built for. The same sources build two
// packages, one for CDKTF (`cdktf`) and one for CDK Terrain (`cdktn`); scripts/flavour.js derives the
// second by rewriting the framework's import specifiers, so nothing here names a framework: the names
// come from the package.json of the build this file belongs to.
import * as fs from "fs";
import * as path from "path";
import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

interface PackageJson {
  readonly name: string;
}

/**
 * This package's name, e.g. `cdktf-alicloud-image-export`. The sources (src/) and the compiled library
 * (lib/) both sit one folder below the package root, in this repository, in the derived build and in
 * an installed package.
 */
export const PACKAGE_NAME: string = (
  JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as PackageJson
).name;

/** The framework this package is built for, and the prefix of its name: `cdktf` or `cdktn`. */
export const FRAMEWORK: string = PACKAGE_NAME.split("-")[0];

/** The framework's synth command, which messages point to when nothing is synthesized yet. */
export const SYNTH_COMMAND = `npx ${FRAMEWORK} synth`;

/** The name of this library's package for another framework. */
export function packageFor(framework: string): string {
  return `${framework}${PACKAGE_NAME.slice(FRAMEWORK.length)}`;
}

const JSII_RTTI = Symbol.for("jsii.rtti");

/**
 * The fully-qualified jsii name of the framework class a stack was made from, e.g.
 * `cdktn.TerraformStack`; user subclasses inherit it from the framework's class.
 */
function frameworkClassOf(stack: object): { fqn: string; version?: string } | undefined {
  for (let type = stack.constructor; typeof type === "function"; type = Object.getPrototypeOf(type)) {
    const rtti = (type as unknown as { [JSII_RTTI]?: { fqn?: unknown; version?: unknown } })[JSII_RTTI];
    if (rtti && typeof rtti.fqn === "string" && rtti.fqn.endsWith(".TerraformStack")) {
      return { fqn: rtti.fqn, version: typeof rtti.version === "string" ? rtti.version : undefined };
    }
  }
  return undefined;
}

/**
 * Throws when `construct` sits in a stack of another framework (or another copy of this one). The
 * frameworks recognize each other's stacks, so such a construct would be accepted here and fail much
 * later, inside the other framework's synthesis, with a TypeError that names neither package.
 */
export function checkFramework(construct: IConstruct, constructName: string): void {
  const stack = [...construct.node.scopes].reverse().find((scope): boolean => TerraformStack.isStack(scope));
  if (stack === undefined || stack instanceof TerraformStack) return;
  const found = frameworkClassOf(stack);
  const framework = found?.fqn.split(".")[0];
  const where = `${constructName} at '${construct.node.path}'`;
  if (framework !== undefined && framework !== FRAMEWORK) {
    throw new Error(
      `${where} comes from ${PACKAGE_NAME}, which is built for ${FRAMEWORK}, but its stack '${stack.node.path}' ` +
        `is a ${framework} TerraformStack. Install ${packageFor(framework)} instead of ${PACKAGE_NAME} ` +
        `(same API; import from "${packageFor(framework)}").`,
    );
  }
  const version = found?.version === undefined ? "" : ` ${found.version}`;
  throw new Error(
    `${where} comes from ${PACKAGE_NAME}, but its stack '${stack.node.path}' was made with another copy of ` +
      `${framework ?? "the framework"}${version} than the one ${PACKAGE_NAME} loads. Install a single copy ` +
      `of ${FRAMEWORK} (see \`npm ls ${FRAMEWORK}\`).`,
  );
}
