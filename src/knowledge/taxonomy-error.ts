/** Raised when the knowledge base files are missing, malformed or inconsistent. */
export class TaxonomyError extends Error {
  /** Every problem found, one per line, each prefixed by the file it is in. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid knowledge base:\n  ${problems.join("\n  ")}`);
    this.name = "TaxonomyError";
    this.problems = problems;
  }
}
