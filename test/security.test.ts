// The secure defaults, checked on the synthesized JSON: nothing can reach the scaffold's instance,
// the bucket is private and encrypted before ECS writes to it, RAM is touched only when asked and
// then with the least it takes, and no credential ever lands in cdk.tf.json.
import * as fs from "fs";
import * as path from "path";
import {
  alicloud,
  ImageExport,
  IMAGE_EXPORT_ROLE_NAME,
  IMAGE_EXPORT_ROLE_POLICY,
  ImageExportRole,
} from "../src";
import { ALL_STACKS, stackInRegion, synthFresh, synthJson, TerraformJson } from "./support/synth-helpers";

type Blocks = Record<string, Record<string, unknown>>;

/** The blocks of one resource type, by logical name (empty when there are none). */
const resources = (config: TerraformJson, type: string): Blocks => config.resource?.[type] ?? {};
const only = (config: TerraformJson, type: string): Record<string, unknown> => {
  const blocks = Object.values(resources(config, type));
  expect(blocks).toHaveLength(1);
  return blocks[0] as Record<string, unknown>;
};
const resourceTypes = (config: TerraformJson): string[] => Object.keys(config.resource ?? {});

const defaults = (): TerraformJson => {
  const stack = stackInRegion();
  new ImageExport(stack, "Export");
  return synthJson(stack);
};

/** Every stack the library's users see (the examples) and the ones with the most in them. */
const everyStack = (): [string, TerraformJson][] =>
  ALL_STACKS.map(([id, Stack]) => [id, JSON.parse(synthFresh(Stack, id))]);

describe("the scaffold's instance can't be reached", () => {
  test("no public IP: no outbound public bandwidth and no allocate_public_ip", () => {
    for (const [id, config] of everyStack()) {
      for (const instance of Object.values(resources(config, "alicloud_instance"))) {
        expect({ id, bandwidth: instance.internet_max_bandwidth_out }).toEqual({ id, bandwidth: 0 });
        expect(instance).not.toHaveProperty("allocate_public_ip");
      }
    }
  });

  test("no security group rules at all, so no inbound rule, and the group drops traffic between members", () => {
    for (const [id, config] of everyStack()) {
      expect({ id, types: resourceTypes(config) }).toEqual({
        id,
        types: expect.not.arrayContaining(["alicloud_security_group_rule"]),
      });
      for (const group of Object.values(resources(config, "alicloud_security_group"))) {
        expect(group.inner_access_policy).toBe("Drop");
      }
    }
  });

  test("the instance's metadata service answers only token-authenticated requests", () => {
    expect(only(defaults(), "alicloud_instance").http_tokens).toBe("required");
  });

  test("the instance sits in the scaffold's own security group", () => {
    const config = defaults();
    const [groupName] = Object.keys(resources(config, "alicloud_security_group"));
    expect(only(config, "alicloud_instance").security_groups).toEqual([
      `\${alicloud_security_group.${groupName}.id}`,
    ]);
  });
});

describe("the created bucket is private and encrypted before anything is written to it", () => {
  test("ACL private, public access blocked, server-side encryption on, no force destroy", () => {
    const config = defaults();
    const [bucketName] = Object.keys(resources(config, "alicloud_oss_bucket"));
    const bucketRef = `\${alicloud_oss_bucket.${bucketName}.bucket}`;
    const bucket = only(config, "alicloud_oss_bucket");
    expect(bucket.force_destroy).toBe(false);
    // The bucket resource itself never asks for a public ACL.
    expect(bucket.acl === undefined || bucket.acl === "private").toBe(true);
    expect(only(config, "alicloud_oss_bucket_acl")).toEqual({ bucket: bucketRef, acl: "private" });
    expect(only(config, "alicloud_oss_bucket_public_access_block")).toEqual({
      bucket: bucketRef,
      block_public_access: true,
    });
    expect(only(config, "alicloud_oss_bucket_server_side_encryption")).toEqual({
      bucket: bucketRef,
      sse_algorithm: "AES256",
    });
  });

  test("the export waits for the ACL, the access block and the encryption", () => {
    const config = defaults();
    const dependsOn = only(config, "alicloud_image_export").depends_on as string[];
    for (const type of [
      "alicloud_oss_bucket_acl",
      "alicloud_oss_bucket_public_access_block",
      "alicloud_oss_bucket_server_side_encryption",
    ]) {
      const [name] = Object.keys(resources(config, type));
      expect(dependsOn).toContain(`${type}.${name}`);
    }
  });

  test("every bucket any stack creates is hardened the same way", () => {
    for (const [id, config] of everyStack()) {
      const buckets = Object.keys(resources(config, "alicloud_oss_bucket"));
      const hardened = (type: string) =>
        Object.values(resources(config, type)).map(
          (block) => /\$\{alicloud_oss_bucket\.([^.]+)\.bucket\}/.exec(String(block.bucket))?.[1],
        );
      expect({ id, acl: hardened("alicloud_oss_bucket_acl").sort() }).toEqual({
        id,
        acl: [...buckets].sort(),
      });
      expect(hardened("alicloud_oss_bucket_public_access_block").sort()).toEqual([...buckets].sort());
      expect(hardened("alicloud_oss_bucket_server_side_encryption").sort()).toEqual([...buckets].sort());
      for (const acl of Object.values(resources(config, "alicloud_oss_bucket_acl")))
        expect(acl.acl).toBe("private");
    }
  });
});

describe("RAM: only when asked, and then the least it takes", () => {
  test("by default no RAM resource is created", () => {
    const config = defaults();
    expect(resourceTypes(config).filter((type) => type.startsWith("alicloud_ram_"))).toEqual([]);
  });

  test("createRole: one role, trusted only by ECS, only for sts:AssumeRole", () => {
    const stack = stackInRegion();
    new ImageExport(stack, "Export", { createRole: true });
    const config = synthJson(stack);

    const role = only(config, "alicloud_ram_role");
    expect(role.role_name).toBe(IMAGE_EXPORT_ROLE_NAME);
    expect(role.role_name).toBe("AliyunECSImageExportDefaultRole");
    const trust = JSON.parse(role.assume_role_policy_document as string);
    expect(trust.Statement).toHaveLength(1);
    const [statement] = trust.Statement;
    expect(statement.Effect).toBe("Allow");
    expect([statement.Action].flat()).toEqual(["sts:AssumeRole"]);
    expect(Object.keys(statement.Principal)).toEqual(["Service"]);
    expect([statement.Principal.Service].flat()).toEqual(["ecs.aliyuncs.com"]);
    expect(statement).not.toHaveProperty("Condition");
  });

  test("createRole: the only policy is the system policy AliyunECSImageExportRolePolicy, and no custom policy exists", () => {
    const stack = stackInRegion();
    new ImageExport(stack, "Export", { createRole: true });
    const config = synthJson(stack);
    const [roleName] = Object.keys(resources(config, "alicloud_ram_role"));

    expect(only(config, "alicloud_ram_role_policy_attachment")).toEqual({
      role_name: `\${alicloud_ram_role.${roleName}.role_name}`,
      policy_name: IMAGE_EXPORT_ROLE_POLICY,
      policy_type: "System",
    });
    expect(IMAGE_EXPORT_ROLE_POLICY).toBe("AliyunECSImageExportRolePolicy");
    expect(resources(config, "alicloud_ram_policy")).toEqual({});
    // The export starts only once the role can be used.
    const [attachment] = Object.keys(resources(config, "alicloud_ram_role_policy_attachment"));
    expect(only(config, "alicloud_image_export").depends_on).toContain(
      `alicloud_ram_role_policy_attachment.${attachment}`,
    );
  });

  test("a shared ImageExportRole is the same least-privilege role", () => {
    const stack = stackInRegion();
    const role = new ImageExportRole(stack, "Role");
    new ImageExport(stack, "A", { imageId: "m-a", ossBucket: "bucket-a", role });
    new ImageExport(stack, "B", { imageId: "m-b", ossBucket: "bucket-b", role });
    const config = synthJson(stack);
    expect(Object.keys(resources(config, "alicloud_ram_role"))).toHaveLength(1);
    expect(only(config, "alicloud_ram_role_policy_attachment").policy_name).toBe(IMAGE_EXPORT_ROLE_POLICY);
  });

  test("no stack holds a custom RAM policy, let alone one with wildcards", () => {
    for (const [id, config] of everyStack()) {
      const policies = resources(config, "alicloud_ram_policy");
      expect({ id, policies }).toEqual({ id, policies: {} });
      for (const attachment of Object.values(resources(config, "alicloud_ram_role_policy_attachment"))) {
        expect(attachment.policy_type).toBe("System");
        expect(attachment.policy_name).toBe(IMAGE_EXPORT_ROLE_POLICY);
      }
      for (const role of Object.values(resources(config, "alicloud_ram_role"))) {
        expect(String(role.assume_role_policy_document)).not.toContain("*");
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Credentials

/** Argument names that hold credentials or secrets, in any block. */
const SECRET_KEY =
  /(^|_)(access_key|secret_key|secret|security_token|sts_token|password|kms_encrypted_password|private_key|credentials?|ak|sk)($|_)/i;

/** Values that look like credentials, whatever argument they are in. */
const SECRET_VALUES: [string, RegExp][] = [
  ["an Alibaba Cloud access key id", /LTAI[0-9A-Za-z]{12,30}/],
  ["an AWS access key id", /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ["a private key", /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ["an SSH public key", /\bssh-(rsa|ed25519|dss) AAAA/],
  ["an STS security token", /\bCAIS[0-9A-Za-z+/=]{20,}/],
];

/** The resource attributes the provider schema marks sensitive, by resource type. */
function sensitiveAttributes(): Map<string, string[]> {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "schema", "alicloud.json"), "utf8"));
  const provider = schema.provider_schemas["registry.terraform.io/aliyun/alicloud"];
  const sensitive = (block: { attributes?: Record<string, { sensitive?: boolean }> }) =>
    Object.entries(block.attributes ?? {})
      .filter(([, attribute]) => attribute.sensitive)
      .map(([name]) => name);
  const byType = new Map<string, string[]>();
  for (const [type, resource] of Object.entries(
    provider.resource_schemas as Record<string, { block: never }>,
  )) {
    byType.set(type, sensitive(resource.block));
  }
  return byType;
}

/** Every problem: a secret-looking key anywhere, a secret-looking value anywhere, a sensitive argument set. */
function findSecrets(config: TerraformJson): string[] {
  const found: string[] = [];
  const walk = (value: unknown, at: string): void => {
    if (typeof value === "string") {
      for (const [what, pattern] of SECRET_VALUES) if (pattern.test(value)) found.push(`${at} holds ${what}`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${at}[${i}]`));
    } else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (SECRET_KEY.test(key)) found.push(`${at}.${key} is a credential argument`);
        walk(inner, `${at}.${key}`);
      }
    }
  };
  walk(config, "$");

  // The provider doesn't mark access_key, secret_key or security_token sensitive in its schema: they
  // are caught by name above. Resource arguments it does mark (alicloud_instance.password) are caught here.
  const sensitive = sensitiveAttributes();
  for (const [type, blocks] of Object.entries((config.resource ?? {}) as Record<string, Blocks>)) {
    for (const [name, block] of Object.entries(blocks)) {
      for (const attribute of sensitive.get(type) ?? []) {
        if (attribute in block) found.push(`${type}.${name}.${attribute} is sensitive`);
      }
    }
  }
  // A variable marked sensitive must not carry its secret as a default.
  for (const [name, variable] of Object.entries((config.variable ?? {}) as Blocks)) {
    if (variable.sensitive === true && "default" in variable)
      found.push(`var.${name} has a sensitive default`);
  }
  return found;
}

describe("no credential or secret lands in the synthesized output", () => {
  test.each(ALL_STACKS)("%s", (id, Stack) => {
    const text = synthFresh(Stack, id);
    expect(findSecrets(JSON.parse(text))).toEqual([]);
    // And nothing slips through by being in a place the walk doesn't look at.
    expect(text).not.toMatch(/LTAI[0-9A-Za-z]{12,30}|PRIVATE KEY|secret_key|access_key|"password"/);
  });

  test("the scanner does find credentials, so the clean results above mean something", () => {
    const stack = stackInRegion();
    new alicloud.provider.AlicloudProvider(stack, "leaky", {
      alias: "leaky",
      region: "cn-hangzhou",
      accessKey: "LTAI5tExampleNotARealKey1",
      secretKey: "example-secret",
      securityToken: "CAISexampleexampleexampleexample",
    });
    const exported = new ImageExport(stack, "Export");
    (exported.instance as alicloud.instance.Instance).password = "Example-Password-1";
    const problems = findSecrets(synthJson(stack, false));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("access_key is a credential argument"),
        expect.stringContaining("secret_key is a credential argument"),
        expect.stringContaining("security_token is a credential argument"),
        expect.stringContaining("holds an Alibaba Cloud access key id"),
        expect.stringContaining("holds an STS security token"),
        expect.stringMatching(/^alicloud_instance\.[^.]+\.password is sensitive$/),
      ]),
    );
  });
});
