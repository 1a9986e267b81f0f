// The two flavours side by side, in one process: the cdktf flavour (src/) and the cdktn flavour that
// scripts/flavour.js derives into build/cdktn/src. The cdktn side is loaded in an isolated module
// registry in which `cdktf` is cdktn and the library's sources are the derived copy, so the examples
// and test stacks below are the very same files, built once per framework.
//
// This file runs in the cdktf jest project only (it loads both flavours itself).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as cdktn from "cdktn";
import { App, TerraformStack } from "cdktf";
import { ExportBucket, ImageExport, ImageExportRole, ImageScaffold } from "../src";
import { ALL_STACKS, StackClass } from "./support/synth-helpers";

const ROOT = path.resolve(__dirname, "..");
const DERIVED_SRC = path.join(ROOT, "build", "cdktn", "src");

type Library = typeof import("../src");
type Helpers = typeof import("./support/synth-helpers");

/** The cdktn flavour and the test helpers built on it, loaded with `cdktf` resolving to cdktn. */
function loadCdktnFlavour(): { lib: Library; helpers: Helpers; framework: typeof cdktn } {
  let loaded: { lib: Library; helpers: Helpers; framework: typeof cdktn } | undefined;
  jest.isolateModules(() => {
    const framework = jest.requireActual<typeof cdktn>("cdktn");
    const lib = jest.requireActual<Library>(DERIVED_SRC);
    jest.doMock("cdktf", () => framework);
    jest.doMock("../src", () => lib);
    loaded = { lib, framework, helpers: jest.requireActual<Helpers>("./support/synth-helpers") };
  });
  if (loaded === undefined) throw new Error("the cdktn flavour did not load");
  return loaded;
}

const flavourCdktn = loadCdktnFlavour();

/** Synthesizes every stack into `outdir` with the framework's own App, as `cdktf synth` / `cdktn synth` do. */
function synthAll(
  AppClass: new (config: { outdir: string; stackTraces: boolean }) => { synth(): void },
  stacks: readonly (readonly [string, StackClass])[],
  outdir: string,
): Record<string, string> {
  const app = new AppClass({ outdir, stackTraces: false });
  for (const [id, Stack] of stacks) new Stack(app as never, id);
  app.synth();
  return Object.fromEntries(
    stacks.map(([id]) => [id, fs.readFileSync(path.join(outdir, "stacks", id, "cdk.tf.json"), "utf8")]),
  );
}

/** Paths (dot-separated) whose values differ between two JSON values. */
function differences(a: unknown, b: unknown, at = ""): string[] {
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((key) =>
      differences(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${at}${at ? "." : ""}${key}`,
      ),
    );
  }
  return a === b ? [] : [at];
}

/**
 * The two formatters' only difference in layout: json-stable-stringify (cdktf) writes an empty object
 * or array over two lines, safe-stable-stringify (cdktn) as `{}` / `[]`.
 */
function collapseEmpty(json: string): string {
  return json.replace(/([{[])\n *([}\]])/g, "$1$2");
}

describe("both flavours synthesize the same Terraform", () => {
  let work: string;
  let cdktfFiles: Record<string, string>;
  let cdktnFiles: Record<string, string>;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "flavours-"));
    cdktfFiles = synthAll(App, ALL_STACKS, path.join(work, "cdktf"));
    cdktnFiles = synthAll(
      flavourCdktn.framework.App,
      flavourCdktn.helpers.ALL_STACKS,
      path.join(work, "cdktn"),
    );
  });

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test("the cdktn side really is the derived flavour on cdktn", () => {
    expect(Object.keys(cdktfFiles)).toEqual([
      "docs-example",
      "bring-your-own",
      "cross-region",
      "nightly-backups",
      "many-exports",
      "defaults",
      "kitchen-sink",
    ]);
    expect(Object.keys(cdktnFiles)).toEqual(Object.keys(cdktfFiles));
    const stack = new flavourCdktn.framework.TerraformStack(new flavourCdktn.framework.App(), "s");
    expect(new flavourCdktn.lib.ImageExport(stack, "e").node.scope).toBeInstanceOf(
      flavourCdktn.framework.TerraformStack,
    );
    expect(flavourCdktn.lib.ImageExport).not.toBe(ImageExport);
    expect(JSON.parse(cdktnFiles["kitchen-sink"])["//"].metadata.version).toBe(
      JSON.parse(fs.readFileSync(require.resolve("cdktn/package.json"), "utf8")).version,
    );
  });

  test.each(ALL_STACKS.map(([id]) => id))(
    "%s: cdk.tf.json differs only in the framework's version in // metadata",
    (id) => {
      const fromCdktf = JSON.parse(cdktfFiles[id]);
      const fromCdktn = JSON.parse(cdktnFiles[id]);
      // The one field that names the framework's version, with each framework's own value.
      expect(differences(fromCdktf, fromCdktn)).toEqual(["//.metadata.version"]);
      expect(fromCdktf["//"].metadata.version).toBe("0.21.0");
      expect(fromCdktn["//"].metadata.version).toBe("0.24.0");

      // Byte for byte once that field is set aside, up to the formatters' spelling of empty collections:
      // same keys in the same order, same values, same indentation.
      const version = /("version": )"0\.2[14]\.0"/;
      expect(collapseEmpty(cdktnFiles[id]).replace(version, "$1V")).toBe(
        collapseEmpty(cdktfFiles[id]).replace(version, "$1V"),
      );
    },
  );
});

describe("mixing the flavours fails clearly, at construction", () => {
  const constructs: [string, (scope: never) => unknown, (scope: never) => unknown][] = [
    ["ImageExport", (s) => new ImageExport(s, "X"), (s) => new flavourCdktn.lib.ImageExport(s, "X")],
    ["ImageScaffold", (s) => new ImageScaffold(s, "X"), (s) => new flavourCdktn.lib.ImageScaffold(s, "X")],
    ["ExportBucket", (s) => new ExportBucket(s, "X"), (s) => new flavourCdktn.lib.ExportBucket(s, "X")],
    [
      "ImageExportRole",
      (s) => new ImageExportRole(s, "X"),
      (s) => new flavourCdktn.lib.ImageExportRole(s, "X"),
    ],
  ];

  test.each(constructs)(
    "the cdktf flavour's %s in a cdktn stack says to install cdktn-alicloud-image-export",
    (name, build) => {
      const stack = new cdktn.TerraformStack(new cdktn.App(), "app-stack");
      expect(() => build(stack as never)).toThrow(
        new Error(
          `${name} at 'app-stack/X' comes from cdktf-alicloud-image-export, which is built for cdktf, but its stack ` +
            `'app-stack' is a cdktn TerraformStack. Install cdktn-alicloud-image-export instead of ` +
            `cdktf-alicloud-image-export (same API; import from "cdktn-alicloud-image-export").`,
        ),
      );
    },
  );

  test.each(constructs)(
    "the cdktn flavour's %s in a cdktf stack says to install cdktf-alicloud-image-export",
    (name, _, build) => {
      // A user's own subclass of the framework's stack, in a nested scope.
      class MyStack extends TerraformStack {}
      const stack = new MyStack(new App(), "mine");
      const scope = new (jest.requireActual<typeof import("constructs")>("constructs").Construct)(
        stack,
        "Group",
      );
      expect(() => build(scope as never)).toThrow(
        new Error(
          `${name} at 'mine/Group/X' comes from cdktn-alicloud-image-export, which is built for cdktn, but its stack ` +
            `'mine' is a cdktf TerraformStack. Install cdktf-alicloud-image-export instead of ` +
            `cdktn-alicloud-image-export (same API; import from "cdktf-alicloud-image-export").`,
        ),
      );
    },
  );

  test("each flavour in its own framework's stack builds and synthesizes", () => {
    const cdktfStack = new TerraformStack(new App(), "s");
    expect(() => new ImageExport(cdktfStack, "X")).not.toThrow();
    const { framework, lib } = flavourCdktn;
    const cdktnStack = new framework.TerraformStack(new framework.App(), "s");
    expect(() => new lib.ImageExport(cdktnStack, "X")).not.toThrow();
    expect(JSON.parse(framework.Testing.synth(cdktnStack)).resource.alicloud_image_export).toBeDefined();
  });

  test("a stack from a second copy of the same framework is reported as such", () => {
    // The top-level cdktn import and the one the isolated cdktn flavour loaded are two module instances.
    const stack = new cdktn.TerraformStack(new cdktn.App(), "s");
    expect(() => new flavourCdktn.lib.ImageExport(stack, "X")).toThrow(
      new Error(
        "ImageExport at 's/X' comes from cdktn-alicloud-image-export, but its stack 's' was made with another " +
          "copy of cdktn 0.24.0 than the one cdktn-alicloud-image-export loads. Install a single copy of cdktn " +
          "(see `npm ls cdktn`).",
      ),
    );
  });
});
