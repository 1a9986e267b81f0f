// What the constructs write into a resource from a user's string: exactly the characters the user typed.
//
// Terraform reads every string of a JSON configuration as a template: `${...}` interpolates and `%{...}`
// is a directive, so a description such as "costs ${5}" would fail at plan time, and "${var.x}" would be
// evaluated. The constructs escape such text instead of refusing it: a user who types a `$` and a `{`
// means those characters, and the resource should get them. How Terraform reads templates (checked with
// Terraform 1.11 on JSON configurations):
// - `$${` is the escape for a literal `${`, and `%%{` for `%{`; any other `$` or `%` is literal.
// - Only the `$` right before the `{` is consumed: `$$${x}` reads as `$${x}`. So a `$` that ends a
//   literal right before an interpolation (`"cost $" + price`) can't be written by doubling it; it is
//   written as an interpolation of its own, `${"$"}`.
// - Text the user already escaped (`$${`, `%%{`) is taken as written, as cdktf's own docs tell users to
//   write it: the resource gets `${`.
// Tokens inside a string (`"pre-" + variable.stringValue`) stay expressions; only the literal text
// around them is escaped. Escaped text next to a token is handed to cdktf as a token of its own: cdktf
// reads a literal `${` before a token as the start of an expression (and `$${` contains one), and would
// render the token without its braces.
import { IResolvable, IResolveContext, Token } from "cdktf";

/** cdktf's marker for a string token inside a string: `${TfToken[TOKEN.12]}`. */
const STRING_TOKEN = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;

/**
 * Escapes template sequences in literal text. `atEnd` is false when an interpolation follows the text:
 * a `$` run at its end is then written as an interpolation of its own.
 */
export function escapeTemplate(text: string, atEnd = true): string {
  let escaped = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // `${` and `%{` get their escape; `$${` and `%%{` are taken as already escaped.
    if ((c === "$" || c === "%") && text[i + 1] === "{" && text[i - 1] !== c) escaped += c;
    escaped += c;
  }
  if (atEnd) return escaped;
  const dollars = /\$+$/.exec(escaped)?.[0] ?? "";
  return dollars === "" ? escaped : `${escaped.slice(0, -dollars.length)}\${${quoted(dollars)}}`;
}

/** `text` as a quoted HCL string literal, with the escapes HCL knows. */
function quoted(text: string): string {
  let out = "";
  for (const ch of text) {
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch < " ") out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `"${out}"`;
}

/** Literal text that resolves to its escaped form, wherever cdktf puts it. */
class EscapedText implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(
    private readonly text: string,
    private readonly atEnd: boolean,
  ) {}

  public resolve(context: IResolveContext): string {
    // Inside an expression (a function argument, say) a string is a quoted template literal.
    if (context.suppressBraces) return quoted(escapeTemplate(this.text));
    return escapeTemplate(this.text, this.atEnd);
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/**
 * A user's string as the constructs write it into a resource: literal text escaped so that Terraform
 * reads exactly the characters the user typed, tokens left as they are. Returns the value itself when
 * nothing needs escaping (and for anything that isn't a string).
 */
export function literalText<T>(value: T): T {
  // A `$` counts at the end of any literal part, before a token too (`"a$" + token`): NUL stands for the tokens.
  if (typeof value !== "string" || !/[$%]\{|\$(?:\0|$)/.test(value.replace(STRING_TOKEN, "\0"))) return value;
  const tokens = [...value.matchAll(STRING_TOKEN)];
  if (tokens.length === 0) return escapeTemplate(value) as T;
  let result = "";
  let at = 0;
  for (const match of [...tokens, undefined]) {
    const end = match?.index ?? value.length;
    const literal = value.slice(at, end);
    if (/[$%]\{|\$$/.test(literal)) result += new EscapedText(literal, match === undefined).toString();
    else result += literal;
    if (match) result += match[0];
    at = end + (match?.[0].length ?? 0);
  }
  return result as T;
}
