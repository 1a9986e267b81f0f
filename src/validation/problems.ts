import { Token } from "cdktf";
import { closest, show } from "../rules/text";
import { Check } from "./values";

/**
 * Collects every problem with a construct's props, then throws them together, so a user fixes all of
 * them in one round instead of one per synth.
 */
export class Problems {
  private readonly found: string[] = [];

  /** @param subject how messages name the construct, e.g. "ImageExport at 'stack/Export'" */
  constructor(private readonly subject: string) {}

  /**
   * Runs `check` on a prop's value. `undefined` means "not given" and is left to the default; values
   * that hold a Terraform token are only known at apply time and are never judged here.
   */
  public check(prop: string, value: unknown, check: Check): void {
    if (value === undefined || Token.isUnresolved(value)) return;
    const problem = check(value);
    if (problem) this.add(prop, problem);
  }

  /** Records a problem: `text` continues a sentence that starts with the prop's name. */
  public add(prop: string, text: string): void {
    this.found.push(`${this.subject}: ${prop} ${text}`);
  }

  /** The problems found so far, one sentence each. */
  public get messages(): readonly string[] {
    return this.found;
  }

  /** Throws one error that lists every problem, if there is any. */
  public throwIfAny(): void {
    if (this.found.length === 0) return;
    if (this.found.length === 1) throw new Error(this.found[0]);
    throw new Error(`${this.found.length} problems:\n${this.found.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const checkedByParent = new WeakSet<object>();

/**
 * Marks props that a parent construct has already checked in full, under its own name and in its one
 * error, before handing them to a child it creates (ImageExport to its scaffold, bucket and role): the
 * child then doesn't check them a second time.
 */
export function checkedByCaller<T extends object>(props: T): T {
  checkedByParent.add(props);
  return props;
}

/** True for props passed through {@link checkedByCaller}. */
export function isCheckedByCaller(props: unknown): boolean {
  return typeof props === "object" && props !== null && checkedByParent.has(props);
}

/** How error messages name a construct: its kind and its path in the app. */
export function describe(kind: string, path: string): string {
  return `${kind} at '${path}'`;
}

/**
 * Records a problem unless `props` is an object of options, and says whether it is. Callers from plain
 * JavaScript can pass anything; reading a prop of `null` would otherwise end in a TypeError. Keys that
 * are not among `known` are reported too: a misspelt option (`ossPrefx`) would otherwise be ignored
 * and its default used without a word.
 */
export function checkPropsObject(
  problems: Problems,
  kind: string,
  props: unknown,
  known: readonly string[],
  propPrefix = "",
): boolean {
  if (props === null || typeof props !== "object" || Array.isArray(props)) {
    problems.add(propPrefix || "props", `must be an object of ${kind} options, got ${show(props)}`);
    return false;
  }
  for (const key of Object.keys(props)) {
    if (known.includes(key)) continue;
    const near = closest(key, known);
    problems.add(
      `${propPrefix}${propPrefix ? "." : ""}${key}`,
      `is not an option of ${kind}${near ? ` (did you mean ${near}?)` : ""}, got ${show((props as Record<string, unknown>)[key])}`,
    );
  }
  return true;
}
