// The README is a contract. Every TypeScript block in it is either an excerpt of an example stack
// (`fixture=example`: its lines are the example's, in order, with `// ...` where lines are left out; the
// examples are synthesized and checked in examples.test.ts), a file of the app in "Getting started"
// (package.test.ts writes those into a fresh app of each framework and runs its CLI and jest there), or
// it is run here, inside the fixture it names (rosetta/*.ts-fixture, the same ones jsii-rosetta compiles
// the blocks with in package.test.ts), and what the text around it says is checked against what it
// built. A block nobody checks fails the suite.
import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import * as ts from "typescript";
import { alicloud, ExportBucket, ExportStorageClass, ImageExport, ImageExportRole } from "../src";
import { IMAGE_EXPORT_PROP_NAMES } from "../src/image-export";
import { temporaryFolder } from "./support/command";
import { ALL_STACKS } from "./support/synth-helpers";

const ROOT = path.join(__dirname, "..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const PACKAGE_NAME = "cdktf-alicloud-image-export";

interface Block {
  /** The heading the block is under, e.g. `The smallest working example`. */
  readonly heading: string;
  /** Its place among the TypeScript blocks under that heading, from 0. */
  readonly index: number;
  readonly fixture: string;
  readonly code: string;
  readonly line: number;
}

function readmeBlocks(): Block[] {
  const blocks: Block[] = [];
  let heading = "";
  const seen = new Map<string, number>();
  const lines = README.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const title = /^#{2,3} (.*)$/.exec(lines[i]);
    if (title) heading = title[1].replace(/ \(\[`examples\/.*$/, "");
    const fence = /^```(ts|typescript)\b(.*)$/.exec(lines[i]);
    if (!fence) continue;
    const start = i;
    const code: string[] = [];
    for (i++; !lines[i].startsWith("```"); i++) code.push(lines[i]);
    const fixture = /\bfixture=([\w-]+)/.exec(fence[2])?.[1] ?? "default";
    const index = seen.get(heading) ?? 0;
    seen.set(heading, index + 1);
    blocks.push({ heading, index, fixture, code: code.join("\n"), line: start + 1 });
  }
  return blocks;
}

/** The example file a heading links to, e.g. `examples/bring-your-own.ts`. */
function linkedExample(heading: string): string {
  const line = README.split("\n").find((l) => /^#{2,3} /.test(l) && l.includes(heading));
  const file = /\(\[`(examples\/[\w-]+\.ts)`\]/.exec(line ?? "")?.[1];
  if (file === undefined) throw new Error(`the heading '${heading}' links no example file`);
  return file;
}

/** Whether the block's lines are the file's, in order, with `// ...` standing for lines left out. */
function isExcerptOf(code: string, source: string): boolean {
  const fileLines = source.split("\n").map((l) => l.trim());
  const chunks = code
    .split(/^\s*\/\/ \.\.\.\s*$/m)
    .map((chunk) => chunk.split("\n").map((l) => l.trim()))
    .map((chunk) => chunk.slice(chunk.findIndex((l) => l !== "")))
    .map((chunk) => chunk.slice(0, chunk.length - [...chunk].reverse().findIndex((l) => l !== "")))
    .filter((chunk) => chunk.length > 0);
  let from = 0;
  for (const chunk of chunks) {
    let at = -1;
    for (let i = from; i + chunk.length <= fileLines.length && at < 0; i++) {
      if (chunk.every((line, j) => fileLines[i + j] === line)) at = i;
    }
    if (at < 0) return false;
    from = at + chunk.length;
  }
  return true;
}

/** The fixture with the block in its place, the block's imports hoisted above, as jsii-rosetta does. */
function compose(block: Block): string {
  const fixture = fs.readFileSync(path.join(ROOT, "rosetta", `${block.fixture}.ts-fixture`), "utf8");
  const lines = block.code.split("\n");
  const imports = lines.filter((l) => /^import\b/.test(l));
  const body = lines.filter((l) => !/^import\b/.test(l));
  return `${imports.join("\n")}\n${fixture.replace("/// here", body.join("\n"))}`;
}

/** What a run left: the module's exports (the fixture's app and stack, its class or snippet function). */
type Exports = { [name: string]: unknown };

/**
 * Runs a block inside its fixture, with this package's name resolving to its sources. A fixture that
 * runs the block in `snippet()` has made its app and stack when `prepare` is called, before the block.
 */
async function run(block: Block, prepare: (exports: Exports) => void = () => undefined): Promise<Exports> {
  const js = ts.transpileModule(compose(block), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  // The block's imports, through jest's require: this package's name is its sources (the derived
  // flavour's in the cdktn project, as jest maps them), everything else as the tests import it.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const load = (specifier: string): unknown => {
    if (specifier === PACKAGE_NAME) return require("../src");
    if (specifier === `${PACKAGE_NAME}/lib/testing`) return require("../src/testing");
    return require(specifier);
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const module = { exports: {} as Exports };
  new Function("require", "module", "exports", js)(load, module, module.exports);
  prepare(module.exports);
  if (typeof module.exports.snippet === "function") await (module.exports.snippet as () => unknown)();
  return module.exports;
}

/** Runs `body` with the working directory (and cdktf's default output folder) in a fresh folder. */
async function inFolder<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = temporaryFolder("readme-");
  const before = process.cwd();
  process.chdir(dir);
  process.env.CDKTF_OUTDIR = path.join(dir, "cdktf.out");
  try {
    return await body(dir);
  } finally {
    process.chdir(before);
    delete process.env.CDKTF_OUTDIR;
  }
}

type Config = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const synthesized = (stack: unknown): Config => JSON.parse(Testing.synth(stack as TerraformStack, true));
const blocksOf = (config: Config, type: string): Config[] => Object.values(config.resource?.[type] ?? {});

/**
 * What the text around each block says, checked against what the block built. `before` prepares the
 * fixture's stack for blocks that act on a stack of yours.
 */
const CLAIMS: {
  readonly [key: string]: {
    readonly before?: (fixture: { stack: TerraformStack; dir: string }) => void;
    readonly check: (result: Exports, dir: string) => void | Promise<void>;
  };
} = {
  // "This creates one alicloud_image_export. ECS writes the system disk to oss://my-image-exports/..."
  "The smallest working example #0": {
    check: (_, dir) => {
      const config = JSON.parse(
        fs.readFileSync(path.join(dir, "cdktf.out", "stacks", "exports", "cdk.tf.json"), "utf8"),
      );
      expect(Object.keys(config.resource)).toEqual(["alicloud_image_export"]);
      const [exported] = blocksOf(config, "alicloud_image_export");
      const url = /ECS writes the system disk to\s+`([^`]+)`/.exec(README)?.[1];
      expect(url).toBe(
        `oss://${exported.oss_bucket}/${exported.oss_prefix}_${exported.image_id}_system.raw.tar.gz`,
      );
    },
  },
  // "Add it to a stack, or to every stack of an app": the checks run on the stack's raw exports.
  "Checking exports the construct didn't create #0": {
    check: ({ stack }) => {
      new alicloud.imageExport.ImageExport(stack as TerraformStack, "Raw", {
        imageId: "m-abc",
        ossBucket: "exports",
        ossPrefix: "my prefix",
      });
      expect(() => synthesized(stack)).toThrow(
        /alicloud_image_export at 'stack\/Raw': ossPrefix must be 1-30 letters or digits/,
      );
    },
  },
  // The test passes: the block's own expect does the checking.
  "Testing your own stacks #0": { check: () => undefined },
  "Offline schema conformance #0": { check: () => undefined },
  // checkOutput reads cdktf.out in the working folder: the fixture's app, synthesized there.
  "Terraform as the judge, offline #0": {
    before: ({ stack, dir }) => {
      const app = new App({ outdir: path.join(dir, "cdktf.out") });
      const copy = new TerraformStack(app, "exports");
      new alicloud.provider.AlicloudProvider(copy, "alicloud", { region: "cn-hangzhou" });
      new ImageExport(copy, "Export", { imageId: "m-abc", ossBucket: "exports", ossPrefix: "nightly" });
      app.synth();
      expect(stack).toBeDefined();
    },
    check: () => undefined,
  },
  "Terraform as the judge, offline #1": { check: () => undefined },
  // "In a stack nightly-backups holding ..." the export of tonight's image into a bucket of its own.
  "Before you apply: what will this change destroy? #0": {
    check: ({ MyStack }) => {
      const stack = new (MyStack as new (scope: App, id: string) => TerraformStack)(
        Testing.app(),
        "nightly-backups",
      );
      const config = synthesized(stack);
      expect(blocksOf(config, "alicloud_image_export").map((e) => e.oss_prefix)).toEqual(["nightly"]);
      expect(blocksOf(config, "alicloud_oss_bucket").map((b) => b.bucket)).toEqual([
        expect.stringMatching(/^nightly-backups-\$\{random_integer\./),
      ]);
    },
  },
  // "The calls go on ... any resource found by its construct path": the move is written.
  "Before you apply: what will this change destroy? #1": {
    before: ({ stack }) => {
      new ImageExport(stack, "Nightly", { imageId: "m-abc", ossBucket: "exports", ossPrefix: "nightly" });
    },
    check: ({ stack }) => {
      const exported = Object.keys(synthesized(stack).resource.alicloud_image_export)[0];
      expect(synthesized(stack).moved).toEqual([
        { from: "alicloud_image_export.Backup_DA3807AC", to: `alicloud_image_export.${exported}` },
      ]);
    },
  },
  // The matcher compares the stack with a release's output folder: here, the same stack's.
  "Before you apply: what will this change destroy? #2": {
    before: ({ stack, dir }) => {
      new ImageExport(stack, "Export", { imageId: "m-abc", ossBucket: "exports", ossPrefix: "nightly" });
      const last = path.join(dir, "test", "fixtures", "last-release");
      fs.mkdirSync(last, { recursive: true });
      fs.writeFileSync(path.join(last, "cdk.tf.json"), Testing.synth(stack));
    },
    check: () => undefined,
  },
  // "every L1 class is reachable without clashing with this library's own constructs"
  "Provider bindings #0": {
    check: ({ stack }) => {
      expect(blocksOf(synthesized(stack), "alicloud_image_export")).toEqual([
        expect.objectContaining({ image_id: "m-abc", oss_bucket: "exports", oss_prefix: "p" }),
      ]);
    },
  },
};

const blocks = readmeBlocks();
const key = (block: Block) => `${block.heading} #${block.index}`;
/** Files of the getting-started app, run in an app of their own by package.test.ts. */
const GETTING_STARTED = "Getting started";
/** The blocks run here: neither excerpts of examples nor files of the getting-started app. */
const runHere = blocks.filter((b) => b.fixture !== "example" && b.heading !== GETTING_STARTED);

describe("the README's TypeScript blocks", () => {
  test("each names a fixture that exists, and each is checked: an excerpt of an example, a file of the getting-started app, or run here", () => {
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) {
      expect({
        line: block.line,
        fixture: fs.existsSync(path.join(ROOT, "rosetta", `${block.fixture}.ts-fixture`)),
      }).toEqual({
        line: block.line,
        fixture: true,
      });
    }
    expect(blocks.filter((b) => b.heading === GETTING_STARTED).length).toBeGreaterThan(0);
    const unchecked = runHere.filter((b) => CLAIMS[key(b)] === undefined);
    expect(unchecked.map((b) => `README line ${b.line}: ${key(b)}`)).toEqual([]);
    const stale = Object.keys(CLAIMS).filter((k) => !runHere.some((b) => key(b) === k));
    expect(stale).toEqual([]);
  });

  test.each(blocks.filter((b) => b.fixture === "example").map((b) => [key(b), b] as const))(
    "%s is an excerpt of its example, line for line",
    (_, block) => {
      const file = linkedExample(block.heading);
      expect({
        file,
        excerpt: isExcerptOf(block.code, fs.readFileSync(path.join(ROOT, file), "utf8")),
      }).toEqual({
        file,
        excerpt: true,
      });
    },
  );

  test.each(runHere.map((b) => [key(b), b] as const))(
    "%s runs, and does what the text says",
    async (name, block) => {
      const claim = CLAIMS[name];
      await inFolder(async (dir) => {
        const result = await run(block, (fixture) =>
          claim.before?.({ stack: fixture.stack as TerraformStack, dir }),
        );
        await claim.check(result, dir);
      });
    },
    120_000,
  );
});

describe("what the README says about tokens", () => {
  test("the props that refuse a token are exactly those it names", () => {
    const named = /and a token there is refused, saying\s+why: ([\s\S]*?); a disk's/.exec(README)?.[1] ?? "";
    const listed = [...named.matchAll(/`(\w+)`/g)].map((m) => m[1]).sort();
    const refusing: string[] = [];
    const tokens = (stack: TerraformStack): { [prop: string]: unknown } => {
      const v = (type: string) =>
        new TerraformVariable(stack, `v${Math.random().toString(36).slice(2)}`, { type });
      return {
        imageId: v("string").stringValue,
        ossBucket: v("string").stringValue,
        ossPrefix: v("string").stringValue,
        createTimeout: v("string").stringValue,
        createRole: v("bool").booleanValue,
        bucketNamePrefix: v("string").stringValue,
        bucketForceDestroy: v("bool").booleanValue,
        bucketRetainDeletedExportsDays: v("number").numberValue,
        bucketTransitions: v("list(any)").listValue,
        bucketExpireAfterDays: v("number").numberValue,
        namePrefix: v("string").stringValue,
        vpcCidrBlock: v("string").stringValue,
        zoneId: v("string").stringValue,
        instanceTypeFamily: v("string").stringValue,
        sourceImageNameRegex: v("string").stringValue,
        sourceImageOwners: v("string").stringValue,
        instancePublicBandwidth: v("number").numberValue,
        dataDisks: v("list(any)").listValue,
        imageName: v("string").stringValue,
        imageDescription: v("string").stringValue,
        instanceForceDelete: v("bool").booleanValue,
      };
    };
    const probe = new TerraformStack(Testing.app(), "probe");
    for (const prop of Object.keys(tokens(probe))) {
      const stack = new TerraformStack(Testing.app(), "stack");
      new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
      const value = tokens(stack)[prop];
      const scaffold = !["imageId", "ossBucket", "ossPrefix", "createTimeout", "createRole"].includes(prop);
      const props =
        prop.startsWith("bucket") || scaffold
          ? { [prop]: value }
          : { imageId: "m-abc", ossBucket: "b1x", [prop]: value };
      try {
        new ImageExport(stack, "Export", props);
      } catch (error) {
        expect((error as Error).message).toMatch(new RegExp(`${prop}\\b.*known only at apply time`));
        refusing.push(prop);
      }
    }
    expect(listed).toEqual(refusing.sort());
  });
});

describe("examples", () => {
  test("each use case of the README is a stack of examples/, synthesized by npm run synth", () => {
    const linked = [...README.matchAll(/^### .*\(\[`examples\/([\w-]+)\.ts`\]/gm)].map((m) => m[1]);
    const main = fs.readFileSync(path.join(ROOT, "examples", "main.ts"), "utf8");
    for (const name of linked)
      expect({ name, synthesized: main.includes(`"${name}"`) }).toEqual({ name, synthesized: true });
    expect(ALL_STACKS.map(([id]) => id)).toEqual(expect.arrayContaining(linked));
  });
});

/** The rows of the markdown table right after `## <heading>`'s first table line, as cells. */
function tableUnder(heading: string): string[][] {
  const section = README.slice(README.indexOf(`## ${heading}\n`));
  const lines = section.split("\n");
  const first = lines.findIndex((l) => l.startsWith("| "));
  const rows: string[][] = [];
  for (let i = first + 2; lines[i]?.startsWith("|"); i++) {
    rows.push(
      lines[i]
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** The code in a cell: `...` unwrapped. */
function codeOf(cell: string): string {
  const match = /^`(.*)`$/.exec(cell);
  if (!match) throw new Error(`expected one piece of code in the cell, got ${cell}`);
  return match[1];
}

/** The ImageExport props a bare value stands for: the row's prop, beside what it needs to be tried alone. */
const EXPORT_LEVEL = ["ossPrefix", "ossBucket", "imageId", "createTimeout", "createRole"];

describe("the validation table: each row's examples, fed to the constructs", () => {
  const rows = tableUnder("Validation rules");

  test("it has the columns the test reads, and every row has both examples", () => {
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect({ row: row[0], cells: row.length }).toEqual({ row: row[0], cells: 5 });
  });

  /** Builds an ImageExport from a cell in a fresh stack in Hangzhou, synthesizes it, returns the error or "". */
  function attempt(row: string[], cell: string): string {
    const stack = new TerraformStack(Testing.app(), "stack");
    new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
    let n = 0;
    const helpers = {
      ExportStorageClass,
      provider: (region: string) =>
        new alicloud.provider.AlicloudProvider(stack, `p${n++}`, { region, alias: `p${n}` }),
      bucketIn: (region: string) =>
        new ExportBucket(stack, `Bucket${n++}`, {
          provider: new alicloud.provider.AlicloudProvider(stack, `p${n++}`, { region, alias: `p${n}` }),
        }).bucketName,
      imageOf: (owners: string) =>
        new alicloud.dataAlicloudImages.DataAlicloudImages(stack, `Images${n++}`, { owners }).images.get(0)
          .id,
      withRole: (props: object) => {
        new ImageExportRole(stack, `Role${n++}`);
        return props;
      },
    };
    const value = new Function(...Object.keys(helpers), `return (${codeOf(cell)});`)(
      ...Object.values(helpers),
    );
    const prop = /^`(\w+)`$/.exec(row[0])?.[1];
    let props: object;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) props = value;
    else if (prop === undefined)
      throw new Error(`row ${row[0]}: a value needs a single prop in the first cell`);
    else if (EXPORT_LEVEL.includes(prop))
      props = { imageId: "m-abc", ossBucket: "abc", ossPrefix: "p", [prop]: value };
    else props = { [prop]: value };
    try {
      new ImageExport(stack, "Export", props);
      Testing.synth(stack, true);
      return "";
    } catch (error) {
      return (error as Error).message;
    }
  }

  test.each(rows.map((row) => [row[0], row] as const))("%s", (_, row) => {
    expect({ accepted: row[2], error: attempt(row, row[2]) }).toEqual({ accepted: row[2], error: "" });
    const error = attempt(row, row[3]);
    // Ours: "<construct> at '<path>': <prop> ...", at construction or in the synth's validation.
    expect(error).toMatch(/(^|\] )(\d+ problems:\n {2}- )?\S+ at 'stack\//m);
    // The error names the prop (any of the row's, or what a value stands for).
    const props = [...row[0].matchAll(/`(\w+)`/g)].map((m) => m[1]);
    const named = props.length === 0 || props.some((p) => error.includes(p)) || /provider|region/.test(error);
    expect({ refused: row[3], error, named }).toEqual({ refused: row[3], error, named: true });
  });
});

describe("the options table: each default, as the code synthesizes it", () => {
  const rows = new Map(tableUnder("`ImageExport` options").map((row) => [row[0], row[1]]));
  // `new ImageExport(stack, "Export")`: every default.
  const stack = new TerraformStack(Testing.app(), "stack");
  new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
  const exported = new ImageExport(stack, "Export");
  const config = synthesized(stack);
  const one = (type: string, data = false): Config => {
    const found = Object.values((data ? config.data : config.resource)?.[type] ?? {}) as Config[];
    expect({ type, count: found.length }).toEqual({ type, count: 1 });
    return found[0];
  };
  const theExport = () => one("alicloud_image_export");
  const bucket = () => one("alicloud_oss_bucket");

  /** Per row: what its default cell must say, and a check that the code does that. */
  const DEFAULTS: { [row: string]: [says: string, check: () => void] } = {
    "`imageId`": [
      "a custom image is built",
      () => expect(theExport().image_id).toMatch(/^\$\{alicloud_image\./),
    ],
    "`ossBucket`": [
      "`<bucketNamePrefix>-<random>`",
      () => expect(theExport().oss_bucket).toMatch(/^\$\{alicloud_oss_bucket\.\w+\.bucket\}$/),
    ],
    "`ossPrefix`": [
      "derived from the construct id and path, e.g. `Export",
      () => expect(theExport().oss_prefix).toMatch(/^Export[0-9a-f]{8}$/),
    ],
    "`createTimeout`": ['`"20m"`', () => expect(theExport().timeouts).toEqual({ create: "20m" })],
    "`createRole`": ["`false`", () => expect(config.resource.alicloud_ram_role).toBeUndefined()],
    "`role`": [
      "waits for no role",
      () => expect(theExport().depends_on.filter((d: string) => d.includes("ram_role"))).toEqual([]),
    ],
    "`provider`": [
      "the stack's default alicloud provider",
      () => expect(theExport().provider).toBeUndefined(),
    ],
    "`bucketNamePrefix`": [
      '`"image-export"`',
      () => expect(bucket().bucket).toMatch(/^image-export-\$\{random_integer\./),
    ],
    "`bucketForceDestroy`": ["`false`", () => expect(bucket().force_destroy).toBe(false)],
    "`bucketRetainDeletedExportsDays`": [
      "`30`: versioned bucket, deleted and replaced exports kept 30 days",
      () => {
        expect(one("alicloud_oss_bucket_versioning").status).toBe("Enabled");
        expect(bucket().lifecycle_rule[0].noncurrent_version_expiration).toEqual([{ days: 30 }]);
      },
    ],
    "`bucketTransitions`": ["none", () => expect(bucket().lifecycle_rule[0].transitions).toBeUndefined()],
    "`bucketExpireAfterDays`": [
      "none",
      () => expect(bucket().lifecycle_rule[0].expiration).toEqual([{ expired_object_delete_marker: true }]),
    ],
    "`namePrefix`": ['`"image-export"`', () => expect(one("alicloud_vpc").vpc_name).toBe("image-export")],
    "`vpcId` / `vpcCidrBlock`": [
      "a new VPC, `172.17.3.0/24`",
      () => expect(one("alicloud_vpc").cidr_block).toBe("172.17.3.0/24"),
    ],
    "`vswitchId` / `vswitchCidrBlock`": [
      "covering the VPC's block",
      () => expect(one("alicloud_vswitch").cidr_block).toBe(one("alicloud_vpc").cidr_block),
    ],
    "`zoneId`": [
      "the first zone that can host the instance",
      () => {
        expect(one("alicloud_zones", true).available_resource_creation).toBe("Instance");
        expect(one("alicloud_instance").availability_zone).toMatch(
          /^\$\{data\.alicloud_zones\.\w+\.zones\[0\]\.id\}$/,
        );
      },
    ],
    "`securityGroupId`": [
      "a new security group without rules",
      () => {
        one("alicloud_security_group");
        expect(config.resource.alicloud_security_group_rule).toBeUndefined();
      },
    ],
    "`instanceType` / `instanceTypeFamily`": [
      "the first pay-as-you-go type with 2 vCPUs and 4 GiB",
      () =>
        expect(one("alicloud_instance_types", true)).toMatchObject({
          cpu_core_count: 2,
          memory_size: 4,
          instance_charge_type: "PostPaid",
        }),
    ],
    "`sourceImageId` / `sourceImageNameRegex` / `sourceImageOwners`": [
      "newest `^ubuntu_[0-9]+_[0-9]+_x64*` Linux image owned by `system`",
      () =>
        expect(one("alicloud_images", true)).toMatchObject({
          name_regex: "^ubuntu_[0-9]+_[0-9]+_x64*",
          owners: "system",
          os_type: "linux",
          most_recent: true,
        }),
    ],
    "`instancePublicBandwidth`": [
      "`0`: no public IP",
      () => expect(one("alicloud_instance").internet_max_bandwidth_out).toBe(0),
    ],
    "`dataDisks`": ["none", () => expect(one("alicloud_instance").data_disks).toBeUndefined()],
    "`imageName`": [
      "`<namePrefix>-<8 hex digits of the construct's path>`, e.g. `image-export-ea8b61c3`",
      () => expect(one("alicloud_image").image_name).toBe("image-export-ea8b61c3"),
    ],
    "`imageDescription`": [
      '`"Exported to OSS by cdktf-alicloud-image-export"`',
      () => expect(one("alicloud_image").description).toBe("Exported to OSS by cdktf-alicloud-image-export"),
    ],
    "`instanceForceDelete`": [
      "not set: the provider's `false`",
      () => expect(one("alicloud_instance").force_delete).toBeUndefined(),
    ],
  };

  test("the table lists every option of ImageExport, once", () => {
    const listed = [...rows.keys()].flatMap((row) => [...row.matchAll(/`(\w+)`/g)].map((m) => m[1]));
    expect([...listed].sort()).toEqual([...IMAGE_EXPORT_PROP_NAMES].sort());
    expect(Object.keys(DEFAULTS).sort()).toEqual([...rows.keys()].sort());
    expect(exported.ossPrefix).toMatch(/^Export/);
  });

  test.each(Object.entries(DEFAULTS))("%s", (row, [says, check]) => {
    expect(rows.get(row)).toContain(says);
    check();
  });
});
