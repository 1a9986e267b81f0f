// re2SyntaxProblem against Go's regexp/syntax (Perl flags, as regexp.Compile uses them). Each verdict below is
// taken from Go's documented syntax and its parser's rules, not from JavaScript's RegExp, which disagrees with
// Go on many of these patterns; comments mark the verdicts that surprise.
import * as fc from "fast-check";
import { re2SyntaxProblem, UNICODE_SCRIPTS } from "../src/rules/re2";

/** A pattern and Go's verdict: undefined when regexp.Compile accepts it, else the reason we give. */
const TABLE: ReadonlyArray<readonly [string, string | undefined]> = [
  // Literals, anchors, dot.
  ["", undefined],
  ["ubuntu_22_04", undefined],
  ["^centos.*$", undefined],
  ["^m-[a-z0-9]+$", undefined],
  ["a.b", undefined],
  ["]", undefined], // a lone ] is an ordinary character
  ["}", undefined],
  // Groups and flags.
  ["(?i:ubuntu)_22", undefined], // a flag group (JavaScript's RegExp in Node 20 rejects it)
  ["(?i)ubuntu", undefined],
  ["(?ims-U:a)", undefined],
  ["(?i-s)a", undefined],
  ["(?)", undefined], // an empty flag group is fine
  ["(?-)", "has the flag group '(?-)' with no flag after '-'"],
  ["(?i-)", "has the flag group '(?i-)' with no flag after '-'"],
  ["(?i-m-s)", "has the group syntax '(?i-m-', which Go's RE2 doesn't know"],
  ["(?x)a", "has the group syntax '(?x', which Go's RE2 doesn't know"],
  ["(?i", "has the unfinished group '(?i'"],
  ["()", undefined], // an empty capture
  ["(|)", undefined],
  ["a|", undefined],
  ["(?:a|b)+", undefined],
  ["(?P<name>x)", undefined],
  ["(?<name>x)", undefined], // the Perl spelling, accepted since Go 1.22
  ["(?P<1a>x)", undefined], // Go allows a name to start with a digit
  ["(?P<n>a)(?P<n>b)", undefined], // Go doesn't reject a repeated name
  ["(?P<a-b>x)", "invalid named group '(?P<a-b>' (a name has only letters, digits and _)"],
  ["(?P<>x)", "invalid named group '(?P<>' (empty name)"],
  ["(?P<name", "invalid named group '(?P<name' (no closing >)"],
  ["(?P=name)", "has the named backreference '(?P=name)', which Go's RE2 doesn't support"],
  ["(?=x)", "has the lookaround '(?=', which Go's RE2 doesn't support"],
  ["(?!x)", "has the lookaround '(?!', which Go's RE2 doesn't support"],
  ["(?<=x)", "has the lookaround '(?<=', which Go's RE2 doesn't support"],
  ["(?<!x)", "has the lookaround '(?<!', which Go's RE2 doesn't support"],
  ["(?>x)", "has the atomic group '(?>', which Go's RE2 doesn't support"],
  ["(a", "missing closing )"],
  ["a)", "has an unmatched )"],
  ["(a))", "has an unmatched )"],
  // Repetition.
  ["a*?", undefined], // lazy
  ["a+?b??c{2,3}?", undefined],
  ["^*", undefined], // an anchor can be repeated in Go
  ["\\b+", undefined],
  ["a(?i)*", undefined], // a flag group adds nothing, so the star repeats the a
  ["a*\\Q\\E*", undefined], // so does an empty \Q\E, which also ends the first star's run: Go accepts it
  ["\\Q\\E*", "nothing to repeat before '*'"],
  ["x{2}{", undefined],
  ["x{100000000000}", "invalid repeat count {100000000000}"],
  ["*a", "nothing to repeat before '*'"],
  ["(*)", "nothing to repeat before '*'"],
  ["a|*", "nothing to repeat before '*'"],
  ["(?i)*", "nothing to repeat before '*'"],
  ["{1}", "nothing to repeat before '{1}'"], // a valid count with nothing before it is an error, not a literal
  ["a**", "'**' repeats a repetition"],
  ["a*??", "'*??' repeats a repetition"],
  ["a{2}*", "'{2}*' repeats a repetition"],
  ["a{2}{3}", "'{2}{3}' repeats a repetition"], // counted repeats don't stack without a group
  ["a++", "'++' is a possessive quantifier, which Go's RE2 doesn't support"],
  ["a*+", "'*+' is a possessive quantifier, which Go's RE2 doesn't support"],
  ["x{1000}", undefined],
  ["x{0,1000}", undefined],
  ["x{3,}", undefined],
  ["x{0}", undefined],
  ["x{1001}", "invalid repeat count {1001}"],
  ["x{2,1}", "invalid repeat count {2,1}"],
  ["x{1,1001}", "invalid repeat count {1,1001}"],
  ["{", undefined], // not a repeat, so a literal brace
  ["a{,5}", undefined], // {,n} is not a repeat form in Go: literal text
  ["a{01}", undefined], // a leading zero makes it literal text too
  ["a{1", undefined],
  ["(a{2}){3}", undefined],
  ["(?:a{10}){100}", undefined], // exactly 1000 copies
  ["(?:a{100}){11}", "repeat count {11} makes more than 1000 copies with the repeats inside it"],
  ["((a{10}){10}){11}", "repeat count {11} makes more than 1000 copies with the repeats inside it"],
  ["(?:a{1000})*", undefined], // only counted repeats multiply
  // Character classes.
  ["[a-z0-9_-]", undefined],
  ["[]a]", undefined], // ] first is a literal
  ["[^]a]", undefined],
  ["[a-]", undefined],
  ["[\\d\\s\\w-]", undefined],
  ["[\\d-z]", undefined], // \d, then - and z as characters
  ["[[:alpha:][:^digit:]]", undefined],
  ["[[:word:]]", undefined],
  ["[[:foo:]]", "unknown POSIX class [:foo:]"],
  ["[[:alpha]", undefined], // no :] so these are plain characters
  ["[\\pL\\p{Greek}]", undefined],
  ["[z-a]", "invalid character class range 'z-a'"],
  ["[a-\\d]", "invalid character class range 'a-\\d' (a range cannot end in a class)"],
  ["[a", "missing closing ]"],
  ["[]", "missing closing ]"], // the ] is the class's first character
  ["[\\b]", "has the escape '\\b', which Go's RE2 doesn't know"], // no backspace escape in Go
  // Unicode classes.
  ["\\pN", undefined],
  ["\\pL+", undefined],
  ["\\PL", undefined],
  ["\\p{Greek}", undefined],
  ["\\p{^Greek}", undefined],
  ["\\P{^Greek}", undefined],
  ["\\p{Lu}", undefined],
  ["\\p{Any}", undefined],
  ["\\p{Han}\\p{Hiragana}", undefined],
  ["\\p{Foo}", "unknown Unicode class \\p{Foo}"],
  ["\\pX", "unknown Unicode class \\pX"],
  ["\\p{greek}", "unknown Unicode class \\p{greek}"], // exact names before Go 1.25
  ["\\p{Letter}", "unknown Unicode class \\p{Letter}"], // an alias only Go 1.25 knows
  ["\\p{Greek", "has the unfinished Unicode class '\\p{Greek' (no closing })"],
  // Escapes.
  ["\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\", undefined],
  ["\\_\\-\\/\\ \\~", undefined], // any escaped ASCII punctuation is itself
  ["\\a\\f\\n\\r\\t\\v", undefined],
  ["\\d\\D\\s\\S\\w\\W", undefined],
  ["\\A\\z\\b\\B", undefined],
  ["\\0", undefined],
  ["\\012", undefined],
  ["\\101", undefined], // octal for A, not a backreference
  ["\\17", undefined], // \1 followed by an octal digit is octal
  ["\\x41", undefined],
  ["\\x{41}", undefined],
  ["\\x{10FFFF}", undefined],
  ["\\x{110000}", "has the escape '\\x{110000}', beyond U+10FFFF"],
  ["\\x4", "has the escape '\\x4', which is not \\x with two hex digits or \\x{…} with one or more"],
  ["\\x{}", "has the escape '\\x{}', which is not \\x with two hex digits or \\x{…} with one or more"],
  ["\\Qa.b\\E+", undefined],
  ["\\Qa.b", undefined], // an unterminated \Q runs to the end
  ["\\Q(?=\\1\\E", undefined], // inside \Q…\E nothing is special
  ["\\1", "has the backreference '\\1', which Go's RE2 doesn't support"],
  ["(a)\\1", "has the backreference '\\1', which Go's RE2 doesn't support"],
  ["\\18", "has the backreference '\\1', which Go's RE2 doesn't support"],
  ["\\8", "has the backreference '\\8', which Go's RE2 doesn't support"],
  ["\\9", "has the backreference '\\9', which Go's RE2 doesn't support"],
  ["\\k<n>", "has the named backreference '\\k<n>', which Go's RE2 doesn't support"],
  ["\\u0041", "has the escape '\\u', which Go's RE2 doesn't know"],
  ["\\C", "has the escape '\\C' (any byte), which Go's RE2 doesn't support"],
  ["\\Z", "has the escape '\\Z', which Go's RE2 doesn't know"],
  ["\\e", "has the escape '\\e', which Go's RE2 doesn't know"],
  ["\\G", "has the escape '\\G', which Go's RE2 doesn't know"],
  ["\\é", "has the escape '\\é', which Go's RE2 doesn't know"], // only ASCII punctuation escapes to itself
  ["a\\", "ends with a lone backslash"],
  // Text.
  ["日本語.*", undefined],
  ["\u{1F600}+", undefined], // one code point, repeated as a whole
  ["a\ud800", "has a lone UTF-16 surrogate (U+D800), which is not valid UTF-8"],
];

describe("re2SyntaxProblem", () => {
  it.each(TABLE)("judges %j as Go's regexp.Compile does", (pattern, reason) => {
    expect(re2SyntaxProblem(pattern)).toBe(reason);
  });

  it("has a table of at least 60 patterns, with both verdicts", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(TABLE.filter(([, reason]) => reason === undefined).length).toBeGreaterThan(30);
    expect(TABLE.filter(([, reason]) => reason !== undefined).length).toBeGreaterThan(30);
  });

  it("limits nesting to 1000 levels, as Go's parse tree height", () => {
    expect(re2SyntaxProblem(`${"(".repeat(999)}a${")".repeat(999)}`)).toBeUndefined();
    expect(re2SyntaxProblem(`${"(".repeat(1000)}a${")".repeat(1000)}`)).toBe(
      "nests more than 1000 levels deep",
    );
    // Non-capturing groups leave no node in Go's tree, so any number of them is fine.
    expect(re2SyntaxProblem(`${"(?:".repeat(3000)}a${")".repeat(3000)}`)).toBeUndefined();
  });

  it("knows Go's 163 Unicode 15.0 script names, each also a script to JavaScript", () => {
    expect(UNICODE_SCRIPTS).toHaveLength(163);
    expect(new Set(UNICODE_SCRIPTS).size).toBe(163);
    for (const script of UNICODE_SCRIPTS) {
      expect(() => new RegExp(`\\p{Script=${script}}`, "u")).not.toThrow();
      expect(re2SyntaxProblem(`\\p{${script}}`)).toBeUndefined();
      expect(re2SyntaxProblem(`[^\\P{^${script}}]`)).toBeUndefined();
    }
  });

  it("knows Go's Unicode general categories, each also a category to JavaScript", () => {
    const categories =
      "C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs";
    for (const category of categories.split(" ")) {
      expect(() => new RegExp(`\\p{General_Category=${category}}`, "u")).not.toThrow();
      expect(re2SyntaxProblem(`\\p{${category}}`)).toBeUndefined();
    }
    // Unassigned (Cn) and cased letter (LC) arrived in Go 1.25 only.
    expect(re2SyntaxProblem("\\p{Cn}")).toBe("unknown Unicode class \\p{Cn}");
  });
});

describe("re2SyntaxProblem on generated patterns", () => {
  // A small grammar of what Go's RE2 accepts: literals, escapes, classes, groups of every kind, alternation
  // and (non-stacked) quantifiers with small counts, so nested counted repeats stay within 1000 copies.
  const literal = fc.constantFrom(
    "a",
    "Z",
    "0",
    "_",
    "-",
    "日",
    "\\.",
    "\\*",
    "\\(",
    "\\101",
    "\\x41",
    "\\n",
  );
  const charClass = fc.constantFrom(
    ".",
    "\\d",
    "\\W",
    "\\pL",
    "\\p{Greek}",
    "[a-z]",
    "[^0-9_]",
    "[]x-]",
    "[[:alpha:]\\s]",
    "[\\p{Han}a-c]",
  );
  const quantifier = fc.constantFrom("", "", "*", "+", "?", "*?", "+?", "{2}", "{1,2}", "{0,}", "{2}?");
  const { pattern } = fc.letrec<{ pattern: string; piece: string; atom: string }>((tie) => ({
    pattern: fc
      .array(fc.array(tie("piece"), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
      .map((branches) => branches.map((pieces) => pieces.join("")).join("|")),
    piece: fc.tuple(tie("atom"), quantifier).map(([atom, q]) => atom + q),
    atom: fc.oneof(
      { maxDepth: 3, withCrossShrink: true },
      literal,
      charClass,
      fc
        .tuple(fc.constantFrom("(", "(?:", "(?i:", "(?P<n1>", "(?<n_2>", "(?s-m:"), tie("pattern"))
        .map(([open, inner]) => `${open}${inner})`),
    ),
  }));

  it("accepts every pattern of the safe grammar", () => {
    fc.assert(
      fc.property(pattern, (p) => {
        expect(re2SyntaxProblem(p)).toBeUndefined();
      }),
    );
  });

  it("rejects any of them once a lookahead is appended", () => {
    fc.assert(
      fc.property(pattern, fc.constantFrom("(?=x)", "(?!x)"), (p, lookahead) => {
        expect(re2SyntaxProblem(p + lookahead)).toBe(
          `has the lookaround '${lookahead.slice(0, 3)}', which Go's RE2 doesn't support`,
        );
      }),
    );
  });

  it("rejects any of them once a backreference is appended", () => {
    fc.assert(
      fc.property(pattern, (p) => {
        expect(re2SyntaxProblem(`(${p})\\1`)).toBe(
          "has the backreference '\\1', which Go's RE2 doesn't support",
        );
      }),
    );
  });
});
