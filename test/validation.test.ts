import {
  BUCKET_SUFFIX_LENGTH,
  checkBoolean,
  checkBucketName,
  checkBucketNamePrefix,
  checkByteLength,
  checkCidr,
  checkCreateTimeout,
  checkCustomImageId,
  checkDescription,
  checkEcsPrefixed,
  checkImageName,
  checkInteger,
  checkNamePrefix,
  checkOneOf,
  checkOssPrefix,
  checkRegex,
  checkRegionId,
  checkResourceId,
  checkSourceImageId,
  checkVpcCidr,
  checkVswitchCidr,
  checkZoneId,
  cidrContains,
  Ipv4Cidr,
  KNOWN_REGIONS,
  parseGoDuration,
  parseIpv4Cidr,
} from "../src/validation/values";
import { show } from "../src/rules/text";

/** A CIDR block the test knows to be valid. */
function cidr(text: string): Ipv4Cidr {
  const parsed = parseIpv4Cidr(text);
  if (typeof parsed === "string") throw new Error(`test setup: ${text} is not a CIDR block (${parsed})`);
  return parsed;
}

describe("show", () => {
  test.each<[unknown, string]>([
    ["my prefix", "'my prefix'"],
    ["", "''"],
    [42, "42"],
    [undefined, "undefined"],
    [Number.NaN, "NaN"],
    [null, "null"],
    [true, "true"],
    [{ size: 40 }, '{"size":40}'],
    [() => 1, "a function"],
  ])("shows %p as %s", (value, expected) => {
    expect(show(value)).toBe(expected);
  });
});

describe("checkOssPrefix", () => {
  test("passes 30 letters and digits, the most the ECS API accepts", () => {
    expect(checkOssPrefix("a".repeat(20) + "0123456789")).toBeUndefined();
  });

  test("fails 31 characters and says how many there are", () => {
    expect(checkOssPrefix("a".repeat(31))).toMatch(
      /^must be 1-30 letters or digits, got 'a{31}' \(31 characters\)$/,
    );
  });

  test("passes a single character", () => {
    expect(checkOssPrefix("x")).toBeUndefined();
  });

  test("fails the empty prefix, with which destroy would delete the wrong key", () => {
    expect(checkOssPrefix("")).toMatch(/^must be 1-30 letters or digits, got '' \(empty\)$/);
  });

  test.each<[string, RegExp]>([
    ["my prefix", /got 'my prefix' \(has a space\)$/],
    ["nightly-build", /got 'nightly-build' \(has '-'\)$/],
    ["under_score", /got 'under_score' \(has '_'\)$/],
    ["tab\there", /\(has whitespace\)$/],
    ["café", /\(has the non-ASCII character 'é'\)$/],
    ["bell\u0007", /\(has the control character U\+0007\)$/],
  ])("fails %p and points at the offending character", (value, message) => {
    expect(checkOssPrefix(value)).toMatch(/^must be 1-30 letters or digits, got /);
    expect(checkOssPrefix(value)).toMatch(message);
  });

  test("counts characters, not UTF-16 units, when it reports the length", () => {
    // 31 astral characters are 62 UTF-16 units.
    expect(checkOssPrefix("😀".repeat(31))).toMatch(/\(31 characters\)$/);
  });

  test.each<[unknown, RegExp]>([
    [12, /got 12 \(a number\)$/],
    [null, /got null \(null\)$/],
    [["a"], /got \["a"\] \(a list\)$/],
  ])("fails a value that is not a string (%p) and names its kind", (value, message) => {
    expect(checkOssPrefix(value)).toMatch(/^must be 1-30 letters or digits, got /);
    expect(checkOssPrefix(value)).toMatch(message);
  });
});

describe("checkBucketName", () => {
  const rule =
    /^must be 3-63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit, got /;

  test("passes 3 characters, the shortest bucket name", () => {
    expect(checkBucketName("a-1")).toBeUndefined();
  });

  test("passes 63 characters, the longest bucket name", () => {
    expect(checkBucketName("b".repeat(63))).toBeUndefined();
  });

  test("fails 2 characters", () => {
    expect(checkBucketName("ab")).toMatch(rule);
    expect(checkBucketName("ab")).toMatch(/got 'ab' \(2 characters\)$/);
  });

  test("fails 64 characters", () => {
    expect(checkBucketName("b".repeat(64))).toMatch(rule);
    expect(checkBucketName("b".repeat(64))).toMatch(/\(64 characters\)$/);
  });

  test.each<[string, RegExp]>([
    ["My-Bucket", /\(has upper-case letters\)$/],
    ["my_bucket", /\(has '_'\)$/],
    ["my.bucket", /\(has '\.'\)$/],
    ["my bucket", /\(has a space\)$/],
    ["-bucket", /\(starts with a hyphen\)$/],
    ["bucket-", /\(ends with a hyphen\)$/],
  ])("fails %p and says why", (value, message) => {
    expect(checkBucketName(value)).toMatch(rule);
    expect(checkBucketName(value)).toMatch(message);
  });

  test("passes hyphens inside the name", () => {
    expect(checkBucketName("image-export-12345")).toBeUndefined();
  });

  test("fails a value that is not a string", () => {
    expect(checkBucketName(123)).toMatch(/got 123 \(a number\)$/);
  });
});

describe("checkBucketNamePrefix", () => {
  const rule =
    /^must be 1-57 lowercase letters, digits and hyphens, starting with a letter or digit, so that '<prefix>-<5 random digits>' is a valid bucket name, got /;

  test("leaves room for a hyphen and five random digits", () => {
    expect(BUCKET_SUFFIX_LENGTH).toBe(6);
  });

  test("passes 57 characters, which make a 63-character name with the suffix", () => {
    expect(checkBucketNamePrefix("p".repeat(57))).toBeUndefined();
  });

  test("fails 58 characters and says how long the name would be", () => {
    const problem = checkBucketNamePrefix("p".repeat(58));
    expect(problem).toMatch(rule);
    expect(problem).toMatch(/\(58 characters; with the suffix the name would be 64\)$/);
  });

  test("passes a single character, which makes a 7-character name", () => {
    expect(checkBucketNamePrefix("a")).toBeUndefined();
  });

  test("fails the empty prefix", () => {
    expect(checkBucketNamePrefix("")).toMatch(rule);
    expect(checkBucketNamePrefix("")).toMatch(/got '' \(empty\)$/);
  });

  test("passes a prefix ending with a hyphen, since the suffix follows it", () => {
    expect(checkBucketNamePrefix("exports-")).toBeUndefined();
  });

  test.each<[string, RegExp]>([
    ["Exports", /\(has upper-case letters\)$/],
    ["my_exports", /\(has '_'\)$/],
    ["-exports", /\(starts with a hyphen\)$/],
  ])("fails %p and says why", (value, message) => {
    expect(checkBucketNamePrefix(value)).toMatch(rule);
    expect(checkBucketNamePrefix(value)).toMatch(message);
  });
});

describe("checkCustomImageId", () => {
  const rule = /^must be the id of a custom image, 'm-' followed by lowercase letters and digits, got /;

  test("passes a custom image id", () => {
    expect(checkCustomImageId("m-bp1g7004ksh0oeuc1234")).toBeUndefined();
  });

  test("passes the shortest id with something after 'm-'", () => {
    expect(checkCustomImageId("m-1")).toBeUndefined();
  });

  test("fails 'm-' alone", () => {
    expect(checkCustomImageId("m-")).toMatch(rule);
    expect(checkCustomImageId("m-")).toMatch(/\(nothing after 'm-'\)$/);
  });

  test("fails a public image name and says only custom images can be exported", () => {
    const problem = checkCustomImageId("ubuntu_22_04_x64_20G_alibase_20240101.vhd");
    expect(problem).toMatch(rule);
    expect(problem).toMatch(/\(looks like a public image; only custom images can be exported\)$/);
  });

  test.each<[string, RegExp]>([
    ["img-123", /\(does not start with 'm-'\)$/],
    ["M-abc", /\(does not start with 'm-'\)$/],
    ["m-ABC", /\(has 'A'\)$/],
    ["m-abc_1", /\(has '_'\)$/],
    ["", /got '' \(empty\)$/],
  ])("fails %p and says why", (value, message) => {
    expect(checkCustomImageId(value)).toMatch(rule);
    expect(checkCustomImageId(value)).toMatch(message);
  });
});

describe("parseGoDuration", () => {
  test.each<[string, number]>([
    ["20m", 20 * 60e9],
    ["1h30m", 90 * 60e9],
    ["90s", 90e9],
    ["1.5h", 90 * 60e9],
    [".5s", 0.5e9],
    ["2m1s", 121e9],
    ["300ms", 300e6],
    ["10us", 10e3],
    ["10µs", 10e3],
    ["7ns", 7],
    ["+5m", 5 * 60e9],
    ["-5m", -5 * 60e9],
    ["1h1m1s1ms", 3661e9 + 1e6],
  ])("parses %p", (text, nanos) => {
    expect(parseGoDuration(text)).toBe(nanos);
  });

  test.each(["", "20", "m", "1d", "1h 30m", " 20m", "20m ", "20M", "1.2.3s", "h1"])(
    "rejects %p, which Go does not parse as a duration",
    (text) => {
      expect(parseGoDuration(text)).toBeUndefined();
    },
  );
});

describe("checkCreateTimeout", () => {
  const rule =
    /^must be a duration such as '20m' or '1h30m', longer than the 2m the provider waits before its first status check, got /;

  test("fails exactly 2 minutes: the export would time out at its first status check", () => {
    expect(checkCreateTimeout("2m")).toMatch(rule);
    expect(checkCreateTimeout("2m")).toMatch(/got '2m' \(the export would always time out\)$/);
  });

  test("fails 2 minutes written in seconds", () => {
    expect(checkCreateTimeout("120s")).toMatch(/\(the export would always time out\)$/);
  });

  test("passes one second more than 2 minutes", () => {
    expect(checkCreateTimeout("2m1s")).toBeUndefined();
  });

  test.each(["20m", "1h30m", "121s", "0.5h"])("passes %p", (value) => {
    expect(checkCreateTimeout(value)).toBeUndefined();
  });

  test.each<[unknown, RegExp]>([
    ["30", /got '30' \(no unit; write e\.g\. '30m'\)$/],
    ["thirty minutes", /got 'thirty minutes' \(not a Go duration\)$/],
    ["1d", /got '1d' \(not a Go duration\)$/],
    ["", /got '' \(empty\)$/],
    ["   ", /got ' {3}' \(empty\)$/],
    ["-30m", /\(the export would always time out\)$/],
    [30, /got 30 \(a number\)$/],
  ])("fails %p and says why", (value, message) => {
    expect(checkCreateTimeout(value)).toMatch(rule);
    expect(checkCreateTimeout(value)).toMatch(message);
  });
});

describe("checkInteger", () => {
  describe("the public bandwidth range, 0-100 Mbit/s", () => {
    const bandwidth = checkInteger(0, 100, "Mbit/s");

    test.each([0, 100])("passes %p, at the limit", (value) => {
      expect(bandwidth(value)).toBeUndefined();
    });

    test("fails 101", () => {
      expect(bandwidth(101)).toBe("must be a whole number from 0 to 100 Mbit/s, got 101");
    });

    test("fails -1", () => {
      expect(bandwidth(-1)).toBe("must be a whole number from 0 to 100 Mbit/s, got -1");
    });
  });

  describe("the data-disk size range, 1-500 GiB", () => {
    const size = checkInteger(1, 500, "GiB");

    test.each([1, 500])("passes %p, at the limit", (value) => {
      expect(size(value)).toBeUndefined();
    });

    test.each([0, 501])("fails %p, just past the limit", (value) => {
      expect(size(value)).toMatch(new RegExp(`^must be a whole number from 1 to 500 GiB, got ${value}$`));
    });
  });

  test.each<[unknown, RegExp]>([
    [1.5, /got 1\.5 \(not a whole number\)$/],
    [Number.NaN, /got NaN$/],
    [Number.POSITIVE_INFINITY, /got Infinity$/],
    [Number.NEGATIVE_INFINITY, /got -Infinity$/],
    ["5", /got '5' \(a string\)$/],
    [true, /got true \(a boolean\)$/],
  ])("fails %p and says why", (value, message) => {
    expect(checkInteger(0, 10)(value)).toMatch(/^must be a whole number from 0 to 10, got /);
    expect(checkInteger(0, 10)(value)).toMatch(message);
  });
});

describe("parseIpv4Cidr", () => {
  test("parses a block into its network address and prefix length", () => {
    expect(parseIpv4Cidr("10.0.0.0/8")).toEqual({ network: 10 * 2 ** 24, prefixLength: 8 });
  });

  test("parses the whole address space and a single address", () => {
    expect(parseIpv4Cidr("0.0.0.0/0")).toEqual({ network: 0, prefixLength: 0 });
    expect(parseIpv4Cidr("255.255.255.255/32")).toEqual({ network: 2 ** 32 - 1, prefixLength: 32 });
  });

  test("rejects a block with host bits set and names the network meant", () => {
    expect(parseIpv4Cidr("172.17.3.1/24")).toBe("host bits are set; the network is 172.17.3.0/24");
  });

  test.each<[string, RegExp]>([
    ["10.0.0.0", /^not of the form a\.b\.c\.d\/n$/],
    ["10.0.0/8", /^not of the form a\.b\.c\.d\/n$/],
    [" 10.0.0.0/8", /^not of the form a\.b\.c\.d\/n$/],
    ["256.0.0.0/8", /^the address part 256\.0\.0\.0 is not an IPv4 address$/],
    ["010.0.0.0/8", /^the address part 010\.0\.0\.0 is not an IPv4 address$/],
    ["10.0.0.0/33", /^\/33 is longer than 32 bits$/],
  ])("rejects %p", (text, reason) => {
    expect(parseIpv4Cidr(text)).toMatch(reason);
  });
});

describe("cidrContains", () => {
  test.each<[string, string]>([
    ["172.17.3.0/24", "172.17.3.0/24"],
    ["172.17.3.0/24", "172.17.3.128/25"],
    ["10.0.0.0/8", "10.255.255.248/29"],
    ["192.168.0.0/16", "192.168.255.0/24"],
    ["0.0.0.0/0", "255.255.255.0/24"],
  ])("%s holds %s", (outer, inner) => {
    expect(cidrContains(cidr(outer), cidr(inner))).toBe(true);
  });

  test.each<[string, string]>([
    ["172.17.3.0/24", "172.17.4.0/24"],
    ["172.17.3.0/24", "172.17.2.0/24"],
    ["172.17.3.0/24", "172.17.0.0/16"],
    ["10.0.0.0/8", "11.0.0.0/16"],
    ["192.168.0.0/16", "192.169.0.0/24"],
  ])("%s does not hold %s", (outer, inner) => {
    expect(cidrContains(cidr(outer), cidr(inner))).toBe(false);
  });
});

describe("checkVpcCidr", () => {
  const rule = /^must be an IPv4 CIDR block with a prefix length from \/8 to \/28, got /;

  test.each(["10.0.0.0/8", "172.17.3.0/28"])("passes %p, at the limit", (value) => {
    expect(checkVpcCidr(value)).toBeUndefined();
  });

  test.each<[string, string]>([
    ["10.0.0.0/7", "/7"],
    ["172.17.3.0/29", "/29"],
  ])("fails %p, just past the limit", (value, prefix) => {
    expect(checkVpcCidr(value)).toMatch(rule);
    expect(checkVpcCidr(value)).toMatch(new RegExp(`got '${value}' \\(${prefix}\\)$`));
  });

  test("fails a block that doesn't parse and says why", () => {
    expect(checkVpcCidr("172.17.3.1/24")).toMatch(rule);
    expect(checkVpcCidr("172.17.3.1/24")).toMatch(/\(host bits are set; the network is 172\.17\.3\.0\/24\)$/);
  });

  test("fails a value that is not a string", () => {
    expect(checkVpcCidr(24)).toMatch(/got 24 \(a number\)$/);
  });
});

describe("checkVswitchCidr", () => {
  const rule = /^must be an IPv4 CIDR block with a prefix length from \/16 to \/29, got /;

  test.each(["172.16.0.0/16", "172.17.3.8/29"])("passes %p, at the limit", (value) => {
    expect(checkVswitchCidr(value)).toBeUndefined();
  });

  test.each<[string, string]>([
    ["172.16.0.0/15", "/15"],
    ["172.17.3.8/30", "/30"],
  ])("fails %p, just past the limit", (value, prefix) => {
    expect(checkVswitchCidr(value)).toMatch(rule);
    expect(checkVswitchCidr(value)).toMatch(new RegExp(`got '${value}' \\(${prefix}\\)$`));
  });

  test("is built from checkCidr with its own limits", () => {
    expect(checkCidr(20, 22)("10.0.0.0/23")).toMatch(/from \/20 to \/22, got '10\.0\.0\.0\/23' \(\/23\)$/);
  });
});

describe("checkNamePrefix", () => {
  const rule =
    /^must be 2-100 characters, start with a letter, and hold only letters, digits, '\.', '_', '-' and ':', got /;

  test.each(["ab", "a".repeat(100), "Image.Export_v1:nightly-2"])("passes %p", (value) => {
    expect(checkNamePrefix(value)).toBeUndefined();
  });

  test.each<[string, RegExp]>([
    ["a", /got 'a' \(1 characters\)$/],
    ["a".repeat(101), /\(101 characters\)$/],
    ["1st-export", /\(starts with '1'\)$/],
    ["-export", /\(starts with '-'\)$/],
    ["image export", /\(has a space\)$/],
    ["image/export", /\(has '\/'\)$/],
    ["镜像导出", /\(starts with '镜'\)$/],
  ])("fails %p and says why", (value, message) => {
    expect(checkNamePrefix(value)).toMatch(rule);
    expect(checkNamePrefix(value)).toMatch(message);
  });
});

describe("checkEcsPrefixed", () => {
  const rule = /^must start with 'ecs\.' \(the provider rejects anything else\), got /;

  test.each(["ecs.g7.large", "ecs.g7", "ecs.t"])("passes %p", (value) => {
    expect(checkEcsPrefixed(value)).toBeUndefined();
  });

  test.each<[string, RegExp]>([
    ["g7.large", /got 'g7\.large'$/],
    ["ecs.", /got 'ecs\.'$/],
    ["ECS.g7.large", /got 'ECS\.g7\.large'$/],
    ["ecs.g7 large", /\(has a space\)$/],
  ])("fails %p", (value, message) => {
    expect(checkEcsPrefixed(value)).toMatch(rule);
    expect(checkEcsPrefixed(value)).toMatch(message);
  });
});

describe("checkResourceId", () => {
  const vpcId = checkResourceId("vpc", "a VPC");
  const rule = /^must be the id of a VPC, 'vpc-' followed by lowercase letters and digits, got /;

  test.each(["vpc-bp1abc123", "vpc-1"])("passes %p", (value) => {
    expect(vpcId(value)).toBeUndefined();
  });

  test.each<[string, RegExp]>([
    ["vpc-", /got 'vpc-'$/],
    ["vsw-bp1abc123", /got 'vsw-bp1abc123'$/],
    ["vpcbp1abc123", /got 'vpcbp1abc123'$/],
    ["vpc-BP1", /\(has 'B'\)$/],
    ["vpc-bp1-abc", /\(has '-'\)$/],
  ])("fails %p", (value, message) => {
    expect(vpcId(value)).toMatch(rule);
    expect(vpcId(value)).toMatch(message);
  });

  test("names the kind of resource and its prefix", () => {
    expect(checkResourceId("sg", "a security group")("vpc-1")).toBe(
      "must be the id of a security group, 'sg-' followed by lowercase letters and digits, got 'vpc-1'",
    );
  });
});

describe("checkZoneId", () => {
  test.each(["cn-hangzhou-h", "ap-southeast-1a", "cn-shanghai-finance-1z"])("passes %p", (value) => {
    expect(checkZoneId(value)).toBeUndefined();
  });

  test.each(["hangzhou-h", "cn-hangzhou-", "CN-hangzhou-h", "cn_hangzhou_h", "cn-hangzhou h", ""])(
    "fails %p",
    (value) => {
      expect(checkZoneId(value)).toBe(`must be a zone id such as 'cn-hangzhou-h', got '${value}'`);
    },
  );
});

describe("checkRegionId", () => {
  test.each(["cn-hangzhou", "ap-southeast-1", "cn-shanghai-finance-1", "xx-newregion-9"])(
    "passes %p",
    (value) => {
      expect(checkRegionId(value)).toBeUndefined();
    },
  );

  test.each(["cn", "CN-Hangzhou", "cn_hangzhou", "cn-hangzhou-", "cn--hangzhou", "c-hangzhou", ""])(
    "fails %p",
    (value) => {
      expect(checkRegionId(value)).toBe(
        `must be a region id such as 'cn-hangzhou' or 'ap-southeast-1', got '${value}'`,
      );
    },
  );

  test("accepts every region the library knows", () => {
    for (const region of KNOWN_REGIONS) expect(checkRegionId(region)).toBeUndefined();
    expect(KNOWN_REGIONS).toEqual(expect.arrayContaining(["cn-hangzhou", "cn-beijing", "ap-southeast-1"]));
  });
});

describe("checkRegex", () => {
  test.each(["^ubuntu_[0-9]+_[0-9]+_x64*", "centos", "^(alinux|aliyun)_3"])("passes %p", (value) => {
    expect(checkRegex(value)).toBeUndefined();
  });

  test("fails an expression that doesn't compile and passes on the reason", () => {
    expect(checkRegex("^ubuntu_(")).toMatch(/^must be a valid regular expression, got '\^ubuntu_\(' \(.+\)$/);
  });

  test("fails the empty expression", () => {
    expect(checkRegex("")).toBe("must be a valid regular expression, got '' (empty)");
  });

  // Go's RE2, which the provider compiles name_regex with, has these; JavaScript spells them otherwise.
  test.each(["(?i)ubuntu", "(?i:UBUNTU)_22", "(?s)a.b", "(?P<version>[0-9]+)_x64"])(
    "passes RE2 syntax %p",
    (value) => {
      expect(checkRegex(value)).toBeUndefined();
    },
  );

  test("still fails what RE2 lacks inside a flag group", () => {
    expect(checkRegex("(?i)(?=ubuntu)")).toMatch(/has the lookaround '\(\?='/);
  });
});

describe("checkOneOf", () => {
  const owners = checkOneOf(["system", "self", "others"]);

  test.each(["system", "self", "others"])("passes %p", (value) => {
    expect(owners(value)).toBeUndefined();
  });

  test.each<[unknown, string]>([
    ["System", "'System'"],
    ["marketplace", "'marketplace'"],
    ["", "''"],
    [1, "1"],
  ])("fails %p", (value, shown) => {
    expect(owners(value)).toBe(`must be one of 'system', 'self', 'others', got ${shown}`);
  });
});

describe("checkByteLength", () => {
  const diskName = checkByteLength(2, 128);

  test.each(["ab", "a".repeat(128), "é"])("passes %p, at the limit in bytes", (value) => {
    expect(diskName(value)).toBeUndefined();
  });

  test.each<[string, number]>([
    ["a", 1],
    ["a".repeat(129), 129],
    ["a".repeat(127) + "é", 129],
  ])("fails %p, just past the limit in bytes", (value, bytes) => {
    expect(diskName(value)).toMatch(new RegExp(`^must be 2-128 bytes long, got '.*' \\(${bytes} bytes\\)$`));
  });
});

describe("checkBoolean", () => {
  test.each([true, false])("passes %p", (value) => {
    expect(checkBoolean(value)).toBeUndefined();
  });

  test.each<[unknown, string]>([
    ["true", "'true' (a string)"],
    [1, "1 (a number)"],
    [null, "null (null)"],
  ])("fails %p", (value, shown) => {
    expect(checkBoolean(value)).toBe(`must be true or false, got ${shown}`);
  });
});

describe("checkImageName", () => {
  const rule =
    /^must be 2-128 characters, start with a letter, and not start with 'http:\/\/' or 'https:\/\/', got /;

  test.each(["ab", "a".repeat(128), "镜像", "Export.image_v1:2-b"])("passes %p", (value) => {
    expect(checkImageName(value)).toBeUndefined();
  });

  test.each<[string, RegExp]>([
    ["a", /\(1 characters\)$/],
    ["a".repeat(129), /\(129 characters\)$/],
    ["http://example.com", /got 'http:\/\/example\.com'$/],
    ["https://example.com", /got 'https:\/\/example\.com'$/],
    ["1st-image", /\(starts with '1'\)$/],
    ["my image", /\(has a space\)$/],
  ])("fails %p", (value, message) => {
    expect(checkImageName(value)).toMatch(rule);
    expect(checkImageName(value)).toMatch(message);
  });
});

describe("checkDescription", () => {
  const rule = /^must be 2-256 characters and not start with 'http:\/\/' or 'https:\/\/', got /;

  test.each(["ab", "d".repeat(256), "Nightly export, see http://example.com"])("passes %p", (value) => {
    expect(checkDescription(value)).toBeUndefined();
  });

  test.each<[string, RegExp]>([
    ["d", /\(1 characters\)$/],
    ["d".repeat(257), /\(257 characters\)$/],
    ["https://example.com/docs", /got 'https:\/\/example\.com\/docs'$/],
  ])("fails %p", (value, message) => {
    expect(checkDescription(value)).toMatch(rule);
    expect(checkDescription(value)).toMatch(message);
  });
});

describe("checkSourceImageId", () => {
  test.each(["ubuntu_22_04_x64_20G_alibase_20240101.vhd", "m-bp1abc", "x"])("passes %p", (value) => {
    expect(checkSourceImageId(value)).toBeUndefined();
  });

  test.each<[string, string]>([
    ["", "got '' (empty)"],
    ["ubuntu 22", "got 'ubuntu 22' (has whitespace)"],
    ["m-abc\t", "got 'm-abc\t' (has whitespace)"],
  ])("fails %p", (value, message) => {
    expect(checkSourceImageId(value)).toBe(`must be an image id or name without whitespace, ${message}`);
  });
});
