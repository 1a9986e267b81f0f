// Unary gRPC over HTTP/2 cleartext, on Node.js's own `http2` module: each call is a POST to
// `/<package>.<Service>/<Method>` whose body is one length-prefixed message (a compression flag byte,
// a 4-byte big-endian length, the protobuf bytes); the answer is the same framing, then trailers with
// `grpc-status`. That is all Terraform's plugin client needs from a provider; streaming methods
// (go-plugin's stdio and broker streams) are answered as unimplemented, which go-plugin tolerates.
import * as http2 from "http2";

/**
 * What a server remembers about one client connection (one HTTP/2 session). Terraform opens a
 * connection per provider configuration, so a provider keeps what `Configure` told it here.
 */
export type ConnectionState = { [key: string]: unknown };

/** Answers one call: the request message's bytes in, the response message's bytes out. */
export type UnaryHandler = (request: Buffer, connection: ConnectionState) => Buffer | Promise<Buffer>;

/** gRPC status codes used here. */
export const GRPC_OK = 0;
export const GRPC_INTERNAL = 13;
export const GRPC_UNIMPLEMENTED = 12;

/**
 * An HTTP/2 server that dispatches by path to `handlers`. `onCall` sees every path (for debugging).
 */
export function createGrpcServer(
  handlers: ReadonlyMap<string, UnaryHandler>,
  onCall: (path: string, error?: Error) => void = () => undefined,
): http2.Http2Server {
  const server = http2.createServer();
  const connections = new WeakMap<http2.Http2Session, ConnectionState>();
  server.on("stream", (stream, headers) => {
    const path = String(headers[":path"] ?? "");
    const handler = handlers.get(path);
    const fail = (code: number, message: string) => {
      if (stream.destroyed || stream.closed) return;
      stream.respond(
        {
          ":status": 200,
          "content-type": "application/grpc",
          "grpc-status": String(code),
          "grpc-message": encodeURIComponent(message),
        },
        { endStream: true },
      );
    };
    stream.on("error", () => undefined);
    if (!handler) {
      onCall(path);
      fail(GRPC_UNIMPLEMENTED, `${path} is not implemented by this provider`);
      return;
    }
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      void (async () => {
        try {
          const body = Buffer.concat(chunks);
          if (body.length < 5 || body[0] !== 0) throw new Error("expected one uncompressed gRPC message");
          const length = body.readUInt32BE(1);
          const session = stream.session;
          const connection = (session && connections.get(session)) ?? {};
          if (session) connections.set(session, connection);
          const response = await handler(body.subarray(5, 5 + length), connection);
          onCall(path);
          if (stream.destroyed || stream.closed) return;
          const frame = Buffer.alloc(5 + response.length);
          frame.writeUInt32BE(response.length, 1);
          response.copy(frame, 5);
          stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
          stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": String(GRPC_OK) }));
          stream.end(frame);
        } catch (e) {
          onCall(path, e as Error);
          fail(GRPC_INTERNAL, (e as Error).message);
        }
      })();
    });
  });
  return server;
}
