// Which provider releases can hold what the constructs write, and whether a stack's version constraint
// allows one of them.
//
// The first aliyun/alicloud release with each resource type the constructs create, and with each argument
// they write that arrived later than its type. Sources: the provider's docs pages
// (website/docs/r/<type>.html.markdown, "Available since v1.x.y") and its CHANGELOG.md, read December 2026:
// - alicloud_image_export: 1.68.0 (docs; CHANGELOG 1.68.0 adds it, #2036)
// - alicloud_vpc.vpc_name, alicloud_vswitch.vswitch_name and .zone_id: 1.119.0 (CHANGELOG 1.119.0, #3328, #3342)
// - alicloud_instance.http_tokens: 1.192.0 (docs)
// - alicloud_security_group.security_group_name: 1.239.0 (docs: `name` deprecated since 1.239.0)
// - alicloud_oss_bucket.lifecycle_rule noncurrent_version_expiration, noncurrent_version_transition and
//   expiration.expired_object_delete_marker: 1.121.2 (docs)
// - alicloud_oss_bucket_acl: 1.220.0; _server_side_encryption and _versioning: 1.222.0;
//   _public_access_block: 1.224.0 (docs)
// - alicloud_ram_role.role_name and .assume_role_policy_document: 1.252.0 (docs: `name` and `document`
//   deprecated since 1.252.0)
// Everything else the constructs write is older than these (most of it predates 1.0.0).

/** A provider feature the constructs rely on, and the first release that has it. */
export interface ProviderFeature {
  /** What it is, as Terraform names it: a resource type, or `type.argument`. */
  readonly feature: string;
  /** The first release that has it, e.g. `1.224.0`. */
  readonly since: string;
}

/** The features each construct's own resources rely on (what its children create, they report themselves). */
export const ALICLOUD_FEATURES = {
  imageExport: { feature: "alicloud_image_export", since: "1.68.0" },
  vpcName: { feature: "alicloud_vpc.vpc_name", since: "1.119.0" },
  vswitchName: { feature: "alicloud_vswitch.vswitch_name", since: "1.119.0" },
  httpTokens: { feature: "alicloud_instance.http_tokens", since: "1.192.0" },
  securityGroupName: { feature: "alicloud_security_group.security_group_name", since: "1.239.0" },
  bucketLifecycleVersions: {
    feature: "alicloud_oss_bucket.lifecycle_rule.noncurrent_version_expiration",
    since: "1.121.2",
  },
  bucketAcl: { feature: "alicloud_oss_bucket_acl", since: "1.220.0" },
  bucketEncryption: { feature: "alicloud_oss_bucket_server_side_encryption", since: "1.222.0" },
  bucketVersioning: { feature: "alicloud_oss_bucket_versioning", since: "1.222.0" },
  bucketPublicAccessBlock: { feature: "alicloud_oss_bucket_public_access_block", since: "1.224.0" },
  ramRoleName: { feature: "alicloud_ram_role.role_name", since: "1.252.0" },
} as const satisfies { [name: string]: ProviderFeature };

/** The newest of the features: the release that has all of them. */
export function newestFeature(features: readonly ProviderFeature[]): ProviderFeature | undefined {
  return features.reduce<ProviderFeature | undefined>(
    (newest, f) =>
      newest === undefined || compareVersions(parseVersion(f.since)!, parseVersion(newest.since)!) > 0
        ? f
        : newest,
    undefined,
  );
}

/** A release number, `1.224.0`; missing parts count as 0. */
type Version = readonly [number, number, number];

function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(
    text.trim(),
  );
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

/** Whether a version's text names a prerelease, `1.252.0-rc1` (build metadata after `+` aside). */
function isPrerelease(text: string): boolean {
  return /^[^+]*-/.test(text.trim().replace(/^v/, ""));
}

function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** One bound of a range: the version and whether it is itself allowed. */
interface Bound {
  readonly version: Version;
  readonly inclusive: boolean;
}

/**
 * Whether some release at or above `minimum` satisfies a Terraform version constraint (`~> 1.289`,
 * `>= 1.200, < 1.250`, `1.250.0`, `!= 1.2.3`), as Terraform reads it: comma-separated conditions that
 * must all hold; a bare version or `=` is exact; `~> 1.2` allows 1.2 up to (not including) 2.0, and
 * `~> 1.2.3` allows 1.2.3 up to 1.3.0. Returns undefined when the constraint can't be read.
 */
export function allowsAtLeast(constraint: string, minimum: string): boolean | undefined {
  const floor = parseVersion(minimum);
  if (floor === undefined) return undefined;
  let lower: Bound = { version: floor, inclusive: true };
  let upper: Bound | undefined;
  const excluded: Version[] = [];
  const raise = (b: Bound) => {
    const c = compareVersions(b.version, lower.version);
    if (c > 0 || (c === 0 && !b.inclusive)) lower = b;
  };
  const cap = (b: Bound) => {
    const c = upper === undefined ? -1 : compareVersions(b.version, upper.version);
    if (upper === undefined || c < 0 || (c === 0 && !b.inclusive)) upper = b;
  };
  for (const part of constraint.split(",")) {
    const match = /^\s*(=|!=|>=|<=|>|<|~>)?\s*(\S+)\s*$/.exec(part);
    if (!match) return undefined;
    const [, op = "=", text] = match;
    const version = parseVersion(text);
    if (version === undefined) return undefined;
    const segments = text.replace(/^v/, "").split(/[-+]/)[0].split(".").length;
    // A prerelease (`1.252.0-rc1`) sorts just below its release, and ranges never pick prereleases:
    // among releases, `> 1.252.0-rc1` is `>= 1.252.0`, `<= 1.252.0-rc1` is `< 1.252.0`, and `!=` of one
    // rules nothing out. Asking for one exactly (`= 1.252.0-rc1`) is not judged.
    if (isPrerelease(text)) {
      if (op === "=") return undefined;
      if (op === ">" || op === ">=" || op === "~>") raise({ version, inclusive: true });
      if (op === "<" || op === "<=") cap({ version, inclusive: false });
      if (op === "~>") {
        const next: Version = segments >= 3 ? [version[0], version[1] + 1, 0] : [version[0] + 1, 0, 0];
        cap({ version: next, inclusive: false });
      }
      continue;
    }
    switch (op) {
      case "=":
        raise({ version, inclusive: true });
        cap({ version, inclusive: true });
        break;
      case "!=":
        excluded.push(version);
        break;
      case ">=":
        raise({ version, inclusive: true });
        break;
      case ">":
        raise({ version, inclusive: false });
        break;
      case "<=":
        cap({ version, inclusive: true });
        break;
      case "<":
        cap({ version, inclusive: false });
        break;
      case "~>": {
        raise({ version, inclusive: true });
        const next: Version = segments >= 3 ? [version[0], version[1] + 1, 0] : [version[0] + 1, 0, 0];
        cap({ version: next, inclusive: false });
        break;
      }
    }
  }
  // The lowest release the lower bound allows, stepping past excluded ones; releases are X.Y.Z.
  let candidate: Version = lower.inclusive ? lower.version : next(lower.version);
  while (excluded.some((v) => compareVersions(v, candidate) === 0)) candidate = next(candidate);
  if (upper === undefined) return true;
  const c = compareVersions(candidate, upper.version);
  return c < 0 || (c === 0 && upper.inclusive);
}

function next(version: Version): Version {
  return [version[0], version[1], version[2] + 1];
}

/**
 * Whether a Terraform version constraint allows one release, e.g. `allows("~> 1.289", "1.289.0")`;
 * undefined when the constraint can't be read.
 */
export function allows(constraint: string, release: string): boolean | undefined {
  const version = parseVersion(release);
  if (version === undefined) return undefined;
  for (const part of constraint.split(",")) {
    const match = /^\s*(=|!=|>=|<=|>|<|~>)?\s*(\S+)\s*$/.exec(part);
    const bound = match ? parseVersion(match[2]) : undefined;
    if (!match || bound === undefined) return undefined;
    // A release is above its own prerelease.
    const c = compareVersions(version, bound) || (isPrerelease(match[2]) ? 1 : 0);
    const segments = match[2].replace(/^v/, "").split(/[-+]/)[0].split(".").length;
    const ok = {
      "=": c === 0,
      "!=": c !== 0,
      ">=": c >= 0,
      ">": c > 0,
      "<=": c <= 0,
      "<": c < 0,
      "~>":
        c >= 0 &&
        (segments >= 3 ? version[0] === bound[0] && version[1] === bound[1] : version[0] === bound[0]),
    }[match[1] ?? "="];
    if (!ok) return false;
  }
  return true;
}
