import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type AddressRange, classifyAddress } from "./address-classifier.js";

function rangeOf(address: string): AddressRange | undefined {
  return classifyAddress(address)?.range;
}

describe("classifyAddress", () => {
  it("accepts ordinary public addresses", () => {
    for (const address of [
      "93.184.216.34",
      "8.8.8.8",
      "1.1.1.1",
      "172.32.0.1",
      "100.128.0.1",
      "2606:4700::1111",
    ]) {
      assert.equal(classifyAddress(address)?.isPublic, true, address);
    }
  });

  it("refuses IPv4 loopback, private, link-local, CGNAT, this-network, multicast and reserved space", () => {
    const cases: Array<[string, AddressRange]> = [
      ["127.0.0.1", "loopback"],
      ["127.255.255.254", "loopback"],
      ["10.0.0.1", "private"],
      ["172.16.0.1", "private"],
      ["172.31.255.255", "private"],
      ["192.168.1.1", "private"],
      ["169.254.169.254", "link-local"],
      ["100.64.0.1", "shared"],
      ["100.127.255.255", "shared"],
      ["0.0.0.0", "unspecified"],
      ["0.1.2.3", "unspecified"],
      ["224.0.0.1", "multicast"],
      ["239.255.255.250", "multicast"],
      ["255.255.255.255", "broadcast"],
      ["240.0.0.1", "reserved"],
      ["192.0.0.8", "reserved"],
      ["192.0.2.1", "documentation"],
      ["198.18.0.1", "benchmarking"],
    ];
    for (const [address, range] of cases) {
      assert.equal(rangeOf(address), range, address);
      assert.equal(classifyAddress(address)?.isPublic, false, address);
    }
  });

  it("refuses IPv6 loopback, unspecified, unique-local, link-local, multicast and non-global space", () => {
    const cases: Array<[string, AddressRange]> = [
      ["::1", "loopback"],
      ["0:0:0:0:0:0:0:1", "loopback"],
      ["::", "unspecified"],
      ["fc00::1", "private"],
      ["fd12:3456:789a::1", "private"],
      ["fe80::1", "link-local"],
      ["fe80::1%eth0", "link-local"],
      ["febf::1", "link-local"],
      ["ff02::1", "multicast"],
      ["2001:db8::1", "documentation"],
      ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"],
      ["100::1", "reserved"],
      ["::1.2.3.4", "reserved"],
      ["1234::1", "reserved"],
    ];
    for (const [address, range] of cases) assert.equal(rangeOf(address), range, address);
  });

  it("judges IPv4-mapped, NAT64 and 6to4 addresses by the IPv4 address they carry", () => {
    assert.equal(rangeOf("::ffff:127.0.0.1"), "loopback");
    assert.equal(rangeOf("::ffff:7f00:1"), "loopback");
    assert.equal(rangeOf("[::ffff:169.254.169.254]"), "link-local");
    assert.equal(rangeOf("::ffff:a00:1"), "private");
    assert.equal(rangeOf("0:0:0:0:0:ffff:c0a8:0101"), "private");
    assert.equal(rangeOf("64:ff9b::10.0.0.1"), "private");
    assert.equal(rangeOf("2002:7f00:1::"), "loopback");
    assert.equal(classifyAddress("::ffff:8.8.8.8")?.isPublic, true);
    assert.equal(classifyAddress("::ffff:8.8.8.8")?.embeddedIPv4, "8.8.8.8");
    assert.equal(classifyAddress("64:ff9b::8.8.8.8")?.isPublic, true);
    assert.equal(classifyAddress("2002:0808:0808::1")?.isPublic, true);
  });

  it("accepts bracketed IPv6 and reports the version", () => {
    assert.deepEqual(classifyAddress("[::1]"), {
      address: "::1",
      version: 6,
      range: "loopback",
      isPublic: false,
      embeddedIPv4: null,
    });
    assert.equal(classifyAddress("8.8.4.4")?.version, 4);
  });

  it("returns null for anything that is not an IP literal", () => {
    for (const text of ["localhost", "example.com", "127.1", "0x7f000001", "1.2.3", "::ffff:1.2.3", ""]) {
      assert.equal(classifyAddress(text), null, text);
    }
  });
});
