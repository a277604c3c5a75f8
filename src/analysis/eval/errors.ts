/** Errors of the evaluation stage. */

/** An evaluation data set could not be read: missing file, malformed line, misaligned tags. */
export class EvalDataError extends Error {
  override name = "EvalDataError";
  constructor(
    message: string,
    /** File (and line) at fault. */
    readonly location: string,
  ) {
    super(`${location}: ${message}`);
  }
}
