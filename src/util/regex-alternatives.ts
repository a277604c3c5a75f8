/**
 * Whether any of several regular expressions matches a text, each run only where its literal prefilter allows.
 * One alternation of them all (`a|b|c`) tries every alternative at every position of the text: with the
 * analysis's wide alternatives (`\b(third[- ]part(y|ies)|partners?…)\b[^.]{0,80}…`) that pass was a tenth of the
 * whole analysis's time. One scan for literals, shared by every set built on the same {@link LiteralPrefilters},
 * rules most expressions out before any runs.
 */
import { LiteralPrefilters, type PrefilterHandle } from "./literal-prefilter.js";

export class RegexAlternatives {
  private readonly handles: PrefilterHandle[];

  /**
   * @param regexes the alternatives, tried in order (put the likeliest first); a global or sticky one would keep
   *   state between texts and is refused
   * @param prefilters where their literals are registered: sets sharing one scan each text once between them
   */
  constructor(
    private readonly regexes: readonly RegExp[],
    private readonly prefilters: LiteralPrefilters = new LiteralPrefilters(),
  ) {
    const stateful = regexes.find((r) => r.global || r.sticky);
    if (stateful)
      throw new TypeError(`a global or sticky regex keeps state between texts: /${stateful.source}/`);
    this.handles = regexes.map((r) => prefilters.add(r));
  }

  /** Whether some alternative matches `text`: the same answer as testing their alternation. */
  test(text: string): boolean {
    for (let k = 0; k < this.regexes.length; k++) {
      if (this.prefilters.mayMatch(this.handles[k]!, text) && this.regexes[k]!.test(text)) return true;
    }
    return false;
  }
}
