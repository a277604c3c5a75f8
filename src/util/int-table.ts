/**
 * An integer → integer hash table with open addressing over typed arrays. Word n-gram lookup is the inner loop
 * of classification, and this is several times faster than a `Map` there (no boxing, no per-entry objects); so
 * is looking up the literals of a prefilter by their first characters.
 */
export class IntTable {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  /** @param entries key → value pairs; keys must be non-negative safe integers */
  constructor(entries: Iterable<readonly [number, number]>, size: number) {
    let capacity = 16;
    while (capacity < size * 2) capacity *= 2;
    this.keys = new Float64Array(capacity).fill(-1);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (const [key, value] of entries) {
      let slot = this.slot(key);
      while (this.keys[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = value;
    }
  }

  private slot(key: number): number {
    // The slot is the product's low bits, which only the key's low bits move: keys that differ only higher up (such
    // as `character × 2^16 + state`) would share one probe chain. Vectorizer n-gram ids vary in their low bits.
    // Below 2^32 the high half is 0 and mixing it in changes nothing: skip the division (most keys of a lookup).
    if (key < 4294967296) return (Math.imul(key, 0x85ebca6b) >>> 0) & this.mask;
    // Mix the high and low halves so keys differing only above 2^32 still spread.
    const hi = Math.floor(key / 4294967296);
    return (Math.imul((key >>> 0) ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 0) & this.mask;
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    let slot = this.slot(key);
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.values[slot]!;
      if (k === -1) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
}
