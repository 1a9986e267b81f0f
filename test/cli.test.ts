import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { GRAPH_USAGE } from "../src/cli/graph-command";
import { DIFF_USAGE, EXIT_CANNOT_DIFF, EXIT_DESTROYS, EXIT_NOTHING_DESTROYED } from "../src/cli/diff-command";
import { EXIT_CANNOT_CHECK, EXIT_CONFORMS, EXIT_VIOLATIONS, run as runCommand, USAGE } from "../src/cli/main";
import { RUNTIME_SCHEMA_FILES } from "../src/conformance/terraform-schema";
import { outdir, ROOT, run, temporaryFolder } from "./support/command";
import { Stack, validStack } from "./support/stacks";

// Spawning node (tsx, npm pack) takes a few seconds on a slow machine.
const SPAWN_TIMEOUT_MS = 30_000;

const AGAINST = "checked against aliyun/alicloud 1.289.0 and hashicorp/random 3.7.2";

function stackWithTwoMistakes(): Stack {
  const stack = validStack();
  stack.resource.alicloud_instance.Instance.data_disks[1].size = "big";
  delete stack.resource.alicloud_image_export.Export.oss_bucket;
  return stack;
}

describe("cdktf-alicloud-image-export check", () => {
  test("conforming stacks: one line each, a summary, exit 0", () => {
    const dir = outdir({ network: validStack(), exports: validStack() });
    expect(run(["check", dir])).toEqual({
      status: EXIT_CONFORMS,
      out: ["exports: conforms", "network: conforms", `All 2 stacks conform (${AGAINST}).`],
      err: [],
    });
  });

  test("violations: each with stack, address and path, a summary, exit 1", () => {
    const dir = outdir({ bad: stackWithTwoMistakes(), good: validStack() });
    expect(run(["check", dir])).toEqual({
      status: EXIT_VIOLATIONS,
      out: [
        "bad: alicloud_image_export.Export oss_bucket: required argument is not set [MISSING_REQUIRED]",
        `bad: alicloud_instance.Instance data_disks[1].size: must be a number, got 'big' [WRONG_TYPE]`,
        "good: conforms",
        `2 violations in 1 of 2 stacks (${AGAINST}).`,
      ],
      err: [],
    });
  });

  test("a stack file that is not JSON can't be checked: one line, exit 2", () => {
    const dir = outdir({ broken: "{" });
    const { status, out, err } = run(["check", dir]);
    expect(status).toBe(EXIT_CANNOT_CHECK);
    expect(out).toEqual([]);
    expect(err).toEqual([
      expect.stringMatching(
        /^cdktf-alicloud-image-export: .*\/stacks\/broken\/cdk\.tf\.json is not valid JSON \(.*\)$/,
      ),
    ]);
  });

  test("the folder defaults to cdktf.out in the working directory", () => {
    const project = temporaryFolder("project.");
    fs.renameSync(outdir({ only: validStack() }), path.join(project, "cdktf.out"));
    expect(run(["check"], project)).toEqual({
      status: EXIT_CONFORMS,
      out: ["only: conforms", `1 stack conforms (${AGAINST}).`],
      err: [],
    });
  });

  test.each([
    ["a folder that does not exist", () => "no-such-cdktf.out", "does not exist; synthesize the app first"],
    [
      "a file instead of a folder",
      () => path.join(outdir({ a: validStack() }), "stacks", "a", "cdk.tf.json"),
      "is not a folder",
    ],
    ["an empty folder", () => temporaryFolder("empty."), "holds no synthesized stacks"],
    ["stack folders without cdk.tf.json", () => outdir({ a: null }), "holds no synthesized stacks"],
  ])("%s: a clear message and exit 2", (_, folder, problem) => {
    const given = folder();
    const { status, out, err } = run(["check", given]);
    expect(status).toBe(EXIT_CANNOT_CHECK);
    expect(out).toEqual([]);
    expect(err).toEqual([expect.stringContaining(`cdktf-alicloud-image-export: ${given} ${problem}`)]);
  });

  test.each([
    [[], "no command given"],
    [["verify", "cdktf.out"], 'unknown command "verify"'],
    [["check", "a", "b"], "expected one folder, got 2"],
  ])("usage errors (%p) print the problem and the usage, exit 2", (args, problem) => {
    expect(run(args)).toEqual({
      status: EXIT_CANNOT_CHECK,
      out: [],
      err: [`cdktf-alicloud-image-export: ${problem}\n\n${USAGE}`],
    });
  });

  test("--help prints the usage, exit 0", () => {
    expect(run(["--help"])).toEqual({ status: EXIT_CONFORMS, out: [USAGE], err: [] });
  });

  test("each command's --help prints its usage, exit 0", () => {
    expect(run(["check", "--help"])).toEqual({ status: EXIT_CONFORMS, out: [USAGE], err: [] });
    expect(run(["graph", "-h"])).toEqual({ status: EXIT_CONFORMS, out: [GRAPH_USAGE], err: [] });
    expect(run(["diff", "a", "--help"])).toEqual({ status: EXIT_CONFORMS, out: [DIFF_USAGE], err: [] });
  });
});

/** A stack of one export of a given image into a given bucket, written the way cdktf writes it. */
function exportStack(stack: string, prefix: string): Stack {
  return {
    "//": { metadata: { backend: "local", stackName: stack, version: "0.21.0" } },
    provider: { alicloud: [{ region: "cn-hangzhou" }] },
    resource: {
      alicloud_image_export: {
        Export_16632B07: {
          "//": { metadata: { path: `${stack}/Export/Resource`, uniqueId: "Export_16632B07" } },
          image_id: "m-bp1abc",
          oss_bucket: "exports",
          oss_prefix: prefix,
          timeouts: { create: "20m" },
        },
      },
    },
    terraform: { required_providers: { alicloud: { source: "aliyun/alicloud", version: "~> 1.289" } } },
  };
}

describe("cdktf-alicloud-image-export diff", () => {
  const TERRAFORM_TIMEOUT_MS = 120_000;
  const BY = "terraform 1.11.4, offline, with the vendored provider schemas and replacement rules";

  test.each([
    [[], "diff needs the before and the after output, got 0 paths"],
    [["a"], "diff needs the before and the after output, got 1 path"],
    [["a", "b", "c"], "diff needs the before and the after output, got 3 paths"],
    [["a", "b", "--yaml"], "unknown option --yaml"],
    [["a", "b", "--terraform-binary"], "--terraform-binary needs the path of a terraform binary"],
  ])("usage errors (diff %p) print the problem and the usage, exit 2", async (args, problem) => {
    const { status, out, err } = run(["diff", ...args]);
    expect({ status: await status, out, err }).toEqual({
      status: EXIT_CANNOT_DIFF,
      out: [],
      err: [`cdktf-alicloud-image-export: ${problem}\n\n${DIFF_USAGE}`],
    });
  });

  test("nothing to compare: no such output, no stack in both, no terraform; exit 2", async () => {
    const one = outdir({ one: exportStack("one", "nightly") });
    const two = outdir({ two: exportStack("two", "nightly") });
    const cases: [string[], string][] = [
      [
        ["no-such-out", one],
        "before: no-such-out does not exist; synthesize the app first (npx cdktf synth)",
      ],
      [[one, temporaryFolder("empty.")], "holds no synthesized stacks"],
      [[one, two], "no stack is in both outputs (before: one; after: two)"],
      [
        [one, one, "--terraform-binary", "/nonexistent/terraform"],
        "terraform binary /nonexistent/terraform does not exist",
      ],
    ];
    for (const [args, problem] of cases) {
      const { status, out, err } = run(["diff", ...args]);
      expect({ status: await status, out }).toEqual({ status: EXIT_CANNOT_DIFF, out: [] });
      expect(err).toEqual([expect.stringContaining(problem)]);
    }
  });

  test(
    "prints each stack's changes and what they delete, lists stacks in one output only, exit 1",
    async () => {
      const before = outdir({
        changed: exportStack("changed", "nightly"),
        same: exportStack("same", "x"),
        gone: {},
      });
      const after = outdir({
        changed: exportStack("changed", "weekly"),
        same: exportStack("same", "x"),
        added: {},
      });
      const { status, out, err } = run(["diff", before, after]);
      expect(await status).toBe(EXIT_DESTROYS);
      expect(err).toEqual([]);
      expect(out).toEqual([
        "changed: 1 to replace (destroys)",
        "  replace `Export/Resource` (alicloud_image_export.Export_16632B07)",
        "          why: replace_because_cannot_update; oss_prefix forces replacement",
        "          replaces `Export/Resource`: deletes `nightly_m-bp1abc_system.raw.tar.gz` from `exports`; whether it can be restored depends on that bucket's versioning, which this stack does not manage",
        "same: 1 unchanged",
        "gone: only in the before output, not compared",
        "added: only in the after output, not compared",
        `1 resource would be destroyed or replaced, in 1 of 2 stacks (${BY}).`,
      ]);
    },
    TERRAFORM_TIMEOUT_MS,
  );

  test(
    "--json prints the same as data; two cdk.tf.json files are compared whatever their stacks' names; exit 0",
    async () => {
      const file = (name: string) =>
        path.join(outdir({ [name]: exportStack(name, "nightly") }), "stacks", name, "cdk.tf.json");
      const { status, out, err } = run(["diff", file("blue"), file("green"), "--json"]);
      expect(await status).toBe(EXIT_NOTHING_DESTROYED);
      expect(err).toEqual([]);
      expect(JSON.parse(out.join("\n"))).toEqual({
        terraformVersion: "1.11.4",
        stacks: [
          {
            stack: "blue -> green",
            compared: true,
            changes: [
              {
                address: "alicloud_image_export.Export_16632B07",
                type: "alicloud_image_export",
                constructPath: "Export/Resource",
                action: "no-op",
                replacePaths: [],
                changedArguments: [],
                consequences: [],
                destroys: false,
              },
            ],
            moves: [],
            blockedMoves: [],
            diagnostics: [],
            destroys: false,
          },
        ],
        onlyBefore: [],
        onlyAfter: [],
        destroys: false,
        errorCount: 0,
      });
    },
    TERRAFORM_TIMEOUT_MS,
  );

  test(
    "a stack Terraform rejects is not compared: its errors, exit 2",
    async () => {
      const broken = exportStack("s", "nightly");
      broken.resource.alicloud_image_export.Export_16632B07.oss_prefix = "${var.missing}";
      const { status, out } = run([
        "diff",
        outdir({ s: exportStack("s", "nightly") }),
        outdir({ s: broken }),
      ]);
      expect(await status).toBe(EXIT_CANNOT_DIFF);
      expect(out[0]).toBe("s: not compared, Terraform failed:");
      expect(out).toContainEqual(
        expect.stringMatching(/^ {2}s: .*error: Reference to undeclared input variable/),
      );
      expect(out[out.length - 1]).toBe(`1 of 1 stack could not be compared (${BY}).`);
    },
    TERRAFORM_TIMEOUT_MS,
  );
});

describe("running the command", () => {
  test(
    "from source with tsx (as `npm run check` does): output and exit status",
    () => {
      const dir = outdir({ bad: stackWithTwoMistakes() });
      const result = spawnSync(
        process.execPath,
        [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "src/cli/main.ts", "check", dir],
        { cwd: ROOT, encoding: "utf8" },
      );
      expect(result.status).toBe(EXIT_VIOLATIONS);
      expect(result.stdout.trim().split("\n")).toEqual([
        "bad: alicloud_image_export.Export oss_bucket: required argument is not set [MISSING_REQUIRED]",
        `bad: alicloud_instance.Instance data_disks[1].size: must be a number, got 'big' [WRONG_TYPE]`,
        `2 violations in 1 of 1 stack (${AGAINST}).`,
      ]);
    },
    SPAWN_TIMEOUT_MS,
  );

  // The bin script runs the compiled lib/; these copies of it stand in a package folder of their own, so
  // the test neither needs nor disturbs a build.
  function packageWithBin(cli?: string): string {
    const pkg = temporaryFolder("pkg.");
    fs.mkdirSync(path.join(pkg, "bin"));
    fs.copyFileSync(
      path.join(ROOT, "bin", "cdktf-alicloud-image-export.js"),
      path.join(pkg, "bin", "cdktf-alicloud-image-export.js"),
    );
    if (cli !== undefined) {
      fs.mkdirSync(path.join(pkg, "lib", "cli"), { recursive: true });
      fs.writeFileSync(path.join(pkg, "lib", "cli", "main.js"), cli);
    }
    return pkg;
  }

  test("the bin script hands its arguments to lib/cli/main's run and exits with its status", () => {
    const pkg = packageWithBin(
      "exports.run = async (args) => { console.log(JSON.stringify(args)); return 7; };",
    );
    const result = spawnSync(
      process.execPath,
      [path.join(pkg, "bin", "cdktf-alicloud-image-export.js"), "check", "out"],
      {
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(7);
    expect(result.stdout.trim()).toBe('["check","out"]');
  });

  test("a failure the command did not expect exits 2 with its message, never 1 (a verdict)", async () => {
    const err: string[] = [];
    const dir = outdir({ app: { resource: {} } });
    const broken = {
      log: () => {
        throw new Error("write EPIPE");
      },
      error: (line: string) => err.push(line),
    };
    for (const args of [
      ["check", dir],
      ["graph", dir],
    ]) {
      err.length = 0;
      await expect(runCommand(args, broken, ROOT)).resolves.toBe(EXIT_CANNOT_CHECK);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(
        /^cdktf-alicloud-image-export: failed unexpectedly, nothing was judged: write EPIPE\n/,
      );
    }
  });

  test("the bin script without a build says what to do, exit 2", () => {
    const pkg = packageWithBin();
    const result = spawnSync(
      process.execPath,
      [path.join(pkg, "bin", "cdktf-alicloud-image-export.js"), "check"],
      {
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(EXIT_CANNOT_CHECK);
    expect(result.stderr).toContain("the compiled library is missing (lib/cli/main.js)");
  });
});

describe("packaging", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

  test("package.json names the command, ships it and the schemas the checker reads at run time", () => {
    expect(pkg.bin).toEqual({ "cdktf-alicloud-image-export": "bin/cdktf-alicloud-image-export.js" });
    expect(pkg.files).toEqual(
      expect.arrayContaining(["bin/**/*.js", ...RUNTIME_SCHEMA_FILES.map((f) => `schema/${f}`)]),
    );
    expect(pkg.scripts.check).toBe("npm run synth && tsx src/cli/main.ts check cdktf.out");
  });

  test(
    "npm pack includes the command and the schema files",
    () => {
      const result = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(result.status).toBe(0);
      const files = (JSON.parse(result.stdout)[0].files as { path: string }[]).map((f) => f.path);
      expect(files).toEqual(
        expect.arrayContaining([
          "bin/cdktf-alicloud-image-export.js",
          ...RUNTIME_SCHEMA_FILES.map((f) => `schema/${f}`),
          // The served provider's replacement rules, which diff and the judge read at run time.
          "schema/replacement.json",
        ]),
      );
      expect(files).not.toContain("schema/validations.json");
    },
    SPAWN_TIMEOUT_MS,
  );
});
