// Pure checks of the values users give us, shared by the constructs and the ImageExportChecks aspect.
// Each check returns undefined when the value is fine, or the rest of a sentence that starts with the
// prop name: "must be 1-30 letters or digits, got 'my prefix' (has a space)".
// None of them looks at tokens: callers skip values that are only known at apply time.

import { checkOfKind } from "../rules/provider-rules";
import { re2SyntaxProblem } from "../rules/re2";
import { kindOf, show } from "../rules/text";

/** A check of one value: undefined when it passes, otherwise what is wrong with it. */
export type Check = (value: unknown) => string | undefined;

/** Names the first character outside `allowed`, the way a person would point at it. */
function firstOffender(value: string, allowed: RegExp): string | undefined {
  for (const char of value) {
    if (allowed.test(char)) continue;
    if (char === " ") return "has a space";
    if (/\s/.test(char)) return "has whitespace";
    const code = char.codePointAt(0) ?? 0;
    if (code > 0x7e) return `has the non-ASCII character '${char}'`;
    if (code < 0x20) return `has the control character U+${code.toString(16).padStart(4, "0").toUpperCase()}`;
    return `has '${char}'`;
  }
  return undefined;
}

function notAString(value: unknown, rule: string): string | undefined {
  return typeof value === "string" ? undefined : `${rule}, got ${show(value)} (${kindOf(value)})`;
}

// ---------------------------------------------------------------------------------------------------
// The export itself

// The cloud's oss_prefix rule, from the rule table.
const OSS_PREFIX_LIMITS = checkOfKind("alicloud_image_export", "oss_prefix", "lettersAndDigits");
const OSS_PREFIX_RULE = `must be ${OSS_PREFIX_LIMITS.min}-${OSS_PREFIX_LIMITS.max} letters or digits`;
const OSS_PREFIX_MAX = OSS_PREFIX_LIMITS.max;

/** oss_prefix: 1-30 ASCII letters or digits (enforced by the ECS ExportImage API, not by the provider). */
export const checkOssPrefix: Check = (value) => {
  const wrongType = notAString(value, OSS_PREFIX_RULE);
  if (wrongType) return wrongType;
  const prefix = value as string;
  if (prefix.length === 0) return `${OSS_PREFIX_RULE}, got '' (empty)`;
  const length = [...prefix].length;
  if (length > OSS_PREFIX_MAX) return `${OSS_PREFIX_RULE}, got ${show(prefix)} (${length} characters)`;
  const offender = firstOffender(prefix, /[A-Za-z0-9]/);
  return offender ? `${OSS_PREFIX_RULE}, got ${show(prefix)} (${offender})` : undefined;
};

const BUCKET_RULE =
  "must be 3-63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit";

/** OSS bucket names: 3-63 characters, [a-z0-9-], starting and ending with a letter or digit. */
export const checkBucketName: Check = (value) => {
  const wrongType = notAString(value, BUCKET_RULE);
  if (wrongType) return wrongType;
  const name = value as string;
  const length = [...name].length;
  if (length < 3 || length > 63) return `${BUCKET_RULE}, got ${show(name)} (${length} characters)`;
  if (/[A-Z]/.test(name)) return `${BUCKET_RULE}, got ${show(name)} (has upper-case letters)`;
  const offender = firstOffender(name, /[a-z0-9-]/);
  if (offender) return `${BUCKET_RULE}, got ${show(name)} (${offender})`;
  if (name.startsWith("-") || name.endsWith("-")) {
    return `${BUCKET_RULE}, got ${show(name)} (${name.startsWith("-") ? "starts" : "ends"} with a hyphen)`;
  }
  return undefined;
};

/** How the construct names a bucket it creates: `<prefix>-<random 10000-99999>`. */
export const BUCKET_SUFFIX_LENGTH = "-12345".length;
const BUCKET_PREFIX_MAX = 63 - BUCKET_SUFFIX_LENGTH;
const BUCKET_PREFIX_RULE = `must be 1-${BUCKET_PREFIX_MAX} lowercase letters, digits and hyphens, starting with a letter or digit, so that '<prefix>-<5 random digits>' is a valid bucket name`;

/** The prefix of a created bucket's name; the random suffix adds 6 characters. */
export const checkBucketNamePrefix: Check = (value) => {
  const wrongType = notAString(value, BUCKET_PREFIX_RULE);
  if (wrongType) return wrongType;
  const prefix = value as string;
  const length = [...prefix].length;
  if (length === 0) return `${BUCKET_PREFIX_RULE}, got '' (empty)`;
  if (length > BUCKET_PREFIX_MAX) {
    return `${BUCKET_PREFIX_RULE}, got ${show(prefix)} (${length} characters; with the suffix the name would be ${length + BUCKET_SUFFIX_LENGTH})`;
  }
  if (/[A-Z]/.test(prefix)) return `${BUCKET_PREFIX_RULE}, got ${show(prefix)} (has upper-case letters)`;
  const offender = firstOffender(prefix, /[a-z0-9-]/);
  if (offender) return `${BUCKET_PREFIX_RULE}, got ${show(prefix)} (${offender})`;
  if (prefix.startsWith("-")) return `${BUCKET_PREFIX_RULE}, got ${show(prefix)} (starts with a hyphen)`;
  return undefined;
};

const IMAGE_ID_RULE = "must be the id of a custom image, 'm-' followed by lowercase letters and digits";

/** Only custom images (ids `m-...`) can be exported; public images have names, not `m-` ids. */
export const checkCustomImageId: Check = (value) => {
  const wrongType = notAString(value, IMAGE_ID_RULE);
  if (wrongType) return wrongType;
  const id = value as string;
  if (id.length === 0) return `${IMAGE_ID_RULE}, got '' (empty)`;
  if (!id.startsWith("m-")) {
    const hint = /^[a-z]+[_0-9]/i.test(id)
      ? "looks like a public image; only custom images can be exported"
      : "does not start with 'm-'";
    return `${IMAGE_ID_RULE}, got ${show(id)} (${hint})`;
  }
  if (id.length === 2) return `${IMAGE_ID_RULE}, got ${show(id)} (nothing after 'm-')`;
  const offender = firstOffender(id.slice(2), /[a-z0-9]/);
  return offender ? `${IMAGE_ID_RULE}, got ${show(id)} (${offender})` : undefined;
};

// ---------------------------------------------------------------------------------------------------
// Durations

const UNIT_NANOS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** Go keeps a duration in an int64 of nanoseconds (about 2562047h at most). */
const INT64_LIMIT = 1n << 63n;

/**
 * Parses a Go duration ("20m", "1h30m", "90s") into nanoseconds; undefined when it is not one.
 * Computed the way Go's time.ParseDuration does: in whole nanoseconds (a fraction of a nanosecond
 * is cut off, so "120.0000000001s" is exactly 2m), and refused when it doesn't fit an int64.
 */
export function parseGoDuration(text: string): number | undefined {
  const match = /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/.exec(text);
  if (!match) return undefined;
  const negative = text.startsWith("-");
  let total = 0n;
  for (const part of text.replace(/^[+-]/, "").matchAll(/(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/g)) {
    const unit = UNIT_NANOS[part[3]];
    total += BigInt(part[1] || "0") * unit + fractionNanos(part[2] ?? "", unit);
    if (total > INT64_LIMIT) return undefined;
  }
  if (!negative && total === INT64_LIMIT) return undefined;
  return Number(negative ? -total : total);
}

/** Go's share of a unit for the digits after the point: the digits an int64 holds, cut to whole nanoseconds. */
function fractionNanos(digits: string, unit: bigint): bigint {
  let fraction = 0n;
  let scale = 1;
  for (const digit of digits) {
    const next = fraction * 10n + BigInt(digit);
    if (fraction > (INT64_LIMIT - 1n) / 10n || next > INT64_LIMIT) break;
    fraction = next;
    scale *= 10;
  }
  return BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
}

/** The provider waits this long before it first asks ECS how the export is doing. */
export const FIRST_STATUS_CHECK_AFTER = "2m";
const FIRST_STATUS_CHECK_NANOS = 120e9;
const TIMEOUT_RULE = `must be a duration such as '20m' or '1h30m', longer than the ${FIRST_STATUS_CHECK_AFTER} the provider waits before its first status check`;

/** A create timeout: Go duration syntax, and long enough for the provider to look at the task once. */
export const checkCreateTimeout: Check = (value) => {
  const wrongType = notAString(value, TIMEOUT_RULE);
  if (wrongType) return wrongType;
  const text = value as string;
  if (text.trim().length === 0) return `${TIMEOUT_RULE}, got ${show(text)} (empty)`;
  const nanos = parseGoDuration(text);
  if (nanos === undefined) {
    const hint = /^\d+(\.\d+)?$/.test(text) ? "no unit; write e.g. '30m'" : "not a Go duration";
    return `${TIMEOUT_RULE}, got ${show(text)} (${hint})`;
  }
  if (nanos <= FIRST_STATUS_CHECK_NANOS) {
    return `${TIMEOUT_RULE}, got ${show(text)} (the export would always time out)`;
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------------
// Numbers

/** An integer between `min` and `max` inclusive, named by `unit` in the message. */
export function checkInteger(min: number, max: number, unit = ""): Check {
  const rule = `must be a whole number from ${min} to ${max}${unit ? ` ${unit}` : ""}`;
  return (value) => {
    if (typeof value !== "number") return `${rule}, got ${show(value)} (${kindOf(value)})`;
    if (Number.isNaN(value)) return `${rule}, got NaN`;
    if (!Number.isFinite(value)) return `${rule}, got ${value > 0 ? "Infinity" : "-Infinity"}`;
    if (!Number.isInteger(value)) return `${rule}, got ${value} (not a whole number)`;
    if (value < min || value > max) return `${rule}, got ${value}`;
    return undefined;
  };
}

// ---------------------------------------------------------------------------------------------------
// Networks

/** A parsed IPv4 CIDR block. */
export interface Ipv4Cidr {
  readonly network: number;
  readonly prefixLength: number;
}

/** Parses `a.b.c.d/n`; returns a reason string when it is not a CIDR block. */
export function parseIpv4Cidr(text: string): Ipv4Cidr | string {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) return "not of the form a.b.c.d/n";
  const octets = match.slice(1, 5).map(Number);
  const bad = octets.find(
    (octet, i) => octet > 255 || (match[i + 1].length > 1 && match[i + 1].startsWith("0")),
  );
  if (bad !== undefined) return `the address part ${match.slice(1, 5).join(".")} is not an IPv4 address`;
  const prefixLength = Number(match[5]);
  if (prefixLength > 32) return `/${prefixLength} is longer than 32 bits`;
  const address = octets.reduce((acc, octet) => acc * 256 + octet, 0);
  const size = 2 ** (32 - prefixLength);
  const network = address - (address % size);
  if (network !== address) {
    return `host bits are set; the network is ${formatIpv4(network)}/${prefixLength}`;
  }
  return { network, prefixLength };
}

function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  if (inner.prefixLength < outer.prefixLength) return false;
  const size = 2 ** (32 - outer.prefixLength);
  return inner.network - (inner.network % size) === outer.network;
}

/** An IPv4 CIDR block whose prefix length is within what the VPC API accepts for that kind of block. */
export function checkCidr(minPrefix: number, maxPrefix: number): Check {
  const rule = `must be an IPv4 CIDR block with a prefix length from /${minPrefix} to /${maxPrefix}`;
  return (value) => {
    const wrongType = notAString(value, rule);
    if (wrongType) return wrongType;
    const parsed = parseIpv4Cidr(value as string);
    if (typeof parsed === "string") return `${rule}, got ${show(value)} (${parsed})`;
    if (parsed.prefixLength < minPrefix || parsed.prefixLength > maxPrefix) {
      return `${rule}, got ${show(value)} (/${parsed.prefixLength})`;
    }
    return undefined;
  };
}

/** VPC CIDR blocks: /8 to /28 (VPC API). */
export const checkVpcCidr = checkCidr(8, 28);
/** vSwitch CIDR blocks: /16 to /29 (VPC API). */
export const checkVswitchCidr = checkCidr(16, 29);

// ---------------------------------------------------------------------------------------------------
// Names and identifiers

const NAME_PREFIX_MAX = 100;
const NAME_PREFIX_RULE = `must be 2-${NAME_PREFIX_MAX} characters, start with a letter, and hold only letters, digits, '.', '_', '-' and ':'`;

/**
 * The name given to the VPC, vSwitch, security group, instance and image the scaffold creates. ECS
 * image and instance names are 2-128 characters, start with a letter and must not start with
 * http:// or https://; we keep to a character set every one of those resources accepts.
 */
export const checkNamePrefix: Check = (value) => {
  const wrongType = notAString(value, NAME_PREFIX_RULE);
  if (wrongType) return wrongType;
  const name = value as string;
  const length = [...name].length;
  if (length < 2 || length > NAME_PREFIX_MAX)
    return `${NAME_PREFIX_RULE}, got ${show(name)} (${length} characters)`;
  if (!/^[A-Za-z]/.test(name)) return `${NAME_PREFIX_RULE}, got ${show(name)} (starts with ${show(name[0])})`;
  const offender = firstOffender(name, /[A-Za-z0-9._:-]/);
  return offender ? `${NAME_PREFIX_RULE}, got ${show(name)} (${offender})` : undefined;
};

const INSTANCE_TYPE_RULE = "must start with 'ecs.' (the provider rejects anything else)";

/** Instance types and families must start with `ecs.` (provider validator). */
export const checkEcsPrefixed: Check = (value) => {
  const wrongType = notAString(value, INSTANCE_TYPE_RULE);
  if (wrongType) return wrongType;
  const text = value as string;
  if (!text.startsWith("ecs.") || text.length === 4) return `${INSTANCE_TYPE_RULE}, got ${show(text)}`;
  const offender = firstOffender(text, /[A-Za-z0-9.-]/);
  return offender ? `${INSTANCE_TYPE_RULE}, got ${show(text)} (${offender})` : undefined;
};

/** A resource id of the given kind, e.g. `vpc-...`, `vsw-...`, `sg-...`. */
export function checkResourceId(idPrefix: string, what: string): Check {
  const rule = `must be the id of ${what}, '${idPrefix}-' followed by lowercase letters and digits`;
  return (value) => {
    const wrongType = notAString(value, rule);
    if (wrongType) return wrongType;
    const id = value as string;
    if (!id.startsWith(`${idPrefix}-`) || id.length === idPrefix.length + 1)
      return `${rule}, got ${show(id)}`;
    const offender = firstOffender(id.slice(idPrefix.length + 1), /[a-z0-9]/);
    return offender ? `${rule}, got ${show(id)} (${offender})` : undefined;
  };
}

const ZONE_RULE = "must be a zone id such as 'cn-hangzhou-h'";

/** Zone ids: a region id followed by a zone letter or number, e.g. `cn-hangzhou-h`, `ap-southeast-1a`. */
export const checkZoneId: Check = (value) => {
  const wrongType = notAString(value, ZONE_RULE);
  if (wrongType) return wrongType;
  if (KNOWN_REGIONS.includes(value as string)) {
    return `${ZONE_RULE}, got ${show(value)} (a region, not a zone of it)`;
  }
  return /^[a-z]{2}-[a-z0-9-]*[a-z0-9]$/.test(value as string)
    ? undefined
    : `${ZONE_RULE}, got ${show(value)}`;
};

const REGION_RULE = "must be a region id such as 'cn-hangzhou' or 'ap-southeast-1'";

/** Region ids: lowercase words joined by hyphens, starting with a two-letter area. */
export const checkRegionId: Check = (value) => {
  const wrongType = notAString(value, REGION_RULE);
  if (wrongType) return wrongType;
  return /^[a-z]{2}(-[a-z0-9]+)+$/.test(value as string) ? undefined : `${REGION_RULE}, got ${show(value)}`;
};

/**
 * Regions where ECS and OSS run as of provider 1.289. A region missing here only causes a warning:
 * Alibaba Cloud opens new ones, and the provider itself accepts any id.
 */
export const KNOWN_REGIONS: readonly string[] = [
  "cn-qingdao",
  "cn-beijing",
  "cn-zhangjiakou",
  "cn-huhehaote",
  "cn-wulanchabu",
  "cn-hangzhou",
  "cn-shanghai",
  "cn-nanjing",
  "cn-fuzhou",
  "cn-wuhan-lr",
  "cn-shenzhen",
  "cn-heyuan",
  "cn-guangzhou",
  "cn-chengdu",
  "cn-hongkong",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-3",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "us-east-1",
  "us-west-1",
  "na-south-1",
  "eu-west-1",
  "eu-central-1",
  "me-east-1",
  "me-central-1",
  "cn-shanghai-finance-1",
  "cn-shenzhen-finance-1",
  "cn-beijing-finance-1",
];

/**
 * A regular expression the data source can use: one Go's regexp package (RE2 syntax), which the
 * provider compiles `name_regex` with, accepts; and not empty, which would match every image.
 */
export const checkRegex: Check = (value) => {
  const rule = "must be a valid regular expression";
  const wrongType = notAString(value, rule);
  if (wrongType) return wrongType;
  if ((value as string).length === 0) return `${rule}, got '' (empty)`;
  const problem = re2SyntaxProblem(value as string);
  return problem ? `${rule}, got ${show(value)} (${problem})` : undefined;
};

/** One of a fixed set of strings. */
export function checkOneOf(allowed: readonly string[]): Check {
  const rule = `must be one of ${allowed.map((a) => `'${a}'`).join(", ")}`;
  return (value) =>
    typeof value === "string" && allowed.includes(value) ? undefined : `${rule}, got ${show(value)}`;
}

/** A string whose length in bytes (UTF-8) is between `min` and `max`, as the provider counts it. */
export function checkByteLength(min: number, max: number): Check {
  const rule = `must be ${min}-${max} bytes long`;
  return (value) => {
    const wrongType = notAString(value, rule);
    if (wrongType) return wrongType;
    const bytes = Buffer.byteLength(value as string, "utf8");
    return bytes < min || bytes > max ? `${rule}, got ${show(value)} (${bytes} bytes)` : undefined;
  };
}

/** A boolean. */
export const checkBoolean: Check = (value) =>
  typeof value === "boolean" ? undefined : `must be true or false, got ${show(value)} (${kindOf(value)})`;

const IMAGE_NAME_RULE =
  "must be 2-128 characters, start with a letter, and not start with 'http://' or 'https://'";

/** ECS image names: 2-128 characters, starting with a letter, not with http:// or https://. */
export const checkImageName: Check = (value) => {
  const wrongType = notAString(value, IMAGE_NAME_RULE);
  if (wrongType) return wrongType;
  const name = value as string;
  const length = [...name].length;
  if (length < 2 || length > 128) return `${IMAGE_NAME_RULE}, got ${show(name)} (${length} characters)`;
  if (/^https?:\/\//.test(name)) return `${IMAGE_NAME_RULE}, got ${show(name)}`;
  if (!/^\p{L}/u.test(name)) return `${IMAGE_NAME_RULE}, got ${show(name)} (starts with ${show(name[0])})`;
  const offender = firstOffender(name, /[\p{L}0-9._:-]/u);
  return offender ? `${IMAGE_NAME_RULE}, got ${show(name)} (${offender})` : undefined;
};

const DESCRIPTION_RULE = "must be 2-256 characters and not start with 'http://' or 'https://'";

/** ECS descriptions (images, disks): 2-256 characters, not starting with http:// or https://. */
export const checkDescription: Check = (value) => {
  const wrongType = notAString(value, DESCRIPTION_RULE);
  if (wrongType) return wrongType;
  const text = value as string;
  const length = [...text].length;
  if (length < 2 || length > 256) return `${DESCRIPTION_RULE}, got ${show(text)} (${length} characters)`;
  return /^https?:\/\//.test(text) ? `${DESCRIPTION_RULE}, got ${show(text)}` : undefined;
};

const IMAGE_REF_RULE = "must be an image id or name without whitespace";

/** The image an instance boots from: any id or name without whitespace. */
export const checkSourceImageId: Check = (value) => {
  const wrongType = notAString(value, IMAGE_REF_RULE);
  if (wrongType) return wrongType;
  if ((value as string).length === 0) return `${IMAGE_REF_RULE}, got '' (empty)`;
  return /\s/.test(value as string) ? `${IMAGE_REF_RULE}, got ${show(value)} (has whitespace)` : undefined;
};
