/** Decides what a location string designates: a web address or a local file. */
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { InvalidUrlError } from "./errors.js";

/** A location understood by `fetchDocument`. */
export type ParsedLocation = { kind: "http"; url: URL } | { kind: "file"; path: string; url: URL };

// Two or more letters: a one-letter "scheme" is a Windows drive ("C:\\docs\\terms.html").
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

/**
 * Parses `location`: `http:`/`https:` URLs, `file:` URLs, or a local path (relative to the working directory).
 * Any other scheme is refused.
 */
export function parseLocation(location: string): ParsedLocation {
  const text = location.trim();
  if (text === "") throw new InvalidUrlError(location, "the location is empty");
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    const path = resolve(text);
    return { kind: "file", path, url: pathToFileURL(path) };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidUrlError(location, "it is not a valid URL");
  }
  if (scheme === "http" || scheme === "https") {
    if (url.hostname === "") throw new InvalidUrlError(location, "the URL has no host");
    return { kind: "http", url };
  }
  if (scheme === "file") {
    try {
      const path = fileURLToPath(url);
      return { kind: "file", path, url: pathToFileURL(path) };
    } catch (error) {
      throw new InvalidUrlError(location, `it is not a local file URL (${(error as Error).message})`);
    }
  }
  throw new InvalidUrlError(
    location,
    `the ${scheme}: scheme is not supported (use http, https or a local file)`,
  );
}
