/** Finds a Chromium executable on PATH (the equivalent of `which chromium`, without spawning a shell). */
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

const CANDIDATES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "chrome"];

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Absolute path of the first Chromium-family browser on PATH, or null when there is none. */
export function findChromium(pathVariable: string = process.env.PATH ?? ""): string | null {
  const directories = pathVariable.split(delimiter).filter((directory) => directory !== "");
  for (const name of CANDIDATES) {
    for (const directory of directories) {
      const candidate = join(directory, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}
