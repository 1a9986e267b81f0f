// No checker passes silently. Whatever takes "a synthesized stack" refuses what isn't one (the stack
// object itself, text that isn't JSON, JSON that isn't a configuration, input too large or too deep)
// with one clear sentence; the commands exit 2 on such input, with one line and no stack trace; and
// ImageExportChecks can't sit where cdktf never runs it without someone saying so.
import * as fs from "fs";
import * as path from "path";
import { App, Aspects, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import {
  alicloud,
  DependencyDiagram,
  ImageExport,
  ImageExportChecks,
  SchemaConformance,
  TerraformJudge,
} from "../src";
import { MAX_BYTES, MAX_NESTING } from "../src/conformance/terraform-json";
import { setupTerraformMatchers } from "../src/testing";
import { outdir, run, temporaryFolder } from "./support/command";

setupTerraformMatchers();

function appWithStack(): { app: App; stack: TerraformStack } {
  const app = new App({ outdir: temporaryFolder("cdktf.out.") });
  const stack = new TerraformStack(app, "exports");
  new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
  return { app, stack };
}

const badPrefix = (stack: TerraformStack) =>
  new alicloud.imageExport.ImageExport(stack, "Raw", {
    imageId: "m-abc",
    ossBucket: "exports",
    ossPrefix: "my prefix",
  });

describe("ImageExportChecks for a whole app", () => {
  test("applyTo(app) checks every stack of the app", () => {
    const { app, stack } = appWithStack();
    const other = new TerraformStack(app, "other");
    new alicloud.provider.AlicloudProvider(other, "alicloud", { region: "cn-hangzhou" });
    badPrefix(stack);
    badPrefix(other);
    ImageExportChecks.applyTo(app);
    expect(() => app.synth()).toThrow(
      /alicloud_image_export at 'exports\/Raw': ossPrefix must be 1-30 letters or digits, got 'my prefix' \(has a space\)/,
    );
    const again = appWithStack();
    const onlyOther = new TerraformStack(again.app, "other");
    new alicloud.provider.AlicloudProvider(onlyOther, "alicloud", { region: "cn-hangzhou" });
    badPrefix(onlyOther);
    ImageExportChecks.applyTo(again.app);
    expect(() => again.app.synth()).toThrow(/alicloud_image_export at 'other\/Raw': ossPrefix must be/);
  });

  test("a stack added after applyTo fails the app's synthesis instead of going unchecked", () => {
    const { app } = appWithStack();
    ImageExportChecks.applyTo(app);
    new TerraformStack(app, "late");
    expect(() => app.synth()).toThrow(
      /ImageExportChecks at 'the App': the stack 'late' was added after ImageExportChecks.applyTo, so it is not checked/,
    );
  });

  test("Aspects.of(app) alone: app.synth() runs the checks in every stack, raw L1s and all", () => {
    // The README's old way, with only a raw L1 (the case that passed silently).
    const { app, stack } = appWithStack();
    badPrefix(stack);
    Aspects.of(app).add(new ImageExportChecks());
    expect(() => app.synth()).toThrow(
      "alicloud_image_export at 'exports/Raw': ossPrefix must be 1-30 letters or digits, got 'my prefix' (has a space)",
    );

    // Every stack: the first one conforms, the second doesn't.
    const again = appWithStack();
    new alicloud.imageExport.ImageExport(again.stack, "Fine", {
      imageId: "m-abc",
      ossBucket: "exports",
      ossPrefix: "nightly",
    });
    const other = new TerraformStack(again.app, "other");
    new alicloud.provider.AlicloudProvider(other, "alicloud", { region: "cn-hangzhou" });
    badPrefix(other);
    Aspects.of(again.app).add(new ImageExportChecks());
    expect(() => again.app.synth()).toThrow("alicloud_image_export at 'other/Raw': ossPrefix must be");
  });

  test("under a construct between the App and the stacks, likewise", () => {
    const app = new App({ outdir: temporaryFolder("cdktf.out.") });
    const stage = new Construct(app, "prod");
    const stack = new TerraformStack(stage, "exports");
    new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
    badPrefix(stack);
    Aspects.of(stage).add(new ImageExportChecks());
    expect(() => app.synth()).toThrow(/alicloud_image_export at 'prod\/exports\/Raw': ossPrefix must be/);
  });

  test("Testing.synth skips the App: there this library's constructs refuse checks above their stack", () => {
    const { app, stack } = appWithStack();
    new ImageExport(stack, "Export", { imageId: "m-abc", ossBucket: "exports" });
    badPrefix(stack);
    Aspects.of(app).add(new ImageExportChecks());
    expect(() => Testing.synth(stack, true)).toThrow(
      "ImageExportChecks is added to the App, above the stack 'exports': cdktf runs only the aspects of a stack and of what it holds, so it checks nothing there.",
    );
  });

  test("added to the stack as well, it runs there and nothing complains about the app", () => {
    const { app, stack } = appWithStack();
    new ImageExport(stack, "Export", { imageId: "m-abc", ossBucket: "exports" });
    Aspects.of(app).add(new ImageExportChecks());
    Aspects.of(stack).add(new ImageExportChecks());
    expect(() => app.synth()).not.toThrow();
  });
});

describe("a stack object is not its synthesized JSON", () => {
  test("SchemaConformance.check refuses it, saying what to pass", () => {
    const { stack } = appWithStack();
    badPrefix(stack);
    expect(() => SchemaConformance.check(stack)).toThrow(
      "SchemaConformance.check: the stack is the construct 'exports', not its synthesized JSON; pass the JSON text of a cdk.tf.json (e.g. Testing.synth(stack)) or that document parsed",
    );
    expect(SchemaConformance.check(Testing.synth(stack)).map((v) => v.path)).toEqual(["oss_prefix"]);
  });

  test.each([
    ["text that isn't JSON", "not json", /the stack is not valid JSON \(Unexpected token/],
    ["a list", "[]", /the stack is not a Terraform JSON configuration .*, got a list/],
    ["another JSON document", '{"name": "x", "version": "1"}', /has the top-level keys "name", "version"/],
    ["a number", 42, /got number 42/],
    ["nothing", undefined, /got undefined/],
  ])("SchemaConformance.check refuses %s", (_, input, message) => {
    expect(() => SchemaConformance.check(input)).toThrow(message);
  });

  test("an empty configuration is one, and conforms", () => {
    expect(SchemaConformance.check("{}")).toEqual([]);
  });

  test("the matchers, the judge and the diagram refuse it too", async () => {
    const { stack } = appWithStack();
    expect(() => expect(stack).toConformToProviderSchema()).toThrow(
      "expected a synthesized stack, but the stack is the construct 'exports', not its synthesized JSON",
    );
    await expect(expect(stack).toPassTerraformPlan()).rejects.toThrow(
      "expected a synthesized stack (Testing.synth(stack), its parsed JSON, or the folder Testing.fullSynth(stack) returns), but it is the construct 'exports'",
    );
    expect(() => DependencyDiagram.mermaid(stack as unknown as string)).toThrow(/is the construct 'exports'/);
    const judged = await TerraformJudge.checkSynthesized({ exports: stack as unknown as string });
    expect(judged.stacks[0].diagnostics.map((d) => `${d.summary}: ${d.detail}`)).toEqual([
      expect.stringMatching(/^Not a Terraform JSON configuration: the stack is the construct 'exports'/),
    ]);
  }, 60_000);

  test("toPassTerraformPlan takes the folder Testing.fullSynth returns, as cdktf's toPlanSuccessfully does", async () => {
    const stack = new TerraformStack(Testing.app(), "exports");
    new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
    new ImageExport(stack, "Export", { imageId: "m-abc", ossBucket: "exports", ossPrefix: "nightly" });
    await expect(Testing.fullSynth(stack)).toPassTerraformPlan();
  }, 60_000);

  test("a mistyped folder is said to be one, negated or not", async () => {
    for (const negated of [false, true]) {
      const matchers = negated ? expect("cdktf.out/stacks/exprts").not : expect("cdktf.out/stacks/exprts");
      await expect(matchers.toPassTerraformPlan()).rejects.toThrow(
        "but got 'cdktf.out/stacks/exprts', which is neither JSON nor an existing file or folder",
      );
    }
  });
});

describe("the commands exit 2 on input they can't read, with one line", () => {
  const deep = `{"resource": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
  const hostile: [string, (file: string) => void, RegExp][] = [
    [
      "nested 100,000 levels deep",
      (f) => fs.writeFileSync(f, deep),
      new RegExp(`is nested more than ${MAX_NESTING} levels deep`),
    ],
    [
      "larger than a stack can be",
      (f) => fs.truncateSync(f, MAX_BYTES + 1),
      /is 64\.0 MiB, larger than a synthesized stack can be \(64\.0 MiB\)/,
    ],
    ["not JSON", (f) => fs.writeFileSync(f, "{ resource"), /is not valid JSON/],
    [
      "not JSON, the mistake among line breaks",
      (f) => fs.writeFileSync(f, '{"resource": {},\n "a": [1,\n 2,\n]}'),
      /is not valid JSON \(.*\)$/,
    ],
    [
      "not Terraform",
      (f) => fs.writeFileSync(f, '{"node": {}, "synthesizer": {}}'),
      /is not a Terraform JSON configuration: it has the top-level keys "node", "synthesizer"/,
    ],
  ];

  test.each(hostile)(
    "a cdk.tf.json %s",
    async (_, write, message) => {
      const dir = outdir({ good: { resource: {} }, bad: "" });
      const file = path.join(dir, "stacks", "bad", "cdk.tf.json");
      write(file);
      for (const args of [
        ["check", dir],
        ["check", "--terraform", dir],
        ["graph", dir],
        ["retention", dir, "--nights", "3"],
        ["diff", dir, dir],
      ]) {
        const result = run(args);
        const status = await result.status;
        expect({
          args: args[0] + (args[1] === "--terraform" ? " --terraform" : ""),
          status,
          out: result.out,
        }).toEqual({
          args: args[0] + (args[1] === "--terraform" ? " --terraform" : ""),
          status: 2,
          out: [],
        });
        expect(result.err).toHaveLength(1);
        expect(result.err[0]).toMatch(message);
        expect(result.err[0]).toMatch(/stacks\/bad\/cdk\.tf\.json|\bbad: /);
        expect(result.err[0]).not.toContain("\n");
      }
    },
    60_000,
  );
});
