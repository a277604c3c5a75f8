import assert from "node:assert/strict";
import { it } from "node:test";
import { loadConfig } from "./config.js";

it("sends alerts every minute unless CLAUSEWATCH_ALERT_INTERVAL_SECONDS says otherwise", () => {
  assert.equal(loadConfig({}).alertIntervalSeconds, 60);
  assert.equal(loadConfig({ CLAUSEWATCH_ALERT_INTERVAL_SECONDS: "5" }).alertIntervalSeconds, 5);
});

it("refuses an alert interval that is not a whole number of seconds from 1 to a day", () => {
  for (const bad of ["0", "-1", "1.5", "ten", "86401"]) {
    assert.throws(
      () => loadConfig({ CLAUSEWATCH_ALERT_INTERVAL_SECONDS: bad }),
      new RegExp(`CLAUSEWATCH_ALERT_INTERVAL_SECONDS=${bad}: a whole number`),
    );
  }
});

it("keeps the archive where the backend suits unless CLAUSEWATCH_ARCHIVE_STORE names database or files", () => {
  assert.equal(loadConfig({}).archiveStorage, null);
  assert.equal(loadConfig({ CLAUSEWATCH_ARCHIVE_STORE: "files" }).archiveStorage, "files");
  assert.equal(loadConfig({ CLAUSEWATCH_ARCHIVE_STORE: "database" }).archiveStorage, "database");
  assert.throws(
    () => loadConfig({ CLAUSEWATCH_ARCHIVE_STORE: "s3" }),
    /CLAUSEWATCH_ARCHIVE_STORE=s3: "database" or "files"/,
  );
});
