// Real Terraform judges the stacks this library synthesizes: `terraform validate` and `terraform plan`,
// offline, against the provider src/terraform serves from the vendored schemas. These tests need the
// `terraform` binary; without it they fail with a message saying so (they never skip).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformStack, Testing } from "cdktf";
import { main } from "../src/cli/main";
import { PACKAGE_NAME } from "../src/framework";
import { random, TerraformJudge } from "../src";
import { decodeMsgpack, encodeMsgpack, UnknownValue } from "../src/terraform/msgpack";
import { placeholder, planComputed, readDataSource } from "../src/terraform/provider";
import {
  findTerraform,
  judge,
  prepareConfig,
  requiredProviders,
  TerraformNotFoundError,
} from "../src/terraform/runner";
import { TerraformJudgeResult } from "../src/terraform/results";
import { mapConcurrently } from "../src/terraform/session";
import { placeholderForTypeConstraint } from "../src/terraform/variables";
import { setupTerraformMatchers } from "../src/testing";
import { ALL_STACKS, synthFresh } from "./support/synth-helpers";
import { validStack } from "./support/stacks";

setupTerraformMatchers();

const TERRAFORM_TIMEOUT = 240_000;
/** The two blocks of the depends_on cycle below, as regular expressions. */
const VPC = "alicloud_vpc\\.Vpc";
const SG = "alicloud_security_group\\.SecurityGroup";

/** Fails (never skips) when there is no terraform, saying what to do. */
function requireTerraform(): string {
  try {
    return findTerraform();
  } catch (e) {
    throw new Error(
      `These tests run real Terraform, and ${(e as Error).message}. Terraform 1.x must be on PATH for npm test.`,
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("every example and test stack passes real terraform validate and plan", () => {
  let result: TerraformJudgeResult;
  let batched: TerraformJudgeResult;
  const seen: { pid?: number; dir?: string } = {};

  beforeAll(async () => {
    requireTerraform();
    const stacks = ALL_STACKS.map(([id, Stack]) => ({ name: id, config: synthFresh(Stack, id) }));
    result = await judge(stacks, {}, { onServerStarted: (pid, dir) => Object.assign(seen, { pid, dir }) });
    batched = await judge(stacks, { batch: true });
  }, TERRAFORM_TIMEOUT);

  test("batch mode (the stacks as modules of one run) gives the same verdicts and counts", () => {
    expect(batched).toEqual(result);
  });

  test("no diagnostics, and the plan's counts", () => {
    expect(result.terraformVersion).toMatch(/^1\.\d+\.\d+/);
    expect(result.stacks.flatMap((s) => s.diagnostics)).toEqual([]);
    expect(
      result.stacks.map(({ stack, valid, planned, toAdd, toChange, toDestroy }) => ({
        stack,
        valid,
        planned,
        counts: [toAdd, toChange, toDestroy],
      })),
    ).toEqual([
      { stack: "docs-example", valid: true, planned: true, counts: [12, 0, 0] },
      { stack: "bring-your-own", valid: true, planned: true, counts: [1, 0, 0] },
      { stack: "cross-region", valid: true, planned: true, counts: [14, 0, 0] },
      { stack: "nightly-backups", valid: true, planned: true, counts: [7, 0, 0] },
      { stack: "many-exports", valid: true, planned: true, counts: [10, 0, 0] },
      { stack: "defaults", valid: true, planned: true, counts: [12, 0, 0] },
      { stack: "kitchen-sink", valid: true, planned: true, counts: [15, 0, 0] },
    ]);
    expect(result.errorCount).toBe(0);
  });

  test("leaves no server process, socket or temporary folder behind", () => {
    expect(seen.pid).toBeGreaterThan(0);
    expect(isRunning(seen.pid!)).toBe(false);
    expect(fs.existsSync(seen.dir!)).toBe(false);
  });
});

describe("Terraform's own errors, with stack, address and attribute path", () => {
  let result: TerraformJudgeResult;
  beforeAll(async () => {
    requireTerraform();
    const missingAttribute = validStack();
    missingAttribute.output.image_id.value = "${alicloud_image.Image.no_such_attribute}";
    const dependsOnCycle = validStack();
    dependsOnCycle.resource.alicloud_vpc.Vpc.depends_on = ["alicloud_security_group.SecurityGroup"];
    const unknownFunction = validStack();
    unknownFunction.resource.alicloud_vpc.Vpc.vpc_name = '${no_such_function("x")}';
    const unknownArgument = validStack();
    unknownArgument.resource.alicloud_vpc.Vpc.cidr_blok = "10.0.0.0/16";
    const olderAlicloud = validStack();
    olderAlicloud.terraform.required_providers.alicloud.version = "1.250.0";
    result = await judge([
      { name: "older-alicloud", config: olderAlicloud },
      { name: "missing-attribute", config: missingAttribute },
      { name: "depends-on-cycle", config: dependsOnCycle },
      { name: "unknown-function", config: unknownFunction },
      { name: "unknown-argument", config: unknownArgument },
    ]);
  }, TERRAFORM_TIMEOUT);

  const pick = (stack: string) =>
    result.stacks
      .find((s) => s.stack === stack)!
      .diagnostics.map(({ command, severity, summary, address, attributePath }) => ({
        command,
        severity,
        summary,
        address,
        attributePath,
      }));

  test("a stack asking for another provider release: valid, with a warning naming the release judged", () => {
    const stack = result.stacks.find((s) => s.stack === "older-alicloud")!;
    expect(stack.planned).toBe(true);
    expect(stack.diagnostics).toEqual([
      {
        stack: "older-alicloud",
        command: "prepare",
        severity: "warning",
        summary: "Judged against another provider version",
        detail:
          'The stack requires registry.terraform.io/aliyun/alicloud version "1.250.0", which rules out 1.289.0, ' +
          "the release whose schema was served: this verdict is for 1.289.0. Terraform with the registry would " +
          "install another release, whose schema may differ.",
        address: "",
        attributePath: "",
      },
    ]);
  });

  test("a reference to an attribute that doesn't exist", () => {
    expect(pick("missing-attribute")).toEqual([
      {
        command: "validate",
        severity: "error",
        summary: "Unsupported attribute",
        address: "output.image_id",
        attributePath: "value",
      },
    ]);
  });

  test("a depends_on cycle", () => {
    const diagnostics = pick("depends-on-cycle");
    expect(diagnostics.map((d) => [d.command, d.summary])).toEqual([
      ["validate", expect.stringMatching(new RegExp(`^Cycle: (${VPC}, ${SG}|${SG}, ${VPC})$`))],
    ]);
  });

  test("a call to an unknown function", () => {
    expect(pick("unknown-function")).toEqual([
      {
        command: "validate",
        severity: "error",
        summary: "Call to unknown function",
        address: "alicloud_vpc.Vpc",
        attributePath: "vpc_name",
      },
    ]);
  });

  test("an unknown argument", () => {
    expect(pick("unknown-argument")).toEqual([
      {
        command: "validate",
        severity: "error",
        summary: "Extraneous JSON object property",
        address: "alicloud_vpc.Vpc",
        attributePath: "cidr_blok",
      },
    ]);
    expect(result.errorCount).toBe(4);
  });
});

describe("cleanup on errors and timeouts", () => {
  beforeAll(() => requireTerraform());

  test(
    "a command that times out is stopped and reported; nothing is left behind",
    async () => {
      const seen: { pid?: number; dir?: string } = {};
      const result = await judge(
        [{ name: "slow", config: validStack() }],
        { timeoutSeconds: 0.001 },
        { onServerStarted: (pid, dir) => Object.assign(seen, { pid, dir }) },
      );
      expect(result.stacks[0].diagnostics.map((d) => [d.command, d.summary])).toEqual([
        ["init", "Timed out"],
      ]);
      expect(isRunning(seen.pid!)).toBe(false);
      expect(fs.existsSync(seen.dir!)).toBe(false);
    },
    TERRAFORM_TIMEOUT,
  );

  test(
    "a server that cannot start is reported; its temporary folder is removed",
    async () => {
      const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "broken-schema-")), "schema.json");
      fs.writeFileSync(broken, "{}");
      let dir: string | undefined;
      await expect(
        judge(
          [{ name: "s", config: validStack() }],
          { schemaFiles: [broken] },
          { onTempDir: (d) => (dir = d) },
        ),
      ).rejects.toThrow(/provider server exited with 1: .*holds no provider_schemas/);
      expect(dir).toBeDefined();
      expect(fs.existsSync(dir!)).toBe(false);
      fs.rmSync(path.dirname(broken), { recursive: true, force: true });
    },
    TERRAFORM_TIMEOUT,
  );

  test("after a failure no more work starts, and the error waits for the work under way", async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const work = async (item: number) => {
      started.push(item);
      await new Promise((resolve) => setTimeout(resolve, item === 1 ? 5 : 30));
      if (item === 1) throw new Error("item 1 failed");
      finished.push(item);
      return item;
    };
    await expect(mapConcurrently([0, 1, 2, 3, 4], 2, work)).rejects.toThrow("item 1 failed");
    // 0 and 1 started together; 1 failed first, so 2 and later never started; 0 finished before the error.
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([0]);
    await expect(mapConcurrently([3, 2, 0], 2, async (item) => item * 2)).resolves.toEqual([6, 4, 0]);
  });

  test("a missing terraform binary is a clear error", async () => {
    await expect(
      TerraformJudge.checkSynthesized({ s: "{}" }, { terraformBinary: "/nonexistent/terraform" }),
    ).rejects.toThrow(
      new TerraformNotFoundError(
        "terraform binary /nonexistent/terraform does not exist or is not executable",
      ),
    );
  });
});

describe("the three ways to use it", () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  beforeAll(() => requireTerraform());

  function outdir(stacks: { [name: string]: unknown }): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfjudge-cli-"));
    folders.push(dir);
    for (const [name, config] of Object.entries(stacks)) {
      fs.mkdirSync(path.join(dir, "stacks", name), { recursive: true });
      fs.writeFileSync(path.join(dir, "stacks", name, "cdk.tf.json"), JSON.stringify(config, null, 2));
    }
    return dir;
  }

  async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const status = await main(args, { log: (l) => out.push(l), error: (l) => err.push(l) }, process.cwd());
    return { status, out, err };
  }

  test(
    "check --terraform: exit 0 on passing stacks, 1 with Terraform's message on errors",
    async () => {
      const bad = validStack();
      bad.output.image_id.value = "${alicloud_image.Image.image_nam}";
      const cycle = validStack();
      cycle.resource.alicloud_vpc.Vpc.depends_on = ["alicloud_security_group.SecurityGroup"];
      const call = validStack();
      call.resource.alicloud_vpc.Vpc.vpc_name = '${nofunction("x")}';
      const passing = await cli(["check", "--terraform", outdir({ good: validStack() })]);
      expect(passing.status).toBe(0);
      expect(passing.out).toEqual([
        "good: valid; plan: 9 to add, 0 to change, 0 to destroy",
        expect.stringMatching(
          /^1 stack passes \(terraform 1\.\d+\.\d+, offline, with the vendored provider schemas\)\.$/,
        ),
      ]);
      const dir = outdir({ good: validStack(), bad, cycle, call });
      const { status, out, err } = await cli(["check", "--terraform", dir]);
      expect(err).toEqual([]);
      expect(status).toBe(1);
      expect(out).toEqual([
        "bad: output.image_id value: error: Unsupported attribute: This object has no argument, nested block, " +
          'or exported attribute named "image_nam". Did you mean "image_name"?',
        expect.stringMatching(
          /^call: alicloud_vpc\.Vpc vpc_name: error: Call to unknown function: There is no function named "nofunction"\.$/,
        ),
        // Terraform names the blocks of a cycle in no fixed order.
        expect.stringMatching(new RegExp(`^cycle: error: Cycle: (${VPC}, ${SG}|${SG}, ${VPC})$`)),
        "good: valid; plan: 9 to add, 0 to change, 0 to destroy",
        expect.stringMatching(
          /^3 errors in 3 of 4 stacks \(terraform 1\.\d+\.\d+, offline, with the vendored provider schemas\)\.$/,
        ),
      ]);
    },
    TERRAFORM_TIMEOUT,
  );

  test("check --terraform: exit 2 with a clear message when there is no terraform", async () => {
    const dir = outdir({ good: validStack() });
    const { status, out, err } = await cli([
      "check",
      "--terraform",
      "--terraform-binary",
      "/nonexistent/terraform",
      dir,
    ]);
    expect({ status, out, err }).toEqual({
      status: 2,
      out: [],
      err: [`${PACKAGE_NAME}: terraform binary /nonexistent/terraform does not exist or is not executable`],
    });
    const saved = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "empty-path-"));
    folders.push(process.env.PATH);
    try {
      const noPath = await cli(["check", "--terraform", dir]);
      expect(noPath.status).toBe(2);
      expect(noPath.err).toEqual([
        `${PACKAGE_NAME}: no terraform on PATH; install Terraform (https://developer.hashicorp.com/terraform/install) or pass the path of the binary (--terraform-binary PATH)`,
      ]);
    } finally {
      process.env.PATH = saved;
    }
  });

  test(
    "the library function reads a cdktf output folder",
    async () => {
      const result = await TerraformJudge.checkOutput([outdir({ one: validStack() })]);
      expect(result.stacks.map((s) => [s.stack, s.valid, s.planned, s.toAdd])).toEqual([
        ["one", true, true, 9],
      ]);
    },
    TERRAFORM_TIMEOUT,
  );

  test(
    "the jest matcher, both ways",
    async () => {
      await expect(validStack()).toPassTerraformPlan();
      const stack = new TerraformStack(Testing.app(), "dup");
      new random.provider.RandomProvider(stack, "a");
      new random.provider.RandomProvider(stack, "b");
      const json = Testing.synth(stack);
      await expect(json).not.toPassTerraformPlan();
      await expect(expect(json).toPassTerraformPlan()).rejects.toThrow(/Duplicate provider configuration/);
    },
    TERRAFORM_TIMEOUT,
  );
});

describe("the provider's parts", () => {
  test("msgpack: values, unknowns (plain and refined) and bytes round-trip", () => {
    const refined = new UnknownValue(12, Buffer.from([0x81, 0x01, 0xc3]));
    const value = {
      s: "text",
      n: [0, -1, 127, 128, -33, 65536, 2 ** 40, 1.5],
      b: [true, false, null],
      u: UnknownValue.PLAIN,
      r: refined,
      raw: Buffer.from('"string"'),
      long: "x".repeat(300),
    };
    const decoded = decodeMsgpack(encodeMsgpack(value));
    expect(decoded).toEqual(value);
    expect(encodeMsgpack(UnknownValue.PLAIN)).toEqual(Buffer.from([0xd4, 0x00, 0x00]));
  });

  test("plan marks every computed attribute left null as unknown, in nested blocks too", () => {
    const block = {
      attributes: {
        id: { type: "string", computed: true },
        name: { type: "string", optional: true, computed: true },
        size: { type: "number", required: true },
      },
      block_types: {
        disk: { nesting_mode: "list", block: { attributes: { device: { type: "string", computed: true } } } },
      },
    };
    expect(planComputed(block, { id: null, name: "given", size: 2, disk: [{ device: null }] })).toEqual({
      id: UnknownValue.PLAIN,
      name: "given",
      size: 2,
      disk: [{ device: UnknownValue.PLAIN }],
    });
  });

  test("data sources read as deterministic placeholders; lists get one element", () => {
    const zones = { type: ["list", ["object", { id: "string", local_name: "string", cores: "number" }]] };
    expect(
      readDataSource(
        {
          attributes: {
            zones: { ...zones, computed: true },
            ids: { type: ["list", "string"], computed: true },
            name_regex: { type: "string", optional: true },
          },
        },
        { zones: null, ids: null, name_regex: null },
      ),
    ).toEqual({
      zones: [{ id: "placeholder-zones-0-id", local_name: "placeholder-zones-0-local_name", cores: 1 }],
      ids: ["placeholder-ids-0"],
      name_regex: null,
    });
    expect(placeholder(["map", "bool"], "tags")).toEqual({ key: false });
  });

  test("variables get placeholders of their type, backends become local", () => {
    expect(
      placeholderForTypeConstraint("list(object({ name = string, size = optional(number, 3) }))", "v"),
    ).toEqual([{ name: "placeholder-v-0-name", size: 1 }]);
    const { config, tfvars } = prepareConfig(
      {
        terraform: { backend: { oss: { bucket: "state" } } },
        variable: { a: { type: "string" }, b: { type: "number", default: 2 }, c: { type: "bool" } },
      },
      { c: true },
    );
    expect(config.terraform).toEqual({ backend: { local: { path: "terraform.tfstate" } } });
    expect(tfvars).toEqual({ a: "placeholder-a", c: true });
  });
});

describe("a deep temp dir", () => {
  test(
    "the provider's sockets stay within the 107 bytes a unix socket path may have",
    () => {
      requireTerraform();
      // os.tmpdir() reads the real environment, which a test's sandbox can't change: run the command.
      const deep = path.join(os.tmpdir(), "d".repeat(60), "e".repeat(40));
      fs.mkdirSync(deep, { recursive: true });
      const out = path.join(deep, "cdktf.out", "stacks", "byo");
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, "cdk.tf.json"), synthFresh(ALL_STACKS[1][1], "byo"));
      const result = spawnSync(
        process.execPath,
        ["--import", "tsx", path.join(__dirname, "..", "src", "cli", "main.ts"), "check", "--terraform", out],
        { encoding: "utf8", env: { ...process.env, TMPDIR: deep, CHECKPOINT_DISABLE: "1" } },
      );
      expect({ status: result.status, out: result.stdout.trim().split("\n").pop() }).toEqual({
        status: 0,
        out: "1 stack passes (terraform 1.11.4, offline, with the vendored provider schemas).",
      });
      expect(fs.readdirSync(deep).filter((f) => f.startsWith("tfjudge-"))).toEqual([]);
    },
    TERRAFORM_TIMEOUT,
  );
});

describe("providers the schema files don't hold", () => {
  test(
    "are reported before Terraform would look for them in the registry",
    async () => {
      requireTerraform();
      const stack = validStack();
      stack.terraform.required_providers.null = { source: "hashicorp/null" };
      stack.resource.null_resource = { Wait: {} };
      const result = await judge([{ name: "extra", config: stack }]);
      expect(result.stacks[0].diagnostics).toEqual([
        {
          stack: "extra",
          command: "prepare",
          severity: "error",
          summary: "Provider not served",
          detail:
            "The stack needs registry.terraform.io/hashicorp/null, but the schema files served " +
            "(registry.terraform.io/aliyun/alicloud, registry.terraform.io/hashicorp/random) don't hold it; " +
            "pass its schema (terraform providers schema -json) in schemaFiles, or fix required_providers if the source is wrong.",
          address: "",
          attributePath: "",
        },
      ]);
      expect(requiredProviders({ resource: { terraform_data: {}, alicloud_vpc: {} } })).toEqual([
        "registry.terraform.io/hashicorp/alicloud",
      ]);
    },
    TERRAFORM_TIMEOUT,
  );
});
