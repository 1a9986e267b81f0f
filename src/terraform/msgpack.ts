// MessagePack, as Terraform encodes values in the plugin protocol's `DynamicValue.msgpack`: objects and
// maps are msgpack maps, lists, sets and tuples are arrays, an unknown value is extension type 0 (newer
// Terraform also sends type 12, an unknown with refinements such as "not null"), and a value of the
// dynamic pseudo-type is a two-element array of its type (JSON bytes) and the value. Written for this
// package, like protobuf.ts, so that the provider server runs on Node.js alone.

/** A value Terraform does not know yet (`(known after apply)`). */
export class UnknownValue {
  /** The plain unknown: fixext 1, type 0, one zero byte. */
  public static readonly PLAIN = new UnknownValue(0, Buffer.from([0]));

  /**
   * @param extType the msgpack extension type (0, or 12 for a refined unknown)
   * @param data the extension's payload, sent back unchanged
   */
  constructor(
    public readonly extType: number,
    public readonly data: Buffer,
  ) {}
}

/** A decoded value: JSON-like, plus unknowns and raw bytes (the type half of a dynamic value). */
export type CtyValue =
  null | string | number | boolean | Buffer | UnknownValue | CtyValue[] | { [name: string]: CtyValue };

/** Whether a value is a msgpack map decoded as an object (not null, an array, bytes or an unknown). */
export function isCtyObject(value: CtyValue | undefined): value is { [name: string]: CtyValue } {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !Buffer.isBuffer(value) &&
    !(value instanceof UnknownValue)
  );
}

export function decodeMsgpack(data: Uint8Array): CtyValue {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  const need = (n: number) => {
    if (offset + n > buffer.length) throw new Error("truncated msgpack value");
  };
  const take = (n: number): Buffer => {
    need(n);
    const slice = buffer.subarray(offset, offset + n);
    offset += n;
    return slice;
  };
  const u8 = () => take(1).readUInt8(0);
  const u16 = () => take(2).readUInt16BE(0);
  const u32 = () => take(4).readUInt32BE(0);
  const array = (length: number): CtyValue[] => {
    const items: CtyValue[] = [];
    for (let i = 0; i < length; i++) items.push(value());
    return items;
  };
  const map = (length: number): { [name: string]: CtyValue } => {
    const result: { [name: string]: CtyValue } = Object.create(null);
    for (let i = 0; i < length; i++) {
      const key = value();
      result[Buffer.isBuffer(key) ? key.toString("utf8") : String(key)] = value();
    }
    return result;
  };
  const ext = (length: number): UnknownValue => {
    const type = take(1).readInt8(0);
    return new UnknownValue(type, Buffer.from(take(length)));
  };
  const value = (): CtyValue => {
    const byte = u8();
    if (byte <= 0x7f) return byte;
    if (byte >= 0xe0) return byte - 0x100;
    if (byte >= 0x80 && byte <= 0x8f) return map(byte & 0x0f);
    if (byte >= 0x90 && byte <= 0x9f) return array(byte & 0x0f);
    if (byte >= 0xa0 && byte <= 0xbf) return take(byte & 0x1f).toString("utf8");
    switch (byte) {
      case 0xc0:
        return null;
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc4:
        return Buffer.from(take(u8()));
      case 0xc5:
        return Buffer.from(take(u16()));
      case 0xc6:
        return Buffer.from(take(u32()));
      case 0xc7:
        return ext(u8());
      case 0xc8:
        return ext(u16());
      case 0xc9:
        return ext(u32());
      case 0xca:
        return take(4).readFloatBE(0);
      case 0xcb:
        return take(8).readDoubleBE(0);
      case 0xcc:
        return u8();
      case 0xcd:
        return u16();
      case 0xce:
        return u32();
      case 0xcf:
        return Number(take(8).readBigUInt64BE(0));
      case 0xd0:
        return take(1).readInt8(0);
      case 0xd1:
        return take(2).readInt16BE(0);
      case 0xd2:
        return take(4).readInt32BE(0);
      case 0xd3:
        return Number(take(8).readBigInt64BE(0));
      case 0xd4:
        return ext(1);
      case 0xd5:
        return ext(2);
      case 0xd6:
        return ext(4);
      case 0xd7:
        return ext(8);
      case 0xd8:
        return ext(16);
      case 0xd9:
        return take(u8()).toString("utf8");
      case 0xda:
        return take(u16()).toString("utf8");
      case 0xdb:
        return take(u32()).toString("utf8");
      case 0xdc:
        return array(u16());
      case 0xdd:
        return array(u32());
      case 0xde:
        return map(u16());
      case 0xdf:
        return map(u32());
      default:
        throw new Error(`unsupported msgpack byte 0x${byte.toString(16)}`);
    }
  };
  const result = value();
  if (offset !== buffer.length) throw new Error("trailing bytes after msgpack value");
  return result;
}

export function encodeMsgpack(value: CtyValue): Buffer {
  const parts: Buffer[] = [];
  const header = (small: number, smallLimit: number, codes: [number, number, number], length: number) => {
    if (length < smallLimit && small >= 0) parts.push(Buffer.from([small | length]));
    else if (length <= 0xff && codes[0] !== 0) parts.push(Buffer.from([codes[0], length]));
    else if (length <= 0xffff) {
      const b = Buffer.alloc(3);
      b[0] = codes[1];
      b.writeUInt16BE(length, 1);
      parts.push(b);
    } else {
      const b = Buffer.alloc(5);
      b[0] = codes[2];
      b.writeUInt32BE(length, 1);
      parts.push(b);
    }
  };
  const write = (v: CtyValue): void => {
    if (v === null) {
      parts.push(Buffer.from([0xc0]));
    } else if (typeof v === "boolean") {
      parts.push(Buffer.from([v ? 0xc3 : 0xc2]));
    } else if (typeof v === "number") {
      writeNumber(v, parts);
    } else if (typeof v === "string") {
      const bytes = Buffer.from(v, "utf8");
      header(0xa0, 32, [0xd9, 0xda, 0xdb], bytes.length);
      parts.push(bytes);
    } else if (Buffer.isBuffer(v)) {
      header(-1, 0, [0xc4, 0xc5, 0xc6], v.length);
      parts.push(v);
    } else if (v instanceof UnknownValue) {
      const fixed = [1, 2, 4, 8, 16].indexOf(v.data.length);
      if (fixed >= 0) parts.push(Buffer.from([0xd4 + fixed, v.extType & 0xff]));
      else {
        header(-1, 0, [0xc7, 0xc8, 0xc9], v.data.length);
        parts.push(Buffer.from([v.extType & 0xff]));
      }
      parts.push(v.data);
    } else if (Array.isArray(v)) {
      header(0x90, 16, [0, 0xdc, 0xdd], v.length);
      v.forEach(write);
    } else {
      const entries = Object.entries(v);
      header(0x80, 16, [0, 0xde, 0xdf], entries.length);
      for (const [key, item] of entries) {
        write(key);
        write(item);
      }
    }
  };
  write(value);
  return Buffer.concat(parts);
}

function writeNumber(n: number, parts: Buffer[]): void {
  if (Number.isSafeInteger(n)) {
    if (n >= 0 && n <= 0x7f) return void parts.push(Buffer.from([n]));
    if (n < 0 && n >= -32) return void parts.push(Buffer.from([n + 0x100]));
    const b = Buffer.alloc(9);
    b[0] = 0xd3;
    b.writeBigInt64BE(BigInt(n), 1);
    return void parts.push(b);
  }
  const b = Buffer.alloc(9);
  b[0] = 0xcb;
  b.writeDoubleBE(n, 1);
  parts.push(b);
}
