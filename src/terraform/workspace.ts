// One stack's working folder in a Terraform session: the prepared `cdk.tf.json` (and its
// terraform.tfvars.json), the commands run there, and everything Terraform said, as diagnostics located
// by stack, address and attribute path. The judge (runner.ts) and the diff (../diff/) build on it.
import * as fs from "fs";
import * as path from "path";
import { NotTerraformJsonError, readTerraformJson } from "../conformance/terraform-json";
import { addressOf, charOffset, jsonPathAt } from "./json-locator";
import { fullProviderAddress } from "./schema-file";
import type { CommandResult, TerraformSession } from "./session";
import { placeholderForTypeConstraint } from "./variables";
import { allows } from "../rules/provider-versions";
import type { TerraformDiagnostic } from "./results";

/** A diagnostic as Terraform prints it in JSON (validate -json, plan -json). */
export interface RawDiagnostic {
  severity?: string;
  summary?: string;
  detail?: string;
  address?: string;
  range?: { filename?: string; start?: { byte?: number } };
}

/** Parses the `Error: <summary>\n\n<detail>` blocks of Terraform's human-readable (-no-color) output. */
export function textDiagnostics(text: string): RawDiagnostic[] {
  const found: RawDiagnostic[] = [];
  const cleaned = text.replace(/^[│╷╵]\s?/gm, "");
  const parts = cleaned.split(/^(Error|Warning): /m);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const [summary, ...rest] = parts[i + 1].split("\n");
    found.push({ severity: parts[i].toLowerCase(), summary: summary.trim(), detail: rest.join("\n").trim() });
  }
  return found;
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

/**
 * The providers whose version constraint in `required_providers` rules out the release that is
 * served: `[address, constraint, served version]` for each.
 */
export function versionsNotServed(
  config: { [key: string]: unknown },
  servedVersions: { readonly [address: string]: string },
): [string, string, string][] {
  const terraform = (config.terraform ?? {}) as { required_providers?: { [name: string]: unknown } };
  const found: [string, string, string][] = [];
  for (const [localName, entry] of Object.entries(terraform.required_providers ?? {})) {
    const { source, version } = (entry ?? {}) as { source?: unknown; version?: unknown };
    const address = fullProviderAddress(typeof source === "string" ? source : `hashicorp/${localName}`);
    const served = servedVersions[address];
    if (typeof version !== "string" || served === undefined) continue;
    if (allows(version, served) === false) {
      found.push([address, version, served]);
    }
  }
  return found;
}

/** A stack's folder in a session, and the diagnostics of everything run there. */
export class StackWorkspace {
  /** Everything Terraform (or the preparation) reported, in order. */
  public readonly diagnostics: TerraformDiagnostic[] = [];
  /** The cdk.tf.json text Terraform reads now, to locate diagnostics in. */
  private text = "";

  /** @param folder the folder's name inside the session's temporary folder */
  constructor(
    private readonly session: TerraformSession,
    public readonly stack: string,
    folder: string,
  ) {
    this.dir = path.join(session.tempDir, folder);
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /** The folder Terraform runs in. */
  public readonly dir: string;

  /** Whether an error has been reported. */
  public get failed(): boolean {
    return this.diagnostics.some((d) => d.severity === "error");
  }

  /**
   * Writes `config` (cdk.tf.json text or object) as Terraform will read it (see prepareConfig);
   * reports and returns false when it isn't a JSON object or needs a provider the session doesn't serve.
   */
  public write(config: string | object, variables?: { readonly [name: string]: unknown }): boolean {
    let parsed: { [key: string]: unknown };
    try {
      parsed = readTerraformJson(config, "the stack");
    } catch (e) {
      if (!(e instanceof NotTerraformJsonError)) throw e;
      this.fail("prepare", "Not a Terraform JSON configuration", e.message);
      return false;
    }
    const prepared = prepareConfig(parsed, variables);
    // Terraform would look for any other provider in the registry: fail clearly instead (and offline).
    const served = this.session.served;
    const missing = requiredProviders(prepared.config).filter((address) => !served.has(address));
    if (missing.length > 0) {
      this.fail(
        "prepare",
        "Provider not served",
        `The stack needs ${missing.join(", ")}, but the schema files served (${[...served].join(", ")}) ` +
          "don't hold it; pass its schema (terraform providers schema -json) in schemaFiles, " +
          "or fix required_providers if the source is wrong.",
      );
      return false;
    }
    for (const [address, constraint, version] of versionsNotServed(
      prepared.config,
      this.session.servedVersions,
    )) {
      const detail =
        `The stack requires ${address} version ${JSON.stringify(constraint)}, which rules out ${version}, ` +
        `the release whose schema was served: this verdict is for ${version}. Terraform with the registry ` +
        "would install another release, whose schema may differ.";
      // Written twice (diff's before and after sides), said once.
      if (this.diagnostics.some((d) => d.command === "prepare" && d.detail === detail)) continue;
      this.diagnostics.push({
        stack: this.stack,
        command: "prepare",
        severity: "warning",
        summary: "Judged against another provider version",
        detail,
        address: "",
        attributePath: "",
      });
    }
    this.text = `${JSON.stringify(prepared.config, null, 2)}\n`;
    fs.writeFileSync(path.join(this.dir, "cdk.tf.json"), this.text);
    const tfvars = path.join(this.dir, "terraform.tfvars.json");
    if (Object.keys(prepared.tfvars).length > 0) {
      fs.writeFileSync(tfvars, `${JSON.stringify(prepared.tfvars, null, 2)}\n`);
    } else fs.rmSync(tfvars, { force: true });
    return true;
  }

  /** Runs `terraform <args>` here. */
  public run(args: readonly string[]): Promise<CommandResult> {
    return this.session.run(args, this.dir);
  }

  /** Reports an error that Terraform didn't word itself. */
  public fail(command: string, summary: string, detail: string): void {
    this.diagnostics.push({
      stack: this.stack,
      command,
      severity: "error",
      summary,
      detail,
      address: "",
      attributePath: "",
    });
  }

  /** Reports that a command was stopped after the session's timeout. */
  public timedOut(command: string): void {
    this.fail(
      command,
      "Timed out",
      `terraform ${command} took longer than ${this.session.timeoutMs / 1000} s and was stopped`,
    );
  }

  /** Adds one of Terraform's diagnostics, located by address and attribute path where it has a range. */
  public add(command: string, raw: RawDiagnostic): void {
    let located = { address: raw.address ?? "", attributePath: "" };
    const byte = raw.range?.start?.byte;
    if (byte !== undefined && raw.range?.filename === "cdk.tf.json") {
      const found = addressOf(jsonPathAt(this.text, charOffset(this.text, byte)));
      located = { address: raw.address ?? found.address, attributePath: found.attributePath };
    }
    this.diagnostics.push({
      stack: this.stack,
      command,
      severity: raw.severity === "warning" ? "warning" : "error",
      summary: raw.summary ?? "",
      detail: raw.detail ?? "",
      ...located,
    });
  }

  /**
   * Runs a command whose human-readable output carries its errors (init, plan -out, show);
   * resolves to its result when it succeeded, and to undefined (after reporting why) when it didn't.
   */
  public async runChecked(command: string, args: readonly string[]): Promise<CommandResult | undefined> {
    const result = await this.run(args);
    if (result.timedOut) {
      this.timedOut(command);
      return undefined;
    }
    if (result.code === 0) return result;
    const found = textDiagnostics(`${result.stderr}\n${result.stdout}`);
    found.forEach((d) => this.add(command, d));
    if (!found.some((d) => d.severity === "error")) {
      this.fail(command, `terraform ${command} failed`, `${result.stderr}${result.stdout}`.trim());
    }
    return undefined;
  }

  /** `terraform init`, with the local backend prepareConfig wrote; false (reported) when it fails. */
  public async init(): Promise<boolean> {
    return (
      (await this.runChecked("init", ["init", "-input=false", "-no-color", "-backend=true"])) !== undefined
    );
  }

  /**
   * Reads the JSON lines a `-json` command printed (plan -json, apply -json): reports their
   * diagnostics and returns every event.
   */
  public jsonEvents(command: string, stdout: string): { [key: string]: unknown }[] {
    const events: { [key: string]: unknown }[] = [];
    for (const line of stdout.split("\n")) {
      if (!line.startsWith("{")) continue;
      let event: { type?: string; diagnostic?: RawDiagnostic };
      try {
        event = JSON.parse(line);
      } catch {
        continue;
      }
      if (event.type === "diagnostic" && event.diagnostic) this.add(command, event.diagnostic);
      events.push(event as { [key: string]: unknown });
    }
    return events;
  }
}
