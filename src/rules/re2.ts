// Go's regular-expression syntax, as the provider's `name_regex` arguments meet it.
//
// The provider compiles `name_regex` with Go's `regexp.Compile`, which parses with `regexp/syntax` and the
// Perl flags (ClassNL | OneLine | PerlX | UnicodeGroups). JavaScript's RegExp disagrees with it both ways
// (`(?i:x)` and `\101` are fine in Go, `\1` and `(?=x)` are not), so this is a parser of its own that follows
// the grammar and the error rules of `regexp/syntax`: it walks the pattern the way Go's parser does, keeps a
// small model of the parse tree (enough for Go's limits on nested repeats and nesting depth), and reports
// the first problem Go would report, worded for people rather than as Go's error code.
//
// Not modelled: Go's "expression too large" limit on the compiled size (about 3.3 million instructions),
// which takes thousands of characters under a {1000} repeat to reach. Unicode class names follow Go's
// exact-name lookup (Go 1.22 to 1.24, Unicode 15.0); Go 1.25 also accepts aliases such as \p{Letter} and
// names in other letter cases, which this rejects, so a pattern accepted here is accepted by every Go
// release since 1.22 (the first with `(?<name>...)`).

/**
 * Why Go's `regexp.Compile` would reject `pattern`, or `undefined` when it accepts it.
 *
 * The reason reads as the tail of a sentence such as
 * `must be a valid regular expression, got '<pattern>' (<reason>)`.
 */
export function re2SyntaxProblem(pattern: string): string | undefined {
  try {
    new Re2Parser(pattern).parse();
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxProblem) return e.reason;
    throw e;
  }
}

/** The most copies of one thing counted repeats may make (Go's maxRepeat), and the deepest parse tree. */
const MAX_REPEAT = 1000;
const MAX_HEIGHT = 1000;

/** Go's `unicode.Categories` keys. */
const UNICODE_CATEGORIES: ReadonlySet<string> = new Set(
  "C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(
    " ",
  ),
);

/** Go's `unicode.Scripts` keys for Unicode 15.0 (163 names, Common and Inherited among them). */
export const UNICODE_SCRIPTS: readonly string[] = [
  "Adlam",
  "Ahom",
  "Anatolian_Hieroglyphs",
  "Arabic",
  "Armenian",
  "Avestan",
  "Balinese",
  "Bamum",
  "Bassa_Vah",
  "Batak",
  "Bengali",
  "Bhaiksuki",
  "Bopomofo",
  "Brahmi",
  "Braille",
  "Buginese",
  "Buhid",
  "Canadian_Aboriginal",
  "Carian",
  "Caucasian_Albanian",
  "Chakma",
  "Cham",
  "Cherokee",
  "Chorasmian",
  "Common",
  "Coptic",
  "Cuneiform",
  "Cypriot",
  "Cypro_Minoan",
  "Cyrillic",
  "Deseret",
  "Devanagari",
  "Dives_Akuru",
  "Dogra",
  "Duployan",
  "Egyptian_Hieroglyphs",
  "Elbasan",
  "Elymaic",
  "Ethiopic",
  "Georgian",
  "Glagolitic",
  "Gothic",
  "Grantha",
  "Greek",
  "Gujarati",
  "Gunjala_Gondi",
  "Gurmukhi",
  "Han",
  "Hangul",
  "Hanifi_Rohingya",
  "Hanunoo",
  "Hatran",
  "Hebrew",
  "Hiragana",
  "Imperial_Aramaic",
  "Inherited",
  "Inscriptional_Pahlavi",
  "Inscriptional_Parthian",
  "Javanese",
  "Kaithi",
  "Kannada",
  "Katakana",
  "Kawi",
  "Kayah_Li",
  "Kharoshthi",
  "Khitan_Small_Script",
  "Khmer",
  "Khojki",
  "Khudawadi",
  "Lao",
  "Latin",
  "Lepcha",
  "Limbu",
  "Linear_A",
  "Linear_B",
  "Lisu",
  "Lycian",
  "Lydian",
  "Mahajani",
  "Makasar",
  "Malayalam",
  "Mandaic",
  "Manichaean",
  "Marchen",
  "Masaram_Gondi",
  "Medefaidrin",
  "Meetei_Mayek",
  "Mende_Kikakui",
  "Meroitic_Cursive",
  "Meroitic_Hieroglyphs",
  "Miao",
  "Modi",
  "Mongolian",
  "Mro",
  "Multani",
  "Myanmar",
  "Nabataean",
  "Nag_Mundari",
  "Nandinagari",
  "New_Tai_Lue",
  "Newa",
  "Nko",
  "Nushu",
  "Nyiakeng_Puachue_Hmong",
  "Ogham",
  "Ol_Chiki",
  "Old_Hungarian",
  "Old_Italic",
  "Old_North_Arabian",
  "Old_Permic",
  "Old_Persian",
  "Old_Sogdian",
  "Old_South_Arabian",
  "Old_Turkic",
  "Old_Uyghur",
  "Oriya",
  "Osage",
  "Osmanya",
  "Pahawh_Hmong",
  "Palmyrene",
  "Pau_Cin_Hau",
  "Phags_Pa",
  "Phoenician",
  "Psalter_Pahlavi",
  "Rejang",
  "Runic",
  "Samaritan",
  "Saurashtra",
  "Sharada",
  "Shavian",
  "Siddham",
  "SignWriting",
  "Sinhala",
  "Sogdian",
  "Sora_Sompeng",
  "Soyombo",
  "Sundanese",
  "Syloti_Nagri",
  "Syriac",
  "Tagalog",
  "Tagbanwa",
  "Tai_Le",
  "Tai_Tham",
  "Tai_Viet",
  "Takri",
  "Tamil",
  "Tangsa",
  "Tangut",
  "Telugu",
  "Thaana",
  "Thai",
  "Tibetan",
  "Tifinagh",
  "Tirhuta",
  "Toto",
  "Ugaritic",
  "Vai",
  "Vithkuqi",
  "Wancho",
  "Warang_Citi",
  "Yezidi",
  "Yi",
  "Zanabazar_Square",
];

const UNICODE_CLASS_NAMES: ReadonlySet<string> = new Set(["Any", ...UNICODE_CATEGORIES, ...UNICODE_SCRIPTS]);

/** The POSIX classes Go knows inside brackets, each also negated as `[:^name:]`. */
const POSIX_CLASSES: ReadonlySet<string> = new Set(
  [
    "alnum",
    "alpha",
    "ascii",
    "blank",
    "cntrl",
    "digit",
    "graph",
    "lower",
    "print",
    "punct",
    "space",
    "upper",
    "word",
    "xdigit",
  ].flatMap((name) => [`[:${name}:]`, `[:^${name}:]`]),
);

const PERL_CLASS_LETTERS = "dDsSwW";

/** The C escapes Go knows: \a \f \n \r \t \v (not \b, which is a word boundary). */
const C_ESCAPES: ReadonlyMap<string, number> = new Map([
  ["a", 7],
  ["f", 12],
  ["n", 10],
  ["r", 13],
  ["t", 9],
  ["v", 11],
]);

class SyntaxProblem {
  constructor(readonly reason: string) {}
}

/**
 * A node of the parse-tree model. `height` is the node's height in Go's tree; `lit` marks a single literal
 * rune (Go merges runs of them into one node), `char` anything Go can fold into one character class when it
 * is a branch of an alternation. Repeats keep their counts for Go's nested-repeat check.
 */
interface TreeNode {
  readonly height: number;
  readonly lit?: boolean;
  readonly char?: boolean;
  readonly repeat?: { readonly min: number; readonly max: number };
  readonly subs?: readonly TreeNode[];
}

const LITERAL: TreeNode = { height: 1, lit: true, char: true };
const LITERAL_STRING: TreeNode = { height: 1, lit: true };
const CHAR_CLASS: TreeNode = { height: 1, char: true };
const ASSERTION: TreeNode = { height: 1 };
const EMPTY: TreeNode = { height: 1 };

/** One open group (or the whole pattern): the finished alternatives and the items of the current one. */
interface Frame {
  readonly capture: boolean;
  readonly alternatives: TreeNode[];
  items: TreeNode[];
}

const BACKSLASH = 0x5c;

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

function isOctal(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x37;
}

function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (isDigit(c)) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** Go's repeatIsValid: the counted repeats nested in `node` make at most `n` copies of anything. */
function repeatIsValid(node: TreeNode, n: number): boolean {
  let budget = n;
  if (node.repeat) {
    const m = node.repeat.max === -1 ? node.repeat.min : node.repeat.max;
    if (node.repeat.max === 0) return true;
    if (m > budget) return false;
    if (m > 0) budget = Math.floor(budget / m);
  }
  return (node.subs ?? []).every((sub) => repeatIsValid(sub, budget));
}

class Re2Parser {
  /** The pattern as code points; a lone UTF-16 surrogate stays a single (invalid) element. */
  private readonly cps: number[];
  private readonly frames: Frame[] = [{ capture: false, alternatives: [], items: [] }];

  constructor(pattern: string) {
    this.cps = Array.from(pattern, (ch) => ch.codePointAt(0) as number);
  }

  parse(): void {
    const surrogate = this.cps.findIndex((c) => c >= 0xd800 && c <= 0xdfff);
    if (surrogate >= 0) {
      throw new SyntaxProblem(
        `has a lone UTF-16 surrogate (U+${this.cps[surrogate].toString(16).toUpperCase()}), which is not valid UTF-8`,
      );
    }
    const cps = this.cps;
    let i = 0;
    // Where the repetition operator just parsed began, or -1: Go forbids stacking them (a**, a++, a{2}*).
    let lastRepeat = -1;
    while (i < cps.length) {
      let repeatStart = -1;
      const c = cps[i];
      switch (c) {
        case 0x28: // (
          if (cps[i + 1] === 0x3f) {
            i = this.parseGroupSyntax(i);
          } else {
            this.frames.push({ capture: true, alternatives: [], items: [] });
            i += 1;
          }
          break;
        case 0x7c: // |
          this.top.alternatives.push(this.concat(this.top.items));
          this.top.items = [];
          i += 1;
          break;
        case 0x29: // )
          this.closeGroup();
          i += 1;
          break;
        case 0x5e: // ^
        case 0x24: // $
          this.push(ASSERTION);
          i += 1;
          break;
        case 0x2e: // .
          this.push(CHAR_CLASS);
          i += 1;
          break;
        case 0x5b: // [
          i = this.parseClass(i);
          break;
        case 0x2a: // *
        case 0x2b: // +
        case 0x3f: // ?
          repeatStart = i;
          i = this.repeat(i, i + 1, lastRepeat, undefined);
          break;
        case 0x7b: {
          // {
          const counted = this.parseRepeatCount(i);
          if (!counted) {
            // Not of the form {n}, {n,} or {n,m}: a literal brace.
            this.push(LITERAL);
            i += 1;
            break;
          }
          const { min, max, end } = counted;
          if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
            throw new SyntaxProblem(`invalid repeat count ${this.text(i, end)}`);
          }
          repeatStart = i;
          i = this.repeat(i, end, lastRepeat, { min, max });
          break;
        }
        case BACKSLASH:
          i = this.parseTopLevelEscape(i);
          break;
        default:
          this.push(LITERAL);
          i += 1;
      }
      lastRepeat = repeatStart;
    }
    if (this.frames.length > 1) throw new SyntaxProblem("missing closing )");
    this.alternate([...this.top.alternatives, this.concat(this.top.items)]);
  }

  private get top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private text(from: number, to: number): string {
    return this.cps
      .slice(from, Math.min(to, this.cps.length))
      .map((c) => String.fromCodePoint(c))
      .join("");
  }

  private push(node: TreeNode): void {
    this.top.items.push(node);
  }

  private node(node: TreeNode): TreeNode {
    if (node.height > MAX_HEIGHT) {
      throw new SyntaxProblem(`nests more than ${MAX_HEIGHT} levels deep`);
    }
    return node;
  }

  private parent(subs: readonly TreeNode[], extra: Partial<TreeNode> = {}): TreeNode {
    const height = 1 + subs.reduce((highest, sub) => Math.max(highest, sub.height), 0);
    return this.node({ height, subs, ...extra });
  }

  /** Go's concatenation: runs of literals become one node; one item is itself; none is an empty match. */
  private concat(items: readonly TreeNode[]): TreeNode {
    const merged = items.filter((item, k) => !(item.lit && k > 0 && items[k - 1].lit));
    if (merged.length === 0) return EMPTY;
    if (merged.length === 1) return items.length === 1 ? merged[0] : LITERAL_STRING;
    return this.parent(merged);
  }

  /** Go's alternation: branches that are each one character fold into a single character class. */
  private alternate(branches: readonly TreeNode[]): TreeNode {
    if (branches.length === 1) return branches[0];
    if (branches.every((b) => b.char)) return CHAR_CLASS;
    return this.parent(branches);
  }

  private closeGroup(): void {
    if (this.frames.length === 1) throw new SyntaxProblem("has an unmatched )");
    const frame = this.frames.pop() as Frame;
    const body = this.alternate([...frame.alternatives, this.concat(frame.items)]);
    this.push(frame.capture ? this.parent([body]) : body);
  }

  /**
   * A repetition operator from `start`; `after` is just past it (before any lazy `?`). Returns where
   * parsing goes on. `counts` is absent for `*`, `+` and `?`.
   */
  private repeat(
    start: number,
    after: number,
    lastRepeat: number,
    counts?: { min: number; max: number },
  ): number {
    let end = after;
    if (this.cps[end] === 0x3f) end += 1; // lazy: a*? a{2}?
    if (lastRepeat >= 0) {
      const stacked = this.text(lastRepeat, end);
      if (this.cps[start] === 0x2b && end === after) {
        throw new SyntaxProblem(`'${stacked}' is a possessive quantifier, which Go's RE2 doesn't support`);
      }
      throw new SyntaxProblem(`'${stacked}' repeats a repetition`);
    }
    const items = this.top.items;
    if (items.length === 0) {
      throw new SyntaxProblem(`nothing to repeat before '${this.text(start, end)}'`);
    }
    const sub = items[items.length - 1];
    const node = this.parent([sub], counts ? { repeat: counts } : {});
    items[items.length - 1] = node;
    if (counts && (counts.min >= 2 || counts.max >= 2) && !repeatIsValid(node, MAX_REPEAT)) {
      throw new SyntaxProblem(
        `repeat count ${this.text(start, after)} makes more than ${MAX_REPEAT} copies with the repeats inside it`,
      );
    }
    return end;
  }

  /** Go's parseRepeat: {n}, {n,} or {n,m} with decimal numbers without leading zeros; max -1 is unbounded. */
  private parseRepeatCount(start: number): { min: number; max: number; end: number } | undefined {
    let k = start + 1;
    const int = (): number | undefined => {
      const from = k;
      if (!isDigit(this.cps[k])) return undefined;
      if (this.cps[k] === 0x30 && isDigit(this.cps[k + 1])) return undefined;
      while (isDigit(this.cps[k])) k += 1;
      // Large enough to be rejected, small enough to stay exact.
      return Math.min(Number(this.text(from, k)), 1e9);
    };
    const min = int();
    if (min === undefined) return undefined;
    let max = min;
    if (this.cps[k] === 0x2c) {
      k += 1;
      if (this.cps[k] === 0x7d) {
        max = -1;
      } else {
        const m = int();
        if (m === undefined) return undefined;
        max = m;
      }
    }
    if (this.cps[k] !== 0x7d) return undefined;
    return { min, max, end: k + 1 };
  }

  /** `(?` at `start`: a named group, a flag group, or a non-capturing group. */
  private parseGroupSyntax(start: number): number {
    const cps = this.cps;
    const remaining = cps.length - start;
    const pythonName = remaining > 4 && cps[start + 2] === 0x50 && cps[start + 3] === 0x3c; // (?P<
    const perlName = remaining > 3 && cps[start + 2] === 0x3c; // (?<
    if (perlName && (cps[start + 3] === 0x3d || cps[start + 3] === 0x21)) {
      throw new SyntaxProblem(
        `has the lookaround '${this.text(start, start + 4)}', which Go's RE2 doesn't support`,
      );
    }
    if (pythonName || perlName) {
      const close = cps.indexOf(0x3e, start); // >
      if (close < 0) {
        throw new SyntaxProblem(`invalid named group '${this.text(start, cps.length)}' (no closing >)`);
      }
      const name = this.text(start + (pythonName ? 4 : 3), close);
      if (!/^[A-Za-z0-9_]+$/.test(name)) {
        throw new SyntaxProblem(
          `invalid named group '${this.text(start, close + 1)}'` +
            (name === "" ? " (empty name)" : " (a name has only letters, digits and _)"),
        );
      }
      this.frames.push({ capture: true, alternatives: [], items: [] });
      return close + 1;
    }

    let k = start + 2;
    let negated = false;
    let sawFlag = false;
    while (k < cps.length) {
      const c = cps[k];
      k += 1;
      if (c === 0x69 || c === 0x6d || c === 0x73 || c === 0x55) {
        // i m s U
        sawFlag = true;
      } else if (c === 0x2d && !negated) {
        negated = true;
        sawFlag = false;
      } else if (c === 0x3a || c === 0x29) {
        // : or )
        if (negated && !sawFlag) {
          throw new SyntaxProblem(`has the flag group '${this.text(start, k)}' with no flag after '-'`);
        }
        if (c === 0x3a) this.frames.push({ capture: false, alternatives: [], items: [] });
        return k;
      } else {
        throw this.badGroup(start, k);
      }
    }
    throw new SyntaxProblem(`has the unfinished group '${this.text(start, k)}'`);
  }

  /** The problem with a `(?` group whose syntax Go doesn't have; `end` is just past the offending rune. */
  private badGroup(start: number, end: number): SyntaxProblem {
    const got = this.text(start, end);
    if (got === "(?=" || got === "(?!") {
      return new SyntaxProblem(`has the lookaround '${got}', which Go's RE2 doesn't support`);
    }
    if (got === "(?P" && this.cps[end] === 0x3d) {
      const close = this.cps.indexOf(0x29, end);
      const shown = close < 0 ? this.text(start, end + 1) : this.text(start, close + 1);
      return new SyntaxProblem(`has the named backreference '${shown}', which Go's RE2 doesn't support`);
    }
    if (got === "(?>") {
      return new SyntaxProblem(`has the atomic group '(?>', which Go's RE2 doesn't support`);
    }
    if (got === "(?#") {
      return new SyntaxProblem(`has the comment '(?#', which Go's RE2 doesn't support`);
    }
    return new SyntaxProblem(`has the group syntax '${got}', which Go's RE2 doesn't know`);
  }

  /** A backslash outside brackets. */
  private parseTopLevelEscape(start: number): number {
    const next = this.cps[start + 1];
    switch (next) {
      case 0x41: // \A
      case 0x62: // \b
      case 0x42: // \B
      case 0x7a: // \z
        this.push(ASSERTION);
        return start + 2;
      case 0x43: // \C
        throw new SyntaxProblem(`has the escape '\\C' (any byte), which Go's RE2 doesn't support`);
      case 0x51: {
        // \Q...\E: literal text up to \E, or to the end.
        let k = start + 2;
        while (k < this.cps.length && !(this.cps[k] === BACKSLASH && this.cps[k + 1] === 0x45)) {
          this.push(LITERAL);
          k += 1;
        }
        return Math.min(k + 2, this.cps.length);
      }
    }
    const unicodeEnd = this.parseUnicodeClass(start);
    if (unicodeEnd !== undefined) {
      this.push(CHAR_CLASS);
      return unicodeEnd;
    }
    if (next !== undefined && PERL_CLASS_LETTERS.includes(String.fromCodePoint(next))) {
      this.push(CHAR_CLASS);
      return start + 2;
    }
    const { end } = this.parseEscape(start);
    this.push(LITERAL);
    return end;
  }

  /** `\p…` or `\P…` at `start`: returns the end, or undefined when there is none there. */
  private parseUnicodeClass(start: number): number | undefined {
    const cps = this.cps;
    if (cps[start] !== BACKSLASH || (cps[start + 1] !== 0x70 && cps[start + 1] !== 0x50)) return undefined;
    let name: string;
    let end: number;
    if (cps[start + 2] !== 0x7b) {
      // One letter: \pL
      end = Math.min(start + 3, cps.length);
      name = this.text(start + 2, end);
    } else {
      const close = cps.indexOf(0x7d, start);
      if (close < 0) {
        throw new SyntaxProblem(
          `has the unfinished Unicode class '${this.text(start, cps.length)}' (no closing })`,
        );
      }
      end = close + 1;
      name = this.text(start + 3, close);
    }
    if (name.startsWith("^")) name = name.slice(1);
    if (!UNICODE_CLASS_NAMES.has(name)) {
      throw new SyntaxProblem(`unknown Unicode class ${this.text(start, end)}`);
    }
    return end;
  }

  /**
   * An ordinary escape at `start` (a backslash): one character, octal or hex code, or escaped punctuation.
   * Returns the character and where parsing goes on.
   */
  private parseEscape(start: number): { value: number; end: number } {
    const cps = this.cps;
    const c = cps[start + 1];
    if (c === undefined) throw new SyntaxProblem("ends with a lone backslash");
    let k = start + 2;
    if (c < 0x80 && !isAsciiAlnum(c)) return { value: c, end: k };
    if (isOctal(c) && (c === 0x30 || isOctal(cps[k]))) {
      // \0, \012, \101: up to three octal digits; \1-\7 only with a second digit.
      let value = c - 0x30;
      for (let n = 1; n < 3 && isOctal(cps[k]); n++) {
        value = value * 8 + cps[k] - 0x30;
        k += 1;
      }
      return { value, end: k };
    }
    if (isDigit(c)) {
      throw new SyntaxProblem(
        `has the backreference '${this.text(start, k)}', which Go's RE2 doesn't support`,
      );
    }
    const letter = String.fromCodePoint(c);
    const control = C_ESCAPES.get(letter);
    if (control !== undefined) return { value: control, end: k };
    if (letter === "x") return this.parseHexEscape(start);
    if (letter === "k" && /^[<{']/.test(this.text(k, k + 1))) {
      const closer = { "<": ">", "{": "}", "'": "'" }[this.text(k, k + 1)] as string;
      const close = cps.indexOf(closer.codePointAt(0) as number, k + 1);
      if (close > 0) {
        throw new SyntaxProblem(
          `has the named backreference '${this.text(start, close + 1)}', which Go's RE2 doesn't support`,
        );
      }
    }
    throw new SyntaxProblem(`has the escape '${this.text(start, k)}', which Go's RE2 doesn't know`);
  }

  /** `\x41` (exactly two hex digits) or `\x{10FFFF}` (one or more, at most U+10FFFF). */
  private parseHexEscape(start: number): { value: number; end: number } {
    const cps = this.cps;
    let k = start + 2;
    if (cps[k] === 0x7b) {
      k += 1;
      let value = 0;
      let digits = 0;
      while (k < cps.length && cps[k] !== 0x7d) {
        const v = hexValue(cps[k]);
        k += 1;
        if (v < 0) throw this.badHex(start, k);
        value = value * 16 + v;
        if (value > 0x10ffff) {
          const close = cps.indexOf(0x7d, k);
          const shown = close < 0 ? `${this.text(start, k)}…` : this.text(start, close + 1);
          throw new SyntaxProblem(`has the escape '${shown}', beyond U+10FFFF`);
        }
        digits += 1;
      }
      if (k >= cps.length || digits === 0) throw this.badHex(start, k + 1);
      return { value, end: k + 1 };
    }
    const hi = hexValue(cps[k]);
    const lo = hexValue(cps[k + 1]);
    if (hi < 0 || lo < 0) throw this.badHex(start, k + 2);
    return { value: hi * 16 + lo, end: k + 2 };
  }

  private badHex(start: number, end: number): SyntaxProblem {
    return new SyntaxProblem(
      `has the escape '${this.text(start, end)}', which is not \\x with two hex digits or \\x{…} with one or more`,
    );
  }

  /** A bracketed class at `start` (a `[`); returns the index just past its `]`. */
  private parseClass(start: number): number {
    const cps = this.cps;
    let k = start + 1;
    if (cps[k] === 0x5e) k += 1; // [^
    let first = true; // ] is literal as the first character
    while (k >= cps.length || cps[k] !== 0x5d || first) {
      first = false;
      if (k >= cps.length) throw new SyntaxProblem("missing closing ]");
      if (cps[k] === 0x5b && cps[k + 1] === 0x3a && k + 2 < cps.length) {
        // [:alpha:] — Go looks for the next ":]" anywhere after.
        const rest = this.text(k + 2, cps.length);
        const at = rest.indexOf(":]");
        if (at >= 0) {
          const end = k + 2 + Array.from(rest.slice(0, at)).length + 2;
          const name = this.text(k, end);
          if (!POSIX_CLASSES.has(name)) throw new SyntaxProblem(`unknown POSIX class ${name}`);
          k = end;
          continue;
        }
      }
      const unicodeEnd = this.parseUnicodeClass(k);
      if (unicodeEnd !== undefined) {
        k = unicodeEnd;
        continue;
      }
      const next = cps[k + 1];
      if (
        cps[k] === BACKSLASH &&
        next !== undefined &&
        PERL_CLASS_LETTERS.includes(String.fromCodePoint(next))
      ) {
        k += 2;
        continue;
      }
      const rangeStart = k;
      const lo = this.parseClassChar(k);
      k = lo.end;
      // [a-] is a and -; a range needs something other than ] after the -.
      if (cps[k] === 0x2d && k + 1 < cps.length && cps[k + 1] !== 0x5d) {
        if (cps[k + 1] === BACKSLASH && /^[dDsSwWpP]$/.test(this.text(k + 2, k + 3))) {
          // Go reads the class escape as one character here, and has no such escape.
          throw new SyntaxProblem(
            `invalid character class range '${this.text(rangeStart, k + 3)}' (a range cannot end in a class)`,
          );
        }
        const hi = this.parseClassChar(k + 1);
        k = hi.end;
        if (hi.value < lo.value) {
          throw new SyntaxProblem(`invalid character class range '${this.text(rangeStart, k)}'`);
        }
      }
    }
    this.push(CHAR_CLASS);
    return k + 1;
  }

  private parseClassChar(k: number): { value: number; end: number } {
    if (k >= this.cps.length) throw new SyntaxProblem("missing closing ]");
    if (this.cps[k] === BACKSLASH) return this.parseEscape(k);
    return { value: this.cps[k], end: k + 1 };
  }
}
