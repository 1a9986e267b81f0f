// Small helpers shared by the checks: telling literals from Terraform expressions, building attribute
// paths, quoting values in messages, and collecting findings.
import { listOf, show } from "../rules/text";
import { Violation, ViolationKind } from "./violation";

/** A JSON object (not an array, not null). */
export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * True when a string holds a Terraform template (`${...}` interpolation or `%{...}` directive), i.e. its
 * value is only known once Terraform evaluates it. `$${` and `%%{` are escapes for the literal text.
 */
export function isExpression(value: unknown): boolean {
  // `$${` and `%%{` escape; any other sign before one (`%${`, `$%{`) is literal text beside an expression.
  return typeof value === "string" && /(^|[^$])\$\{|(^|[^%])%\{/.test(value);
}

/**
 * The text Terraform makes of a string that holds no template: `$${` reads as `${` and `%%{` as `%{`
 * (only the sign right before the brace is consumed, so `$$${` reads as `$${`).
 */
export function templateLiteral(text: string): string {
  return text.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}

/** True when the value, or anything nested in it, is a Terraform expression. */
export function containsExpression(value: unknown): boolean {
  if (isExpression(value)) return true;
  if (Array.isArray(value)) return value.some(containsExpression);
  if (isObject(value)) return Object.values(value).some(containsExpression);
  return false;
}

/** `prefix.key`, or `key` at the top. */
export function childPath(prefix: string, key: string): string {
  return prefix === "" ? key : `${prefix}.${key}`;
}

/** `prefix[index]`. */
export function indexPath(prefix: string, index: number): string {
  return `${prefix}[${index}]`;
}

/** `prefix["key"]`, the way Terraform indexes a map. */
export function mapKeyPath(prefix: string, key: string): string {
  return `${prefix}[${JSON.stringify(key)}]`;
}

/**
 * A value of a synthesized stack as a message shows it: quoted like the constructs quote props (long
 * strings shortened), collections by their kind and size.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return show(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  if (isObject(value)) return "an object";
  return show(value);
}

export { listOf };

/** Where findings go; keeps them in the order the checks found them. */
export class Findings {
  public readonly violations: Violation[] = [];

  public add(kind: ViolationKind, address: string, path: string, message: string): void {
    this.violations.push({ kind, address, path, message });
  }
}
