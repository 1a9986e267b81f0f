// `cdktf-alicloud-image-export graph` and DependencyDiagram: the Mermaid flowchart of a synthesized stack.
// Diagrams are read back with Mermaid's own parser (the mermaid package, see support/mermaid.ts), so
// every check below is on what Mermaid understands, not on our text.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing } from "cdktf";
import { BringYourOwnStack } from "../examples/bring-your-own";
import { CrossRegionStack } from "../examples/cross-region";
import { DocsExampleStack } from "../examples/docs-example";
import { DependencyDiagram, ImageExport } from "../src";
import { GRAPH_USAGE } from "../src/cli/graph-command";
import { PACKAGE_NAME, SYNTH_COMMAND } from "../src/framework";
import { label } from "../src/graph/mermaid";
import { outdir, ROOT, run, temporaryFolder } from "./support/command";
import { parseMermaid, ParsedDiagram } from "./support/mermaid";
import {
  appIn,
  DefaultsStack,
  referenceEdges,
  StackClass,
  stackInRegion,
  TerraformJson,
} from "./support/synth-helpers";

const EXIT_OK = 0;
const EXIT_CANNOT_RUN = 2;

/** The `cdk.tf.json` App.synth writes for a stack, as `cdktf synth` runs it. */
function synthesizedStack(Stack: StackClass, id: string): string {
  const dir = temporaryFolder("cdktf.out.");
  const app = appIn(dir);
  new Stack(app, id);
  app.synth();
  return fs.readFileSync(path.join(dir, "stacks", id, "cdk.tf.json"), "utf8");
}

/** The node id the diagram gives a block: its kind and name, in letters, digits and underscores. */
function idOf(address: string): string {
  const dataSource = address.startsWith("data.");
  const name = address.split(".").pop() as string;
  return `${dataSource ? "d" : "r"}_${name.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

/** Mermaid's edges by the first line of their ends' labels (the block types): `a --label--> b`. */
function typeEdges(diagram: ParsedDiagram): string[] {
  const typeOf = new Map(diagram.vertices.map((v) => [v.id, v.text.split("\n")[0]]));
  return diagram.edges
    .map(
      (e) => `${typeOf.get(e.from)} ${e.stroke === "dotted" ? "-.-" : "---"}${e.text}--> ${typeOf.get(e.to)}`,
    )
    .sort();
}

describe("the docs example's diagram", () => {
  let synthesized: TerraformJson;
  let diagram: ParsedDiagram;
  let withRole: ParsedDiagram;

  beforeAll(() => {
    // Written by App.synth, as `cdktf synth` writes it: Testing.synth would drop the `//` metadata.
    const text = synthesizedStack(DefaultsStack, "defaults");
    synthesized = JSON.parse(text);
    const stack = stackInRegion("cn-hangzhou");
    new ImageExport(stack, "Export", { createRole: true });
    [diagram, withRole] = parseMermaid([
      DependencyDiagram.mermaid(text),
      DependencyDiagram.mermaid(Testing.synth(stack)),
    ]);
  });

  test("is a flowchart Mermaid reads without error", () => {
    expect(diagram.error).toBeUndefined();
    expect(diagram.diagramType).toBe("flowchart-v2");
  });

  test("a node per resource and data source, labelled with its type and construct path", () => {
    expect(diagram.vertices.map((v) => `${v.shape} ${v.text.replace("\n", " | ")}`).sort()).toEqual([
      "round data.alicloud_images | Export/Scaffold/SourceImages",
      "round data.alicloud_instance_types | Export/Scaffold/InstanceTypes",
      "round data.alicloud_zones | Export/Scaffold/Zones",
      "square alicloud_image | Export/Scaffold",
      "square alicloud_image_export | Export",
      "square alicloud_instance | Export/Scaffold/Instance",
      "square alicloud_oss_bucket | Export/Bucket",
      "square alicloud_oss_bucket_acl | Export/Bucket/Acl",
      "square alicloud_oss_bucket_public_access_block | Export/Bucket/PublicAccessBlock",
      "square alicloud_oss_bucket_server_side_encryption | Export/Bucket/Encryption",
      "square alicloud_oss_bucket_versioning | Export/Bucket/Versioning",
      "square alicloud_security_group | Export/Scaffold/SecurityGroup",
      "square alicloud_vpc | Export/Scaffold/Vpc",
      "square alicloud_vswitch | Export/Scaffold/Vswitch",
      "square random_integer | Export/Bucket/NameSuffix",
    ]);
  });

  test("every reference and depends_on of the stack is an arrow from the block to the one that needs it", () => {
    const drawn = diagram.edges.map((e) => `${e.from} ${e.stroke} ${e.to} ${e.text}`);
    const expected = referenceEdges(synthesized).map((edge) =>
      edge.argument === "depends_on"
        ? `${idOf(edge.to)} dotted ${idOf(edge.from)} depends_on`
        : `${idOf(edge.to)} normal ${idOf(edge.from)} ${edge.argument}`,
    );
    expect(expected.length).toBeGreaterThan(15);
    expect(drawn.sort()).toEqual([...new Set(expected)].sort());
  });

  test("the provider docs' wiring, the bucket's hardening and the export's waits, by type", () => {
    expect(typeEdges(diagram)).toEqual([
      "alicloud_image ---image_id--> alicloud_image_export",
      "alicloud_instance ---instance_id--> alicloud_image",
      "alicloud_oss_bucket ---bucket--> alicloud_oss_bucket_acl",
      "alicloud_oss_bucket ---bucket--> alicloud_oss_bucket_public_access_block",
      "alicloud_oss_bucket ---bucket--> alicloud_oss_bucket_server_side_encryption",
      "alicloud_oss_bucket ---bucket--> alicloud_oss_bucket_versioning",
      "alicloud_oss_bucket ---oss_bucket--> alicloud_image_export",
      "alicloud_oss_bucket_acl -.-depends_on--> alicloud_image_export",
      "alicloud_oss_bucket_public_access_block -.-depends_on--> alicloud_image_export",
      "alicloud_oss_bucket_server_side_encryption -.-depends_on--> alicloud_image_export",
      "alicloud_oss_bucket_versioning -.-depends_on--> alicloud_image_export",
      "alicloud_security_group ---security_groups--> alicloud_instance",
      "alicloud_vpc ---vpc_id--> alicloud_security_group",
      "alicloud_vpc ---vpc_id--> alicloud_vswitch",
      "alicloud_vswitch ---vswitch_id--> alicloud_instance",
      "data.alicloud_images ---image_id--> alicloud_instance",
      "data.alicloud_instance_types ---instance_type--> alicloud_instance",
      "data.alicloud_instance_types ---instance_type--> data.alicloud_images",
      "data.alicloud_zones ---availability_zone--> alicloud_instance",
      "data.alicloud_zones ---availability_zone--> data.alicloud_instance_types",
      "data.alicloud_zones ---zone_id--> alicloud_vswitch",
      "random_integer ---bucket--> alicloud_oss_bucket",
    ]);
  });

  test("every depends_on of the export is a dotted arrow into it", () => {
    const [[name, body]] = Object.entries(synthesized.resource.alicloud_image_export);
    const exportAddress = `alicloud_image_export.${name}`;
    const exportBody = body as { depends_on: string[] };
    expect(exportBody.depends_on).toHaveLength(4);
    const waits = diagram.edges.filter((e) => e.to === idOf(exportAddress) && e.stroke === "dotted");
    expect(waits.map((e) => e.from).sort()).toEqual(exportBody.depends_on.map(idOf).sort());
  });

  test("one group per provider configuration, titled with its region", () => {
    expect(diagram.subgraphs.map((s) => [s.title, s.nodes.length])).toEqual([
      ["alicloud (region cn-hangzhou)", 14],
      ["random", 1],
    ]);
  });

  test("with the role, the export also waits for the role's policy attachment (Testing.synth: no metadata)", () => {
    expect(typeEdges(withRole).filter((edge) => edge.includes("depends_on"))).toEqual([
      "alicloud_oss_bucket_acl -.-depends_on--> alicloud_image_export",
      "alicloud_oss_bucket_public_access_block -.-depends_on--> alicloud_image_export",
      "alicloud_oss_bucket_server_side_encryption -.-depends_on--> alicloud_image_export",
      "alicloud_oss_bucket_versioning -.-depends_on--> alicloud_image_export",
      "alicloud_ram_role_policy_attachment -.-depends_on--> alicloud_image_export",
    ]);
  });
});

describe("any stack, read from its JSON alone", () => {
  // Hand-written, without cdktf's `//` metadata, with types no library here knows.
  const handWritten = {
    provider: {
      alicloud: [{ region: "cn-hangzhou" }, { alias: "west", region: "us-west-1" }],
      google: { project: "p" },
    },
    variable: { prefix: { type: "string" } },
    data: { alicloud_zones: { all: {} } },
    resource: {
      alicloud_vpc: { main: { cidr_block: "10.0.0.0/16" } },
      alicloud_vswitch: {
        "west-1": {
          provider: "alicloud.west",
          vpc_id: "${alicloud_vpc.main.id}",
          zone_id: "${element(data.alicloud_zones.all.ids, 0)}",
          vswitch_name: "${var.prefix}-${alicloud_vpc.main.vpc_name}-west",
        },
      },
      google_storage_bucket: {
        logs: {
          name: "logs-${alicloud_vswitch.west-1.id}",
          labels: ["${alicloud_vpc.main.id}", "plain"],
          lifecycle_rule: [{ condition: { matches_prefix: ["${unknown_thing.gone.id}"] } }],
          dynamic: {
            cors: {
              for_each: "${data.alicloud_zones.all.ids}",
              content: { origin: ["${cors.value}"] },
            },
          },
          depends_on: ["alicloud_vpc.main", "data.alicloud_zones.all"],
        },
      },
    },
  };
  // Names and paths that would break a diagram written naively.
  const awkward = {
    resource: {
      null_resource: {
        end: { "//": { metadata: { path: 's/A "quoted" #1 <b>bold</b> & `tick`/Resource' } } },
        "a-b": {},
        a_b: { triggers: { x: "${null_resource.end.id}" } },
        subgraph: { depends_on: ["null_resource.a-b"] },
      },
    },
    data: { null_data_source: { end: {} } },
  };
  let text: string;
  let diagram: ParsedDiagram;
  let emptyDiagram: ParsedDiagram;
  let awkwardDiagram: ParsedDiagram;

  beforeAll(() => {
    text = DependencyDiagram.mermaid(JSON.stringify(handWritten));
    [diagram, emptyDiagram, awkwardDiagram] = parseMermaid([
      text,
      DependencyDiagram.mermaid("{}"),
      DependencyDiagram.mermaid(JSON.stringify(awkward)),
    ]);
  });

  test("nodes are labelled with the Terraform name when there is no construct path", () => {
    expect(diagram.error).toBeUndefined();
    expect(diagram.vertices.map((v) => [v.id, v.text])).toEqual([
      ["r_main", "alicloud_vpc\nmain"],
      ["d_all", "data.alicloud_zones\nall"],
      ["r_west_1", "alicloud_vswitch\nwest-1"],
      ["r_logs", "google_storage_bucket\nlogs"],
      ["r_gone", "unknown_thing\ngone (not in this stack)"],
    ]);
  });

  test("references inside strings, lists, nested blocks and function calls; dynamic iterators and variables are not blocks", () => {
    expect(diagram.edges.map((e) => `${e.from} ${e.stroke} ${e.to} ${e.text}`)).toEqual([
      "r_main normal r_west_1 vpc_id, vswitch_name",
      "r_main dotted r_logs depends_on",
      "r_main normal r_logs labels",
      "r_west_1 normal r_logs name",
      "d_all normal r_west_1 zone_id",
      "d_all dotted r_logs depends_on",
      "d_all normal r_logs cors.for_each",
      "r_gone normal r_logs lifecycle_rule.condition.matches_prefix",
    ]);
  });

  test("a group per provider configuration, aliases included; undeclared blocks outside any, dashed", () => {
    expect(diagram.subgraphs.map((s) => [s.id, s.title, s.nodes])).toEqual([
      ["p_alicloud", "alicloud (region cn-hangzhou)", ["r_main", "d_all"]],
      ["p_alicloud_west", "alicloud.west (region us-west-1)", ["r_west_1"]],
      ["p_google", "google", ["r_logs"]],
    ]);
    expect(text).toContain("  classDef undeclared stroke-dasharray: 4 4\n  class r_gone undeclared\n");
  });

  test("no `//` metadata: no stack comment unless a name is given", () => {
    expect(text.startsWith("flowchart TD\n  subgraph")).toBe(true);
    expect(DependencyDiagram.mermaid(JSON.stringify(handWritten), "mine")).toMatch(
      /^flowchart TD\n {2}%% stack: mine\n {2}subgraph/,
    );
  });

  test("an empty configuration is an empty flowchart", () => {
    expect(DependencyDiagram.mermaid("{}")).toBe("flowchart TD\n");
    expect(emptyDiagram.error).toBeUndefined();
  });

  test("the same JSON gives the same bytes, whatever order its blocks are written in", () => {
    const reversed = JSON.parse(JSON.stringify(handWritten), (_key, value) =>
      value !== null && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(handWritten));
    expect(DependencyDiagram.mermaid(JSON.stringify(reversed))).toBe(text);
    expect(DependencyDiagram.mermaid(JSON.stringify(handWritten))).toBe(text);
  });

  test("Mermaid keywords, repeated names and markup in construct paths", () => {
    const diagram = awkwardDiagram;
    expect(diagram.error).toBeUndefined();
    expect(diagram.vertices.map((v) => [v.id, v.text])).toEqual([
      // Data sources sort before resources; `a-b` and `a_b` would share an id, so they get numbered ones.
      ["d_end", "data.null_data_source\nend"],
      ["r_a_b_null_resource", "null_resource\na-b"],
      ["r_a_b_null_resource_2", "null_resource\na_b"],
      ["r_end", 'null_resource\nA "quoted" #1 <b>bold</b> & `tick`'],
      ["r_subgraph", "null_resource\nsubgraph"],
    ]);
    for (const vertex of diagram.vertices) expect(vertex.id).toMatch(/^[A-Za-z0-9_]+$/);
    expect(diagram.edges.map((e) => `${e.from} ${e.stroke} ${e.to}`)).toEqual([
      "r_a_b_null_resource dotted r_subgraph",
      "r_end normal r_a_b_null_resource_2",
    ]);
  });

  test("a label is quoted, with quotes, entity starts and markup written as entity codes", () => {
    expect(label('a "b" #c <d> & `e`\nf')).toBe('"a #quot;b#quot; #35;c #lt;d#gt; #amp; #96;e#96;<br/>f"');
  });
});

/** The command and the synth it points to, named after the flavour under test. */
const FRAMEWORK_NAME = (
  JSON.parse(fs.readFileSync(require.resolve("cdktf/package.json"), "utf8")) as { name: string }
).name;
const COMMAND = `${FRAMEWORK_NAME}-alicloud-image-export`;
const SYNTH = `npx ${FRAMEWORK_NAME} synth`;

test("the command names itself and the synth after the flavour's framework", () => {
  expect(["cdktf", "cdktn"]).toContain(FRAMEWORK_NAME);
  expect(GRAPH_USAGE.split(" graph ")[0]).toBe(`usage: ${COMMAND}`);
  expect(PACKAGE_NAME).toBe(COMMAND);
  expect(SYNTH_COMMAND).toBe(SYNTH);
});

describe("cdktf-alicloud-image-export graph", () => {
  let examples: string;
  let printed: ReturnType<typeof run>;
  let parsed: ParsedDiagram[];
  beforeAll(() => {
    examples = temporaryFolder("cdktf.out.");
    const app = appIn(examples);
    new DocsExampleStack(app, "docs-example");
    new BringYourOwnStack(app, "bring-your-own");
    new CrossRegionStack(app, "cross-region");
    app.synth();
    printed = run(["graph", examples]);
    parsed = parseMermaid(printed.out.join("\n").split("\n\n"));
  });

  test("a cdktf output folder: every stack in name order, separated by a blank line; exit 0", () => {
    const { status, out, err } = printed;
    expect({ status, err }).toEqual({ status: EXIT_OK, err: [] });
    expect(out).toHaveLength(1);
    const diagrams = out[0].split("\n\n");
    expect(diagrams.map((d) => d.split("\n").slice(0, 2).join(" "))).toEqual([
      "flowchart TD   %% stack: bring-your-own",
      "flowchart TD   %% stack: cross-region",
      "flowchart TD   %% stack: docs-example",
    ]);
    expect(parsed.map((d) => d.error ?? d.diagramType)).toEqual([
      "flowchart-v2",
      "flowchart-v2",
      "flowchart-v2",
    ]);
  });

  test("prints what DependencyDiagram returns, for a folder, a stack folder and a stack file", () => {
    const stackFolder = path.join(examples, "stacks", "docs-example");
    const stackFile = path.join(stackFolder, "cdk.tf.json");
    const fromCode = DependencyDiagram.mermaid(fs.readFileSync(stackFile, "utf8"));
    expect(run(["graph", stackFolder]).out).toEqual([fromCode.replace(/\n$/, "")]);
    expect(run(["graph", stackFile]).out).toEqual([fromCode.replace(/\n$/, "")]);
    expect(DependencyDiagram.mermaidOfPath(stackFolder)).toBe(fromCode);
    expect(run(["graph", examples]).out).toEqual([
      DependencyDiagram.mermaidOfPath(examples).replace(/\n$/, ""),
    ]);
  });

  test("the cross-region stack shows which resources go to which region", () => {
    const diagram = parsed[1]; // stacks in name order: bring-your-own, cross-region, docs-example
    const typeOf = new Map(diagram.vertices.map((v) => [v.id, v.text.replace("\n", " ")]));
    expect(diagram.subgraphs.map((s) => [s.title, s.nodes.map((id) => typeOf.get(id))])).toEqual([
      [
        "alicloud.hangzhou (region cn-hangzhou)",
        [
          "alicloud_image_export Export-hangzhou",
          "alicloud_oss_bucket Export-hangzhou/Bucket",
          "alicloud_oss_bucket_acl Export-hangzhou/Bucket/Acl",
          "alicloud_oss_bucket_public_access_block Export-hangzhou/Bucket/PublicAccessBlock",
          "alicloud_oss_bucket_server_side_encryption Export-hangzhou/Bucket/Encryption",
          "alicloud_oss_bucket_versioning Export-hangzhou/Bucket/Versioning",
        ],
      ],
      [
        "alicloud.singapore (region ap-southeast-1)",
        [
          "alicloud_image_export Export-singapore",
          "alicloud_oss_bucket Export-singapore/Bucket",
          "alicloud_oss_bucket_acl Export-singapore/Bucket/Acl",
          "alicloud_oss_bucket_public_access_block Export-singapore/Bucket/PublicAccessBlock",
          "alicloud_oss_bucket_server_side_encryption Export-singapore/Bucket/Encryption",
          "alicloud_oss_bucket_versioning Export-singapore/Bucket/Versioning",
        ],
      ],
      [
        "random",
        [
          "random_integer Export-hangzhou/Bucket/NameSuffix",
          "random_integer Export-singapore/Bucket/NameSuffix",
        ],
      ],
    ]);
  });

  test("a relative path is read from the working directory and named as given", () => {
    const parent = path.dirname(examples);
    const relative = path.basename(examples);
    expect(run(["graph", relative], parent).out).toEqual(run(["graph", examples]).out);
    expect(run(["graph", "nowhere"], parent).err).toEqual([
      `${COMMAND}: nowhere does not exist; synthesize the app first (${SYNTH})`,
    ]);
  });

  test.each([
    [
      "a missing folder",
      () => path.join(temporaryFolder("graph."), "cdktf.out"),
      (p: string) => `${p} does not exist; synthesize the app first (${SYNTH})`,
    ],
    [
      "a folder without stacks",
      () => temporaryFolder("graph."),
      (p: string) =>
        `${p} holds no synthesized stacks (no cdk.tf.json, no stacks/<stack>/cdk.tf.json); pass the cdktf output folder or a stack's folder, after synthesizing the app (${SYNTH})`,
    ],
    [
      "a stack file that is not JSON",
      () => outdir({ broken: "{" }),
      (p: string) =>
        // Node's own words for the syntax error follow, and vary by Node version.
        `${p}/stacks/broken/cdk.tf.json is not valid JSON (Expected property name or '}' in JSON at position 1`,
    ],
    [
      "JSON that is not a configuration",
      () => outdir({ list: [1, 2] }),
      (p: string) =>
        `${p}/stacks/list/cdk.tf.json is not a Terraform JSON configuration (a JSON object with "resource", "data", "provider"... blocks), got a list`,
    ],
    [
      "an object that is not a configuration",
      () => outdir({ pkg: { name: "x", resource: {} } }),
      (p: string) =>
        `${p}/stacks/pkg/cdk.tf.json is not a Terraform JSON configuration: it has the top-level key "name" (a configuration has only terraform, provider, resource, data, variable, output, locals, module, moved, import, check, removed, ephemeral)`,
    ],
    [
      "resources that are not blocks",
      () => outdir({ flat: { resource: { alicloud_vpc: "main" } } }),
      (p: string) =>
        `${p}/stacks/flat/cdk.tf.json is not a Terraform JSON configuration ("resource.alicloud_vpc" must be an object of named blocks)`,
    ],
    [
      "a stack file that cannot be read",
      () => {
        const dir = temporaryFolder("graph.");
        fs.mkdirSync(path.join(dir, "cdk.tf.json")); // a folder where the file should be: unreadable, even as root
        return dir;
      },
      (p: string) => `cannot read ${p}/cdk.tf.json (EISDIR)`,
    ],
  ])("%s: a clear message, nothing printed, exit 2", (_case, make, message) => {
    const input = make();
    const { status, out, err } = run(["graph", input]);
    expect({ status, out, lines: err.length }).toEqual({ status: EXIT_CANNOT_RUN, out: [], lines: 1 });
    const expected = `${COMMAND}: ${message(input)}`;
    // A message is whole, except where it ends in Node's own words for a JSON syntax error.
    expect(expected.endsWith(")") ? err[0] : err[0].slice(0, expected.length)).toBe(expected);
  });

  test.each([
    [[], "graph needs the folder to draw"],
    [["a", "b"], "expected one folder, got 2"],
  ])("operands %j: the problem and the usage, exit 2", (operands, problem) => {
    const { status, out, err } = run(["graph", ...operands]);
    expect({ status, out }).toEqual({ status: EXIT_CANNOT_RUN, out: [] });
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^${COMMAND}: ${problem}\\n\\nusage: ${COMMAND} graph `));
  });

  test("the library throws the same message for code to catch", () => {
    expect(() => DependencyDiagram.mermaid("[]")).toThrow(
      'is not a Terraform JSON configuration (a JSON object with "resource", "data", "provider"... blocks), got a list',
    );
    expect(() => DependencyDiagram.mermaidOfPath(path.join(os.tmpdir(), "no-such-cdktf-out"))).toThrow(
      /no-such-cdktf-out does not exist; synthesize the app first/,
    );
  });
});

describe("the README's diagrams", () => {
  const README_BLOCK = /<!-- graph: ([\w-]+) -->\n+```mermaid\n([\s\S]*?)```/g;

  test("are what the command prints for the examples as the code synthesizes them now", () => {
    const synthesized = temporaryFolder("cdktf.out.");
    const app = appIn(synthesized);
    new DocsExampleStack(app, "docs-example");
    new BringYourOwnStack(app, "bring-your-own");
    new CrossRegionStack(app, "cross-region");
    app.synth();

    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const blocks = [...readme.matchAll(README_BLOCK)].map(([, stack, text]) => ({ stack, text }));
    expect(blocks.map((block) => block.stack)).toEqual(["docs-example", "cross-region"]);
    for (const { stack, text } of blocks) {
      const printed = run(["graph", path.join(synthesized, "stacks", stack)]);
      expect(printed.status).toBe(EXIT_OK);
      // When this fails, run `npm run graph:readme` and review the README's diff.
      expect({ stack, text }).toEqual({ stack, text: `${printed.out[0]}\n` });
    }
  });
});
