// Turns the byte offset of a Terraform diagnostic's range in cdk.tf.json into the block address and
// the attribute path it points at: `resource.alicloud_vpc.Vpc.cidr_block` becomes `alicloud_vpc.Vpc`
// and `cidr_block`, the same notation SchemaConformance uses.

type Segment = string | number;

/** The path of the deepest key or value of a JSON text that contains `offset` (a UTF-16 index). */
export function jsonPathAt(text: string, offset: number): Segment[] {
  let best: Segment[] = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const string = () => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: Segment[]): void => {
    ws();
    const start = i;
    if (text[i] === "{") {
      i++;
      ws();
      while (i < text.length && text[i] !== "}") {
        const keyStart = i;
        const key = string();
        if (offset >= keyStart && offset < i) best = [...path, key];
        ws();
        i++; // ':'
        value([...path, key]);
        ws();
        if (text[i] === ",") i++;
        ws();
      }
      i++;
    } else if (text[i] === "[") {
      i++;
      ws();
      let index = 0;
      while (i < text.length && text[i] !== "]") {
        value([...path, index++]);
        ws();
        if (text[i] === ",") i++;
        ws();
      }
      i++;
    } else if (text[i] === '"') {
      string();
    } else {
      while (i < text.length && /[^,\]}\s]/.test(text[i])) i++;
    }
    if (offset >= start && offset < i && path.length >= best.length) best = path;
  };
  try {
    value([]);
  } catch {
    // a malformed document: keep what was found
  }
  return best;
}

/** The UTF-16 index of a UTF-8 byte offset. */
export function charOffset(text: string, byte: number): number {
  return Buffer.from(text, "utf8").subarray(0, byte).toString("utf8").length;
}

/** `data_disks[0].size`, `tags["Name"]`. */
export function formatPath(segments: readonly Segment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Splits a path in a Terraform JSON document into the block's address and the path inside it. */
export function addressOf(segments: readonly Segment[]): { address: string; attributePath: string } {
  const [section, first, second, ...rest] = segments;
  const name = (s: Segment | undefined) => (s === undefined ? "" : String(s));
  switch (section) {
    case "resource":
      if (second === undefined) return { address: name(first), attributePath: "" };
      return { address: `${name(first)}.${name(second)}`, attributePath: formatPath(rest) };
    case "data":
      if (second === undefined) return { address: `data.${name(first)}`, attributePath: "" };
      return { address: `data.${name(first)}.${name(second)}`, attributePath: formatPath(rest) };
    case "provider":
      if (typeof second === "number") {
        return { address: `provider.${name(first)}[${second}]`, attributePath: formatPath(rest) };
      }
      return {
        address: first === undefined ? "provider" : `provider.${name(first)}`,
        attributePath: formatPath(segments.slice(2)),
      };
    case "output":
    case "variable":
    case "module":
      return {
        address: first === undefined ? String(section) : `${section}.${name(first)}`,
        attributePath: formatPath(segments.slice(2)),
      };
    case "locals":
      return {
        address: first === undefined ? "locals" : `local.${name(first)}`,
        attributePath: formatPath(segments.slice(2)),
      };
    case undefined:
      return { address: "", attributePath: "" };
    default:
      return { address: String(section), attributePath: formatPath(segments.slice(1)) };
  }
}
