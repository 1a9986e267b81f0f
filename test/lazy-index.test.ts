// The run-time entry point (package.json `main`, src/lazy-index.ts) must export exactly what the typed
// entry point (`types`, src/index.ts, which jsii compiles) declares, and the very same objects.
import * as fs from "fs";
import * as path from "path";
import * as index from "../src";
import * as lazy from "../src/lazy-index";

const PACKAGE = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as {
  main: string;
  types: string;
};

test("package.json loads the lazy index at run time and types it with index.d.ts", () => {
  expect(PACKAGE.main).toBe("lib/lazy-index.js");
  expect(PACKAGE.types).toBe("lib/index.d.ts");
});

test("the lazy index exports the same names as index.ts", () => {
  expect(Object.keys(lazy).sort()).toEqual(Object.keys(index).sort());
});

test("each export of the lazy index is the very object index.ts exports", () => {
  const lazyExports = lazy as unknown as Record<string, unknown>;
  const indexExports = index as unknown as Record<string, unknown>;
  const different = Object.keys(indexExports).filter(
    (name) => name !== "alicloud" && lazyExports[name] !== indexExports[name],
  );
  expect(different).toEqual([]);
});

test("the lazy alicloud namespace holds the generated index's 21 bindings, the very same modules", () => {
  const lazyNamespace = (lazy as unknown as Record<string, unknown>).alicloud as Record<string, unknown>;
  const indexNamespace = index.alicloud as unknown as Record<string, unknown>;
  expect(Object.keys(lazyNamespace).sort()).toEqual(Object.keys(indexNamespace).sort());
  expect(Object.keys(lazyNamespace)).toHaveLength(21);
  const different = Object.keys(indexNamespace).filter(
    (name) => lazyNamespace[name] !== indexNamespace[name],
  );
  expect(different).toEqual([]);
  expect(lazyNamespace.provider).toHaveProperty("AlicloudProvider", index.alicloud.provider.AlicloudProvider);
});
