/** Errors of the explanation stage. */

/** The classification and the clause type record given to `explain` do not describe the same clause type. */
export class ExplainError extends Error {
  override readonly name = "ExplainError";
}
