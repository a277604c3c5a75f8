/** A service declaration file that cannot be used; names the file and what is wrong. */
export class DeclarationError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "DeclarationError";
  }
}
