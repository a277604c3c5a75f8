/**
 * Test support: separate "machines" on one host, as Linux network namespaces. Each has its own loopback (so
 * 127.0.0.1 inside is not the host's: the host's PostgreSQL is out of reach) and a veth pair to the host. The
 * host offers services to all of them at one address (`serviceAddress`, the host end of the first machine's
 * link; the others route to it through their own link), through TCP relays that run in the test process.
 * Needs root (CAP_NET_ADMIN) and iproute2's `ip`.
 */
import { execFile } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { type AddressInfo, connect, createServer, type Server, type Socket } from "node:net";
import { promisify } from "node:util";

const run = promisify(execFile);
const ip = (...args: string[]) => run("ip", args);

/** One namespace with its link to the host. */
export interface Machine {
  /** The namespace's name, for `ip netns exec`. */
  namespace: string;
  /** The machine's address on its link, which the host reaches. */
  address: string;
  /** `ip netns exec <namespace>`: prefix a command with this to run it on the machine. */
  exec: string[];
}

/** A set of machines and the host address they all reach. */
export interface Network {
  machines: Machine[];
  serviceAddress: string;
  /** Deletes every namespace and link (idempotent). */
  dispose(): Promise<void>;
}

/** Why namespaces cannot be made here, or null when they can. */
export async function namespacesUnavailable(): Promise<string | null> {
  if (process.getuid?.() !== 0) return "network namespaces need root (ip netns add)";
  try {
    await ip("-V");
  } catch {
    return "iproute2's ip command is not installed";
  }
  return null;
}

/** Creates `count` machines, each on its own /30 link to the host. */
export async function createNetwork(count: number): Promise<Network> {
  const tag = randomBytes(3).toString("hex");
  // 10.<random>.<machine>.0/30: host end .1, machine end .2; random so concurrent runs do not collide.
  const second = randomInt(64, 250);
  const machines: Machine[] = [];
  const links: string[] = [];
  const dispose = async () => {
    for (const link of links) await ip("link", "del", link).catch(() => undefined);
    for (const m of machines) await ip("netns", "del", m.namespace).catch(() => undefined);
  };
  try {
    for (let i = 1; i <= count; i++) {
      const namespace = `cw-${tag}-${i}`;
      const hostEnd = `cw${tag}${i}h`;
      const machineEnd = `cw${tag}${i}m`;
      const subnet = `10.${second}.${i}`;
      await ip("netns", "add", namespace);
      machines.push({ namespace, address: `${subnet}.2`, exec: ["ip", "netns", "exec", namespace] });
      await ip("link", "add", hostEnd, "type", "veth", "peer", "name", machineEnd);
      links.push(hostEnd);
      await ip("link", "set", machineEnd, "netns", namespace);
      await ip("addr", "add", `${subnet}.1/30`, "dev", hostEnd);
      await ip("link", "set", hostEnd, "up");
      const inside = (...args: string[]) => ip("netns", "exec", namespace, "ip", ...args);
      await inside("link", "set", "lo", "up");
      await inside("addr", "add", `${subnet}.2/30`, "dev", machineEnd);
      await inside("link", "set", machineEnd, "up");
      await inside("route", "add", "default", "via", `${subnet}.1`);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { machines, serviceAddress: `10.${second}.1.1`, dispose };
}

/** A TCP relay from `host`:(ephemeral port) to 127.0.0.1:`targetPort`. */
export interface Relay {
  port: number;
  close(): Promise<void>;
}

/** Relays connections made to `host` on to a loopback service (the host's PostgreSQL listens on 127.0.0.1 only). */
export async function startRelay(host: string, targetPort: number): Promise<Relay> {
  const open = new Set<Socket>();
  const server: Server = createServer((incoming) => {
    const outgoing = connect(targetPort, "127.0.0.1");
    open.add(incoming).add(outgoing);
    incoming.pipe(outgoing).pipe(incoming);
    const end = () => {
      incoming.destroy();
      outgoing.destroy();
      open.delete(incoming);
      open.delete(outgoing);
    };
    incoming.on("error", end).on("close", end);
    outgoing.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
      }),
  };
}
