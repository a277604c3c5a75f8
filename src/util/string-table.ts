/**
 * A string → integer table looked up by a span of a text, in place: no substring is cut and hashed per lookup.
 * Classification looks up every word of every provision, and a `Map` keyed by `text.slice(start, end)` spent as
 * much on making the substring (and collecting it afterwards) as on the lookup.
 */
export class StringTable {
  /** Open addressing: the entry index + 1 in each slot, 0 for empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The keys' characters end to end; entry e spans `chars[from[e]..from[e + 1])`. */
  private readonly chars: Uint16Array;
  private readonly from: Int32Array;
  private readonly values: Int32Array;

  /** @param entries key → value pairs, keys distinct */
  constructor(entries: ReadonlyArray<readonly [string, number]>) {
    let capacity = 16;
    while (capacity < entries.length * 4) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.from = new Int32Array(entries.length + 1);
    this.values = new Int32Array(entries.length);
    let length = 0;
    for (const [key] of entries) length += key.length;
    this.chars = new Uint16Array(length);
    let at = 0;
    entries.forEach(([key, value], e) => {
      this.from[e] = at;
      for (let i = 0; i < key.length; i++) this.chars[at++] = key.charCodeAt(i);
      this.values[e] = value;
      let slot = hashOf(key, 0, key.length) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = e + 1;
    });
    this.from[entries.length] = at;
  }

  /** The value of the key `text.slice(start, end)`, or `missing`. */
  get(text: string, start: number, end: number, missing: number): number {
    const length = end - start;
    const { slots, chars, from, mask } = this;
    let slot = hashOf(text, start, end) & mask;
    for (;;) {
      const e = slots[slot]! - 1;
      if (e < 0) return missing;
      const at = from[e]!;
      if (from[e + 1]! - at === length) {
        let i = 0;
        while (i < length && chars[at + i] === text.charCodeAt(start + i)) i++;
        if (i === length) return this.values[e]!;
      }
      slot = (slot + 1) & mask;
    }
  }
}

/** FNV-1a over the UTF-16 code units of `text[start..end)`. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}
