// Property-based tests: every validator in src/validation/values.ts is compared with an oracle written a
// different way (loops over character codes instead of regular expressions, 32-bit integer
// arithmetic for CIDR blocks, a port of Go's time.ParseDuration for durations) over generated input
// that straddles each rule's limits. Then: tokens of any shape pass through the constructs untouched.
import { Fn, TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import * as fc from "fast-check";
import { alicloud, ImageExport, ImageExportProps } from "../src";
import {
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
  Check,
  KNOWN_REGIONS,
  parseGoDuration,
  parseIpv4Cidr,
} from "../src/validation/values";
import { re2SyntaxProblem } from "../src/rules/re2";
import { show } from "../src/rules/text";

const RUNS = { numRuns: 400 };

// ---------------------------------------------------------------------------------------------------
// Character classes, by code

const code = (char: string): number => char.codePointAt(0) as number;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isAlnum = (c: number): boolean => isDigit(c) || isLower(c) || isUpper(c);
const HYPHEN = 45;
const DOT = 46;

/** Code points, so that an emoji counts once, as the rules count characters. */
const codePoints = (text: string): number[] => Array.from(text, code);

function every(text: string, allowed: (c: number) => boolean): boolean {
  for (const c of codePoints(text)) if (!allowed(c)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Generators

/** A few characters that break most rules: whitespace, punctuation, upper case, non-ASCII, controls. */
const TROUBLE = [
  " ",
  "\t",
  "\n",
  "-",
  "_",
  ".",
  ":",
  "/",
  "@",
  "A",
  "Z",
  "é",
  "ß",
  "📦",
  "１",
  "\u0000",
  "\u00a0",
];

/** Strings mostly of `alphabet`, now and then a troublesome character, with lengths around `limits`. */
function stringsNear(
  alphabet: string,
  limits: number[],
  trouble: readonly string[] = TROUBLE,
): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...alphabet.split("")) },
    { weight: 1, arbitrary: fc.constantFrom(...trouble) },
  );
  const lengthsNear = limits.flatMap((limit) => [limit - 1, limit, limit + 1]).filter((n) => n >= 0);
  return fc.oneof(
    fc.string({ unit, maxLength: Math.max(...limits) + 2 }),
    fc
      .constantFrom(...lengthsNear)
      .chain((length) => fc.string({ unit, minLength: length, maxLength: length })),
  );
}

/** Anything but a string, for the type checks every validator starts with. */
const notStrings = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, NaN, Infinity, [], {}, ["a"], { a: 1 }),
);

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
const LETTERS = LOWER + LOWER.toUpperCase();

/** The outcome of a check: passes, or fails naming the value it got. */
function expectSameVerdict(check: Check, value: unknown, oracleSaysValid: boolean): void {
  const problem = check(value);
  if (oracleSaysValid) {
    expect(problem).toBeUndefined();
  } else {
    expect(problem).toEqual(expect.any(String));
    expect(problem).toMatch(/^must /);
    expect(problem).toContain("got ");
    if (typeof value === "string") expect(problem).toContain(show(value));
  }
}

/** Runs the oracle comparison on generated strings and on values that aren't strings at all. */
function agrees(check: Check, strings: fc.Arbitrary<string>, oracle: (text: string) => boolean): void {
  fc.assert(
    fc.property(strings, (text) => expectSameVerdict(check, text, oracle(text))),
    RUNS,
  );
  fc.assert(
    fc.property(notStrings, (value) => expectSameVerdict(check, value, false)),
    { numRuns: 50 },
  );
}

// ---------------------------------------------------------------------------------------------------
// Oracles for the string rules

const ossPrefixOracle = (text: string): boolean =>
  codePoints(text).length >= 1 && codePoints(text).length <= 30 && every(text, isAlnum);

const bucketAlphabet = (c: number): boolean => isLower(c) || isDigit(c) || c === HYPHEN;

function bucketNameOracle(text: string): boolean {
  const cps = codePoints(text);
  if (cps.length < 3 || cps.length > 63) return false;
  return every(text, bucketAlphabet) && cps[0] !== HYPHEN && cps[cps.length - 1] !== HYPHEN;
}

function bucketPrefixOracle(text: string): boolean {
  const cps = codePoints(text);
  // 57 = 63 minus the "-12345" the construct appends.
  return cps.length >= 1 && cps.length <= 57 && every(text, bucketAlphabet) && cps[0] !== HYPHEN;
}

function idOracle(prefix: string, text: string): boolean {
  const head = `${prefix}-`;
  if (text.length <= head.length) return false;
  for (let i = 0; i < head.length; i++) if (text.charCodeAt(i) !== head.charCodeAt(i)) return false;
  return every(text.slice(head.length), (c) => isLower(c) || isDigit(c));
}

function namePrefixOracle(text: string): boolean {
  const cps = codePoints(text);
  if (cps.length < 2 || cps.length > 100) return false;
  if (!isLower(cps[0]) && !isUpper(cps[0])) return false;
  return every(text, (c) => isAlnum(c) || c === DOT || c === 95 /* _ */ || c === HYPHEN || c === 58 /* : */);
}

function ecsOracle(text: string): boolean {
  if (text.length <= 4 || text.slice(0, 4) !== "ecs.") return false;
  return every(text, (c) => isAlnum(c) || c === DOT || c === HYPHEN);
}

function zoneOracle(text: string): boolean {
  if (KNOWN_REGIONS.indexOf(text) >= 0) return false;
  const cps = codePoints(text);
  if (cps.length < 4) return false;
  if (!isLower(cps[0]) || !isLower(cps[1]) || cps[2] !== HYPHEN) return false;
  for (let i = 3; i < cps.length - 1; i++)
    if (!isLower(cps[i]) && !isDigit(cps[i]) && cps[i] !== HYPHEN) return false;
  const last = cps[cps.length - 1];
  return isLower(last) || isDigit(last);
}

function regionOracle(text: string): boolean {
  const segments = text.split("-");
  if (segments.length < 2) return false;
  const [area, ...rest] = segments;
  if (area.length !== 2 || !every(area, isLower)) return false;
  return rest.every((segment) => segment.length > 0 && every(segment, (c) => isLower(c) || isDigit(c)));
}

const startsWithUrl = (text: string): boolean =>
  text.slice(0, 7) === "http://" || text.slice(0, 8) === "https://";

/** The letters (Unicode category L) among the characters the image-name generator uses. */
const NAME_LETTERS = new Set([...LETTERS, "é", "ß", "Ж", "日", "本", "ı"]);
const NAME_NON_LETTERS = [" ", "/", "📦", "１", "٣", "!", "\t", "+"];

function imageNameOracle(text: string): boolean {
  const chars = Array.from(text);
  if (chars.length < 2 || chars.length > 128 || startsWithUrl(text)) return false;
  if (!NAME_LETTERS.has(chars[0])) return false;
  return chars.every((ch) => NAME_LETTERS.has(ch) || isDigit(code(ch)) || "._:-".includes(ch));
}

function descriptionOracle(text: string): boolean {
  const length = codePoints(text).length;
  return length >= 2 && length <= 256 && !startsWithUrl(text);
}

/** UTF-8 length, counted by hand; a lone surrogate is written as U+FFFD (3 bytes), as Node does. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      bytes += 4;
      i++;
    } else if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** What JavaScript's \s matches, listed out. */
const WHITESPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

const sourceImageOracle = (text: string): boolean =>
  text.length > 0 && every(text, (c) => !WHITESPACE.has(c));

// ---------------------------------------------------------------------------------------------------

describe("string rules agree with oracles written without regular expressions", () => {
  test("checkOssPrefix: 1-30 ASCII letters or digits", () => {
    agrees(checkOssPrefix, stringsNear(LETTERS + DIGITS, [0, 1, 30]), ossPrefixOracle);
  });

  test("checkBucketName: 3-63 of [a-z0-9-], no hyphen at either end", () => {
    agrees(checkBucketName, stringsNear(LOWER + DIGITS + "---", [3, 63]), bucketNameOracle);
  });

  test("checkBucketNamePrefix: 1-57 of [a-z0-9-], no leading hyphen", () => {
    agrees(checkBucketNamePrefix, stringsNear(LOWER + DIGITS + "---", [1, 57]), bucketPrefixOracle);
  });

  test("checkCustomImageId: 'm-' and lowercase letters or digits", () => {
    const ids = fc.oneof(
      stringsNear(LOWER + DIGITS, [0, 3, 20]).map((rest) => `m-${rest}`),
      stringsNear("m-" + LOWER + DIGITS, [0, 2, 3]),
    );
    agrees(checkCustomImageId, ids, (text) => idOracle("m", text));
  });

  test("checkResourceId: '<kind>-' and lowercase letters or digits, for every kind", () => {
    for (const kind of ["vpc", "vsw", "sg"]) {
      const ids = fc.oneof(
        stringsNear(LOWER + DIGITS, [0, 1, 22]).map((rest) => `${kind}-${rest}`),
        stringsNear(kind + "-" + LOWER, [0, kind.length + 1, kind.length + 2]),
      );
      agrees(checkResourceId(kind, `a ${kind}`), ids, (text) => idOracle(kind, text));
    }
  });

  test("checkNamePrefix: 2-100 characters, a letter first, then [A-Za-z0-9._:-]", () => {
    agrees(checkNamePrefix, stringsNear(LETTERS + DIGITS + "._:-", [0, 2, 100]), namePrefixOracle);
  });

  test("checkEcsPrefixed: 'ecs.' and something after it", () => {
    const types = fc.oneof(
      stringsNear(LOWER + DIGITS + ".-", [0, 1, 12]).map((rest) => `ecs.${rest}`),
      stringsNear("ecs.gGE7", [0, 4, 5]),
    );
    agrees(checkEcsPrefixed, types, ecsOracle);
  });

  test("checkZoneId: a two-letter area, a hyphen, then [a-z0-9-] ending in a letter or digit, never a bare region", () => {
    const zones = fc.oneof(
      fc.constantFrom(...KNOWN_REGIONS),
      fc
        .constantFrom(...KNOWN_REGIONS)
        .chain((region) => stringsNear(LOWER + DIGITS + "-", [0, 1, 2]).map((zone) => `${region}${zone}`)),
      stringsNear(LOWER + DIGITS + "-", [3, 4, 14]),
    );
    agrees(checkZoneId, zones, zoneOracle);
  });

  test("checkRegionId: lowercase words joined by hyphens, starting with a two-letter area", () => {
    const regions = fc.oneof(
      fc.constantFrom(...KNOWN_REGIONS),
      stringsNear(LOWER + DIGITS + "--", [2, 3, 16]),
      fc.constantFrom(...KNOWN_REGIONS).map((r) => r.toUpperCase()),
    );
    agrees(checkRegionId, regions, regionOracle);
  });

  test("checkImageName: 2-128 characters, a letter first, no URL", () => {
    const alphabet = [...NAME_LETTERS, ...DIGITS.split(""), ".", "_", ":", "-"];
    const unit = fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(...alphabet) },
      { weight: 1, arbitrary: fc.constantFrom(...NAME_NON_LETTERS) },
    );
    const names = fc.oneof(
      fc.string({ unit, maxLength: 130 }),
      fc.constantFrom(1, 2, 127, 128, 129).chain((n) => fc.string({ unit, minLength: n, maxLength: n })),
      fc
        .tuple(
          fc.constantFrom("http://", "https://", "http:/", "https:", "Http://"),
          fc.string({ unit, maxLength: 8 }),
        )
        .map(([scheme, rest]) => scheme + rest),
    );
    agrees(checkImageName, names, imageNameOracle);
  });

  test("checkDescription: 2-256 characters, no URL", () => {
    const descriptions = fc.oneof(
      stringsNear(LETTERS + " .,", [0, 2, 256]),
      fc
        .tuple(fc.constantFrom("http://", "https://", "ftp://"), fc.string({ maxLength: 8 }))
        .map(([a, b]) => a + b),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    );
    agrees(checkDescription, descriptions, descriptionOracle);
  });

  test("checkByteLength: UTF-8 bytes counted by hand, for several limits", () => {
    for (const [min, max] of [
      [2, 128],
      [2, 256],
      [0, 3],
    ]) {
      const texts = fc.oneof(
        fc.string({ unit: "binary", maxLength: max + 2 }),
        fc.string({
          unit: fc.constantFrom("a", "é", "日", "📦", "\ud800"),
          maxLength: Math.ceil(max / 2) + 2,
        }),
        stringsNear(LOWER, [min, max]),
      );
      agrees(checkByteLength(min, max), texts, (text) => utf8Bytes(text) >= min && utf8Bytes(text) <= max);
    }
  });

  test("checkSourceImageId: anything but empty or with whitespace", () => {
    const whitespace = [...WHITESPACE].map((c) => String.fromCodePoint(c));
    const ids = fc.oneof(
      fc.string({ maxLength: 12 }),
      stringsNear(LOWER + DIGITS + "_.-", [0, 1, 30], whitespace),
    );
    agrees(checkSourceImageId, ids, sourceImageOracle);
  });

  test("checkOneOf: exactly one of the listed strings, case and padding matter", () => {
    const allowed = ["system", "self", "others"];
    const values = fc.oneof(
      fc.constantFrom(...allowed),
      fc.constantFrom(...allowed).map((a) => a.toUpperCase()),
      fc.constantFrom(...allowed).map((a) => ` ${a}`),
      fc.string({ maxLength: 7 }),
    );
    fc.assert(
      fc.property(values, (value) => {
        let found = false;
        for (const a of allowed) if (a === value) found = true;
        expect(checkOneOf(allowed)(value) === undefined).toBe(found);
      }),
      RUNS,
    );
    fc.assert(fc.property(notStrings, (value) => expect(checkOneOf(allowed)(value)).toContain("got ")));
  });

  test("checkBoolean: true and false, nothing truthy or falsy", () => {
    const values = fc.oneof(fc.boolean(), notStrings, fc.constantFrom("true", "false", 0, 1, "", undefined));
    fc.assert(
      fc.property(values, (value) => {
        expect(checkBoolean(value) === undefined).toBe(value === true || value === false);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Numbers

describe("checkInteger agrees with an arithmetic oracle", () => {
  const numbers = (min: number, max: number): fc.Arbitrary<unknown> =>
    fc.oneof(
      fc.integer({ min: min - 3, max: max + 3 }),
      fc.constantFrom(
        min - 1,
        min,
        max,
        max + 1,
        min + 0.5,
        max - 0.5,
        -0,
        NaN,
        Infinity,
        -Infinity,
        2 ** 53,
        1e21,
      ),
      fc.double(),
      fc.integer({ min: min - 3, max: max + 3 }).map(String),
      fc.constantFrom(null, true, "ten", [3]),
    );

  test.each([
    [1, 500, "GiB"],
    [0, 100, "Mbit/s"],
  ])("from %d to %d %s", (min, max, unit) => {
    const check = checkInteger(min, max, unit);
    fc.assert(
      fc.property(numbers(min, max), (value) => {
        const whole = typeof value === "number" && value - Math.trunc(value) === 0; // false for NaN, ±Infinity
        const valid = whole && (value as number) >= min && (value as number) <= max;
        const problem = check(value);
        expect(problem === undefined).toBe(valid);
        if (!valid) expect(problem).toContain(`must be a whole number from ${min} to ${max} ${unit}, got `);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// CIDR blocks, on 32-bit integers

/** A hand parser: the address as an unsigned 32-bit integer and the prefix length, or the kind of fault. */
type CidrVerdict =
  | { kind: "ok"; address: number; prefix: number }
  | { kind: "form" | "address" | "length" | "host-bits"; network?: number };

function octetValue(text: string): number | "form" | "address" {
  if (text.length < 1 || text.length > 3) return "form";
  let value = 0;
  for (const c of codePoints(text)) {
    if (!isDigit(c)) return "form";
    value = value * 10 + (c - 48);
  }
  if (value > 255 || (text.length > 1 && text.charCodeAt(0) === 48)) return "address";
  return value;
}

const maskOf = (prefix: number): number => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

function cidrOracle(text: string): CidrVerdict {
  const slash = text.split("/");
  if (slash.length !== 2) return { kind: "form" };
  const octets = slash[0].split(".");
  const prefixText = slash[1];
  if (octets.length !== 4) return { kind: "form" };
  if (prefixText.length < 1 || prefixText.length > 2 || !every(prefixText, isDigit)) return { kind: "form" };
  const values = octets.map(octetValue);
  if (values.includes("form")) return { kind: "form" };
  if (values.includes("address")) return { kind: "address" };
  const prefix = Number(prefixText);
  if (prefix > 32) return { kind: "length" };
  const [a, b, c, d] = values as number[];
  const address = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  const network = (address & maskOf(prefix)) >>> 0;
  if (network !== address) return { kind: "host-bits", network };
  return { kind: "ok", address, prefix };
}

const dotted = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");

/** Well-formed blocks (often aligned), and blocks with one part broken. */
const cidrTexts: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), fc.boolean())
    .map(
      ([address, prefix, align]) => `${dotted(align ? (address & maskOf(prefix)) >>> 0 : address)}/${prefix}`,
    ),
  fc
    .tuple(
      fc.array(
        fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 0, max: 255 }).map(String) },
          {
            weight: 1,
            arbitrary: fc.constantFrom("256", "300", "999", "01", "00", "", " 1", "-1", "1a", "1234"),
          },
        ),
        { minLength: 3, maxLength: 5 },
      ),
      fc.oneof(
        fc.integer({ min: 0, max: 34 }).map(String),
        fc.constantFrom("", "08", "033", "x", "-1", "16 "),
      ),
      fc.constantFrom("/", "/", "/", "\\", "//", ""),
    )
    .map(([octets, prefix, slash]) => `${octets.join(".")}${slash}${prefix}`),
);

describe("CIDR blocks agree with a 32-bit integer oracle", () => {
  test("parseIpv4Cidr finds the same network, or the same fault", () => {
    fc.assert(
      fc.property(cidrTexts, (text) => {
        const parsed = parseIpv4Cidr(text);
        const verdict = cidrOracle(text);
        if (verdict.kind === "ok") {
          expect(parsed).toEqual({ network: verdict.address, prefixLength: verdict.prefix });
          return;
        }
        expect(typeof parsed).toBe("string");
        const reason = parsed as string;
        if (verdict.kind === "form") expect(reason).toBe("not of the form a.b.c.d/n");
        if (verdict.kind === "address") expect(reason).toMatch(/is not an IPv4 address$/);
        if (verdict.kind === "length") expect(reason).toMatch(/is longer than 32 bits$/);
        if (verdict.kind === "host-bits") {
          expect(reason).toBe(
            `host bits are set; the network is ${dotted(verdict.network as number)}/${Number(text.split("/")[1])}`,
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  test("cidrContains: the inner network masked to the outer prefix is the outer network", () => {
    const block = fc
      .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
      .map(([address, prefix]) => ({ network: (address & maskOf(prefix)) >>> 0, prefixLength: prefix }));
    // Inner blocks drawn near the outer one, so that both answers come up often.
    const pairs = fc.oneof(
      fc.tuple(block, block),
      fc
        .tuple(block, fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
        .map(([outer, noise, prefix]) => {
          const near = (outer.network | (noise & ~maskOf(outer.prefixLength) & 0xffff)) >>> 0;
          return [outer, { network: (near & maskOf(prefix)) >>> 0, prefixLength: prefix }] as const;
        }),
    );
    fc.assert(
      fc.property(pairs, ([outer, inner]) => {
        const expected =
          inner.prefixLength >= outer.prefixLength &&
          BigInt(inner.network) >> BigInt(32 - outer.prefixLength) ===
            BigInt(outer.network) >> BigInt(32 - outer.prefixLength);
        expect(cidrContains(outer, inner)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  test.each([
    ["checkVpcCidr", 8, 28, checkVpcCidr],
    ["checkVswitchCidr", 16, 29, checkVswitchCidr],
    ["checkCidr(0, 32)", 0, 32, checkCidr(0, 32)],
  ] as const)("%s accepts exactly the well-formed blocks from /%d to /%d", (_name, min, max, check) => {
    fc.assert(
      fc.property(cidrTexts, (text) => {
        const verdict = cidrOracle(text);
        expectSameVerdict(
          check,
          text,
          verdict.kind === "ok" && verdict.prefix >= min && verdict.prefix <= max,
        );
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Durations: a port of Go's time.ParseDuration (Go 1.22, src/time/format.go) on BigInt

const GO_UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  "\u00b5s": 1_000n,
  "\u03bcs": 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const INT64_MAX = (1n << 63n) - 1n;

/** Go's result in nanoseconds, or undefined where Go returns an error. */
function goParseDuration(input: string): bigint | undefined {
  let s = input;
  let negative = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    negative = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") return undefined;
  let total = 0n;
  const isDigitAt = (i: number) => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;
  while (s !== "") {
    if (!(s[0] === "." || isDigitAt(0))) return undefined;
    // The whole part.
    let i = 0;
    let whole = 0n;
    while (isDigitAt(i)) {
      whole = whole * 10n + BigInt(s.charCodeAt(i) - 48);
      if (whole > 1n << 63n) return undefined;
      i++;
    }
    const hadWhole = i > 0;
    s = s.slice(i);
    // The fraction: digits beyond what an int64 holds are read but ignored.
    let fraction = 0n;
    let scale = 1;
    let hadFraction = false;
    if (s[0] === ".") {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (isDigitAt(j)) {
        if (!overflow) {
          if (fraction > INT64_MAX / 10n) overflow = true;
          else {
            const next = fraction * 10n + BigInt(s.charCodeAt(j) - 48);
            if (next > 1n << 63n) overflow = true;
            else {
              fraction = next;
              scale *= 10;
            }
          }
        }
        j++;
      }
      hadFraction = j > 0;
      s = s.slice(j);
    }
    if (!hadWhole && !hadFraction) return undefined;
    // The unit: everything up to the next digit or dot.
    let k = 0;
    while (k < s.length && s[k] !== "." && !isDigitAt(k)) k++;
    if (k === 0) return undefined;
    const unit = GO_UNITS[s.slice(0, k)];
    s = s.slice(k);
    if (unit === undefined) return undefined;
    if (whole > (1n << 63n) / unit) return undefined;
    let value = whole * unit;
    if (fraction > 0n) {
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (value > 1n << 63n) return undefined;
    }
    total += value;
    if (total > 1n << 63n) return undefined;
  }
  if (negative) return -total;
  if (total > INT64_MAX) return undefined;
  return total;
}

const durationTexts: fc.Arbitrary<string> = fc.oneof(
  // Well-formed: one to three parts, sometimes signed, sometimes with fractions.
  fc
    .tuple(
      fc.constantFrom("", "", "", "+", "-"),
      fc.array(
        fc.tuple(
          fc.oneof(
            fc.nat({ max: 150 }).map(String),
            fc.constantFrom("0", "2", "119", "120", "121", "1", "9999999", "2562047"),
          ),
          fc.oneof(fc.constant(""), fc.stringMatching(/^\.[0-9]{0,12}$/)),
          fc.constantFrom("ns", "us", "µs", "μs", "ms", "s", "m", "h"),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([sign, parts]) => sign + parts.map(([whole, fraction, unit]) => whole + fraction + unit).join("")),
  // Near misses.
  fc.constantFrom(
    "0",
    "+0",
    "-0",
    "",
    " ",
    "20",
    "20 m",
    "1d",
    "2m",
    "2m0s",
    "2m1ns",
    "1h-30m",
    ".m",
    "1.m",
    ".5h",
    "1..5m",
    "m",
    "1M",
    "1H",
    "20min",
    "1e3s",
  ),
  // Fractions of a nanosecond, which Go cuts off: these are exactly 2m, not longer.
  fc.constantFrom(
    "120.0000000001s",
    "2.00000000001m",
    "119999999999.9ns",
    "2562047h47m16.854775807s",
    "2562047h47m16.854775808s",
  ),
  // Anything from the characters durations are made of.
  fc.string({ unit: fc.constantFrom(..."0123456789.+-nsuµμmh d"), maxLength: 8 }),
);

describe("durations agree with a port of Go's time.ParseDuration", () => {
  test("parseGoDuration: same verdict, same number of nanoseconds", () => {
    fc.assert(
      fc.property(durationTexts, (text) => {
        const go = goParseDuration(text);
        const ours = parseGoDuration(text);
        // A bare zero is a valid Go duration; parseGoDuration leaves it to checkCreateTimeout, which
        // reports the missing unit (both refuse it as a timeout).
        if (/^[+-]?0$/.test(text)) {
          expect(go).toBe(0n);
          return;
        }
        if (go === undefined) {
          expect(ours).toBeUndefined();
          return;
        }
        expect(ours).toBe(Number(go));
      }),
      { numRuns: 500 },
    );
  });

  test("checkCreateTimeout: a Go duration longer than the provider's first 2-minute wait", () => {
    fc.assert(
      fc.property(durationTexts, (text) => {
        const go = goParseDuration(text);
        expectSameVerdict(checkCreateTimeout, text, go !== undefined && go > 120_000_000_000n);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Regular expressions: generated from an RE2-safe grammar, then spoiled with what RE2 lacks

const re2Safe: fc.Arbitrary<string> = fc.letrec<{ re: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    // At most 4 groups deep: each level may repeat up to 3 times, and RE2 refuses a pattern whose
    // nested counted repeats make more than 1000 copies (3^5 = 243 stays below; 3^7 would not).
    { depthSize: "small", withCrossShrink: true, maxDepth: 4 },
    fc.constantFrom(
      "a",
      "b",
      "_",
      "0",
      ".",
      "\\d",
      "\\w",
      "\\s",
      "\\.",
      "\\(",
      "[a-z]",
      "[^0-9]",
      "[\\]a]",
      "\\x41",
    ),
    tie("re").map((inner) => `(${inner})`),
    tie("re").map((inner) => `(?:${inner})`),
  ),
  re: fc
    .array(fc.tuple(tie("atom"), fc.constantFrom("", "", "*", "+", "?", "{2}", "{1,3}", "*?")), {
      minLength: 1,
      maxLength: 4,
    })
    .chain((parts) =>
      fc
        .constantFrom("", "", "|b")
        .map(
          (alternative) => `${parts.map(([atom, quantifier]) => atom + quantifier).join("")}${alternative}`,
        ),
    ),
})).re;

describe("checkRegex", () => {
  test("accepts what both JavaScript and RE2 compile", () => {
    fc.assert(
      fc.property(
        re2Safe.filter((re) => re.length > 0),
        fc.constantFrom("", "^"),
        (re, anchor) => {
          expect(checkRegex(anchor + re)).toBeUndefined();
        },
      ),
      RUNS,
    );
  });

  test("refuses lookaround, backreferences and escapes RE2 doesn't know, wherever they are", () => {
    const spoilers = fc.constantFrom(
      "(?=a)",
      "(?!a)",
      "(?<=a)",
      "(?<!a)",
      "(x)\\1_", // not "(x)\1" alone: followed by a digit 0-7, Go reads \1 as an octal escape
      "\\u0041",
      "\\e",
      "\\Z",
      "\\k",
    );
    fc.assert(
      fc.property(re2Safe, spoilers, fc.nat(), (re, spoiler, at) => {
        // Insert outside character classes and escapes: at the start, the end, or between top-level atoms.
        const position = [0, re.length][at % 2];
        const spoiled = re.slice(0, position) + spoiler + re.slice(position);
        expect(checkRegex(spoiled)).toMatch(
          /^must be a valid regular expression, got .* \(has the (lookaround|backreference|escape) /,
        );
      }),
      RUNS,
    );
  });

  test("judges by Go's RE2 syntax, not JavaScript's: same verdict and reason as re2SyntaxProblem", () => {
    // JavaScript and Go disagree both ways: `$?` compiles in Go only, `(?<=a)` in JavaScript only.
    expect(checkRegex("$?")).toBeUndefined();
    expect(checkRegex("(?<=a)b")).toMatch(/lookaround/);
    const texts = fc.string({ unit: fc.constantFrom(..."ab()[]{}*+?|\\^$.-,1"), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(texts, (text) => {
        const problem = re2SyntaxProblem(text);
        expect(checkRegex(text)).toBe(
          problem === undefined
            ? undefined
            : `must be a valid regular expression, got '${text}' (${problem})`,
        );
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Tokens pass through

/** A token-valued stand-in for a string: a variable, another resource's attribute, or either inside text. */
type StringToken = (stack: TerraformStack, junk: string) => string;
type NumberToken = (stack: TerraformStack, junk: number) => number;

let counter = 0;
const fresh = (name: string) => `${name}${counter++}`;

const stringTokens: fc.Arbitrary<StringToken> = fc.constantFrom<StringToken>(
  (stack, junk) => new TerraformVariable(stack, fresh("s"), { type: "string", default: junk }).stringValue,
  (stack) => Token.asString(new alicloud.vpc.Vpc(stack, fresh("Other"), { cidrBlock: "10.0.0.0/8" }).id),
  (stack, junk) => `${junk}-${new TerraformVariable(stack, fresh("s"), { type: "string" }).stringValue}`,
  (stack, junk) => `${new TerraformVariable(stack, fresh("s"), { type: "string" }).stringValue} ${junk}`,
  (stack, junk) =>
    Fn.lower(new TerraformVariable(stack, fresh("s"), { type: "string", default: junk }).stringValue),
  (stack) =>
    Token.asString(
      Fn.element(new TerraformVariable(stack, fresh("l"), { type: "list(string)" }).listValue, 0),
    ),
);

const numberTokens: fc.Arbitrary<NumberToken> = fc.constantFrom<NumberToken>(
  (stack, junk) => new TerraformVariable(stack, fresh("n"), { type: "number", default: junk }).numberValue,
  (stack) => Token.asNumber(new alicloud.vpc.Vpc(stack, fresh("Other"), { cidrBlock: "10.0.0.0/8" }).id),
);

/** Junk that would fail any rule if it were a literal. */
const junkText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", " ", "Bad Value!", "http://x", "-", "é📦"),
);
const junkNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-1, 0, 501, 1.5));

const BYO_STRING_PROPS = ["imageId", "ossBucket", "ossPrefix", "createTimeout"] as const;
const SCAFFOLD_STRING_PROPS = [
  "ossBucket",
  "ossPrefix",
  "createTimeout",
  "namePrefix",
  "vpcCidrBlock",
  "vswitchCidrBlock",
  "zoneId",
  "instanceType",
  "sourceImageId",
  "imageName",
  "imageDescription",
] as const;

interface TokenProps {
  readonly stringProps: readonly string[];
  readonly chosen: boolean[];
  readonly tokens: StringToken[];
  readonly junk: string;
  /** Also give the numeric props (bandwidth, a disk's size) as tokens. */
  readonly numbers?: { readonly token: NumberToken; readonly junk: number };
}

function buildWithTokens({ stringProps, chosen, tokens, junk, numbers }: TokenProps): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "stack");
  const region = new TerraformVariable(stack, "region", { type: "string" });
  new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: region.stringValue });
  const props: Record<string, unknown> = {};
  stringProps.forEach((prop, i) => {
    if (chosen[i]) props[prop] = tokens[i % tokens.length](stack, junk);
  });
  if (numbers !== undefined) {
    props.instancePublicBandwidth = numbers.token(stack, numbers.junk);
    props.dataDisks = [{ size: numbers.token(stack, numbers.junk), name: tokens[0](stack, junk) }];
  }
  new ImageExport(stack, "Export", props as ImageExportProps);
  return stack;
}

describe("tokens pass validation untouched", () => {
  // Each run builds and synthesizes a stack: fewer runs than the pure checks, to stay fast.
  const TOKEN_RUNS = { numRuns: 40 };

  test("bring your own image and bucket: any mix of token-valued props builds and synthesizes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.array(stringTokens, { minLength: 1, maxLength: 4 }),
        junkText,
        (chosen, tokens, junk) => {
          // imageId and ossBucket are what make this bring-your-own: always there.
          chosen[0] = true;
          chosen[1] = true;
          const stack = buildWithTokens({ stringProps: BYO_STRING_PROPS, chosen, tokens, junk });
          expect(() => Testing.synth(stack, true)).not.toThrow();
        },
      ),
      TOKEN_RUNS,
    );
  });

  test("the scaffold: any mix of token-valued props, numbers and disks included, builds and synthesizes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), {
          minLength: SCAFFOLD_STRING_PROPS.length,
          maxLength: SCAFFOLD_STRING_PROPS.length,
        }),
        fc.array(stringTokens, { minLength: 1, maxLength: 5 }),
        numberTokens,
        junkText,
        junkNumber,
        (chosen, tokens, token, junk, number) => {
          const stack = buildWithTokens({
            stringProps: SCAFFOLD_STRING_PROPS,
            chosen,
            tokens,
            junk,
            numbers: { token, junk: number },
          });
          expect(() => Testing.synth(stack, true)).not.toThrow();
        },
      ),
      TOKEN_RUNS,
    );
  });

  test("a list of disks, or a disk, known only at apply time is refused: data_disks are blocks", () => {
    fc.assert(
      fc.property(fc.constantFrom("value", "listValue", "element"), (how) => {
        const stack = new TerraformStack(Testing.app(), "stack");
        new alicloud.provider.AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
        const disks = new TerraformVariable(stack, "disks", { type: "list(object({ size = number }))" });
        const dataDisks =
          how === "value" ? disks.value : how === "listValue" ? disks.listValue : [disks.value, { size: 20 }];
        expect(() => new ImageExport(stack, "Export", { dataDisks } as unknown as ImageExportProps)).toThrow(
          how === "element"
            ? /ImageExport at 'stack\/Export': dataDisks\[0\] must be a data disk such as \{ size: 40 \} written out in the app/
            : /ImageExport at 'stack\/Export': dataDisks must be a list of data disks written out in the app/,
        );
      }),
      { numRuns: 10 },
    );
  });
});
