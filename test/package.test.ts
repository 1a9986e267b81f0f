// The packages users install, one per framework, and the API reference generated from them.
//
// One jsii build per flavour in a scratch copy of the repo feeds every test here: the npm tarballs
// (jsii-pacmak's JavaScript target, which is `npm pack`), a fresh app of each framework outside the repo
// that installs its tarball, the README's getting started (each framework's own template, CLI and jest,
// with the tarball), the Python sources, and jsii-docgen. Building in a copy keeps lib/ and .jsii of the
// working tree untouched while other suites (and people) use them, and makes sure nothing unbuilt or
// stale ships.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;
/** What users get besides package.json, README.md and LICENSE, whatever `files` says. */
const ALWAYS_SHIPPED = [/^lib\/.+\.js$/, /^lib\/.+\.d\.ts$/, /^\.jsii$/];
/** Files other features may add to `files`; they may ship only when listed there. */
const SHIPPED_WHEN_LISTED: Record<string, RegExp> = {
  "bin/**/*.js": /^bin\/.+\.js$/,
  "lib/**/*.js.map": /^lib\/.+\.js\.map$/,
  "schema/alicloud.json": /^schema\/alicloud\.json$/,
  "schema/random.json": /^schema\/random\.json$/,
  "schema/replacement.json": /^schema\/replacement\.json$/,
  "schema/validations.json": /^schema\/validations\.json$/,
};
/** The two packages: their names, the framework each is for, and the peers users install next to it. */
interface Flavour {
  framework: "cdktf" | "cdktn";
  name: string;
  peers: Record<string, string>;
}
const FLAVOURS: Flavour[] = [
  {
    framework: "cdktf",
    name: PACKAGE.name,
    peers: { cdktf: "^0.21.0", constructs: "^10.4.2" },
  },
  {
    framework: "cdktn",
    name: PACKAGE.name.replace(/^cdktf-/, "cdktn-"),
    peers: { cdktn: "^0.24.0", constructs: ">=10.6.0 <10.8.0" },
  },
];
/** A generous ceiling on the unpacked size: the bindings of 22 types plus the assembly are about 4 MB. */
const MAX_UNPACKED_BYTES = 8 * 1024 * 1024;

interface PackageJson {
  name: string;
  version: string;
  main?: string;
  types?: string;
  files?: string[];
  bin?: string | Record<string, string>;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  bundledDependencies?: string[];
}

/** Runs a command and returns its output; a failure throws with everything it printed. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) {
    throw new Error(
      `\`${command} ${args.join(" ")}\` in ${cwd} exited with ${result.status}:\n${output.slice(-8000)}`,
    );
  }
  return output;
}

/** The environment without what `npm test` sets for its own package, so npm in the app sees only the app. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^npm_(package|lifecycle)_/i.test(key) && !/^(npm_config_local_prefix|INIT_CWD)$/i.test(key),
    ),
  );
  return { ...env, CHECKPOINT_DISABLE: "1" };
}

function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join("/")];
  });
}

/** The repo as `npm ci` left it, without build output: what the build and the tarball are made from. */
function stageRepo(into: string): void {
  const excluded = new Set([
    "node_modules",
    ".git",
    "lib",
    "dist",
    "cdktf.out",
    "build",
    ".bench",
    "coverage",
    ".jsii",
    // jsii-rosetta's cache of translations, which a local rosetta run leaves: the package test's rosetta
    // run must translate every snippet itself.
    ".jsii.tabl.json",
  ]);
  fs.cpSync(ROOT, into, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(ROOT, source);
      if (relative === "") return true;
      const top = relative.split(path.sep)[0];
      return !excluded.has(top) && !relative.endsWith(".tgz") && !relative.endsWith(".tsbuildinfo");
    },
  });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(into, "node_modules"), "dir");
}

/** Whether `version` is in a range of the kinds the peers use: `^x.y.z`, `>=a.b.c`, or `>=a.b.c <d.e.f`. */
function satisfies(version: string, range: string): boolean {
  const triple = (text: string) => /^(\d+)\.(\d+)\.(\d+)$/.exec(text)?.slice(1).map(Number);
  const compare = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const actual = triple(version);
  if (actual === undefined) return false;
  const atLeast = /^>=(\S+)$/.exec(range);
  if (atLeast) {
    const low = triple(atLeast[1]);
    return low !== undefined && compare(actual, low) >= 0;
  }
  const between = /^>=(\S+) <(\S+)$/.exec(range);
  if (between) {
    const [low, high] = [triple(between[1]), triple(between[2])];
    return low !== undefined && high !== undefined && compare(actual, low) >= 0 && compare(actual, high) < 0;
  }
  const wanted = triple(range.replace(/^\^/, ""));
  if (!range.startsWith("^") || wanted === undefined || actual[0] !== wanted[0]) return false;
  const [, minor, patch] = actual;
  if (wanted[0] === 0) return minor === wanted[1] && patch >= wanted[2];
  return minor > wanted[1] || (minor === wanted[1] && patch >= wanted[2]);
}

/** Every `require("...")` in the compiled JavaScript. */
function requiredModules(source: string): string[] {
  return [...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
}

function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** A step of the README's getting started: commands for some frameworks, or a file of the app. */
type GettingStartedStep =
  { kind: "commands"; frameworks: string[]; text: string } | { kind: "file"; path: string; text: string };

/**
 * The fenced blocks of the README's "Getting started", in order. Every block there is run: a ```sh block
 * with `getting-started=cdktf,cdktn` (the frameworks it is for), or a ```ts / ```js block whose first line
 * is `// <file>`, the file of the app it is. Any other block fails, so the section can't hold anything
 * this test doesn't run.
 */
function gettingStartedSteps(readme: string): GettingStartedStep[] {
  const section = /^## Getting started\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (section === undefined) throw new Error('README.md has no "## Getting started" section');
  const frameworks = FLAVOURS.map((flavour) => flavour.framework as string);
  const steps: GettingStartedStep[] = [];
  const problems: string[] = [];
  for (const [block, language, info, text] of section.matchAll(/^```(\w*)([^\n]*)\n([\s\S]*?)^```$/gm)) {
    const forFrameworks = /(?:^|\s)getting-started=(\S+)/.exec(info)?.[1].split(",");
    const file = /^\/\/ ([\w./-]+\.[jt]s)\n/.exec(text)?.[1];
    if (language === "sh" && forFrameworks !== undefined) {
      const unknown = forFrameworks.filter((framework) => !frameworks.includes(framework));
      if (unknown.length > 0) problems.push(`unknown framework ${unknown.join(", ")}: ${block}`);
      steps.push({ kind: "commands", frameworks: forFrameworks, text });
    } else if ((language === "ts" || language === "js") && file !== undefined) {
      steps.push({ kind: "file", path: file, text });
    } else {
      problems.push(`neither commands for a framework nor a file of the app: ${block}`);
    }
  }
  for (const framework of frameworks) {
    if (!steps.some((step) => step.kind === "commands" && step.frameworks.includes(framework))) {
      problems.push(`no commands for ${framework}`);
    }
  }
  if (problems.length > 0) throw new Error(`README.md's getting started:\n${problems.join("\n")}`);
  return steps;
}

/**
 * A file of the CDKTF app as the README says to change it for CDK Terrain: in module names, `cdktf`
 * becomes `cdktn` ("cdktf", "cdktf/...", "cdktf-alicloud-image-export...").
 */
function withCdktnModules(source: string): string {
  return source.replace(/(["'])cdktf(?=["'/-])/g, "$1cdktn");
}

/** Ends each file the getting-started script writes with a here-document. */
const HEREDOC_END = "END_OF_GETTING_STARTED_FILE";

/** Runs a command without blocking the event loop; a failure rejects with everything it printed. */
function runAsync(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => {
      if (status === 0) resolve(output);
      else
        reject(
          new Error(
            `\`${command} ${args.join(" ")}\` in ${cwd} exited with ${status}:\n${output.slice(-8000)}`,
          ),
        );
    });
  });
}

/**
 * Runs a shell command in a pseudo-terminal (util-linux's `script`), as in a user's terminal, writing
 * what it prints to `log`; resolves with its exit status. It is killed, with everything it started,
 * after `timeoutMs`.
 */
function runInTerminal(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  log: string,
  timeoutMs = 480_000,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["--quiet", "--return", "--command", command, log], {
      cwd,
      env,
      stdio: "ignore",
      detached: true,
    });
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      reject(new Error(`\`${command}\` in ${cwd} took longer than ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve(status ?? 1);
    });
  });
}

/** Terminal output as text: without colours, cursor movements and carriage returns. */
function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r/g, "");
}

const stackSource = (
  flavour: Flavour,
) => `import { App, TerraformOutput, TerraformStack } from "${flavour.framework}";
import { Construct } from "constructs";
import { alicloud, ImageExport, ImageExportProps } from "${flavour.name}";

class ExportStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new alicloud.provider.AlicloudProvider(this, "alicloud", { region: "cn-hangzhou" });

    // The default scaffold: builds an image and a bucket, then exports.
    const scaffolded = new ImageExport(this, "Scaffolded");
    const bucket: alicloud.ossBucket.OssBucket | undefined = scaffolded.bucket;
    new TerraformOutput(this, "scaffolded_bucket", { value: bucket?.bucket });

    // Bring your own image and bucket.
    const props: ImageExportProps = {
      imageId: "m-bp1consumerimage001",
      ossBucket: "consumer-exports",
      ossPrefix: "nightly",
      createTimeout: "45m",
    };
    const own = new ImageExport(this, "Own", props);
    const url: string = own.systemDiskObjectUrl;
    new TerraformOutput(this, "own_url", { value: url });
  }
}

const app = new App({ outdir: "cdktf.out" });
new ExportStack(app, "consumer");
app.synth();
`;

const APP_TSCONFIG = {
  compilerOptions: {
    target: "ES2020",
    module: "commonjs",
    lib: ["es2020"],
    strict: true,
    noUnusedLocals: true,
    // Type-check the package's declarations too, not only the app's use of them.
    skipLibCheck: false,
    types: [],
    rootDir: "src",
    outDir: "dist",
  },
  include: ["src/**/*.ts"],
};

let work: string;
let staged: string;
/** The README's getting started for both frameworks: what went wrong, by framework (see its test). */
let gettingStarted: Promise<string[]> | undefined;
/** What each flavour's tarball holds, by framework. */
const built: Record<string, { tarball: string; unpacked: string; files: string[]; shipped: PackageJson }> =
  {};

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-alicloud-package-"));
  staged = path.join(work, "repo");
  stageRepo(staged);
  // The build a release would do, then the packaging and docs scripts, which find it current and reuse it.
  run("npm", ["run", "build"], staged);
  run("npm", ["run", "package"], staged);

  const tarballs = fs.readdirSync(path.join(staged, "dist", "js")).filter((file) => file.endsWith(".tgz"));
  expect(tarballs.sort()).toEqual(FLAVOURS.map((flavour) => `${flavour.name}@${PACKAGE.version}.jsii.tgz`));
  for (const flavour of FLAVOURS) {
    const tarball = path.join(staged, "dist", "js", `${flavour.name}@${PACKAGE.version}.jsii.tgz`);
    const into = path.join(work, `unpacked-${flavour.framework}`);
    fs.mkdirSync(into);
    run("tar", ["-xzf", tarball, "-C", into], work);
    const unpacked = path.join(into, "package");
    built[flavour.framework] = {
      tarball,
      unpacked,
      files: walk(unpacked).sort(),
      shipped: JSON.parse(fs.readFileSync(path.join(unpacked, "package.json"), "utf8")) as PackageJson,
    };
  }
  // The README's getting started runs in the background from here on (mostly npm and the frameworks'
  // CLIs, in processes of their own) while the tests below run; its test waits for it.
  gettingStarted = runGettingStarted();

  fs.rmSync(path.join(staged, "API.md"), { force: true });
  run("npm", ["run", "docgen"], staged);
}, 900_000);

afterAll(async () => {
  // Whatever the tests did, the getting started's processes are done (or killed) before their folders go.
  await gettingStarted;
  if (work) fs.rmSync(work, { recursive: true, force: true });
}, 600_000);

describe.each(FLAVOURS)("the npm package $name", (flavour) => {
  let tarball: string;
  let unpacked: string;
  let shipped: PackageJson;
  let files: string[];
  /** Where the flavour was built: the root for cdktf, the derived build/cdktn for cdktn. */
  const buildDir = () => (flavour.framework === "cdktf" ? staged : path.join(staged, "build", "cdktn"));
  beforeAll(() => ({ tarball, unpacked, shipped, files } = built[flavour.framework]));

  test("ships the compiled library, its types, the bindings and the assembly, and nothing else", () => {
    const listed = PACKAGE.files ?? [];
    const allowed = [
      ...ALWAYS_SHIPPED,
      /^(package\.json|README\.md|LICENSE)$/,
      ...Object.entries(SHIPPED_WHEN_LISTED)
        .filter(([entry]) => listed.includes(entry))
        .map(([, pattern]) => pattern),
    ];
    const unexpected = files.filter((file) => !allowed.some((pattern) => pattern.test(file)));
    expect(unexpected).toEqual([]);

    const required = [
      "package.json",
      "README.md",
      "LICENSE",
      ".jsii",
      "lib/index.js",
      "lib/index.d.ts",
      "lib/image-export.js",
      "lib/image-export.d.ts",
      "lib/gen/providers/alicloud/index.js",
      "lib/gen/providers/alicloud/index.d.ts",
      "lib/gen/providers/alicloud/image-export/index.js",
      "lib/gen/providers/alicloud/provider/index.d.ts",
      ...Object.keys(SHIPPED_WHEN_LISTED).filter((entry) => listed.includes(entry) && !entry.includes("*")),
    ];
    expect(required.filter((file) => !files.includes(file))).toEqual([]);
    if (listed.includes("bin/**/*.js")) expect(files.some((file) => file.startsWith("bin/"))).toBe(true);

    // Every compiled file of the build ships, each with its declarations.
    const built = walk(path.join(buildDir(), "lib")).map((file) => `lib/${file}`);
    expect(built.filter((file) => /\.(js|d\.ts)$/.test(file) && !files.includes(file))).toEqual([]);
    expect(
      files.filter(
        (file) =>
          file.startsWith("lib/") && file.endsWith(".js") && !files.includes(file.replace(/\.js$/, ".d.ts")),
      ),
    ).toEqual([]);
  });

  test("stays small: no per-resource READMEs of the bindings, nothing uncompiled", () => {
    // The generated bindings come with a README.md per resource, which only links to the registry's
    // docs; the assembly already carries them, so they don't ship as files.
    expect(files.filter((file) => /(^|\/)README\.md$/i.test(file) && file !== "README.md")).toEqual([]);
    expect(files.filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))).toEqual([]);
    const sizes = files.map((file) => ({ file, bytes: fs.statSync(path.join(unpacked, file)).size }));
    const total = sizes.reduce((sum, { bytes }) => sum + bytes, 0);
    if (total > MAX_UNPACKED_BYTES) {
      const largest = [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
      throw new Error(
        `the package unpacks to ${total} bytes (limit ${MAX_UNPACKED_BYTES}); largest: ${JSON.stringify(largest)}`,
      );
    }
  });

  test("declares its peers, no dependencies, and no script that runs when it is installed", () => {
    expect(shipped.peerDependencies).toEqual(flavour.peers);
    expect(shipped.dependencies ?? {}).toEqual({});
    expect(shipped.bundledDependencies ?? []).toEqual([]);
    // No scripts at all: the repo's `prepare` generates the bindings for developers, and in a published
    // package.json npm 11 warns about it on install, though the installed package neither needs nor can
    // run it (scripts/pack.js packs a copy without scripts).
    expect(shipped.scripts ?? {}).toEqual({});
    expect(files).toContain(shipped.main);
    expect(files).toContain(shipped.types);
    const bins = typeof shipped.bin === "string" ? [shipped.bin] : Object.values(shipped.bin ?? {});
    expect(bins.map((bin) => bin.replace(/^\.\//, "")).filter((bin) => !files.includes(bin))).toEqual([]);
  });

  test("requires nothing at run time but its own files, Node.js and its peers", () => {
    const declared = new Set([
      ...Object.keys(shipped.peerDependencies ?? {}),
      ...Object.keys(shipped.dependencies ?? {}),
    ]);
    const problems: string[] = [];
    for (const file of files.filter((name) => name.endsWith(".js"))) {
      const source = fs.readFileSync(path.join(unpacked, file), "utf8");
      for (const specifier of requiredModules(source)) {
        if (specifier.startsWith(".")) {
          const target = path.resolve(path.dirname(path.join(unpacked, file)), specifier);
          const candidates = [target, `${target}.js`, `${target}.json`, path.join(target, "index.js")];
          if (!candidates.some((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile())) {
            problems.push(`${file}: require("${specifier}") is not in the package`);
          }
        } else if (
          !builtinModules.includes(specifier.replace(/^node:/, "")) &&
          !declared.has(packageNameOf(specifier))
        ) {
          problems.push(`${file}: require("${specifier}") is not a peer dependency`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("installs into a fresh app of its framework, compiles against its types with strict tsc, and synthesizes", () => {
    const app = path.join(work, `app-${flavour.framework}`);
    fs.mkdirSync(path.join(app, "src"), { recursive: true });
    fs.writeFileSync(
      path.join(app, "package.json"),
      JSON.stringify({ name: "consumer-app", version: "0.0.0", private: true }, null, 2),
    );
    const env = cleanEnv();
    const installOutput = installIntoApp(app, env);

    const installed = path.join(app, "node_modules", flavour.name);
    // `prepare` didn't run (it would have needed the generator, which isn't shipped).
    expect(fs.existsSync(path.join(installed, "src"))).toBe(false);
    expect(installOutput).not.toMatch(
      new RegExp(`> ${flavour.name}@${PACKAGE.version} (prepare|install|postinstall)`),
    );
    // npm prints no warning about us (it used to warn about the shipped `prepare`), nor about peers.
    const warnings = installOutput.split("\n").filter((line) => /\bwarn\b/i.test(line));
    expect(warnings.filter((line) => line.includes(flavour.name) || /peer/i.test(line))).toEqual([]);
    // The app resolves the installed copy, not the repo.
    const resolved = run(
      process.execPath,
      ["-p", `require.resolve(${JSON.stringify(flavour.name)})`],
      app,
      env,
    ).trim();
    // package.json's `main`: the lazy index (test/lazy-index.test.ts).
    expect(fs.realpathSync(resolved)).toBe(fs.realpathSync(path.join(installed, "lib", "lazy-index.js")));

    fs.writeFileSync(path.join(app, "tsconfig.json"), JSON.stringify(APP_TSCONFIG, null, 2));
    fs.writeFileSync(path.join(app, "src", "main.ts"), stackSource(flavour));
    run(process.execPath, [path.join(app, "node_modules", "typescript", "bin", "tsc"), "-p", app], app, env);
    run(process.execPath, [path.join(app, "dist", "main.js")], app, env);

    const config = JSON.parse(
      fs.readFileSync(path.join(app, "cdktf.out", "stacks", "consumer", "cdk.tf.json"), "utf8"),
    );
    type ExportBlock = { image_id: string; oss_bucket: string; oss_prefix: string; timeouts?: object };
    const exports = Object.values(config.resource.alicloud_image_export as Record<string, ExportBlock>);
    expect(exports).toHaveLength(2);
    expect(exports.find((e) => e.oss_prefix === "nightly")).toMatchObject({
      image_id: "m-bp1consumerimage001",
      oss_bucket: "consumer-exports",
      oss_prefix: "nightly",
      timeouts: { create: "45m" },
    });
    const scaffolded = exports.find((e) => e.oss_prefix !== "nightly");
    expect(scaffolded?.image_id).toMatch(/^\$\{alicloud_image\.[A-Za-z0-9_]+\.id\}$/);
    expect(scaffolded?.oss_bucket).toMatch(/^\$\{alicloud_oss_bucket\.[A-Za-z0-9_]+\.bucket\}$/);
    expect(config.terraform.required_providers.alicloud.source).toBe("aliyun/alicloud");
    expect(config.terraform.required_providers.random.source).toBe("hashicorp/random");
    expect(config.provider.alicloud).toEqual([{ region: "cn-hangzhou" }]);
    expect(Object.keys(config.output).sort()).toEqual(["own_url", "scaffolded_bucket"]);

    // The package's command works from the installed copy, on what the app synthesized.
    const bins = typeof shipped.bin === "string" ? { [shipped.name]: shipped.bin } : (shipped.bin ?? {});
    if (bins[flavour.name] !== undefined) {
      run(path.join(app, "node_modules", ".bin", flavour.name), ["check", "cdktf.out"], app, env);
      // Terraform as the judge from the installed copy: the provider server runs from its lib/.
      const judged = run(
        path.join(app, "node_modules", ".bin", flavour.name),
        ["check", "--terraform", "cdktf.out"],
        app,
        env,
      );
      expect(judged).toMatch(/^consumer: valid; plan: 13 to add, 0 to change, 0 to destroy$/m);
    }
  }, 600_000);

  /**
   * Installs the tarball and the peers as a user would: `npm install` with the exact versions this
   * repo's `npm ci` put in the npm cache, offline, by their tarball URLs (a clean cache holds the
   * tarballs `npm ci` fetched, not every packument a name lookup needs). Where the cache doesn't have
   * them (cleaned, or a mirror with other URLs), the tarball is installed alone and the peers are
   * linked from this repo's node_modules, so the test stays offline either way.
   */
  function installIntoApp(app: string, env: NodeJS.ProcessEnv): string {
    const registry = run("npm", ["config", "get", "registry"], app, env).trim().replace(/\/?$/, "/");
    const peers = [...Object.keys(flavour.peers), "typescript"].map((name) => {
      const { version } = JSON.parse(
        fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8"),
      ) as PackageJson;
      return { name, version, url: `${registry}${name}/-/${name.split("/").pop()}-${version}.tgz` };
    });
    // npm checks the peer ranges itself on the first route; the second links what the repo has.
    const outOfRange = Object.entries(flavour.peers)
      .map(([name, range]) => ({
        name,
        range,
        version: peers.find((peer) => peer.name === name)?.version ?? "",
      }))
      .filter(({ version, range }) => !satisfies(version, range));
    expect(outOfRange).toEqual([]);
    const npmInstall = ["install", "--offline", "--no-audit", "--no-fund", "--foreground-scripts"];
    try {
      return run("npm", [...npmInstall, tarball, ...peers.map((peer) => peer.url)], app, env);
    } catch (error) {
      if (!/ENOTCACHED/.test(String(error))) throw error;
      console.warn(`the npm cache lacks the peers' tarballs; linking them from ${ROOT}/node_modules instead`);
    }
    const output = run("npm", [...npmInstall, "--legacy-peer-deps", tarball], app, env);
    for (const name of peers.map((peer) => peer.name)) {
      const link = path.join(app, "node_modules", name);
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(path.join(ROOT, "node_modules", name), link, "dir");
    }
    return output;
  }

  test("jsii-pacmak generates the Python sources", () => {
    // dist/python for cdktf, dist/cdktn/python for cdktn (a Python project is a folder of its own).
    const python = path.join(staged, "dist", ...(flavour.framework === "cdktf" ? [] : ["cdktn"]), "python");
    const moduleDir = path.join(python, "src", flavour.name.replace(/-/g, "_"));
    for (const file of ["setup.py", "pyproject.toml", "README.md", "LICENSE"]) {
      expect(fs.existsSync(path.join(python, file))).toBe(true);
    }
    const init = fs.readFileSync(path.join(moduleDir, "__init__.py"), "utf8");
    expect(init).toMatch(/^class ImageExport\(/m);
    expect(fs.existsSync(path.join(moduleDir, "alicloud", "image_export", "__init__.py"))).toBe(true);
    expect(fs.readdirSync(path.join(moduleDir, "_jsii"))).toContain(
      `${flavour.name}@${PACKAGE.version}.jsii.tgz`,
    );
    // PyPI is out of reach, so no wheel is built; a syntax check is what Python can do offline.
    const python3 = spawnSync("python3", ["--version"], { encoding: "utf8" });
    if (python3.status === 0) {
      run("python3", ["-m", "compileall", "-q", path.join(python, "src")], python);
    } else {
      console.warn("python3 is not installed: the generated Python sources were not compiled");
    }
  });
});

describe("the README's getting started", () => {
  test("each framework's template makes an app that installs the package, synthesizes the export and passes its own jest tests", async () => {
    const steps = gettingStartedSteps(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"));
    const files = steps.flatMap((step) => (step.kind === "file" ? [step] : []));
    // The app's tests use this package's matchers, registered in a setupFilesAfterEnv file, and its jest
    // environment: otherwise this would prove nothing about them.
    expect(files.map((file) => file.path).sort()).toEqual(
      ["__tests__/main-test.ts", "jest.config.js", "main.ts", "setup.js"].sort(),
    );
    const text = (file: string) => files.find((step) => step.path === file)?.text ?? "";
    expect(text("__tests__/main-test.ts")).toMatch(/\.toConformToProviderSchema\(\)/);
    expect(text("__tests__/main-test.ts")).toMatch(/\.toPassTerraformPlan\(\)/);
    expect(text("setup.js")).toMatch(/setupConformanceMatchers\(\);[\s\S]*setupTerraformMatchers\(\);/);
    expect(text("jest.config.js")).toContain(`"<rootDir>/setup.js"`);
    expect(text("jest.config.js")).toContain(`"${PACKAGE.name}/lib/testing/jest-environment"`);

    const failures = (await gettingStarted) ?? ["the getting started never started"];
    if (failures.length > 0) throw new Error(failures.join("\n\n"));
    // The package's jest environment removed the folders cdktf's Testing made in the temp dir: this
    // file's, which both apps inherit (a folder of their own, deeper, would take the judge's unix sockets
    // in the apps' tests past the 107 bytes a socket path may have).
    expect(fs.readdirSync(os.tmpdir()).filter((entry) => /^(cdktf\.outdir|test-file-)/.test(entry))).toEqual(
      [],
    );
  }, 600_000);
});

/**
 * Runs the README's getting started for both frameworks at once (most of the time goes to npm and to the
 * frameworks' CLIs starting up) and resolves with what went wrong, never rejecting.
 */
async function runGettingStarted(): Promise<string[]> {
  try {
    const steps = gettingStartedSteps(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"));
    const results = await Promise.allSettled(
      FLAVOURS.map((flavour) => startFromScratch(flavour, scriptFor(steps, flavour))),
    );
    return results.flatMap((result, i) =>
      result.status === "rejected" ? [`${FLAVOURS[i].framework}: ${String(result.reason)}`] : [],
    );
  } catch (error) {
    return [String(error)];
  }
}

/**
 * The README's commands and files for one framework as one bash script, run in a fresh folder: the
 * package is installed from its tarball instead of the registry, and for cdktn the files' module
 * names are changed as the README says.
 */
function scriptFor(steps: GettingStartedStep[], flavour: Flavour): string {
  const { tarball } = built[flavour.framework];
  // Each command is echoed with the seconds since the start, for the log.
  const lines = ["set -euxo pipefail", "PS4='+ [${SECONDS} s] '"];
  let installs = 0;
  for (const step of steps) {
    if (step.kind === "file") {
      const content = flavour.framework === "cdktn" ? withCdktnModules(step.text) : step.text;
      expect(content).not.toContain(HEREDOC_END);
      lines.push(`mkdir -p "$(dirname '${step.path}')"`, `cat > '${step.path}' <<'${HEREDOC_END}'`);
      lines.push(content.replace(/\n$/, ""), HEREDOC_END);
    } else if (step.frameworks.includes(flavour.framework)) {
      const install = new RegExp(`^(npm install\\b[^\\n]*?\\s)${flavour.name}(?=\\s|$)`, "gm");
      lines.push(
        step.text.replace(install, (_, before: string) => {
          installs += 1;
          return `${before}'${tarball}'`;
        }),
      );
    }
  }
  // The package must come from the tarball: the README installs it by name exactly once.
  expect({ framework: flavour.framework, installs }).toEqual({ framework: flavour.framework, installs: 1 });
  return `${lines.join("\n")}\n`;
}

/**
 * Runs the script as a user would in a terminal: in a pseudo-terminal (`script` from util-linux), so
 * the CLIs ask what they ask people, without CI set and without jest's own variables. npm uses its
 * cache first and skips the audit.
 */
async function startFromScratch(flavour: Flavour, script: string): Promise<void> {
  const base = path.join(work, `getting-started-${flavour.framework}`);
  const fresh = path.join(base, "fresh");
  fs.mkdirSync(fresh, { recursive: true });
  fs.writeFileSync(path.join(base, "getting-started.sh"), script);
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    npm_config_prefer_offline: "true",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  };
  // cdktf-cli and cdktn-cli read every CDKTF_* variable as an option (init rejects the test run's
  // ALICLOUD_IMAGE_EXPORT_TEST_RUN_TMP as an unknown argument); a user's terminal has none of these.
  for (const name of Object.keys(env)) if (/^(CI|JEST_.*|CDKT[FN]_.*)$/.test(name)) delete env[name];
  if (flavour.framework === "cdktn") {
    const bin = await node22(base, env);
    env.PATH = `${bin}${path.delimiter}${env.PATH ?? ""}`;
  }
  const log = path.join(base, "getting-started.log");
  const status = await runInTerminal(`bash ${path.join(base, "getting-started.sh")}`, fresh, env, log);
  const output = stripAnsi(fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "");
  if (status !== 0) {
    throw new Error(`the README's getting started exited with ${status}:\n${output.slice(-8000)}`);
  }

  // One app, made by the template's init (its cdktf.json has the project id init writes).
  const apps = fs.readdirSync(fresh).filter((entry) => fs.existsSync(path.join(fresh, entry, "cdktf.json")));
  expect(apps).toEqual(["image-exports"]);
  const app = path.join(fresh, apps[0]);
  expect(JSON.parse(fs.readFileSync(path.join(app, "cdktf.json"), "utf8")).projectId).toMatch(
    /^[0-9a-f-]{36}$/,
  );
  const appPackage = JSON.parse(fs.readFileSync(path.join(app, "package.json"), "utf8")) as PackageJson;
  expect(appPackage.dependencies?.[flavour.name]).toMatch(/^file:.*\.jsii\.tgz$/);
  const installed = (name: string) =>
    (JSON.parse(fs.readFileSync(path.join(app, "node_modules", name, "package.json"), "utf8")) as PackageJson)
      .version;
  expect(installed(flavour.name)).toBe(PACKAGE.version);
  // The pin: TypeScript 7 breaks ts-jest 29 and ts-node.
  expect(installed("typescript")).toMatch(/^5\.9\./);

  const stacks = fs.readdirSync(path.join(app, "cdktf.out", "stacks"));
  expect(stacks).toEqual(["image-exports"]);
  const config = JSON.parse(
    fs.readFileSync(path.join(app, "cdktf.out", "stacks", stacks[0], "cdk.tf.json"), "utf8"),
  );
  expect(config["//"].metadata.backend).toBe("local");
  expect(Object.values(config.resource.alicloud_image_export)).toEqual([
    expect.objectContaining({
      image_id: "m-bp1g7004ksh0oeuco3ni",
      oss_bucket: "my-image-exports",
      oss_prefix: "nightly",
    }),
  ]);

  // The app's own jest run: the three tests of the README's test file, with our matchers.
  expect(output).toMatch(/^\s*PASS\s+__tests__\/main-test\.ts\b/m);
  expect(/^Tests:\s+(.*)$/m.exec(output)?.[1].trim()).toBe("3 passed, 3 total");
}

/** Node.js 22 from npm (the `node` package ships the binary), for cdktn-cli: this machine runs 20. */
async function node22(base: string, env: NodeJS.ProcessEnv): Promise<string> {
  const into = path.join(base, "node22");
  fs.mkdirSync(into);
  fs.writeFileSync(path.join(into, "package.json"), JSON.stringify({ private: true }));
  await runAsync("npm", ["install", "--no-save", "node@22"], into, env);
  const bin = path.join(into, "node_modules", ".bin");
  const version = (await runAsync(path.join(bin, "node"), ["--version"], into, env)).trim();
  expect(version).toMatch(/^v22\./);
  return bin;
}

describe("the README's TypeScript", () => {
  test("every block, and every API example, compiles with jsii-rosetta in strict mode", () => {
    // The tool Construct Hub translates examples with: each block is compiled in the fixture it names
    // (rosetta/*.ts-fixture) against the built assembly, and strict mode fails on any block that doesn't
    // compile or can't be translated to the other languages. The README speaks cdktf, so it compiles
    // against the cdktf flavour's assembly. (test/readme.test.ts runs the blocks, on both flavours.)
    const rosetta = path.join(ROOT, "node_modules", ".bin", "jsii-rosetta");
    const output = run(rosetta, ["extract", "--compile", "--fail", "--strict", "--verbose", ".jsii"], staged);
    expect(output).toMatch(/Translated \d+ snippets/);
    expect(output).not.toMatch(/error TS/);
  });
});

describe("the API reference", () => {
  test("API.md is current", () => {
    const generated = fs.readFileSync(path.join(staged, "API.md"), "utf8");
    const committed = fs.existsSync(path.join(ROOT, "API.md"))
      ? fs.readFileSync(path.join(ROOT, "API.md"), "utf8")
      : "";
    if (generated !== committed) {
      throw new Error("API.md is stale: run npm run docgen (and commit API.md)");
    }
  });

  test("documents this library's own API only, not the generated bindings", () => {
    const api = fs.readFileSync(path.join(staged, "API.md"), "utf8");
    expect(api).toMatch(/^### ImageExport /m);
    expect(api).not.toMatch(/^### (AlicloudProvider|OssBucket|Vpc) /m);
  });

  test("documents both flavours: their assemblies declare the same API under their own names", () => {
    // One API.md serves both packages because the library's own types in the cdktn assembly are the
    // cdktf ones with the package's and the framework's names swapped, member for member, doc for doc.
    // The generated bindings come from each framework's own generator: the same types, by name, though
    // the generators word some docs differently (and API.md leaves the bindings out).
    const read = (dir: string) => fs.readFileSync(path.join(dir, ".jsii"), "utf8");
    const cdktfTypes = (JSON.parse(read(staged)) as Assembly).types;
    const cdktnTypes = (JSON.parse(read(path.join(staged, "build", "cdktn"))) as Assembly).types;
    const asCdktf = JSON.parse(
      JSON.stringify(cdktnTypes)
        .replace(/cdktn-alicloud-image-export/g, "cdktf-alicloud-image-export")
        .replace(/"cdktn\./g, '"cdktf.'),
    ) as Assembly["types"];
    const withoutLocations = (types: Assembly["types"]) =>
      JSON.parse(JSON.stringify(types, (key, value) => (key === "locationInModule" ? undefined : value)));
    expect(Object.keys(asCdktf).sort()).toEqual(Object.keys(cdktfTypes).sort());
    const own = (types: Assembly["types"]) =>
      Object.fromEntries(Object.entries(types).filter(([fqn]) => !BINDINGS.test(fqn)));
    expect(Object.keys(own(cdktfTypes))).toContain("cdktf-alicloud-image-export.ImageExport");
    expect(withoutLocations(own(asCdktf))).toEqual(withoutLocations(own(cdktfTypes)));
  });

  test("every public symbol is documented, and every optional prop says its default", () => {
    const assembly = JSON.parse(fs.readFileSync(path.join(staged, ".jsii"), "utf8")) as Assembly;
    expect(undocumented(assembly)).toEqual([]);
  });
});

interface Docs {
  summary?: string;
  default?: string;
}
interface Member {
  name: string;
  optional?: boolean;
  docs?: Docs;
  parameters?: Member[];
  overrides?: string;
}
interface JsiiType {
  fqn: string;
  kind: "class" | "interface" | "enum";
  datatype?: boolean;
  docs?: Docs;
  properties?: Member[];
  methods?: Member[];
  members?: Member[];
}
interface Assembly {
  name: string;
  types: Record<string, JsiiType>;
}

/** The generated bindings' types: the `alicloud` and `random` namespaces. */
const BINDINGS = /^[^.]+\.(alicloud|random)\./;

/** The library's own types (not the generated bindings) whose docs miss something. */
function undocumented(assembly: Assembly): string[] {
  const problems: string[] = [];
  for (const type of Object.values(assembly.types)) {
    if (BINDINGS.test(type.fqn)) continue;
    const name = type.fqn.slice(assembly.name.length + 1);
    if (!type.docs?.summary) problems.push(`${name}: no JSDoc`);
    for (const property of type.properties ?? []) {
      if (!property.docs?.summary) problems.push(`${name}.${property.name}: no JSDoc`);
      if (type.datatype && property.optional) {
        const fallback = property.docs?.default;
        if (fallback === undefined) problems.push(`${name}.${property.name}: optional, but no @default`);
        else if (/^undefined\b/.test(fallback))
          problems.push(`${name}.${property.name}: @default undefined says nothing`);
      }
    }
    for (const method of type.methods ?? []) {
      if (!method.docs?.summary) problems.push(`${name}.${method.name}(): no JSDoc`);
      // An implementation of an interface's method (e.g. IAspect.visit) is documented by the interface.
      if (method.overrides !== undefined) continue;
      for (const parameter of method.parameters ?? []) {
        if (!parameter.docs?.summary) problems.push(`${name}.${method.name}(${parameter.name}): no @param`);
      }
    }
    for (const member of type.members ?? []) {
      if (!member.docs?.summary) problems.push(`${name}.${member.name}: no JSDoc`);
    }
  }
  return problems;
}
