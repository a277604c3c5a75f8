import cliProgress from "cli-progress";

/** A progress bar on a terminal; silent when stderr is piped, so logs stay clean. */
export interface Progress {
  update(done: number, label?: string): void;
  stop(): void;
}

export function startProgress(total: number, title: string): Progress {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {value}/{total} {label}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: "" });
  return {
    update: (done, label = "") => bar.update(done, { label }),
    stop: () => bar.stop(),
  };
}
