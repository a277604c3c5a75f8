/** Errors of the change-intelligence stage. */

/** Provisions handed to the diff are not a version's provisions in order (index ≠ position). */
export class InvalidProvisionsError extends Error {
  override readonly name = "InvalidProvisionsError";
}
