/**
 * Concatenates rendered Markdown pieces. The whitespace at the edges of each piece is a separator hint
 * (space, line break, blank line); between two pieces the hints merge into one space, one line break or
 * one blank line, so that nested blocks and inline runs never pile up spaces or blank lines, whatever
 * the HTML's own whitespace. Line breaks add up (two `<br>` make a blank line); nothing exceeds one
 * blank line.
 */
export class MarkdownFlow {
  private readonly parts: string[] = [];
  private started = false;
  private leadNewlines = 0;
  private leadSpace = false;
  private pendingNewlines = 0;
  private pendingSpace = false;

  /** Appends a piece; its leading and trailing spaces and newlines become separators. */
  add(piece: string): void {
    const n = piece.length;
    let i = 0;
    let newlines = this.pendingNewlines;
    let space = this.pendingSpace;
    for (; i < n; i++) {
      const c = piece.charCodeAt(i);
      if (c === 10) newlines++;
      else if (c === 32 || c === 9) space = true;
      else break;
    }
    if (i === n) {
      this.pendingNewlines = Math.min(newlines, 2);
      this.pendingSpace = space;
      return;
    }
    let j = n;
    let trailNewlines = 0;
    let trailSpace = false;
    for (; j > i; j--) {
      const c = piece.charCodeAt(j - 1);
      if (c === 10) trailNewlines++;
      else if (c === 32 || c === 9) trailSpace = true;
      else break;
    }
    if (!this.started) {
      this.started = true;
      this.leadNewlines = Math.min(newlines, 2);
      this.leadSpace = space;
    } else if (newlines > 0) {
      this.parts.push(newlines > 1 ? "\n\n" : "\n");
    } else if (space) {
      this.parts.push(" ");
    }
    this.parts.push(i === 0 && j === n ? piece : piece.slice(i, j));
    this.pendingNewlines = Math.min(trailNewlines, 2);
    this.pendingSpace = trailSpace;
  }

  /** A hard line break (`<br>`): consecutive breaks add up to a blank line. */
  lineBreak(): void {
    this.pendingNewlines = Math.min(this.pendingNewlines + 1, 2);
  }

  /** Whatever follows starts on a new line (list items): unlike {@link lineBreak}, never adds a blank line. */
  newLine(): void {
    this.pendingNewlines = Math.max(this.pendingNewlines, 1);
  }

  /** A block boundary: what follows starts a new paragraph. */
  blockBreak(): void {
    this.pendingNewlines = 2;
  }

  /** True when nothing but whitespace was added. */
  get isEmpty(): boolean {
    return !this.started;
  }

  /** Whether the content ended with a block boundary (a paragraph, a list…) rather than inline text. */
  get endsWithBlock(): boolean {
    return this.pendingNewlines >= 2;
  }

  /** The text without the whitespace at its edges. */
  core(): string {
    return this.parts.join("");
  }

  /** The edge whitespace as the separator hints an enclosing flow needs, around `inner`. */
  wrap(inner: string): string {
    return `${edge(this.leadNewlines, this.leadSpace)}${inner}${edge(this.pendingNewlines, this.pendingSpace)}`;
  }
}

function edge(newlines: number, space: boolean): string {
  if (newlines > 0) return newlines > 1 ? "\n\n" : "\n";
  return space ? " " : "";
}
