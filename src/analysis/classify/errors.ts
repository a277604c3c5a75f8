/** Errors of the classification stage. */

/** Base class: anything that went wrong while training, loading or applying the clause classifier. */
export class ClassifyError extends Error {
  override name = "ClassifyError";
}

/** A serialised model could not be read: wrong format version, missing field, inconsistent sizes. */
export class ModelFormatError extends ClassifyError {
  override name = "ModelFormatError";
}

/** Training data is unusable: malformed JSONL line, unknown label, no example at all. */
export class TrainingDataError extends ClassifyError {
  override name = "TrainingDataError";
  constructor(
    message: string,
    /** File (and line, when known) where the problem was found. */
    readonly location?: string,
  ) {
    super(location ? `${location}: ${message}` : message);
  }
}
