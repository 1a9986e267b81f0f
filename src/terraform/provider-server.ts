// The provider server process:
// `node provider-server.js --socket-dir <dir> --schema <file> [--schema <file>...] [--rules <file>]`.
// It serves each provider of each schema file over plugin protocol 5 on its own unix socket in <dir>,
// planning changes with the replacement rules of the --rules file (schema/replacement.json's shape),
// then prints one JSON line, `{"pid": ..., "providers": {"<address>": "<socket>"}}`, once every socket
// listens. It runs until its standard input closes (the runner that started it went away) or it gets
// SIGTERM/SIGINT. Terraform attaches to it through TF_REATTACH_PROVIDERS (see runner.ts).
import * as fs from "fs";
import * as http2 from "http2";
import * as path from "path";
import { createGrpcServer } from "./grpc";
import { HEALTH_CHECK, providerHandlers } from "./provider";
import { parseReplacementRules, ReplacementRules } from "./replacement-rules";
import { parseSchemaDocument, ProviderSchema } from "./schema-file";

/** What the server prints once it listens. */
export interface ServerReady {
  readonly pid: number;
  readonly providers: { readonly [address: string]: string };
}

/** Listens on one socket per provider; resolves once all listen. */
export async function serveProviders(
  providers: readonly ProviderSchema[],
  socketDir: string,
  onCall?: (address: string, method: string, error?: Error) => void,
  rules: ReplacementRules = {},
): Promise<{ ready: ServerReady; close: () => Promise<void> }> {
  const servers: http2.Http2Server[] = [];
  const sockets: { [address: string]: string } = {};
  for (const [index, provider] of providers.entries()) {
    if (sockets[provider.address] !== undefined) throw new Error(`${provider.address} is served twice`);
    const handlers = providerHandlers(provider, rules);
    handlers.set(...HEALTH_CHECK);
    const server = createGrpcServer(handlers, (method, error) => onCall?.(provider.address, method, error));
    const socket = path.join(socketDir, `provider-${index}.sock`);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(socket, () => {
        server.off("error", reject);
        resolve();
      });
    });
    servers.push(server);
    sockets[provider.address] = socket;
  }
  const close = async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Open sessions would keep close() waiting; Terraform has finished with them.
            setTimeout(resolve, 200).unref();
          }),
      ),
    );
    for (const socket of Object.values(sockets)) fs.rmSync(socket, { force: true });
  };
  return { ready: { pid: process.pid, providers: sockets }, close };
}

function parseArgs(args: readonly string[]): {
  socketDir: string;
  schemas: string[];
  rules?: string;
  debug: boolean;
} {
  const schemas: string[] = [];
  let socketDir: string | undefined;
  let rules: string | undefined;
  let debug = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--schema" && i + 1 < args.length) schemas.push(args[++i]);
    else if (arg === "--socket-dir" && i + 1 < args.length) socketDir = args[++i];
    else if (arg === "--rules" && i + 1 < args.length) rules = args[++i];
    else if (arg === "--debug") debug = true;
    else throw new Error(`unexpected argument ${arg}`);
  }
  if (socketDir === undefined || schemas.length === 0) {
    throw new Error(
      "usage: provider-server --socket-dir <dir> --schema <file> [--schema <file>...] [--rules <file>]",
    );
  }
  return { socketDir, schemas, rules, debug };
}

async function serverMain(): Promise<void> {
  const { socketDir, schemas, rules, debug } = parseArgs(process.argv.slice(2));
  const providers = schemas.flatMap((file) => parseSchemaDocument(fs.readFileSync(file, "utf8"), file));
  const replacement = rules === undefined ? {} : parseReplacementRules(fs.readFileSync(rules, "utf8"), rules);
  const onCall = (address: string, method: string, error?: Error) => {
    if (debug || error) process.stderr.write(`${address} ${method}${error ? `: ${error.stack}` : ""}\n`);
  };
  const { ready, close } = await serveProviders(providers, socketDir, onCall, replacement);
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void close().then(() => process.exit(0));
  };
  process.stdin.on("end", stop);
  process.stdin.on("error", stop);
  process.stdin.resume();
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}

if (require.main === module) {
  serverMain().catch((e: Error) => {
    process.stderr.write(`provider-server: ${e.message}\n`);
    process.exit(1);
  });
}
