/** The analysis listener for test imports: the project's pipeline when it exists, else the test stand-in. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { VersionListener } from "../../../src/archive/archiver.js";
import type { Store } from "../../../src/store/index.js";
import { fallbackListener } from "./fallback-analysis.js";

const PIPELINE = new URL("../../../src/pipeline/index.ts", import.meta.url);

interface PipelineModule {
  createVersionListener(store: Store): VersionListener;
}

function isPipeline(value: unknown): value is PipelineModule {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { createVersionListener?: unknown }).createVersionListener === "function"
  );
}

/** Which analysis fills the tables: "pipeline" (src/pipeline) or "fallback" (test stand-in). */
export type AnalysisSource = "pipeline" | "fallback";

/** The listener to pass as `onVersion`, and which implementation it is. */
export async function analysisListener(
  store: Store,
): Promise<{ listener: VersionListener; source: AnalysisSource }> {
  if (existsSync(fileURLToPath(PIPELINE))) {
    // A computed specifier keeps the type checker from requiring a module that may not exist yet.
    const specifier = PIPELINE.href.replace(/\.ts$/, ".js");
    const module: unknown = await import(specifier);
    if (!isPipeline(module))
      throw new Error("src/pipeline/index.ts does not export createVersionListener(store)");
    return { listener: module.createVersionListener(store), source: "pipeline" };
  }
  return { listener: fallbackListener(store), source: "fallback" };
}
