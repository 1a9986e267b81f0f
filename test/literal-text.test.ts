// Text the constructs write reaches the resource exactly as the user typed it: `${` and `%{` are escaped
// (Terraform would read them as templates), tokens inside strings stay expressions, and text the user
// already escaped (`$${`) is taken as written. Terraform itself is the oracle for the escaping rule.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { ExportBucket, ExportStorageClass, ImageExport, ImageExportRole, ImageScaffold } from "../src";
import { escapeTemplate, literalText } from "../src/literal-text";
import { findTerraform } from "../src/terraform/runner";
import { temporaryFolder } from "./support/command";
import { stackInRegion, synthJson, TerraformJson } from "./support/synth-helpers";

const HOSTILE = [
  "a${x}",
  "%{if true}b%{endif}",
  "${var.x}",
  "${${",
  "cost $5 {x}",
  'quotes " and \\ backslash ${x}',
  "line\nbreak %{",
  "$",
  "100%",
];

/** What Terraform makes of each string, as the values of outputs applied with no provider at all. */
function terraformReads(values: { [name: string]: string }, variables: { [name: string]: string }) {
  const dir = temporaryFolder("literal-text-");
  const stack = new TerraformStack(Testing.app(), "literal");
  const vars = Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      new TerraformVariable(stack, name, { type: "string", default: value }),
    ]),
  );
  for (const [name, make] of Object.entries(values)) {
    new TerraformOutput(stack, name, {
      value: literalText(make.replace(/<(\w+)>/g, (_, v) => vars[v].stringValue)),
    });
  }
  const { variable, output } = JSON.parse(Testing.synth(stack));
  fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify({ variable, output }));
  const env = {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    TF_CLI_CONFIG_FILE: "/dev/null",
  };
  const terraform = findTerraform();
  for (const args of [
    ["init", "-input=false", "-no-color"],
    ["apply", "-auto-approve", "-input=false", "-no-color", "-lock=false"],
  ]) {
    const result = spawnSync(terraform, args, { cwd: dir, env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`terraform ${args[0]}: ${result.stdout}${result.stderr}`);
  }
  const read = spawnSync(terraform, ["output", "-json"], { cwd: dir, env, encoding: "utf8" });
  const outputs = JSON.parse(read.stdout) as { [name: string]: { value: string } };
  return Object.fromEntries(Object.entries(outputs).map(([name, { value }]) => [name, value]));
}

describe("the escaping rule, judged by Terraform", () => {
  test("literal text reads back as typed; tokens stay expressions; $${ is taken as already escaped", () => {
    const cases: { [name: string]: [typed: string, expected: string] } = {
      ...Object.fromEntries(HOSTILE.map((text, i) => [`hostile${i}`, [text, text]])),
      escaped: ["a$${x} and 100%%{", "a${x} and 100%{"],
      escaped_after_dollar: ["a$$${x}", "a$${x}"],
      token_after_open: ["pre-${<v>", "pre-${V"],
      dollar_before_token: ["cost $<v>", "cost $V"],
      dollars_before_token: ["a$$<v>$", "a$$V$"],
      dollar_before_token_mid: ["a$<v>b", "a$Vb"],
      dollar_before_each_token: ["$<v>-$<v>.", "$V-$V."],
      braces_around_token: ["}<v>{", "}V{"],
      only_token: ["<v>", "V"],
      template_after_token: ["<v>${x}%{y}", "V${x}%{y}"],
    };
    const read = terraformReads(
      Object.fromEntries(Object.entries(cases).map(([name, [typed]]) => [name, typed])),
      { v: "V" },
    );
    expect(read).toEqual(
      Object.fromEntries(Object.entries(cases).map(([name, [, expected]]) => [name, expected])),
    );
  }, 60_000);

  test("strings without template sequences are returned unchanged, the same string", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const token = new TerraformVariable(stack, "v", { type: "string" }).stringValue;
    for (const value of ["plain", "cost $5", "100%", "{}", token, `pre-${token}`]) {
      expect(literalText(value)).toBe(value);
    }
    expect(literalText(undefined)).toBeUndefined();
    expect(literalText(42)).toBe(42);
  });

  test("escaping twice is escaping once", () => {
    for (const text of HOSTILE) expect(escapeTemplate(escapeTemplate(text))).toBe(escapeTemplate(text));
  });
});

/** The string values of a block, keyed by path, e.g. `data_disks[0].name`. */
function strings(value: unknown, prefix = ""): { [path: string]: string } {
  if (typeof value === "string") return { [prefix]: value };
  if (Array.isArray(value)) return Object.assign({}, ...value.map((v, i) => strings(v, `${prefix}[${i}]`)));
  if (typeof value === "object" && value !== null) {
    return Object.assign(
      {},
      ...Object.entries(value)
        .filter(([key]) => key !== "//")
        .map(([key, v]) => strings(v, prefix === "" ? key : `${prefix}.${key}`)),
    );
  }
  return {};
}

/** Every string in every resource and data source of the synthesized stack, as `address path`. */
function allStrings(config: TerraformJson): { [where: string]: string } {
  const found: { [where: string]: string } = {};
  for (const [section, prefix] of [
    ["resource", ""],
    ["data", "data."],
  ] as const) {
    for (const [type, blocks] of Object.entries(config[section] ?? {})) {
      for (const [name, body] of Object.entries(blocks as object)) {
        for (const [p, v] of Object.entries(strings(body))) found[`${prefix}${type}.${name} ${p}`] = v;
      }
    }
  }
  return found;
}

/** Where a marker landed in the synthesized stack, and as what. */
function landed(config: TerraformJson, marker: string): { [where: string]: string } {
  return Object.fromEntries(Object.entries(allStrings(config)).filter(([, v]) => v.includes(marker)));
}

describe("every construct writes text as typed", () => {
  // Props whose rules allow `$` and `{` take a literal; the others take text around a token, which
  // skips the rule (the value is known at apply time) but is written all the same.
  test("ImageScaffold: free-text props take literals", () => {
    const stack = stackInRegion();
    new ImageScaffold(stack, "Scaffold", {
      sourceImageNameRegex: "^ubuntu_${x}",
      imageDescription: "Golden image, %{ built } nightly ${y}",
      dataDisks: [{ size: 20, name: "disk ${n}", description: "data %{d}" }],
    });
    const config = synthJson(stack);
    const image = Object.values(config.resource.alicloud_image)[0] as TerraformJson;
    expect(image.description).toBe("Golden image, %%{ built } nightly $${y}");
    const images = Object.values(config.data.alicloud_images)[0] as TerraformJson;
    expect(images.name_regex).toBe("^ubuntu_$${x}");
    const instance = Object.values(config.resource.alicloud_instance)[0] as TerraformJson;
    expect(instance.data_disks[0]).toMatchObject({ name: "disk $${n}", description: "data %%{d}" });
  });

  test("ImageScaffold: sourceImageId takes a literal", () => {
    const stack = stackInRegion();
    new ImageScaffold(stack, "Scaffold", { sourceImageId: "ubuntu_${x}" });
    const instance = Object.values(synthJson(stack).resource.alicloud_instance)[0] as TerraformJson;
    expect(instance.image_id).toBe("ubuntu_$${x}");
  });

  test("every string prop of every construct, given as text around a token", () => {
    const stack = stackInRegion();
    const v = new TerraformVariable(stack, "v", { type: "string" }).stringValue;
    const mixed = (marker: string) => `${marker}\${${v}%{`;
    new ImageScaffold(stack, "Scaffold", {
      namePrefix: mixed("M01"),
      vpcCidrBlock: mixed("M02"),
      vswitchCidrBlock: mixed("M03"),
      zoneId: mixed("M04"),
      instanceTypeFamily: mixed("M05"),
      sourceImageNameRegex: mixed("M06"),
      sourceImageOwners: mixed("M07"),
      imageName: mixed("M08"),
      imageDescription: mixed("M09"),
      dataDisks: [
        {
          size: 20,
          category: mixed("M10"),
          performanceLevel: mixed("M11"),
          name: mixed("M12"),
          description: mixed("M13"),
        },
      ],
    });
    new ImageScaffold(stack, "OwnVpc", { vpcId: mixed("M14"), vswitchCidrBlock: "10.0.0.0/24" });
    new ImageScaffold(stack, "Own", {
      vswitchId: mixed("M15"),
      securityGroupId: mixed("M16"),
      instanceType: mixed("M17"),
      sourceImageId: mixed("M18"),
    });
    new ExportBucket(stack, "Bucket", { bucketNamePrefix: mixed("M19") });
    new ExportBucket(stack, "Lifecycle", {
      transitions: [{ storageClass: mixed("M25") as ExportStorageClass, afterDays: 10 }],
    });
    new ImageExportRole(stack, "Role", { description: mixed("M20") });
    new ImageExport(stack, "Export", {
      imageId: mixed("M21"),
      ossBucket: mixed("M22"),
      ossPrefix: mixed("M23"),
      createTimeout: mixed("M24"),
    });
    const config = synthJson(stack);
    for (let i = 1; i <= 25; i++) {
      const marker = `M${String(i).padStart(2, "0")}`;
      const found = landed(config, marker);
      expect({ marker, count: Object.keys(found).length > 0 }).toEqual({ marker, count: true });
      for (const [where, value] of Object.entries(found)) {
        // The literal `${` before the token and the `%{` after it are escaped; the token is `${var.v}`.
        expect({ where, value }).toEqual({
          where,
          value: expect.stringMatching(new RegExp(`${marker}\\$\\$\\{\\$\\{var\\.v\\}%%\\{`)),
        });
      }
    }
  });

  test("tokens inside strings keep working, and text the user escaped stays as written", () => {
    const stack = stackInRegion();
    const v = new TerraformVariable(stack, "v", { type: "string" }).stringValue;
    new ImageScaffold(stack, "Scaffold", { imageDescription: `built by ${v}`, imageName: "golden" });
    new ImageScaffold(stack, "Other", { imageDescription: "already $${escaped} and 100%%{ too" });
    const config = synthJson(stack);
    const descriptions = Object.values(config.resource.alicloud_image).map(
      (i) => (i as TerraformJson).description,
    );
    expect(descriptions.sort()).toEqual(["already $${escaped} and 100%%{ too", "built by ${var.v}"]);
  });

  test("the exported file's key and URL carry the prefix as typed", () => {
    const stack = stackInRegion();
    const v = new TerraformVariable(stack, "v", { type: "string" }).stringValue;
    const exported = new ImageExport(stack, "Export", {
      imageId: "m-abc",
      ossBucket: "exports",
      ossPrefix: `${v}\${x}`,
    });
    new TerraformOutput(stack, "key", { value: exported.systemDiskObjectKey });
    new TerraformOutput(stack, "url", { value: exported.systemDiskObjectUrl });
    const output = synthJson(stack).output;
    const id = Object.keys(synthJson(stack).resource.alicloud_image_export)[0];
    expect(output.key.value).toBe(`\${var.v}$\${x}_\${alicloud_image_export.${id}.id}_system.raw.tar.gz`);
    expect(output.url.value).toBe(
      `oss://exports/\${var.v}$\${x}_\${alicloud_image_export.${id}.id}_system.raw.tar.gz`,
    );
  });
});
