import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { cliDataDir, ROOT, runCli } from "../helpers/cli.js";

// A real Open Terms Archive page (see test/fixtures/pages/README.md).
const PAGE = join(ROOT, "test/fixtures/pages/ota-imprint-2026-04-22.html");

async function stats(env: Record<string, string>): Promise<Record<string, number>> {
  return JSON.parse((await runCli(["stats", "--json"], env)).stdout) as Record<string, number>;
}

/** Writes one declaration file of service `name` into a fresh folder under `root`. */
async function declarations(root: string, folder: string, name: string, terms: object): Promise<string> {
  const dir = join(root, folder);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}.json`), JSON.stringify({ name, terms }));
  return dir;
}

describe("capture, track and analyze take local files only when told (real processes, SQLite)", () => {
  const data = cliDataDir();
  const doc = ["--platform", "Probe", "--type", "Imprint"];

  it("capture refuses file: URLs, bare paths and other schemes before storing anything", async () => {
    const env = data.env();
    for (const location of ["file:///etc/passwd", PAGE]) {
      const refused = await runCli(["capture", location, ...doc], env);
      assert.equal(refused.code, 1, location);
      assert.match(refused.stderr, /is not an http: or https: URL; to capture a local file, use --file PATH/);
    }
    const counts = await stats(env);
    assert.equal(counts.documents, 0, "a refused location is not even declared");
    assert.equal(counts.snapshots, 0);
  });

  it("capture --file reads the local file once, without declaring it for scheduled tracking", async () => {
    const env = data.env();
    const captured = await runCli(["capture", "--file", PAGE, ...doc, "--select", ".textcontent"], env);
    assert.equal(captured.code, 0, captured.stderr);
    assert.match(captured.stdout, /Probe \/ Imprint: new version \d+/);
    const counts = await stats(env);
    assert.equal(counts.snapshots, 1);
    assert.equal(counts.versions, 1);
  });

  it("track refuses declared local files, exits 1 and names each failed document and why", async () => {
    const env = data.env();
    const dir = await declarations(data.dir(), "community", "Local Probe", {
      Imprint: { fetch: pathToFileURL(PAGE).href, select: ".textcontent" },
      "Privacy Policy": { fetch: "file:///etc/passwd" },
    });
    const before = await stats(env);
    const tracked = await runCli(["track", "--declarations", dir], env);
    assert.equal(tracked.code, 1);
    assert.match(
      tracked.stderr,
      /failed: Local Probe \/ Imprint: error LOCAL_FILE_REFUSED: .*only http: and https:/,
    );
    assert.match(tracked.stderr, /failed: Local Probe \/ Privacy Policy: error LOCAL_FILE_REFUSED/);
    assert.match(tracked.stderr, /2 document\(s\) could not be captured/);
    assert.equal((await stats(env)).snapshots, before.snapshots, "nothing archived");
  });

  it("track --allow-local-files reads them, and still exits 1 naming the one that failed", async () => {
    const env = data.env();
    const missing = join(data.dir(), "absent.html");
    const dir = await declarations(data.dir(), "operator", "Operator Files", {
      Imprint: { fetch: PAGE, select: ".textcontent" },
      "Privacy Policy": { fetch: missing },
    });
    const tracked = await runCli(["track", "--declarations", dir, "--allow-local-files"], env);
    assert.equal(tracked.code, 1);
    assert.match(tracked.stdout, /Operator Files \/ Imprint: new version \d+/);
    assert.match(
      tracked.stderr,
      /failed: Operator Files \/ Privacy Policy: error FILE_READ_ERROR: .*no such file/,
    );
    assert.doesNotMatch(tracked.stderr, /failed: Operator Files \/ Imprint/);
    assert.match(tracked.stderr, /1 document\(s\) could not be captured/);

    const good = await declarations(data.dir(), "good", "Operator Files", {
      Imprint: { fetch: PAGE, select: ".textcontent" },
    });
    const ok = await runCli(["track", "--declarations", good, "--allow-local-files"], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Operator Files \/ Imprint: unchanged: verified version \d+/);
  });

  it("analyze reads a file: URL as the file it names, and says which file is missing", async () => {
    const byUrl = await runCli(["analyze", pathToFileURL(PAGE).href, "--json"], data.env());
    assert.equal(byUrl.code, 0, byUrl.stderr);
    assert.match(byUrl.stdout, /Director of the publication/);
    const missing = await runCli(["analyze", "file:///nonexistent/terms.html"], data.env());
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Cannot read the file \/nonexistent\/terms\.html: no such file/);
  });
});
