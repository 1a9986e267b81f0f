// Placeholder values for declared variables, from their type constraint (`string`, `list(string)`,
// `object({ name = string, size = optional(number) })`, ...), so that a stack whose variables have no
// defaults can be planned. Like the data-source placeholders, they only make expressions evaluate.

/** A value of the type a Terraform type constraint describes. */
export function placeholderForTypeConstraint(constraint: string, name: string): unknown {
  const tokens = constraint.match(/[A-Za-z_][A-Za-z0-9_-]*|[(){}[\]=,]/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const expect = (token: string) => {
    if (next() !== token) throw new Error(`unexpected type constraint ${constraint}`);
  };
  const type = (path: string): unknown => {
    const word = next();
    switch (word) {
      case "string":
      case "any":
      case undefined:
        return `placeholder-${path}`;
      case "number":
        return 1;
      case "bool":
        return false;
      case "list":
      case "set": {
        expect("(");
        const item = type(`${path}-0`);
        expect(")");
        return [item];
      }
      case "map": {
        expect("(");
        const item = type(`${path}-key`);
        expect(")");
        return { key: item };
      }
      case "optional": {
        expect("(");
        const inner = type(path);
        if (peek() === ",") {
          // optional(type, default): skip the default expression
          let depth = 0;
          while (i < tokens.length && !(depth === 0 && peek() === ")")) {
            const t = next();
            if (t === "(" || t === "{" || t === "[") depth++;
            if (t === ")" || t === "}" || t === "]") depth--;
          }
        }
        expect(")");
        return inner;
      }
      case "tuple": {
        expect("(");
        expect("[");
        const items: unknown[] = [];
        while (peek() !== "]" && i < tokens.length) {
          items.push(type(`${path}-${items.length}`));
          if (peek() === ",") next();
        }
        expect("]");
        expect(")");
        return items;
      }
      case "object": {
        expect("(");
        expect("{");
        const object: { [key: string]: unknown } = {};
        while (peek() !== "}" && i < tokens.length) {
          const key = next() ?? "";
          expect("=");
          object[key] = type(`${path}-${key}`);
          if (peek() === ",") next();
        }
        expect("}");
        expect(")");
        return object;
      }
      default:
        return `placeholder-${path}`;
    }
  };
  try {
    return type(name);
  } catch {
    return `placeholder-${name}`;
  }
}
