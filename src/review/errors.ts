/** A review that cannot be recorded as given; the message says why. */
export class InvalidReviewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidReviewError";
  }
}
