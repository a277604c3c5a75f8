/** Reading JSON Lines evaluation files. */
import { readFileSync } from "node:fs";
import { EvalDataError } from "./errors.js";

/** Parses every non-empty line of a JSONL file with `parse`, which may throw to reject a line. */
export function readJsonl<T>(path: string, parse: (value: unknown) => T): T[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new EvalDataError(error instanceof Error ? error.message : String(error), path);
  }
  const out: T[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      out.push(parse(JSON.parse(line)));
    } catch (error) {
      throw new EvalDataError(error instanceof Error ? error.message : String(error), `${path}:${i + 1}`);
    }
  });
  return out;
}
