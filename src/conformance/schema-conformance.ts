import {
  checkTopLevelBody,
  closest,
  didYouMean,
  PROVIDER_META_ARGUMENTS,
  RESOURCE_META_ARGUMENTS,
} from "./config-walker";
import { childPath, describeValue, Findings, indexPath, isObject, JsonObject, listOf } from "./json-values";
import { show } from "../rules/text";
import { readTerraformJson } from "./terraform-json";
import { findReferences, parseAddress, Reference, TemplateFindings, templateFindings } from "./references";
import { applyRules } from "./rule-engine";
import { KnownProvider, providerByLocalName, providerForType } from "./terraform-schema";
import { Violation, ViolationKind } from "./violation";

/**
 * Checks a synthesized stack (`cdk.tf.json`) against the provider schemas this library vendors, offline:
 * aliyun/alicloud 1.289.0 (the resource and data-source types the library uses) and hashicorp/random
 * (`random_integer`). It reports what `terraform validate` and the providers' plan-time validation would
 * reject, so a stack can be checked on a machine without Terraform or registry access.
 *
 * Resources of other providers are not checked against a schema, but references to them are.
 *
 * @example
 *
 * const lines: string[] = [];
 * for (const violation of SchemaConformance.check(Testing.synth(stack))) {
 *   lines.push(SchemaConformance.format(violation)); // "<address> <path>: <message> [<KIND>]"
 * }
 */
export class SchemaConformance {
  /**
   * Every violation in a synthesized stack, in the order they appear in the document.
   *
   * @param synthesized the stack: the JSON text of a `cdk.tf.json` (e.g. the result of
   * `Testing.synth(stack)`), or that document already parsed
   * @returns the violations; empty when the stack conforms
   * @throws when the input is not a Terraform JSON configuration at all: the stack object itself
   *   (pass `Testing.synth(stack)`), text that isn't JSON, or JSON that isn't a configuration
   */
  // `any`: jsii has no union types, and this takes the text or the parsed document.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  public static check(synthesized: any): Violation[] {
    return SchemaConformance.checkParsed(
      readTerraformJson(synthesized, "SchemaConformance.check: the stack"),
    );
  }

  /**
   * Like `check`, for a stack that is already parsed (e.g. `JSON.parse(Testing.synth(stack))`).
   *
   * @param stack the parsed `cdk.tf.json` document
   * @returns the violations; empty when the stack conforms
   * @throws when the input is not a Terraform JSON configuration
   */
  public static checkParsed(stack: unknown): Violation[] {
    const findings = new Findings();
    const config = readTerraformJson(stack, "SchemaConformance.checkParsed: the stack");
    new StackChecker(config, findings).run();
    return findings.violations;
  }

  /**
   * One violation as a line of text: `<address> <path>: <message> [<KIND>]`.
   *
   * @param violation the violation to describe
   */
  public static format(violation: Violation): string {
    const where = [violation.address, violation.path].filter((part) => part !== "").join(" ");
    return `${where === "" ? "stack" : where}: ${violation.message} [${violation.kind}]`;
  }

  private constructor() {}
}

/** A `resource` or `data` block of the stack. */
interface DeclaredBlock {
  readonly dataSource: boolean;
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly body: JsonObject;
}

class StackChecker {
  private readonly declared: DeclaredBlock[] = [];

  constructor(
    private readonly stack: JsonObject,
    private readonly findings: Findings,
  ) {}

  public run(): void {
    this.collect("resource", false);
    this.collect("data", true);
    this.checkRequiredProviders();
    this.checkProviderBlocks();
    for (const block of this.declared) this.checkDeclaredBlock(block);
    this.checkOtherReferences();
    this.checkCycles();
  }

  private malformed(address: string, message: string): void {
    this.findings.add(ViolationKind.MALFORMED_CONFIGURATION, address, "", message);
  }

  /** Gathers `resource.<type>.<name>` (or `data...`) bodies, reporting anything not shaped that way. */
  private collect(section: "resource" | "data", dataSource: boolean): void {
    const types = this.stack[section];
    if (types === undefined) return;
    if (!isObject(types)) {
      this.malformed(section, `must be an object of ${section} types, got ${describeValue(types)}`);
      return;
    }
    for (const [type, named] of Object.entries(types)) {
      const typeAddress = dataSource ? `data.${type}` : type;
      if (!isObject(named)) {
        this.malformed(typeAddress, `must be an object of named blocks, got ${describeValue(named)}`);
        continue;
      }
      for (const [name, body] of Object.entries(named)) {
        const address = `${typeAddress}.${name}`;
        if (!isObject(body)) {
          this.malformed(address, `must be an object (the block's arguments), got ${describeValue(body)}`);
          continue;
        }
        this.declared.push({ dataSource, type, name, address, body });
      }
    }
  }

  /** Each vendored provider the stack uses must be in `terraform.required_providers` with its source. */
  private checkRequiredProviders(): void {
    const users = new Map<string, { provider: KnownProvider; firstUser: string }>();
    const use = (localName: string, provider: KnownProvider, user: string) => {
      if (!users.has(localName)) users.set(localName, { provider, firstUser: user });
    };
    for (const block of this.declared) {
      const provider = providerForType(block.type);
      if (!provider) continue;
      // `provider = "alicloud.west"` picks a configuration by local name and alias.
      const meta = typeof block.body.provider === "string" ? block.body.provider.split(".")[0] : undefined;
      use(meta ?? provider.localName, provider, block.address);
    }
    const providerBlocks = isObject(this.stack.provider) ? this.stack.provider : {};
    for (const localName of Object.keys(providerBlocks)) {
      const provider = providerByLocalName(localName);
      if (provider) use(localName, provider, `provider.${localName}`);
    }

    const terraform = isObject(this.stack.terraform) ? this.stack.terraform : {};
    const required = isObject(terraform.required_providers) ? terraform.required_providers : {};
    for (const [localName, { provider, firstUser }] of users) {
      const entry = required[localName];
      const path = childPath("required_providers", localName);
      const report = (where: string, message: string) =>
        this.findings.add(ViolationKind.PROVIDER_REQUIREMENT, "terraform", where, message);
      if (entry === undefined) {
        report(
          path,
          `is not declared, but ${firstUser} uses it; declare it with source "${provider.source}" ` +
            `(without it Terraform looks for hashicorp/${localName})`,
        );
      } else if (!isObject(entry) || typeof entry.source !== "string") {
        report(childPath(path, "source"), `is not set; it must be ${show(provider.source)}`);
      } else if (normalizeSource(entry.source) !== provider.source) {
        report(
          childPath(path, "source"),
          `must be ${show(provider.source)}, got ${describeValue(entry.source)}`,
        );
      }
    }
  }

  /** `provider.<name>` is a list of configurations in cdktf output (a single object is accepted too). */
  private checkProviderBlocks(): void {
    const section = this.stack.provider;
    if (section === undefined) return;
    if (!isObject(section)) {
      this.malformed(
        "provider",
        `must be an object of provider configurations, got ${describeValue(section)}`,
      );
      return;
    }
    for (const [localName, configurations] of Object.entries(section)) {
      const items = Array.isArray(configurations)
        ? configurations.map((body, index) => ({ body, address: indexPath(`provider.${localName}`, index) }))
        : [{ body: configurations, address: `provider.${localName}` }];
      const provider = providerByLocalName(localName);
      // Terraform allows one default (non-aliased) configuration per provider, and each alias once.
      const firstByAlias = new Map<string, string>();
      for (const { body, address } of items) {
        if (!isObject(body)) {
          this.malformed(address, `must be an object (the provider's arguments), got ${describeValue(body)}`);
          continue;
        }
        if (body.alias === undefined || typeof body.alias === "string") {
          const alias = body.alias ?? "";
          const first = firstByAlias.get(alias);
          if (first === undefined) firstByAlias.set(alias, address);
          else {
            this.findings.add(
              ViolationKind.DUPLICATE_PROVIDER,
              address,
              alias === "" ? "" : "alias",
              alias === ""
                ? `is a second default (non-aliased) configuration of the ${localName} provider, after ${first}; ` +
                    "Terraform rejects it (Duplicate provider configuration): remove one, or give it an alias"
                : `repeats the alias "${alias}" of ${first}; Terraform rejects it (Duplicate provider configuration)`,
            );
          }
        }
        this.checkReferences(address, body, "");
        if (!provider) continue;
        // validations.json's `provider` rules are aliyun/alicloud's; other providers have none.
        const ruleTarget = localName === "alicloud" ? "provider" : `provider.${localName}`;
        checkTopLevelBody(body, provider.provider, {
          address,
          ruleTarget,
          owner: `the ${localName} provider`,
          metaArguments: PROVIDER_META_ARGUMENTS,
          findings: this.findings,
        });
        applyRules(ruleTarget, address, body, provider.source, this.findings);
      }
    }
  }

  private checkDeclaredBlock(block: DeclaredBlock): void {
    this.checkReferences(block.address, block.body, "");
    this.checkDependsOn(block);
    this.checkLifecycleAndCount(block);
    const provider = providerForType(block.type);
    if (!provider) return; // another provider's type: no schema to check against
    const schemas = block.dataSource ? provider.dataSources : provider.resources;
    const schema = schemas[block.type];
    const kind = block.dataSource ? "data-source" : "resource";
    if (!schema) {
      this.findings.add(
        ViolationKind.UNKNOWN_TYPE,
        block.address,
        "",
        `"${block.type}" is not a ${kind} type in the vendored ${provider.source} ${provider.version} schema` +
          `${didYouMean(closest(block.type, Object.keys(schemas)))}`,
      );
      return;
    }
    const ruleTarget = block.dataSource ? `data.${block.type}` : block.type;
    checkTopLevelBody(block.body, schema, {
      address: block.address,
      ruleTarget,
      owner: block.dataSource ? `data source ${block.type}` : block.type,
      metaArguments: RESOURCE_META_ARGUMENTS,
      findings: this.findings,
    });
    applyRules(ruleTarget, block.address, block.body, provider.source, this.findings);
  }

  /** `lifecycle` takes only Terraform's own arguments; a literal `count` must be a whole number. */
  private checkLifecycleAndCount(block: DeclaredBlock): void {
    const lifecycle = block.body.lifecycle;
    if (isObject(lifecycle)) {
      for (const key of Object.keys(lifecycle)) {
        if (LIFECYCLE_ARGUMENTS.has(key)) continue;
        this.findings.add(
          ViolationKind.UNKNOWN_ARGUMENT,
          block.address,
          childPath("lifecycle", key),
          `lifecycle has no argument named "${key}"${didYouMean(closest(key, [...LIFECYCLE_ARGUMENTS]))}`,
        );
      }
    }
    const count = block.body.count;
    const literal = typeof count === "string" && !count.includes("${");
    if (
      (literal && !/^\s*\d+\s*$/.test(count)) ||
      typeof count === "boolean" ||
      isObject(count) ||
      Array.isArray(count)
    ) {
      this.findings.add(
        ViolationKind.WRONG_TYPE,
        block.address,
        "count",
        `must be a whole number (or an expression), got ${describeValue(count)}`,
      );
    }
  }

  /**
   * Terraform orders resources and data sources by their references and `depends_on`; a cycle among
   * them (or a block referring to itself) cannot be ordered, and `terraform validate` rejects it.
   */
  private checkCycles(): void {
    const key = (dataSource: boolean, type: string, name: string) =>
      `${dataSource ? "data." : ""}${type}.${name}`;
    const declared = new Map(this.declared.map((block) => [block.address, block]));
    const edges = new Map<string, Set<string>>();
    const strings = (value: unknown, out: string[]): string[] => {
      if (typeof value === "string") out.push(value);
      else if (Array.isArray(value)) value.forEach((item) => strings(item, out));
      else if (isObject(value))
        for (const [k, item] of Object.entries(value)) if (k !== "//") strings(item, out);
      return out;
    };
    for (const block of this.declared) {
      const targets = new Set<string>();
      const { provider: _provider, lifecycle: _lifecycle, depends_on: dependsOn, ...rest } = block.body;
      for (const text of strings(rest, [])) {
        for (const reference of findReferences(text)) {
          const target = key(reference.dataSource, reference.type, reference.name);
          if (declared.has(target)) targets.add(target);
        }
      }
      for (const entry of Array.isArray(dependsOn) ? dependsOn : []) {
        if (typeof entry !== "string") continue;
        const reference = parseAddress(entry.replace(/^\$\{(.*)\}$/, "$1"));
        if (reference) {
          const target = key(reference.dataSource, reference.type, reference.name);
          if (declared.has(target)) targets.add(target);
        }
      }
      edges.set(block.address, targets);
    }
    // Tarjan's strongly connected components: each component of two or more blocks is a cycle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const components: string[][] = [];
    let counter = 0;
    const visit = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      for (const next of edges.get(node) ?? []) {
        if (!index.has(next)) {
          visit(next);
          low.set(node, Math.min(low.get(node)!, low.get(next)!));
        } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    };
    for (const block of this.declared) if (!index.has(block.address)) visit(block.address);
    const order = this.declared.map((block) => block.address);
    for (const component of components) {
      const members = component.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      if (members.length === 1) {
        if (edges.get(members[0])?.has(members[0])) {
          this.findings.add(
            ViolationKind.INVALID_REFERENCE,
            members[0],
            "",
            "refers to itself; Terraform rejects it (Self-referential block)",
          );
        }
        continue;
      }
      this.findings.add(
        ViolationKind.INVALID_REFERENCE,
        members[0],
        "",
        `is in a dependency cycle with ${listOf(members.slice(1))} (through references or depends_on); ` +
          "Terraform cannot order them (Cycle)",
      );
    }
  }

  /** `depends_on` lists bare addresses; each resource or data source it names must exist. */
  private checkDependsOn(block: DeclaredBlock): void {
    const dependsOn = block.body.depends_on;
    if (!Array.isArray(dependsOn)) return;
    dependsOn.forEach((entry, index) => {
      if (typeof entry !== "string") return;
      const reference = parseAddress(entry.replace(/^\$\{(.*)\}$/, "$1"));
      if (reference && !this.find(reference)) {
        this.findings.add(
          ViolationKind.INVALID_REFERENCE,
          block.address,
          indexPath("depends_on", index),
          `names ${reference.text}, which this stack does not declare`,
        );
      }
    });
  }

  /** References in outputs, locals and module arguments. */
  private checkOtherReferences(): void {
    for (const [section, prefix] of [
      ["output", "output."],
      ["locals", "local."],
      ["module", "module."],
    ] as const) {
      const entries = this.stack[section];
      if (!isObject(entries)) continue;
      for (const [name, value] of Object.entries(entries))
        this.checkReferences(`${prefix}${name}`, value, "");
    }
  }

  /** Every `${...}` reference in every string under `value` must name a declared block and a real attribute. */
  private checkReferences(
    address: string,
    value: unknown,
    path: string,
    iterators: ReadonlySet<string> = new Set(),
  ) {
    if (typeof value === "string") {
      const findings = templateFindings();
      for (const reference of findReferences(value, iterators, findings)) {
        this.checkReference(address, path, reference);
      }
      this.checkTemplate(address, path, findings);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => this.checkReferences(address, item, indexPath(path, index), iterators));
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (key === "//") continue;
        if (key === "dynamic" && isObject(item)) {
          for (const [label, spec] of Object.entries(item)) {
            // Inside a dynamic block, the iterator (named after the block unless `iterator` says otherwise)
            // is a local symbol, not a resource.
            const iterator = isObject(spec) && typeof spec.iterator === "string" ? spec.iterator : label;
            const scoped = new Set([...iterators, iterator]);
            this.checkReferences(address, spec, childPath(childPath(path, key), label), scoped);
          }
          continue;
        }
        this.checkReferences(address, item, childPath(path, key), iterators);
      }
    }
  }

  /**
   * What Terraform can't resolve in a template besides resources: undeclared variables and locals, a
   * bare name (`${x}`, which Terraform reads as a resource type without a name), and a `${` or `%{`
   * that is never closed. A user's text that reaches the JSON unescaped ends up here.
   */
  private checkTemplate(address: string, path: string, findings: TemplateFindings): void {
    const report = (message: string) =>
      this.findings.add(ViolationKind.INVALID_REFERENCE, address, path, message);
    const declared = (section: string) =>
      isObject(this.stack[section]) ? Object.keys(this.stack[section]) : [];
    for (const [names, section, root] of [
      [findings.variables, "variable", "var"],
      [findings.locals, "locals", "local"],
    ] as const) {
      const known = declared(section);
      for (const name of new Set(names)) {
        const near = closest(name, known);
        if (!known.includes(name)) {
          report(
            `references ${root}.${name}, which this stack does not declare${near === undefined ? "" : ` (did you mean ${root}.${near}?)`}`,
          );
        }
      }
    }
    for (const name of new Set(findings.bareNames)) {
      report(
        `has the template \${${name}}, which Terraform reads as a reference to a resource type "${name}" without a name (Invalid reference); write $\${ for a literal \${`,
      );
    }
    if (findings.unterminated !== undefined) {
      report(
        `has a template that is never closed, ${describeValue(findings.unterminated)} (Terraform: Unterminated template string); write $\${ or %%{ for literal text`,
      );
    }
  }

  private checkReference(address: string, path: string, reference: Reference): void {
    const report = (message: string) =>
      this.findings.add(ViolationKind.INVALID_REFERENCE, address, path, message);
    const target = this.find(reference);
    const targetAddress = `${reference.dataSource ? "data." : ""}${reference.type}.${reference.name}`;
    if (!target) {
      report(`references ${targetAddress}, which this stack does not declare`);
      return;
    }
    if (reference.attribute === undefined || reference.attribute === "id") return;
    const provider = providerForType(reference.type);
    const schema =
      provider && (reference.dataSource ? provider.dataSources : provider.resources)[reference.type];
    if (!schema) return; // unknown type: reported on the block itself, or another provider's
    const names = [...Object.keys(schema.attributes ?? {}), ...Object.keys(schema.block_types ?? {})];
    if (!names.includes(reference.attribute)) {
      report(
        `references ${reference.text}, but ${reference.type} has no attribute "${reference.attribute}"` +
          didYouMean(closest(reference.attribute, names)),
      );
    }
  }

  private find(reference: Reference): DeclaredBlock | undefined {
    return this.declared.find(
      (block) =>
        block.dataSource === reference.dataSource &&
        block.type === reference.type &&
        block.name === reference.name,
    );
  }
}

/** The arguments of a `lifecycle` block. */
const LIFECYCLE_ARGUMENTS: ReadonlySet<string> = new Set([
  "create_before_destroy",
  "prevent_destroy",
  "ignore_changes",
  "replace_triggered_by",
  "precondition",
  "postcondition",
]);

/** `registry.terraform.io/aliyun/alicloud` and `Aliyun/AliCloud` name the same provider as `aliyun/alicloud`. */
function normalizeSource(source: string): string {
  return source
    .trim()
    .toLowerCase()
    .replace(/^registry\.terraform\.io\//, "");
}
