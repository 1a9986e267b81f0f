// The served provider's side of state, without Terraform: the vendored replacement rules against the
// vendored schemas, and how a change is planned, applied, read and upgraded (src/terraform/
// resource-change.ts). test/diff.test.ts shows the same rules through real Terraform.
import * as fs from "fs";
import * as path from "path";
import { CtyValue, decodeMsgpack, encodeMsgpack, UnknownValue } from "../src/terraform/msgpack";
import { ProtoMessage, ProtoWriter } from "../src/terraform/protobuf";
import { providerHandlers, replacesOnImageUpdate } from "../src/terraform/provider";
import { parseReplacementRules, ruleFor } from "../src/terraform/replacement-rules";
import {
  applyPlanned,
  changedArguments,
  keepersRequireReplace,
  planResourceChange,
  upgradeState,
} from "../src/terraform/resource-change";
import { BlockSchema, parseSchemaDocument } from "../src/terraform/schema-file";

const SCHEMA_DIR = path.join(__dirname, "..", "schema");
const read = (file: string) => fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8");
const PROVIDERS = ["alicloud.json", "random.json"].flatMap((file) => parseSchemaDocument(read(file), file));
const RULES = parseReplacementRules(read("replacement.json"), "replacement.json");
/** Every resource type of the schemas the bindings are generated from, with its block. */
const RESOURCES: { [type: string]: BlockSchema } = Object.fromEntries(
  PROVIDERS.flatMap((provider) =>
    Object.entries(provider.resources).map(([type, s]) => [type, s.block ?? {}]),
  ),
);
const U = UnknownValue.PLAIN;
type Values = { [name: string]: CtyValue };

/** Every argument path of a block, nested blocks joined with "." (blocks themselves included). */
function paths(block: BlockSchema, prefix = ""): string[] {
  const found: string[] = [];
  for (const name of Object.keys(block.attributes ?? {})) found.push(`${prefix}${name}`);
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    found.push(`${prefix}${name}`, ...paths(nested.block, `${prefix}${name}.`));
  }
  return found;
}

describe("schema/replacement.json and the vendored schemas", () => {
  test("name the same resource types", () => {
    expect(Object.keys(RULES).sort()).toEqual(Object.keys(RESOURCES).sort());
  });

  test("every ForceNew path is an argument or block of its type's schema", () => {
    const unknown = Object.entries(RULES).flatMap(([type, rule]) =>
      rule.forceNew.filter((p) => !paths(RESOURCES[type]).includes(p)).map((p) => `${type} ${p}`),
    );
    expect(unknown).toEqual([]);
  });

  test("the export and the policy attachment have no Update; a type the file doesn't name updates in place", () => {
    expect(Object.keys(RULES).filter((type) => !RULES[type].update)).toEqual([
      "alicloud_image_export",
      "alicloud_ram_role_policy_attachment",
    ]);
    expect(ruleFor(RULES, "null_resource")).toEqual({
      forceNew: [],
      update: true,
      customizeDiff: false,
      known: false,
    });
  });

  test("a file that isn't one is a clear error", () => {
    expect(() => parseReplacementRules("[]", "r.json")).toThrow(
      "r.json must hold an object of resource types",
    );
    expect(() => parseReplacementRules('{"x": {"update": true}}', "r.json")).toThrow(
      "r.json: x needs force_new (a list of argument paths) and update (a boolean)",
    );
  });
});

/** The prior state of an alicloud_image_export as our apply leaves it. */
function exportState(overrides: Values = {}): Values {
  return {
    id: "m-1",
    image_id: "m-1",
    oss_bucket: "b",
    oss_prefix: "nightly",
    timeouts: { create: "20m" },
    ...overrides,
  };
}

const plan = (
  type: string,
  prior: Values | null,
  proposed: Values | null,
  config: Values | null = proposed,
  flag = false,
) =>
  planResourceChange(
    RESOURCES[type],
    RULES[type],
    { type, replaceOnImageUpdate: flag },
    prior,
    proposed,
    config,
  );

describe("planning a change", () => {
  test("create: computed attributes left null are unknown; destroy: null", () => {
    const proposed = { ...exportState(), id: null };
    expect(plan("alicloud_image_export", null, proposed)).toEqual({
      planned: { ...proposed, id: U },
      requiresReplace: [],
    });
    expect(plan("alicloud_image_export", exportState(), null)).toEqual({
      planned: null,
      requiresReplace: [],
    });
  });

  test("nothing changed, or only the timeouts: the prior state (no change), even without Update", () => {
    const prior = exportState();
    expect(plan("alicloud_image_export", prior, exportState())).toEqual({
      planned: prior,
      requiresReplace: [],
    });
    const longer = exportState({ timeouts: { create: "1h" } });
    expect(plan("alicloud_image_export", prior, longer)).toEqual({ planned: prior, requiresReplace: [] });
  });

  test("a ForceNew argument replaces: its path, and computed attributes unknown again", () => {
    const proposed = exportState({ oss_prefix: "weekly" });
    const config = { ...proposed, id: null };
    expect(plan("alicloud_image_export", exportState(), proposed, config)).toEqual({
      planned: { ...proposed, id: U },
      requiresReplace: [[{ attribute: "oss_prefix" }]],
    });
  });

  test("an unknown value (an attribute of a replaced resource) counts as a change", () => {
    const { requiresReplace } = plan("alicloud_image_export", exportState(), exportState({ image_id: U }));
    expect(requiresReplace).toEqual([[{ attribute: "image_id" }]]);
  });

  test("an argument that isn't ForceNew updates in place, keeping the computed values", () => {
    const prior = { id: "vpc-1", vpc_name: "a", cidr_block: "10.0.0.0/16", status: "Available" };
    const proposed = { ...prior, vpc_name: "b" };
    const block = { attributes: RESOURCES.alicloud_vpc.attributes };
    expect(
      planResourceChange(block, RULES.alicloud_vpc, { type: "alicloud_vpc" }, prior, proposed, proposed),
    ).toEqual({
      planned: proposed,
      requiresReplace: [],
    });
  });

  test("nested blocks: names leave out indexes, paths keep them; a block added changes all its arguments", () => {
    const block: BlockSchema = {
      attributes: { name: { type: "string", optional: true }, id: { type: "string", computed: true } },
      block_types: {
        disk: {
          nesting_mode: "list",
          block: {
            attributes: {
              size: { type: "number", required: true },
              category: { type: "string", optional: true },
              device: { type: "string", computed: true },
            },
          },
        },
      },
    };
    const prior = { name: "a", id: "x", disk: [{ size: 1, category: "c", device: "/dev/a" }] };
    expect(changedArguments(block, prior, { ...prior, id: "changed" })).toEqual([]);
    expect(
      changedArguments(block, prior, { ...prior, disk: [{ size: 2, category: "c", device: "/dev/a" }] }),
    ).toEqual([{ steps: [{ attribute: "disk" }, { index: 0 }, { attribute: "size" }], name: "disk.size" }]);
    const added = { ...prior, disk: [...prior.disk, { size: 1, category: null, device: null }] };
    expect(changedArguments(block, prior, added)).toEqual([
      { steps: [{ attribute: "disk" }, { index: 1 }], name: "disk.size" },
      { steps: [{ attribute: "disk" }, { index: 1 }], name: "disk.category" },
    ]);
  });

  test("alicloud_instance: a data disk's size replaces; a new image_id only with replace_on_image_update", () => {
    const block = RESOURCES.alicloud_instance;
    const prior = upgradeState(block, {
      image_id: "m-old",
      instance_name: "n",
      data_disks: [{ size: 20 }],
    }) as Values;
    const disk = { ...((prior.data_disks as Values[])[0] as Values), size: 40 };
    expect(plan("alicloud_instance", prior, { ...prior, data_disks: [disk] }).requiresReplace).toEqual([
      [{ attribute: "data_disks" }, { index: 0 }, { attribute: "size" }],
    ]);
    const newImage = { ...prior, image_id: "m-new" };
    expect(plan("alicloud_instance", prior, newImage).requiresReplace).toEqual([]);
    expect(plan("alicloud_instance", prior, newImage, newImage, true).requiresReplace).toEqual([
      [{ attribute: "image_id" }],
    ]);
    // An image id not known yet: the CustomizeDiff leaves it to an update.
    const unknownImage = { ...prior, image_id: U };
    expect(plan("alicloud_instance", prior, unknownImage, unknownImage, true).requiresReplace).toEqual([]);
  });

  test("alicloud_image: a new instance_id updates in place", () => {
    const prior = upgradeState(RESOURCES.alicloud_image, {
      id: "m-1",
      instance_id: "i-old",
      image_name: "n",
    }) as Values;
    const proposed = { ...prior, instance_id: U };
    expect(plan("alicloud_image", prior, proposed)).toEqual({ planned: proposed, requiresReplace: [] });
  });

  test("random_integer: min, max and seed replace; keepers only when a key gets a new non-null value", () => {
    const prior = { id: "5", min: 1, max: 9, seed: null, result: 5, keepers: { a: "1" } };
    expect(plan("random_integer", prior, { ...prior, max: 10 }).requiresReplace).toEqual([
      [{ attribute: "max" }],
    ]);
    expect(keepersRequireReplace({ a: "1" }, { a: "2" })).toBe(true);
    expect(keepersRequireReplace({ a: "1" }, { a: "1", b: "2" })).toBe(true);
    expect(keepersRequireReplace({ a: "1" }, { a: "1", b: null })).toBe(false);
    expect(keepersRequireReplace({ a: "1", b: "2" }, { a: "1" })).toBe(false);
    expect(plan("random_integer", prior, { ...prior, keepers: {} }).requiresReplace).toEqual([]);
    expect(plan("random_integer", prior, { ...prior, keepers: { a: "2" } }).requiresReplace).toEqual([
      [{ attribute: "keepers" }],
    ]);
  });

  test("the provider block's features.ecs_instance.replace_on_image_update", () => {
    expect(replacesOnImageUpdate({ features: [{ ecs_instance: [{ replace_on_image_update: true }] }] })).toBe(
      true,
    );
    expect(replacesOnImageUpdate({ features: [{ ecs_instance: [{ replace_on_image_update: null }] }] })).toBe(
      false,
    );
    expect(replacesOnImageUpdate({ features: [] })).toBe(false);
    expect(replacesOnImageUpdate(null)).toBe(false);
  });
});

describe("applying, reading back and upgrading", () => {
  test("placeholders are deterministic, follow the provider's semantics, and fill every unknown", () => {
    const image = applyPlanned("alicloud_image", RESOURCES.alicloud_image, {
      ...(upgradeState(RESOURCES.alicloud_image, { image_name: "n", instance_id: "i-1" }) as Values),
      id: U,
      status: U,
    }) as { [k: string]: unknown };
    expect(image.id).toMatch(/^m-[0-9a-z]{20}$/);
    expect(image.status).toMatch(/^status-[0-9a-f]{8}$/);
    expect(image.image_name).toBe("n");

    const planned = { id: U, image_id: "m-abc", oss_bucket: "b", oss_prefix: "p", timeouts: null };
    expect(applyPlanned("alicloud_image_export", RESOURCES.alicloud_image_export, planned)).toEqual({
      ...planned,
      id: "m-abc",
    });

    const integer = (min: number, max: number, keepers: Values | null = null) =>
      applyPlanned("random_integer", RESOURCES.random_integer, {
        id: U,
        min,
        max,
        seed: null,
        keepers,
        result: U,
      }) as {
        id: string;
        result: number;
      };
    const first = integer(10000, 99999);
    expect(first.result).toBeGreaterThanOrEqual(10000);
    expect(first.result).toBeLessThanOrEqual(99999);
    expect(first.id).toBe(String(first.result));
    expect(integer(10000, 99999)).toEqual(first);
    expect(integer(10000, 99999, { k: "v" }).result).not.toBe(first.result);
    expect(integer(3, 3).result).toBe(3);
  });

  test("upgrade: the stored JSON in the schema's type, missing attributes null, missing blocks empty", () => {
    const state = upgradeState(RESOURCES.alicloud_image_export, { id: "m-1", image_id: "m-1", dropped: 1 });
    expect(state).toEqual({ id: "m-1", image_id: "m-1", oss_bucket: null, oss_prefix: null, timeouts: null });
    const bucket = upgradeState(RESOURCES.alicloud_oss_bucket, { bucket: "b" }) as { [k: string]: unknown };
    expect(bucket.lifecycle_rule).toEqual([]);
    expect(bucket.tags).toBeNull();
  });
});

describe("the RPCs, with tfplugin5's field numbers", () => {
  const handlers = providerHandlers(
    PROVIDERS.find((p) => p.address.endsWith("/aliyun/alicloud"))!,
    RULES,
  );
  const call = (method: string, request: ProtoWriter, connection = {}) =>
    ProtoMessage.decode(
      handlers.get(`/tfplugin5.Provider/${method}`)!(request.finish(), connection) as Buffer,
    );
  const dynamic = (value: CtyValue) => new ProtoWriter().bytes(1, encodeMsgpack(value));
  const valueOf = (message: ProtoMessage | undefined) => decodeMsgpack(message!.bytes(1)!);
  const prior = { id: "m-1", image_id: "m-1", oss_bucket: "b", oss_prefix: "nightly", timeouts: null };

  test("ReadResource returns the stored state (2 -> 1) and its private data (3 -> 3)", () => {
    const response = call(
      "ReadResource",
      new ProtoWriter()
        .string(1, "alicloud_image_export")
        .message(2, dynamic(prior))
        .bytes(3, Buffer.from("kept")),
    );
    expect(valueOf(response.message(1))).toEqual(prior);
    expect(response.string(3)).toBe("kept");
  });

  test("UpgradeResourceState decodes RawState.json (3.1) into the schema's type (-> 1)", () => {
    const json = Buffer.from(JSON.stringify({ id: "m-1", image_id: "m-1" }));
    const response = call(
      "UpgradeResourceState",
      new ProtoWriter().string(1, "alicloud_image_export").message(3, new ProtoWriter().bytes(1, json)),
    );
    expect(valueOf(response.message(1))).toEqual({ ...prior, oss_bucket: null, oss_prefix: null });
  });

  test("PlanResourceChange answers requires_replace (2) as AttributePaths and sets legacy_type_system (5)", () => {
    const proposed = { ...prior, oss_prefix: "weekly" };
    const response = call(
      "PlanResourceChange",
      new ProtoWriter()
        .string(1, "alicloud_image_export")
        .message(2, dynamic(prior))
        .message(3, dynamic(proposed))
        .message(4, dynamic({ ...proposed, id: null })),
    );
    expect(valueOf(response.message(1))).toEqual({ ...proposed, id: UnknownValue.PLAIN });
    // requires_replace[0].steps[0].attribute_name
    expect(response.message(2)?.message(1)?.string(1)).toBe("oss_prefix");
    expect(response.varint(5)).toBe(1);
  });

  test("ApplyResourceChange fills the planned state (3 -> 1) and sets legacy_type_system (4); a destroy is null", () => {
    const planned = { ...prior, id: UnknownValue.PLAIN };
    const applied = call(
      "ApplyResourceChange",
      new ProtoWriter()
        .string(1, "alicloud_image_export")
        .message(2, dynamic(null))
        .message(3, dynamic(planned)),
    );
    expect(valueOf(applied.message(1))).toEqual(prior);
    expect(applied.varint(4)).toBe(1);
    const destroyed = call(
      "ApplyResourceChange",
      new ProtoWriter()
        .string(1, "alicloud_image_export")
        .message(2, dynamic(prior))
        .message(3, dynamic(null)),
    );
    expect(valueOf(destroyed.message(1))).toBeNull();
  });

  test("Configure keeps the provider configuration's features for this connection's plans", () => {
    const connection = {};
    const features = { features: [{ ecs_instance: [{ replace_on_image_update: true }] }] };
    call("Configure", new ProtoWriter().message(2, dynamic(features)), connection);
    expect(connection).toEqual({ replaceOnImageUpdate: true });
  });
});
