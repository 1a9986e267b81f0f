// The same program must synthesize the same bytes, every time: a diff in cdk.tf.json between two
// runs shows up as a change in every plan review, and a random logical id or oss_prefix would replace
// infrastructure.
import { TerraformStack, Testing } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ImageExport } from "../src";
import { ALL_STACKS, appIn, StackClass, synthFresh } from "./support/synth-helpers";

/** The JSON without cdktf's "//" metadata entries, at any depth. */
function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "//")
      .map(([key, inner]) => [key, withoutMetadata(inner)]),
  );
}

describe("synthesis is deterministic", () => {
  test.each(ALL_STACKS)("%s: two fresh apps give byte-identical JSON", (id, Stack) => {
    const first = synthFresh(Stack, id);
    const second = synthFresh(Stack, id);
    expect(second).toBe(first);
    expect(first.length).toBeGreaterThan(100);
  });

  test.each(ALL_STACKS)("%s: synthesizing one stack twice gives byte-identical JSON", (id, Stack) => {
    const stack = new Stack(Testing.app(), id);
    expect(Testing.synth(stack, true)).toBe(Testing.synth(stack, true));
  });

  test("stacks built in one app don't change each other's output", () => {
    const alone = new Map(ALL_STACKS.map(([id, Stack]) => [id, synthFresh(Stack, id)]));
    const app = Testing.app();
    const together = ALL_STACKS.map(([id, Stack]) => [id, new Stack(app, id)] as const);
    for (const [id, stack] of together) expect(Testing.synth(stack, true)).toBe(alone.get(id));
  });

  describe("app.synth() into two output directories", () => {
    const outdirs: string[] = [];
    afterAll(() => {
      for (const dir of outdirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    /** Synthesizes every stack into a fresh directory, as `cdktf synth` does; returns the directory. */
    function synthAll(stacks: readonly (readonly [string, StackClass])[]): string {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "image-export-determinism-"));
      outdirs.push(outdir);
      const app = appIn(outdir);
      for (const [id, Stack] of stacks) new Stack(app, id);
      app.synth();
      return outdir;
    }

    const stackFile = (outdir: string, id: string) => path.join(outdir, "stacks", id, "cdk.tf.json");

    test("every stack's cdk.tf.json is byte-identical", () => {
      const first = synthAll(ALL_STACKS);
      const second = synthAll(ALL_STACKS);
      for (const [id] of ALL_STACKS) {
        const a = fs.readFileSync(stackFile(first, id));
        const b = fs.readFileSync(stackFile(second, id));
        expect(a.length).toBeGreaterThan(100);
        expect(b.equals(a)).toBe(true);
      }
    });

    test("the order stacks are added in doesn't change any of them", () => {
      const forward = synthAll(ALL_STACKS);
      const backward = synthAll([...ALL_STACKS].reverse());
      for (const [id] of ALL_STACKS) {
        expect(fs.readFileSync(stackFile(backward, id)).equals(fs.readFileSync(stackFile(forward, id)))).toBe(
          true,
        );
      }
    });

    test("no written file holds a path of this machine", () => {
      const outdir = synthAll(ALL_STACKS);
      for (const [id] of ALL_STACKS) {
        const text = fs.readFileSync(stackFile(outdir, id), "utf8");
        expect(text).not.toContain(process.cwd());
        expect(text).not.toContain(outdir);
        if (os.homedir().length > 1) expect(text).not.toContain(os.homedir());
      }
    });

    test("the written file holds what Testing.synth returns, so the in-process checks cover it", () => {
      const outdir = synthAll(ALL_STACKS);
      for (const [id, Stack] of ALL_STACKS) {
        const written = JSON.parse(fs.readFileSync(stackFile(outdir, id), "utf8"));
        const inProcess = JSON.parse(synthFresh(Stack, id));
        // A real App adds cdktf's metadata ("//": construct paths, versions) that Testing.app leaves out.
        expect(withoutMetadata(written)).toEqual(withoutMetadata(inProcess));
      }
    });
  });

  test("the default oss_prefix is the same for the same path and differs between paths", () => {
    const prefixOf = (stackId: string, exportId: string): string => {
      const stack = new TerraformStack(Testing.app(), stackId);
      new ImageExport(stack, exportId, { imageId: "m-abc", ossBucket: "my-bucket" });
      const config = JSON.parse(Testing.synth(stack));
      return (Object.values(config.resource.alicloud_image_export)[0] as { oss_prefix: string }).oss_prefix;
    };
    expect(prefixOf("stack", "Export")).toBe(prefixOf("stack", "Export"));
    const prefixes = [prefixOf("stack", "Export"), prefixOf("other", "Export"), prefixOf("stack", "Export2")];
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
