/** The folders of the reading sets labelled block by block (design/READING.md), by the name `--set` takes. */
export const READING_SET_DIRS: Readonly<Record<string, string>> = {
  heldout: "bench/findings",
  dev: "bench/findings-dev",
  fresh: "bench/findings-fresh",
  study: "bench/findings-study",
};
