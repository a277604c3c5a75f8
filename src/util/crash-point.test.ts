import assert from "node:assert/strict";
import { it } from "node:test";
import { CRASH_STEPS, parseCrashStep, UnknownCrashStepError } from "./crash-point.js";

it("reads a crash step from the environment's value, none when unset", () => {
  assert.equal(parseCrashStep(undefined), undefined);
  assert.equal(parseCrashStep(""), undefined);
  for (const step of CRASH_STEPS) assert.equal(parseCrashStep(step), step);
});

it("refuses an unknown step, naming the known ones, rather than never crashing", () => {
  assert.throws(
    () => parseCrashStep("after-version"),
    (error: unknown) =>
      error instanceof UnknownCrashStepError &&
      /CLAUSEWATCH_CRASH_AT=after-version/.test(error.message) &&
      error.message.includes("version-committed"),
  );
});
