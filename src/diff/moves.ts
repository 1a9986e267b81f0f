// Moves, not replacements: a resource Terraform plans to delete at one address and to create at another,
// with the same type and the same configuration once the references are read through the same renames,
// is one resource that moved (a renamed construct, a construct wrapped in another). Terraform can keep
// it, with a `moved` block, which cdktf 0.21 and cdktn 0.24 write for `resource.moveFromId("<type>.<old
// logical id>")`.
//
// How pairs are found: every candidate pair has the same type (and mode) on both sides. A new block
// matches an old one when their bodies are equal after each reference in the new body is read through
// the renames found so far; a reference to a block not matched yet binds it to the old block referred to
// at the same place, once, consistently. Pairs are taken only when one candidate remains (ties broken by
// the longest common tail of the construct paths), and the search repeats until nothing new matches
// (a fixpoint): leaves match first, then what refers to them. Data sources take part so that references
// to them can be read through renames too, but have no state and are not reported.
//
// A second, looser tier pairs resources whose bodies differ only in arguments that update in place (not
// ForceNew, on a type with Update): the scaffold's image name, for instance, is derived from the
// construct path. Those moves are reported with the arguments Terraform will then update in place.
//
// Last, a resource that would pair up but for arguments that force a replacement is reported as a move
// those arguments block, with their values before: an export whose default ossPrefix is derived from
// its construct path gets a new prefix when renamed, and keeps its file only if the prefix is kept.
import { forcesNew, ReplacementRules, ruleFor } from "../terraform/replacement-rules";
import { Body, blocksOf, Config, ConfigBlock, rendered } from "./config";

/** A resource that moved: the fix is a `moved` block, or a `moveFromId` call on the new resource. */
export interface DetectedMove {
  /** The resource type. */
  readonly type: string;
  /** The address in the configuration before, e.g. `alicloud_vpc.Export_Scaffold_Vpc_B19B9A59`. */
  readonly from: string;
  /** The address in the configuration after. */
  readonly to: string;
  /** The construct path before (`Export/Scaffold/Vpc`). */
  readonly fromPath: string;
  /** The construct path after. */
  readonly toPath: string;
  /** Top-level arguments that differ beyond the references: Terraform updates them in place after the move. */
  readonly updates: string[];
  /** The `moved` block, in Terraform's syntax. */
  readonly movedBlock: string;
  /** The framework call that writes the moved block, on the resource at `toPath`. */
  readonly moveFromId: string;
}

const META_ARGUMENTS = new Set(["provider", "count", "for_each", "lifecycle", "depends_on"]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A resource that would have moved but for arguments that force a replacement. */
export interface BlockedMove {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly fromPath: string;
  readonly toPath: string;
  /** The arguments that differ and force a replacement, with their values before (as rendered). */
  readonly arguments: { readonly name: string; readonly before: string }[];
}

/** What the configurations say about the resources Terraform deletes and creates. */
export interface MoveAnalysis {
  readonly moves: DetectedMove[];
  readonly blocked: BlockedMove[];
}

/** How far two bodies may differ: not at all, only in arguments updated in place, or in any argument. */
type Tier = "exact" | "in-place" | "any";

/** A trial pairing: new address -> old address, the old addresses taken, and pairs still to check. */
class Trial {
  constructor(
    public readonly renames: Map<string, string>,
    public readonly taken: Set<string>,
    public readonly pending: [string, string][] = [],
  ) {}

  public copy(): Trial {
    return new Trial(new Map(this.renames), new Set(this.taken), [...this.pending]);
  }

  public adopt(other: Trial): void {
    other.renames.forEach((v, k) => this.renames.set(k, v));
    other.taken.forEach((v) => this.taken.add(v));
    this.pending.splice(0, this.pending.length, ...other.pending);
  }

  public bind(newAddress: string, oldAddress: string): void {
    this.renames.set(newAddress, oldAddress);
    this.taken.add(oldAddress);
    this.pending.push([newAddress, oldAddress]);
  }
}

/** Finds the moves among the resources Terraform deletes (`deleted`) and creates (`created`). */
export function detectMoves(
  before: Config,
  after: Config,
  deleted: readonly string[],
  created: readonly string[],
  rules: ReplacementRules,
): MoveAnalysis {
  const oldBlocks = blocksOf(before);
  const newBlocks = blocksOf(after);
  const addresses = [...new Set([...oldBlocks.keys(), ...newBlocks.keys()])].sort(
    (a, b) => b.length - a.length,
  );
  if (addresses.length === 0) return { moves: [], blocked: [] };
  const referencePattern = new RegExp(
    `(?<![\\w.-])(${addresses.map(escapeRegExp).join("|")})(?![\\w-])`,
    "g",
  );
  /** A string split into literal text (even indexes) and addresses (odd indexes). */
  const split = (text: string) => text.split(referencePattern);

  // Data sources have no state: those only on one side are candidates too.
  const dataOnly = (mine: Map<string, ConfigBlock>, theirs: Map<string, ConfigBlock>) =>
    [...mine.values()].filter((b) => b.mode === "data" && !theirs.has(b.address)).map((b) => b.address);
  const unmatchedOld = new Set([
    ...deleted.filter((a) => oldBlocks.has(a)),
    ...dataOnly(oldBlocks, newBlocks),
  ]);
  const unmatchedNew = new Set([
    ...created.filter((a) => newBlocks.has(a)),
    ...dataOnly(newBlocks, oldBlocks),
  ]);
  const accepted = new Trial(new Map(), new Set());

  /** Whether reference `newRef` (in the new body) may stand for `oldRef`; binds blocks not matched yet. */
  const sameReference = (newRef: string, oldRef: string, trial: Trial): boolean => {
    const known = trial.renames.get(newRef);
    if (known !== undefined) return known === oldRef;
    if (unmatchedNew.has(newRef) || unmatchedOld.has(oldRef)) {
      const [n, o] = [newBlocks.get(newRef), oldBlocks.get(oldRef)];
      if (!unmatchedNew.has(newRef) || !unmatchedOld.has(oldRef) || trial.taken.has(oldRef)) return false;
      if (!n || !o || n.type !== o.type || n.mode !== o.mode) return false;
      trial.bind(newRef, oldRef);
      return true;
    }
    return newRef === oldRef;
  };

  const sameValue = (oldValue: unknown, newValue: unknown, trial: Trial): boolean => {
    if (typeof oldValue === "string" && typeof newValue === "string") {
      const [o, n] = [split(oldValue), split(newValue)];
      if (o.length !== n.length) return false;
      for (let i = 0; i < o.length; i++) {
        if (i % 2 === 0 ? o[i] !== n[i] : !sameReference(n[i], o[i], trial)) return false;
      }
      return true;
    }
    if (Array.isArray(oldValue) && Array.isArray(newValue)) {
      return (
        oldValue.length === newValue.length && oldValue.every((v, i) => sameValue(v, newValue[i], trial))
      );
    }
    if (oldValue && newValue && typeof oldValue === "object" && typeof newValue === "object") {
      const [o, n] = [oldValue as Body, newValue as Body];
      return [...new Set([...Object.keys(o), ...Object.keys(n)])].every((k) => sameValue(o[k], n[k], trial));
    }
    return JSON.stringify(oldValue) === JSON.stringify(newValue);
  };

  /** The top-level arguments that differ, or undefined when the two can't be one resource. */
  const differences = (o: ConfigBlock, n: ConfigBlock, tier: Tier, trial: Trial): string[] | undefined => {
    const differing: string[] = [];
    for (const key of [...new Set([...Object.keys(o.body), ...Object.keys(n.body)])].sort()) {
      const attempt = trial.copy();
      if (sameValue(o.body[key], n.body[key], attempt)) {
        trial.adopt(attempt);
        continue;
      }
      if (tier === "exact" || META_ARGUMENTS.has(key)) return undefined;
      differing.push(key);
    }
    if (differing.length === 0 || tier === "any") return differing;
    const rule = ruleFor(rules, o.type);
    const inPlace =
      o.mode === "managed" && rule.known && rule.update && !differing.some((k) => forcesNew(rule, k));
    return inPlace ? differing : undefined;
  };

  /** Pairs `n` with `o`, and every block their references bind, or undefined when any pair fails. */
  const tryPair = (n: ConfigBlock, o: ConfigBlock, tier: Tier) => {
    const trial = accepted.copy();
    trial.bind(n.address, o.address);
    const pairs: { o: ConfigBlock; n: ConfigBlock; updates: string[] }[] = [];
    for (let next = trial.pending.shift(); next !== undefined; next = trial.pending.shift()) {
      const [pn, po] = [newBlocks.get(next[0])!, oldBlocks.get(next[1])!];
      const updates = differences(po, pn, tier, trial);
      if (updates === undefined) return undefined;
      pairs.push({ o: po, n: pn, updates });
    }
    return { trial, pairs };
  };

  const commonTail = (a: string, b: string) => {
    const [x, y] = [a.split("/").reverse(), b.split("/").reverse()];
    let n = 0;
    while (n < x.length && n < y.length && x[n] === y[n]) n++;
    return n;
  };

  /** The one best pairing of a new block with an unmatched old one at a tier, if there is exactly one. */
  const bestPair = (n: ConfigBlock, tier: Tier) => {
    const candidates = [...unmatchedOld]
      .sort()
      .map((oldAddress) => oldBlocks.get(oldAddress)!)
      .filter((o) => o.type === n.type && o.mode === n.mode)
      .flatMap((o) => {
        const result = tryPair(n, o, tier);
        return result === undefined ? [] : [{ ...result, tail: commonTail(o.path, n.path) }];
      });
    const best = Math.max(-1, ...candidates.map((c) => c.tail));
    const top = candidates.filter((c) => c.tail === best);
    return top.length === 1 ? top[0] : undefined;
  };

  const found: { o: ConfigBlock; n: ConfigBlock; updates: string[] }[] = [];
  const pass = (tier: Tier): boolean => {
    let progress = false;
    for (const newAddress of [...unmatchedNew].sort()) {
      if (!unmatchedNew.has(newAddress)) continue;
      const top = bestPair(newBlocks.get(newAddress)!, tier);
      if (top === undefined) continue;
      accepted.adopt(top.trial);
      for (const pair of top.pairs) {
        unmatchedNew.delete(pair.n.address);
        unmatchedOld.delete(pair.o.address);
        found.push(pair);
      }
      progress = true;
    }
    return progress;
  };
  while (pass("exact") || pass("in-place")) {
    // Each round pairs more blocks; stop when neither tier finds anything new.
  }

  // What is left: pairs that differ in arguments that force a replacement.
  const blocked: BlockedMove[] = [];
  const claimed = new Set<string>();
  for (const newAddress of [...unmatchedNew].sort()) {
    const n = newBlocks.get(newAddress)!;
    const top = n.mode === "managed" ? bestPair(n, "any") : undefined;
    const o = top?.pairs[0].o;
    if (!top || !o || claimed.has(o.address)) continue;
    claimed.add(o.address);
    const rule = ruleFor(rules, o.type);
    const forcing = top.pairs[0].updates.filter((k) => !rule.update || forcesNew(rule, k));
    if (forcing.length === 0) continue;
    blocked.push({
      type: o.type,
      from: o.address,
      to: n.address,
      fromPath: o.path,
      toPath: n.path,
      arguments: forcing.map((name) => ({ name, before: rendered(o.body[name], before) })),
    });
  }

  const moves = found
    .filter(({ o }) => o.mode === "managed")
    .map(({ o, n, updates }) => ({
      type: o.type,
      from: o.address,
      to: n.address,
      fromPath: o.path,
      toPath: n.path,
      updates,
      movedBlock: `moved {\n  from = ${o.address}\n  to   = ${n.address}\n}`,
      moveFromId: `moveFromId(${JSON.stringify(o.address)})`,
    }))
    .sort((a, b) => a.toPath.localeCompare(b.toPath));
  return { moves, blocked };
}
