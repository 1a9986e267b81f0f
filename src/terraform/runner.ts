// Runs real Terraform over synthesized stacks, offline: one provider server (provider-server.ts) for
// all stacks, attached through TF_REATTACH_PROVIDERS, then per stack `terraform init`, `validate -json`
// and `plan -refresh=false -input=false -lock=false -json` in a temporary copy. The server and the
// temporary folder are always removed, on errors and timeouts too.
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { addressOf, charOffset, jsonPathAt } from "./json-locator";
import { fullProviderAddress } from "./schema-file";
import { placeholderForTypeConstraint } from "./variables";
import type { TerraformDiagnostic, TerraformJudgeResult, TerraformStackResult } from "./results";

/** The package root, in the source tree and in the installed package alike. */
const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");

/** The vendored schemas served by default. */
export const DEFAULT_SCHEMA_FILES: readonly string[] = [
  path.join(PACKAGE_ROOT, "schema", "alicloud.json"),
  path.join(PACKAGE_ROOT, "schema", "random.json"),
];

/** A stack to check: its name and its `cdk.tf.json` (text or parsed). */
export interface JudgeStack {
  readonly name: string;
  readonly config: string | object;
}

export interface JudgeOptions {
  /** The terraform executable; a path, or a name looked up on PATH. Default: `terraform` on PATH. */
  readonly terraformBinary?: string;
  /** Schema files (`terraform providers schema -json`) to serve. Default: the vendored ones. */
  readonly schemaFiles?: readonly string[];
  /** Values of declared variables, by name; the others get placeholders of their type. */
  readonly variables?: { readonly [name: string]: unknown };
  /** Seconds each Terraform command may take before it is stopped. Default: 120. */
  readonly timeoutSeconds?: number;
  /** Whether to plan after a successful validate. Default: true. */
  readonly plan?: boolean;
  /** How many stacks run at once. Default: the number of CPUs, at most 4. */
  readonly concurrency?: number;
}

/** Observes the run, for tests: where the server and the temporary folder are. */
export interface JudgeHooks {
  readonly onTempDir?: (tempDir: string) => void;
  readonly onServerStarted?: (pid: number, tempDir: string) => void;
}

/** No usable terraform binary: the command exits with 2 on this. */
export class TerraformNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TerraformNotFoundError";
  }
}

/** Finds the terraform executable: an explicit path must exist; a bare name is searched on PATH. */
export function findTerraform(binary = "terraform"): string {
  const executable = (file: string) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  if (binary.includes("/") || binary.includes(path.sep)) {
    if (executable(binary)) return path.resolve(binary);
    throw new TerraformNotFoundError(`terraform binary ${binary} does not exist or is not executable`);
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir !== "" && executable(path.join(dir, binary))) return path.join(dir, binary);
  }
  throw new TerraformNotFoundError(
    `no ${binary} on PATH; install Terraform (https://developer.hashicorp.com/terraform/install) ` +
      "or pass the path of the binary (--terraform-binary PATH)",
  );
}

/** Reads the stacks of a cdktf output folder (`stacks/*\/cdk.tf.json`), stack folders, or cdk.tf.json files. */
export function readStacks(paths: readonly string[]): JudgeStack[] {
  const stacks: JudgeStack[] = [];
  for (const given of paths) {
    const full = path.resolve(given);
    if (!fs.existsSync(full))
      throw new Error(`${given} does not exist; synthesize the app first (npx cdktf synth)`);
    if (fs.statSync(full).isFile()) {
      stacks.push({ name: path.basename(path.dirname(full)), config: fs.readFileSync(full, "utf8") });
    } else if (fs.existsSync(path.join(full, "cdk.tf.json"))) {
      stacks.push({
        name: path.basename(full),
        config: fs.readFileSync(path.join(full, "cdk.tf.json"), "utf8"),
      });
    } else {
      const stacksDir = path.join(full, "stacks");
      const names = fs.existsSync(stacksDir)
        ? fs
            .readdirSync(stacksDir)
            .filter((name) => fs.existsSync(path.join(stacksDir, name, "cdk.tf.json")))
            .sort()
        : [];
      if (names.length === 0) {
        throw new Error(`${given} holds no synthesized stacks (no stacks/<stack>/cdk.tf.json)`);
      }
      for (const name of names) {
        stacks.push({ name, config: fs.readFileSync(path.join(stacksDir, name, "cdk.tf.json"), "utf8") });
      }
    }
  }
  return stacks;
}

/**
 * The copy Terraform runs: a remote backend (OSS, S3, a cloud block) becomes a local one, since plan
 * would otherwise need the cloud; declared variables without a default get the caller's value or a
 * placeholder of their type (written to terraform.tfvars.json).
 */
export function prepareConfig(
  config: { [key: string]: unknown },
  variables: { readonly [name: string]: unknown } = {},
): { config: { [key: string]: unknown }; tfvars: { [name: string]: unknown } } {
  const copy = JSON.parse(JSON.stringify(config)) as { [key: string]: unknown };
  const terraform = copy.terraform as { [key: string]: unknown } | undefined;
  if (terraform && typeof terraform === "object") {
    delete terraform.cloud;
    terraform.backend = { local: { path: "terraform.tfstate" } };
  }
  const tfvars: { [name: string]: unknown } = {};
  const declared = (copy.variable ?? {}) as { [name: string]: { type?: unknown; default?: unknown } };
  for (const [name, spec] of Object.entries(declared)) {
    if (Object.prototype.hasOwnProperty.call(variables, name)) tfvars[name] = variables[name];
    else if (spec?.default === undefined) {
      tfvars[name] = placeholderForTypeConstraint(typeof spec?.type === "string" ? spec.type : "any", name);
    }
  }
  return { config: copy, tfvars };
}

interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function runCommand(
  binary: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  running: Set<ChildProcess>,
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(binary, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    const finish = (code: number | null, error?: Error) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: `${Buffer.concat(err).toString("utf8")}${error ? error.message : ""}`,
        timedOut,
      });
    };
    child.on("error", (error) => finish(null, error));
    child.on("close", (code) => finish(code));
  });
}

interface RawDiagnostic {
  severity?: string;
  summary?: string;
  detail?: string;
  address?: string;
  range?: { filename?: string; start?: { byte?: number } };
}

/** Parses the `Error: <summary>\n\n<detail>` blocks of Terraform's human-readable (-no-color) output. */
function textDiagnostics(text: string): RawDiagnostic[] {
  const found: RawDiagnostic[] = [];
  const cleaned = text.replace(/^[│╷╵]\s?/gm, "");
  const parts = cleaned.split(/^(Error|Warning): /m);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const [summary, ...rest] = parts[i + 1].split("\n");
    found.push({ severity: parts[i].toLowerCase(), summary: summary.trim(), detail: rest.join("\n").trim() });
  }
  return found;
}

/** Starts the provider server and waits until it listens; it dies with its standard input. */
async function startServer(
  socketDir: string,
  schemaFiles: readonly string[],
): Promise<{ child: ChildProcess; providers: { [address: string]: string } }> {
  const ts = path.extname(__filename) === ".ts";
  const script = path.join(__dirname, `provider-server${ts ? ".ts" : ".js"}`);
  const nodeArgs = ts ? ["--import", "tsx"] : [];
  const args = [...nodeArgs, script, "--socket-dir", socketDir];
  for (const file of schemaFiles) args.push("--schema", path.resolve(file));
  const child = spawn(process.execPath, args, { cwd: PACKAGE_ROOT, stdio: ["pipe", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => fail(new Error("the provider server did not start within 30 s")), 30_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const newline = stdout.indexOf("\n");
      if (newline < 0) return;
      clearTimeout(timer);
      try {
        const ready = JSON.parse(stdout.slice(0, newline)) as {
          pid: number;
          providers: { [a: string]: string };
        };
        resolve({ child, providers: ready.providers });
      } catch (e) {
        fail(new Error(`the provider server printed ${stdout.slice(0, newline)}: ${(e as Error).message}`));
      }
    });
    child.on("error", fail);
    child.on("exit", (code) => fail(new Error(`the provider server exited with ${code}: ${stderr.trim()}`)));
  });
}

/** Stops the server: closes its input, then SIGTERM, then SIGKILL; resolves once it has exited. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.stdin?.end();
    child.kill("SIGTERM");
  });
}

/** Runs Terraform over the stacks and returns what it said. */
export async function judge(
  stacks: readonly JudgeStack[],
  options: JudgeOptions = {},
  hooks: JudgeHooks = {},
): Promise<TerraformJudgeResult> {
  const terraform = findTerraform(options.terraformBinary);
  const timeoutMs = Math.max(1, (options.timeoutSeconds ?? 120) * 1000);
  const names = new Set<string>();
  for (const stack of stacks) {
    if (names.has(stack.name)) throw new Error(`two stacks are named ${stack.name}`);
    names.add(stack.name);
  }
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "tfjudge-"));
  hooks.onTempDir?.(tempDir);
  const running = new Set<ChildProcess>();
  let server: ChildProcess | undefined;
  try {
    const cliConfig = path.join(tempDir, "empty.tfrc");
    fs.writeFileSync(cliConfig, "");
    const started = await startServer(tempDir, options.schemaFiles ?? DEFAULT_SCHEMA_FILES);
    server = started.child;
    hooks.onServerStarted?.(server.pid ?? -1, tempDir);
    const reattach: { [address: string]: unknown } = {};
    for (const [address, socket] of Object.entries(started.providers)) {
      reattach[address] = {
        Protocol: "grpc",
        ProtocolVersion: 5,
        Pid: server.pid,
        Test: true,
        Addr: { Network: "unix", String: socket },
      };
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TF_REATTACH_PROVIDERS: JSON.stringify(reattach),
      TF_IN_AUTOMATION: "1",
      CHECKPOINT_DISABLE: "1",
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_INPUT: "0",
    };
    for (const key of Object.keys(env)) {
      if (/^TF_(LOG|VAR_|CLI_ARGS|WORKSPACE|DATA_DIR|PLUGIN_CACHE_DIR)/.test(key)) delete env[key];
    }
    // Asked beside the first stacks rather than before them: it is only for the report.
    const version = runCommand(terraform, ["version", "-json"], tempDir, env, timeoutMs, running).then(
      (answer) => {
        try {
          return (JSON.parse(answer.stdout) as { terraform_version: string }).terraform_version;
        } catch {
          return answer.stdout.trim().split("\n")[0] ?? "";
        }
      },
    );

    const results: TerraformStackResult[] = new Array(stacks.length);
    let next = 0;
    const worker = async () => {
      while (next < stacks.length) {
        const index = next++;
        results[index] = await judgeStack(stacks[index], index, {
          terraform,
          env,
          timeoutMs,
          tempDir,
          running,
          options,
          served: new Set(Object.keys(started.providers)),
        });
      }
    };
    const concurrency = Math.max(
      1,
      Math.min(options.concurrency ?? Math.min(4, os.cpus().length), stacks.length),
    );
    await Promise.all(Array.from({ length: concurrency }, worker));
    const errorCount = results.reduce(
      (sum, r) => sum + r.diagnostics.filter((d) => d.severity === "error").length,
      0,
    );
    return { terraformVersion: await version, stacks: results, errorCount };
  } finally {
    for (const child of running) child.kill("SIGKILL");
    if (server) await stopServer(server);
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

interface StackContext {
  readonly terraform: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly tempDir: string;
  readonly running: Set<ChildProcess>;
  readonly options: JudgeOptions;
  readonly served: ReadonlySet<string>;
}

/**
 * The providers a configuration needs, as full addresses: those in `required_providers`, and those
 * implied by the prefix of a resource or data-source type (`null_resource` needs hashicorp/null).
 * Terraform's built-in `terraform` provider is left out.
 */
export function requiredProviders(config: { [key: string]: unknown }): string[] {
  const needed = new Set<string>();
  const terraform = (config.terraform ?? {}) as { required_providers?: { [name: string]: unknown } };
  const declared = terraform.required_providers ?? {};
  const sourceOf = (localName: string) => {
    const entry = declared[localName] as { source?: unknown } | undefined;
    return typeof entry === "object" && entry !== null && typeof entry.source === "string"
      ? fullProviderAddress(entry.source)
      : `registry.terraform.io/hashicorp/${localName}`;
  };
  for (const localName of Object.keys(declared)) needed.add(sourceOf(localName));
  for (const section of ["resource", "data"]) {
    for (const type of Object.keys((config[section] ?? {}) as object)) {
      const localName = type.split("_")[0];
      if (localName !== "terraform") needed.add(sourceOf(localName));
    }
  }
  return [...needed].sort();
}

async function judgeStack(
  stack: JudgeStack,
  index: number,
  context: StackContext,
): Promise<TerraformStackResult> {
  const diagnostics: TerraformDiagnostic[] = [];
  const failed = (): TerraformStackResult => ({
    stack: stack.name,
    valid: false,
    planned: false,
    toAdd: 0,
    toChange: 0,
    toDestroy: 0,
    diagnostics,
  });
  const fail = (command: string, summary: string, detail: string): TerraformStackResult => {
    diagnostics.push({
      stack: stack.name,
      command,
      severity: "error",
      summary,
      detail,
      address: "",
      attributePath: "",
    });
    return failed();
  };
  let parsed: unknown;
  try {
    parsed = typeof stack.config === "string" ? JSON.parse(stack.config) : stack.config;
  } catch (e) {
    return fail("prepare", "Invalid JSON", `cdk.tf.json is not JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return fail("prepare", "Invalid configuration", "cdk.tf.json must hold a JSON object");
  }
  const { config, tfvars } = prepareConfig(parsed as { [key: string]: unknown }, context.options.variables);
  // Terraform would look for any other provider in the registry: fail clearly instead (and offline).
  const missing = requiredProviders(config).filter((address) => !context.served.has(address));
  if (missing.length > 0) {
    return fail(
      "prepare",
      "Provider not served",
      `The stack needs ${missing.join(", ")}, but the schema files served (${[...context.served].join(", ")}) ` +
        "don't hold it; pass its schema (terraform providers schema -json) in schemaFiles, " +
        "or fix required_providers if the source is wrong.",
    );
  }
  const dir = path.join(context.tempDir, `stack-${index}`);
  fs.mkdirSync(dir);
  const text = `${JSON.stringify(config, null, 2)}\n`;
  fs.writeFileSync(path.join(dir, "cdk.tf.json"), text);
  if (Object.keys(tfvars).length > 0) {
    fs.writeFileSync(path.join(dir, "terraform.tfvars.json"), `${JSON.stringify(tfvars, null, 2)}\n`);
  }
  const add = (command: string, raw: RawDiagnostic) => {
    let located = { address: raw.address ?? "", attributePath: "" };
    const byte = raw.range?.start?.byte;
    if (byte !== undefined && raw.range?.filename === "cdk.tf.json") {
      const found = addressOf(jsonPathAt(text, charOffset(text, byte)));
      located = { address: raw.address ?? found.address, attributePath: found.attributePath };
    }
    diagnostics.push({
      stack: stack.name,
      command,
      severity: raw.severity === "warning" ? "warning" : "error",
      summary: raw.summary ?? "",
      detail: raw.detail ?? "",
      ...located,
    });
  };
  const run = (args: string[]) =>
    runCommand(context.terraform, args, dir, context.env, context.timeoutMs, context.running);
  const timedOut = (command: string) =>
    fail(
      command,
      "Timed out",
      `terraform ${command} took longer than ${context.timeoutMs / 1000} s and was stopped`,
    );

  const init = await run(["init", "-input=false", "-no-color", "-backend=true"]);
  if (init.timedOut) return timedOut("init");
  if (init.code !== 0) {
    const found = textDiagnostics(`${init.stderr}\n${init.stdout}`);
    if (found.length === 0)
      return fail("init", "terraform init failed", `${init.stderr}${init.stdout}`.trim());
    found.forEach((d) => add("init", d));
    return failed();
  }

  const validate = await run(["validate", "-json", "-no-color"]);
  if (validate.timedOut) return timedOut("validate");
  let valid = false;
  try {
    const report = JSON.parse(validate.stdout) as { valid: boolean; diagnostics?: RawDiagnostic[] };
    valid = report.valid;
    (report.diagnostics ?? []).forEach((d) => add("validate", d));
  } catch {
    return fail("validate", "terraform validate failed", `${validate.stderr}${validate.stdout}`.trim());
  }
  if (!valid || context.options.plan === false) {
    return { stack: stack.name, valid, planned: false, toAdd: 0, toChange: 0, toDestroy: 0, diagnostics };
  }

  const plan = await run(["plan", "-refresh=false", "-input=false", "-lock=false", "-json", "-no-color"]);
  if (plan.timedOut) return timedOut("plan");
  let counts = { add: 0, change: 0, remove: 0 };
  let summarized = false;
  for (const line of plan.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    let event: { type?: string; diagnostic?: RawDiagnostic; changes?: typeof counts };
    try {
      event = JSON.parse(line);
    } catch {
      continue;
    }
    if (event.type === "diagnostic" && event.diagnostic) add("plan", event.diagnostic);
    if (event.type === "change_summary" && event.changes) {
      counts = event.changes;
      summarized = true;
    }
  }
  const planned = plan.code === 0 && summarized;
  if (!planned && !diagnostics.some((d) => d.command === "plan" && d.severity === "error")) {
    fail("plan", "terraform plan failed", `${plan.stderr}${plan.stdout}`.trim());
  }
  return {
    stack: stack.name,
    valid,
    planned,
    toAdd: counts.add,
    toChange: counts.change,
    toDestroy: counts.remove,
    diagnostics,
  };
}

/** One diagnostic as a line: `<stack>: <address> <path>: <severity>: <summary>: <detail>`. */
export function formatDiagnostic(diagnostic: TerraformDiagnostic): string {
  const where = [diagnostic.address, diagnostic.attributePath].filter((p) => p !== "").join(" ");
  const detail = diagnostic.detail.replace(/\s+/g, " ").trim();
  return (
    `${diagnostic.stack}: ${where === "" ? "" : `${where}: `}${diagnostic.severity}: ${diagnostic.summary}` +
    (detail === "" ? "" : `: ${detail}`)
  );
}
