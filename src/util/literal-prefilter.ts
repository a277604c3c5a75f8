/**
 * Literal prefilters for regular expressions: from a regex's source, strings of which every match must contain
 * at least one. Checking a few `includes` on a lower-cased text is much cheaper than running the regex, and most
 * texts contain none of them, so the regex only runs where it can match. The analysis is conservative: a regex
 * it cannot read gets no prefilter (always run), never a wrong one.
 */

/** At most this many strings per set: beyond, the node's exact strings are forgotten. */
const MAX_SET = 32;

/** What a regex node can match, as far as the analysis can tell. */
interface Info {
  /** Every string the node can match, when finite and small; null when unknown. */
  exact: Set<string> | null;
  /** Strings one of which every match contains; null when nothing is known. */
  required: Set<string> | null;
}

const UNKNOWN: Info = { exact: null, required: null };
const EMPTY: Info = { exact: new Set([""]), required: null };
/** Matches anything, possibly nothing: no exact strings and no requirement. */
const EMPTY_OR_ANY: Info = UNKNOWN;

function fromExact(exact: Set<string> | null): Info {
  if (!exact || exact.size > MAX_SET) return UNKNOWN;
  return { exact, required: exact.has("") ? null : exact };
}

/** How selective a set of required strings is: its shortest string, then fewer strings. */
function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!a) return b;
  if (!b) return a;
  const minA = Math.min(...[...a].map((s) => s.length));
  const minB = Math.min(...[...b].map((s) => s.length));
  if (minA !== minB) return minA > minB ? a : b;
  return a.size <= b.size ? a : b;
}

function concat(a: Info, b: Info): Info {
  if (a.exact && b.exact && a.exact.size * b.exact.size <= MAX_SET) {
    const exact = new Set<string>();
    for (const x of a.exact) for (const y of b.exact) exact.add(x + y);
    return fromExact(exact);
  }
  return { exact: null, required: better(a.required, b.required) };
}

function alternation(branches: Info[]): Info {
  const exact = new Set<string>();
  let exactKnown = true;
  const required = new Set<string>();
  let requiredKnown = true;
  for (const b of branches) {
    if (b.exact && exactKnown) for (const s of b.exact) exact.add(s);
    else exactKnown = false;
    if (b.required && requiredKnown) for (const s of b.required) required.add(s);
    else requiredKnown = false;
  }
  if (exactKnown && exact.size <= MAX_SET) return fromExact(exact);
  return { exact: null, required: requiredKnown ? required : null };
}

/** Reads a regex source; `fold` lower-cases literal letters (case-insensitive regexes). */
class Reader {
  private at = 0;
  constructor(
    private readonly source: string,
    private readonly fold: boolean,
  ) {}

  /** The whole source, or null when it uses syntax the reader does not know. */
  read(): Info | null {
    try {
      const info = this.alternatives();
      return this.at === this.source.length ? info : null;
    } catch {
      return null;
    }
  }

  private alternatives(): Info {
    const branches = [this.sequence()];
    while (this.source[this.at] === "|") {
      this.at++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : alternation(branches);
  }

  private sequence(): Info {
    // Runs of atoms whose exact strings are known are joined; any run's strings are required by the sequence,
    // and the most selective run is kept when an unknown atom breaks the chain.
    let run: Info = EMPTY;
    let required: Set<string> | null = null;
    let broken = false;
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const atom = this.quantified(this.atom());
      const joined = concat(run, atom);
      if (joined.exact) {
        run = joined;
        continue;
      }
      broken = true;
      required = better(required, better(run.required, atom.required));
      run = atom.exact ? atom : EMPTY;
    }
    if (!broken) return run;
    return { exact: null, required: better(required, run.required) };
  }

  private quantified(atom: Info): Info {
    const c = this.source[this.at];
    let min: number;
    if (c === "?" || c === "*" || c === "+") {
      this.at++;
      min = c === "+" ? 1 : 0;
    } else if (c === "{") {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.source.slice(this.at));
      if (!m) return atom; // a literal "{" (non-u regexes allow it)
      this.at += m[0].length;
      min = Number(m[1]);
      if (m[2] === undefined && min === 1) {
        if (this.source[this.at] === "?") this.at++;
        return atom;
      }
    } else return atom;
    if (this.source[this.at] === "?") this.at++; // lazy
    if (min === 0) {
      // Optional: the exact strings gain "", and nothing is required any more.
      return atom.exact && c === "?" ? fromExact(new Set([...atom.exact, ""])) : EMPTY_OR_ANY;
    }
    return { exact: null, required: atom.required };
  }

  private atom(): Info {
    const c = this.source[this.at]!;
    if (c === "(") return this.group();
    if (c === "[") {
      this.characterClass();
      return UNKNOWN;
    }
    if (c === "\\") return this.escape();
    this.at++;
    if (c === ".") return UNKNOWN;
    if (c === "^" || c === "$") return EMPTY;
    if (c === "*" || c === "+" || c === "?") throw new SyntaxError("nothing to repeat");
    return this.literal(c);
  }

  private literal(c: string): Info {
    // Only ASCII literals: a non-ASCII letter's case-insensitive matches need not share its lower case.
    if (c.charCodeAt(0) > 0x7e) return UNKNOWN;
    return fromExact(new Set([this.fold ? c.toLowerCase() : c]));
  }

  private group(): Info {
    const rest = this.source.slice(this.at);
    let lookaround = false;
    if (rest.startsWith("(?:")) this.at += 3;
    else if (/^\(\?<?[=!]/.test(rest)) {
      lookaround = true;
      this.at += rest[2] === "<" ? 4 : 3;
    } else if (rest.startsWith("(?<")) {
      const close = rest.indexOf(">");
      if (close < 0) throw new SyntaxError("bad group name");
      this.at += close + 1;
    } else if (rest.startsWith("(?")) throw new SyntaxError("unknown group");
    else this.at += 1;
    const inner = this.alternatives();
    if (this.source[this.at] !== ")") throw new SyntaxError("unclosed group");
    this.at++;
    // Lookarounds match no characters; a group that backreferences may repeat is still read as itself.
    return lookaround ? EMPTY : inner;
  }

  private characterClass(): void {
    this.at++; // [
    while (this.at < this.source.length && this.source[this.at] !== "]") {
      this.at += this.source[this.at] === "\\" ? 2 : 1;
    }
    if (this.source[this.at] !== "]") throw new SyntaxError("unclosed class");
    this.at++;
  }

  private escape(): Info {
    const next = this.source[this.at + 1];
    if (next === undefined) throw new SyntaxError("trailing backslash");
    this.at += 2;
    if (next === "b" || next === "B") return EMPTY;
    if ("dDwWsS".includes(next)) return UNKNOWN;
    if (next === "p" || next === "P" || next === "k") {
      const close = this.source.indexOf(next === "k" ? ">" : "}", this.at);
      if (close < 0) throw new SyntaxError("bad escape");
      this.at = close + 1;
      return EMPTY_OR_ANY;
    }
    if (/[0-9]/.test(next)) {
      // Backreference (or octal escape): anything, possibly empty.
      while (/[0-9]/.test(this.source[this.at] ?? "")) this.at++;
      return EMPTY_OR_ANY;
    }
    if (next === "u" || next === "x" || next === "c") {
      // A character given by its code: skipped, and read as an unknown character (never required).
      const rest = this.source.slice(this.at);
      const code =
        next === "x"
          ? /^[0-9A-Fa-f]{2}/.exec(rest)
          : next === "c"
            ? /^[A-Za-z]/.exec(rest)
            : /^(?:\{[0-9A-Fa-f]+\}|[0-9A-Fa-f]{4})/.exec(rest);
      this.at += code?.[0].length ?? 0;
      return UNKNOWN;
    }
    const controls: Record<string, string> = { n: "\n", r: "\r", t: "\t", f: "\f", v: "\v" };
    return this.literal(controls[next] ?? next);
  }
}

/** The literals of a regex's prefilter: `literals` are looked for in the lower-cased text when `folded`. */
export interface RegexLiterals {
  /** Strings one of which every match contains; null when the regex gets no prefilter (always run). */
  literals: string[] | null;
  folded: boolean;
  /** Case folding with the `u` flag also equates "K" (KELVIN SIGN) with k and "ſ" (LONG S) with s. */
  unicodeFold: boolean;
}

/**
 * The literals of `regex`. For a case-insensitive regex they are ASCII and meant for the lower-cased text: an
 * ASCII run matched case-insensitively lower-cases to exactly the literal whatever surrounds it (without the `u`
 * flag no non-ASCII character matches an ASCII one; with it only "K" and "ſ" do, see `unicodeFold`).
 */
export function regexLiterals(regex: RegExp): RegexLiterals {
  const folded = regex.flags.includes("i");
  const unicodeFold = folded && (regex.flags.includes("u") || regex.flags.includes("v"));
  const info = new Reader(regex.source, folded).read();
  const required = info?.required ? [...info.required] : null;
  if (!required || required.some((s) => s.length === 0)) return { literals: null, folded, unicodeFold };
  // A string holding another required string is found whenever that one is: only the shortest are looked for.
  const literals = required.filter((s) => !required.some((t) => t !== s && s.includes(t)));
  return { literals, folded, unicodeFold };
}

/**
 * An Aho–Corasick automaton over a set of literals, as a deterministic one: each state's move on each character is
 * in one table (fail links followed once, at build time), over an alphabet of the characters the literals use, every
 * other character being one class. One array read per character of the text.
 */
interface Automaton {
  /** Character class of each UTF-16 code unit: 1 + its index among the literals' characters, else 0. */
  classOf: Uint8Array | Uint16Array;
  /** Number of classes (the row length of `moves`). */
  classes: number;
  /**
   * `moves[state * classes + class]`: the state after reading a character of that class. In 16 bits when the states
   * fit (the patterns' 2,100 literals make 19,000): half the memory read at random, once per character.
   */
  moves: Uint16Array | Int32Array;
  /** The state itself when literals end there, else the nearest state down its fail chain where some do (0: none). */
  output: Int32Array;
  /** The next state down the fail chain, after `output[s]`'s own, where literals end (0: none). */
  nextOutput: Int32Array;
  /** The ids of the literals ending at state s: `ids[from[s]]` to `ids[from[s + 1]]`. */
  from: Int32Array;
  ids: Int32Array;
}

/** Builds the automaton of `literals` (ids are their indexes): trie, then fail links and moves breadth first. */
function buildAutomaton(literals: readonly string[]): Automaton {
  const units = [...new Set(literals.flatMap((l) => [...Array(l.length)].map((_, i) => l.charCodeAt(i))))];
  const classes = units.length + 1;
  const classOf = classes <= 256 ? new Uint8Array(65536) : new Uint16Array(65536);
  units.forEach((unit, k) => {
    classOf[unit] = k + 1;
  });
  const children: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];
  literals.forEach((literal, id) => {
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const c = classOf[literal.charCodeAt(i)]!;
      let next = children[state]!.get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ends.push([]);
        children[state]!.set(c, next);
      }
      state = next;
    }
    ends[state]!.push(id);
  });
  const count = children.length;
  const moves = count <= 65536 ? new Uint16Array(count * classes) : new Int32Array(count * classes);
  const fail = new Int32Array(count);
  const output = new Int32Array(count);
  const nextOutput = new Int32Array(count);
  for (const [c, child] of children[0]!) moves[c] = child;
  const queue = [...children[0]!.values()];
  for (const state of queue) output[state] = ends[state]!.length > 0 ? state : 0;
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    // A state's moves are its fail state's (computed earlier: it is shallower), except along its own edges.
    moves.copyWithin(state * classes, fail[state]! * classes, (fail[state]! + 1) * classes);
    for (const [c, child] of children[state]!) {
      moves[state * classes + c] = child;
      fail[child] = moves[fail[state]! * classes + c]!;
      const inherited = output[fail[child]!]!;
      output[child] = ends[child]!.length > 0 ? child : inherited;
      nextOutput[child] = ends[child]!.length > 0 ? inherited : nextOutput[fail[child]!]!;
      queue.push(child);
    }
  }
  const from = new Int32Array(count + 1);
  for (let state = 0; state < count; state++) from[state + 1] = from[state]! + ends[state]!.length;
  return { classOf, classes, moves, output, nextOutput, from, ids: Int32Array.from(ends.flat()) };
}

/**
 * A dictionary of literals found in one pass over a text, by an Aho–Corasick automaton: one array read per
 * character, however many literals there are and however many prefixes they share (the taxonomy's 2,100
 * pattern literals share three- and four-letter prefixes by the dozen: "for ", "not ", "with").
 */
class LiteralIndex {
  private readonly literals: string[] = [];
  private readonly idOf = new Map<string, number>();
  /** Built on the first scan after literals were added. */
  private automaton: Automaton | null = null;
  /** The literals found by the last scan: those whose entry is `stamp` (no array allocated per scan). */
  private found = new Int32Array(0);
  private stamp = 0;

  add(literal: string): number {
    const known = this.idOf.get(literal);
    if (known !== undefined) return known;
    const id = this.literals.length;
    this.literals.push(literal);
    this.idOf.set(literal, id);
    this.automaton = null;
    return id;
  }

  /** Finds the literals that occur in `haystack`; {@link has} then tells which. */
  scan(haystack: string): void {
    if (this.found.length < this.literals.length) this.found = new Int32Array(this.literals.length);
    this.stamp++;
    this.automaton ??= buildAutomaton(this.literals);
    const { classOf, classes, moves, output, nextOutput, from, ids } = this.automaton;
    let state = 0;
    for (let i = 0; i < haystack.length; i++) {
      state = moves[state * classes + classOf[haystack.charCodeAt(i)]!]!;
      for (let s = output[state]!; s !== 0; s = nextOutput[s]!) {
        for (let e = from[s]!; e < from[s + 1]!; e++) this.found[ids[e]!] = this.stamp;
      }
    }
  }

  /** Whether the last {@link scan} found literal `id`. */
  has(id: number): boolean {
    return this.found[id] === this.stamp;
  }
}

/** A regex registered with {@link LiteralPrefilters}. */
export interface PrefilterHandle {
  readonly ids: readonly number[] | null;
  readonly folded: boolean;
  readonly unicodeFold: boolean;
}

/**
 * Prefilters of many regexes sharing one scan per text: `mayMatch(handle, text)` is false only when the
 * regex cannot match `text`. The last text's scan is remembered, so asking about many regexes for one text
 * (the data categories over one sentence) scans it once.
 */
export class LiteralPrefilters {
  private readonly foldedIndex = new LiteralIndex();
  private readonly exactIndex = new LiteralIndex();
  /** The texts whose scans the indexes hold (null when none, or when literals were added since). */
  private foldedText: string | null = null;
  private exactText: string | null = null;

  /** Registers a regex. */
  add(regex: RegExp): PrefilterHandle {
    const { literals, folded, unicodeFold } = regexLiterals(regex);
    const index = folded ? this.foldedIndex : this.exactIndex;
    // New literals were not looked for in the texts scanned.
    this.foldedText = null;
    this.exactText = null;
    return { ids: literals ? literals.map((l) => index.add(l)) : null, folded, unicodeFold };
  }

  /** False only when the regex of `handle` cannot match `text`. */
  mayMatch(handle: PrefilterHandle, text: string): boolean {
    return this.answers(handle, text);
  }

  /**
   * `mayMatch` of each handle for one text (1: may match), the text scanned once for all of them: asking about
   * forty regexes one by one cost more than the scan itself.
   */
  mayMatchEach(handles: readonly PrefilterHandle[], text: string): Uint8Array {
    const out = new Uint8Array(handles.length);
    for (let k = 0; k < handles.length; k++) out[k] = this.answers(handles[k]!, text) ? 1 : 0;
    return out;
  }

  private answers(handle: PrefilterHandle, text: string): boolean {
    if (!handle.ids) return true;
    if (handle.unicodeFold && /[\u017F\u212A]/.test(text)) return true;
    const index = handle.folded ? this.foldedIndex : this.exactIndex;
    if (handle.folded && this.foldedText !== text) {
      index.scan(text.toLowerCase());
      this.foldedText = text;
    } else if (!handle.folded && this.exactText !== text) {
      index.scan(text);
      this.exactText = text;
    }
    for (const id of handle.ids) if (index.has(id)) return true;
    return false;
  }
}
