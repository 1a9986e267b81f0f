// The protobuf wire format, as much of it as the Terraform plugin protocol needs: varints, and
// length-delimited fields (strings, bytes, embedded messages). Written for this package so that the
// provider server needs nothing but Node.js (see README, "Terraform as the judge").

/** Wire types of the protobuf encoding. */
const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

/** Builds one message: call the field methods in any order, then `finish()`. */
export class ProtoWriter {
  private readonly parts: Buffer[] = [];

  /** A varint field (bool, enum, int32/int64 with non-negative values); zero is skipped, as proto3 does. */
  public varint(field: number, value: number | boolean): this {
    const n = typeof value === "boolean" ? (value ? 1 : 0) : value;
    if (n === 0) return this;
    this.parts.push(encodeVarint((field << 3) | VARINT), encodeVarint(n));
    return this;
  }

  /** A string field; the empty string is skipped. */
  public string(field: number, value: string | undefined): this {
    if (value === undefined || value === "") return this;
    return this.bytes(field, Buffer.from(value, "utf8"));
  }

  /** A bytes field, written even when empty. */
  public bytes(field: number, value: Uint8Array): this {
    this.parts.push(
      encodeVarint((field << 3) | LENGTH_DELIMITED),
      encodeVarint(value.length),
      Buffer.from(value),
    );
    return this;
  }

  /** An embedded message (written even when empty, so that its presence is kept). */
  public message(field: number, value: ProtoWriter | Buffer): this {
    return this.bytes(field, value instanceof ProtoWriter ? value.finish() : value);
  }

  public finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}

function encodeVarint(value: number): Buffer {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`cannot encode ${value} as a varint`);
  const bytes: number[] = [];
  let n = value;
  while (n >= 0x80) {
    bytes.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  bytes.push(n);
  return Buffer.from(bytes);
}

/** One decoded field: a number for varints, the raw bytes for length-delimited fields. */
export type ProtoValue = number | Buffer;

/** A decoded message: every occurrence of each field number, in order. Unknown fields are kept too. */
export class ProtoMessage {
  private constructor(private readonly fields: Map<number, ProtoValue[]>) {}

  public static decode(data: Uint8Array): ProtoMessage {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const fields = new Map<number, ProtoValue[]>();
    let offset = 0;
    const varint = (): number => {
      let result = 0;
      let scale = 1;
      for (;;) {
        if (offset >= buffer.length) throw new Error("truncated protobuf varint");
        const byte = buffer[offset++];
        result += (byte & 0x7f) * scale;
        if (byte < 0x80) return result;
        scale *= 0x80;
      }
    };
    while (offset < buffer.length) {
      const tag = varint();
      const field = Math.floor(tag / 8);
      const wireType = tag & 7;
      let value: ProtoValue;
      if (wireType === VARINT) {
        value = varint();
      } else if (wireType === LENGTH_DELIMITED) {
        const length = varint();
        if (offset + length > buffer.length) throw new Error("truncated protobuf field");
        value = buffer.subarray(offset, offset + length);
        offset += length;
      } else if (wireType === FIXED64 || wireType === FIXED32) {
        const size = wireType === FIXED64 ? 8 : 4;
        value = buffer.subarray(offset, offset + size);
        offset += size;
      } else {
        throw new Error(`unsupported protobuf wire type ${wireType}`);
      }
      const list = fields.get(field) ?? [];
      list.push(value);
      fields.set(field, list);
    }
    return new ProtoMessage(fields);
  }

  /** The last occurrence of a length-delimited field (proto3 semantics for a singular field). */
  public bytes(field: number): Buffer | undefined {
    const values = this.fields.get(field);
    const last = values?.[values.length - 1];
    return Buffer.isBuffer(last) ? last : undefined;
  }

  /** The last occurrence of a varint field (bools and enums too), or undefined. */
  public varint(field: number): number | undefined {
    const values = this.fields.get(field);
    const last = values?.[values.length - 1];
    return typeof last === "number" ? last : undefined;
  }

  public string(field: number): string {
    return this.bytes(field)?.toString("utf8") ?? "";
  }

  public message(field: number): ProtoMessage | undefined {
    const raw = this.bytes(field);
    return raw === undefined ? undefined : ProtoMessage.decode(raw);
  }
}
