/**
 * One headless Chromium per process, launched on first use and shared by every browser capture
 * (each capture gets its own context, so cookies and storage never leak between documents).
 */
import { type Browser, chromium } from "playwright-core";

/**
 * Chromium switches. The proxy points at the discard port: every request is answered by our own route
 * handler (which applies the SSRF policy), so anything Chromium would try to fetch by itself (preconnect,
 * a request the route misses) goes to a dead end instead of the network. `<-loopback>` removes Chromium's
 * implicit proxy bypass for localhost.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--proxy-server=http://127.0.0.1:9",
  "--proxy-bypass-list=<-loopback>",
  "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
  "--disable-dev-shm-usage",
];

const browsers = new Map<string, Promise<Browser>>();

/** The shared browser for `executablePath`, launching it if needed (a crashed browser is relaunched). */
export function getBrowser(executablePath: string): Promise<Browser> {
  let launching = browsers.get(executablePath);
  if (launching === undefined) {
    launching = chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
    browsers.set(executablePath, launching);
    launching.then(
      (browser) => browser.on("disconnected", () => browsers.delete(executablePath)),
      () => browsers.delete(executablePath),
    );
  }
  return launching;
}

/** Closes the shared browser(s). Safe to call when none was launched; a later capture launches a new one. */
export async function closeBrowser(): Promise<void> {
  const launching = [...browsers.values()];
  browsers.clear();
  await Promise.all(
    launching.map(async (pending) => {
      try {
        await (await pending).close();
      } catch {
        // A browser that failed to launch or already died has nothing left to close.
      }
    }),
  );
}
