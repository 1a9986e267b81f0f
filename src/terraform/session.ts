// A Terraform session: one provider server (provider-server.ts) attached through TF_REATTACH_PROVIDERS,
// the environment every command runs in, a temporary folder for the work, and a way to run terraform
// commands there with a timeout. `withTerraformSession` always tears it down: running commands are
// killed, the server is stopped and the temporary folder removed, on errors and timeouts too. The judge
// (runner.ts) and the diff (../diff/) both run their Terraform work inside one.
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { vendoredVersion } from "../conformance/terraform-schema";

/** The package root, in the source tree and in the installed package alike. */
export const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");

/** The vendored schemas served by default. */
export const DEFAULT_SCHEMA_FILES: readonly string[] = [
  path.join(PACKAGE_ROOT, "schema", "alicloud.json"),
  path.join(PACKAGE_ROOT, "schema", "random.json"),
];

/** The releases the vendored schemas come from (schema/README.md), by full provider address. */
const VENDORED_PROVIDER_VERSIONS: { readonly [address: string]: string } = {
  "registry.terraform.io/aliyun/alicloud": vendoredVersion("alicloud") as string,
  "registry.terraform.io/hashicorp/random": vendoredVersion("random") as string,
};

/** The provider's replacement rules for the vendored schemas' resource types. */
export const DEFAULT_REPLACEMENT_RULES = path.join(PACKAGE_ROOT, "schema", "replacement.json");

/** How to start a session. */
export interface SessionOptions {
  /** The terraform executable; a path, or a name looked up on PATH. Default: `terraform` on PATH. */
  readonly terraformBinary?: string;
  /** Schema files (`terraform providers schema -json`) to serve. Default: the vendored ones. */
  readonly schemaFiles?: readonly string[];
  /** Seconds each Terraform command may take before it is stopped. Default: 120. */
  readonly timeoutSeconds?: number;
}

/** Observes a session, for tests: where the server and the temporary folder are. */
export interface SessionHooks {
  readonly onTempDir?: (tempDir: string) => void;
  readonly onServerStarted?: (pid: number, tempDir: string) => void;
}

/** What one command did. */
export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** A running session; valid only inside the `withTerraformSession` callback. */
export interface TerraformSession {
  /** The terraform executable that runs. */
  readonly terraform: string;
  /** The session's temporary folder (removed when the session ends). */
  readonly tempDir: string;
  /** The full addresses of the providers the server serves. */
  readonly served: ReadonlySet<string>;
  /**
   * The release each served provider's schema comes from, by full address, where it is known: the
   * vendored schemas' (a schema file of your own doesn't say).
   */
  readonly servedVersions: { readonly [address: string]: string };
  /** How long one command may run, in milliseconds. */
  readonly timeoutMs: number;
  /** Runs `terraform <args>` in `cwd`; resolves with what it printed (never rejects). */
  run(args: readonly string[], cwd: string): Promise<CommandResult>;
  /** Terraform's version, e.g. `1.11.4` (asked once). */
  version(): Promise<string>;
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

/** Starts the provider server and waits until it listens; it dies with its standard input. */
async function startServer(
  socketDir: string,
  schemaFiles: readonly string[],
  rulesFile: string,
): Promise<{ child: ChildProcess; providers: { [address: string]: string } }> {
  const ts = path.extname(__filename) === ".ts";
  const script = path.join(__dirname, `provider-server${ts ? ".ts" : ".js"}`);
  const nodeArgs = ts ? ["--import", "tsx"] : [];
  const args = [...nodeArgs, script, "--socket-dir", socketDir];
  for (const file of schemaFiles) args.push("--schema", path.resolve(file));
  args.push("--rules", rulesFile);
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

/** The environment Terraform runs in: attached to the server, no checkpoint, no prompts, no user settings. */
function sessionEnvironment(reattach: { [address: string]: unknown }, cliConfig: string): NodeJS.ProcessEnv {
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
  return env;
}

/**
 * Runs `body` in a fresh session and tears the session down afterwards, whatever happens. Throws
 * TerraformNotFoundError before starting anything when there is no terraform binary.
 */
export async function withTerraformSession<T>(
  options: SessionOptions,
  hooks: SessionHooks,
  body: (session: TerraformSession) => Promise<T>,
): Promise<T> {
  const terraform = findTerraform(options.terraformBinary);
  const timeoutMs = Math.max(1, (options.timeoutSeconds ?? 120) * 1000);
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "tfjudge-"));
  const running = new Set<ChildProcess>();
  let server: ChildProcess | undefined;
  let socketDir: string | undefined;
  // Set when the session ends: work still under way (a sibling of a failed stack) starts no more Terraform.
  let ended = false;
  try {
    hooks.onTempDir?.(tempDir);
    // A unix socket's path may be at most 107 bytes (103 on macOS); under a deep temp dir the sockets
    // get a short folder of their own in /tmp, else listen() fails with a misleading EADDRINUSE.
    socketDir =
      Buffer.byteLength(path.join(tempDir, "provider-99.sock")) <= MAX_SOCKET_PATH
        ? tempDir
        : fs.mkdtempSync("/tmp/tfj-");
    const cliConfig = path.join(tempDir, "empty.tfrc");
    fs.writeFileSync(cliConfig, "");
    const started = await startServer(
      socketDir,
      options.schemaFiles ?? DEFAULT_SCHEMA_FILES,
      DEFAULT_REPLACEMENT_RULES,
    );
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
    const env = sessionEnvironment(reattach, cliConfig);
    const run = (args: readonly string[], cwd: string) =>
      ended
        ? Promise.reject(new Error(`terraform ${args[0]} asked for after the Terraform session ended`))
        : runCommand(terraform, args, cwd, env, timeoutMs, running);
    let version: Promise<string> | undefined;
    return await body({
      terraform,
      tempDir,
      served: new Set(Object.keys(started.providers)),
      servedVersions: options.schemaFiles === undefined ? VENDORED_PROVIDER_VERSIONS : {},
      timeoutMs,
      run,
      version: () =>
        (version ??= run(["version", "-json"], tempDir).then((answer) => {
          try {
            return (JSON.parse(answer.stdout) as { terraform_version: string }).terraform_version;
          } catch {
            return answer.stdout.trim().split("\n")[0] ?? "";
          }
        })),
    });
  } finally {
    ended = true;
    for (const child of running) child.kill("SIGKILL");
    if (server) await stopServer(server);
    // Each folder on its own, retried while a killed child lets go of it; a failure here must not hide
    // the body's error, nor keep the other folder.
    for (const dir of new Set([tempDir, socketDir])) {
      if (dir === undefined) continue;
      try {
        fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
      } catch {
        // Left behind in the OS temp dir; nothing else can be done about it here.
      }
    }
  }
}

/** The longest unix socket path every platform takes (Linux 107 bytes, macOS 103), with room to spare. */
const MAX_SOCKET_PATH = 100;

/** Maps `items` through `work`, at most `concurrency` at a time; results keep the items' order. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { readonly error: unknown } | undefined;
  const worker = async () => {
    // After a failure no item is started; the ones under way finish before the error is passed on, so
    // that nothing still runs when the caller cleans up.
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index], index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}

/** The default number of stacks that run at once: the number of CPUs, at most 4. */
export function defaultConcurrency(): number {
  return Math.min(4, os.cpus().length);
}
