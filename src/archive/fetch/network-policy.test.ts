import assert from "node:assert/strict";
import type { LookupAddress } from "node:dns";
import { describe, it } from "node:test";
import {
  createNetworkPolicy,
  type NetworkPolicy,
  RefusedHostError,
  type ResolveAll,
} from "./network-policy.js";

function lookupAll(policy: NetworkPolicy, host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    policy.lookup(host, { all: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses as LookupAddress[]);
    });
  });
}

function lookupOne(
  policy: NetworkPolicy,
  host: string,
  family?: number,
): Promise<[string, number | undefined]> {
  return new Promise((resolve, reject) => {
    policy.lookup(host, family === undefined ? {} : { family }, (error, address, addressFamily) => {
      if (error) reject(error);
      else resolve([address as string, addressFamily]);
    });
  });
}

const fakeDns =
  (table: Record<string, LookupAddress[]>): ResolveAll =>
  async (hostname) => {
    const entry = table[hostname];
    if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return entry;
  };

const dns = fakeDns({
  "public.example": [{ address: "93.184.216.34", family: 4 }],
  "dual.example": [
    { address: "93.184.216.34", family: 4 },
    { address: "2606:2800:220:1::1", family: 6 },
  ],
  "rebind.example": [{ address: "127.0.0.1", family: 4 }],
  "mixed.example": [
    { address: "93.184.216.34", family: 4 },
    { address: "10.0.0.7", family: 4 },
  ],
  "metadata.example": [{ address: "169.254.169.254", family: 4 }],
});

describe("createNetworkPolicy.checkHost", () => {
  const policy = createNetworkPolicy({ allowPrivateNetwork: false, resolveAll: dns });

  it("refuses private IP literals, bracketed or not", () => {
    for (const host of ["127.0.0.1", "10.0.0.1", "169.254.169.254", "[::1]", "::ffff:127.0.0.1", "0.0.0.0"]) {
      assert.throws(() => policy.checkHost(host), RefusedHostError, host);
    }
  });

  it("refuses metadata and private-namespace host names, with or without a trailing dot", () => {
    for (const host of [
      "metadata.google.internal",
      "METADATA.GOOGLE.INTERNAL.",
      "metadata",
      "printer.local",
      "x.internal",
    ]) {
      assert.throws(() => policy.checkHost(host), RefusedHostError, host);
    }
  });

  it("lets public literals and ordinary names through (names are checked again when resolved)", () => {
    policy.checkHost("93.184.216.34");
    policy.checkHost("www.example.com");
    policy.checkHost("localhost");
  });

  it("allows everything when allowPrivateNetwork is set", () => {
    const open = createNetworkPolicy({ allowPrivateNetwork: true });
    open.checkHost("127.0.0.1");
    open.checkHost("metadata.google.internal");
  });

  it("uses a custom predicate instead of the default rule", () => {
    const onlyLoopback = createNetworkPolicy({
      allowPrivateNetwork: false,
      isAddressAllowed: (classification) => classification.address === "127.0.0.1",
    });
    onlyLoopback.checkHost("127.0.0.1");
    assert.throws(() => onlyLoopback.checkHost("8.8.8.8"), RefusedHostError);
  });
});

describe("createNetworkPolicy.lookup (connect-time check)", () => {
  const policy = createNetworkPolicy({ allowPrivateNetwork: false, resolveAll: dns });

  it("returns public answers in both callback shapes", async () => {
    assert.deepEqual(await lookupAll(policy, "dual.example"), [
      { address: "93.184.216.34", family: 4 },
      { address: "2606:2800:220:1::1", family: 6 },
    ]);
    assert.deepEqual(await lookupOne(policy, "public.example"), ["93.184.216.34", 4]);
    assert.deepEqual(await lookupOne(policy, "dual.example", 6), ["2606:2800:220:1::1", 6]);
  });

  it("refuses a name that resolves to loopback or metadata addresses", async () => {
    await assert.rejects(lookupAll(policy, "rebind.example"), (error: unknown) => {
      assert.ok(error instanceof RefusedHostError);
      assert.equal(error.address, "127.0.0.1");
      assert.match(error.reason, /loopback/);
      return true;
    });
    await assert.rejects(lookupOne(policy, "metadata.example"), /link-local/);
  });

  it("refuses the whole name when any one answer is private", async () => {
    await assert.rejects(lookupAll(policy, "mixed.example"), /10\.0\.0\.7/);
  });

  it("passes DNS failures through unchanged", async () => {
    await assert.rejects(lookupAll(policy, "missing.example"), { code: "ENOTFOUND" });
  });

  it("refuses blocked names before asking DNS", async () => {
    let asked = false;
    const spying = createNetworkPolicy({
      allowPrivateNetwork: false,
      resolveAll: async () => {
        asked = true;
        return [{ address: "93.184.216.34", family: 4 }];
      },
    });
    await assert.rejects(lookupAll(spying, "metadata.google.internal"), RefusedHostError);
    assert.equal(asked, false);
  });

  it("accepts private answers when allowPrivateNetwork is set", async () => {
    const open = createNetworkPolicy({ allowPrivateNetwork: true, resolveAll: dns });
    assert.deepEqual(await lookupAll(open, "rebind.example"), [{ address: "127.0.0.1", family: 4 }]);
  });
});
