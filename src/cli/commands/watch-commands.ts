/** `clausewatch watch add|list|remove` and `clausewatch alerts deliver`: watchlists and their alerts. */
import type { Command } from "commander";
import { DEFAULT_PUBLIC_URL } from "../../config.js";
import { loadTaxonomy } from "../../knowledge/index.js";
import type { AlertChannel, ChangeKind, Severity, Watchlist } from "../../model/index.js";
import {
  configuredSenders,
  createWatchlist,
  DEFAULT_WATCH_FILTER,
  deliverAlerts,
  InvalidTargetError,
  InvalidWatchlistError,
  watchlistFeedUrl,
} from "../../notify/index.js";
import { slugify } from "../../store/index.js";
import { escapeControls } from "../../util/unsafe-text.js";
import { CliError, withContext } from "../context.js";

const KINDS: readonly ChangeKind[] = ["substantive", "minor", "technical"];
const SEVERITIES: readonly Severity[] = ["low", "medium", "high"];

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new CliError(`invalid ${what}: ${value} (one of ${allowed.join(", ")})`);
  return value as T;
}

/** Where a watchlist's alerts go, from the one channel option given. */
function channelOf(opts: { webhook?: string; email?: string; atom?: boolean }): {
  channel: AlertChannel;
  target: string | null;
} {
  const given = [opts.webhook && "--webhook", opts.email && "--email", opts.atom && "--atom"].filter(Boolean);
  if (given.length !== 1)
    throw new CliError("give exactly one of --webhook <url>, --email <address>, --atom");
  if (opts.webhook) return { channel: "webhook", target: opts.webhook };
  if (opts.email) return { channel: "email", target: opts.email };
  return { channel: "atom", target: null };
}

interface AddOptions {
  platform: string[];
  type: string[];
  clauseType: string[];
  kind: string[];
  minSeverity: string;
  webhook?: string;
  email?: string;
  atom?: boolean;
  weekly?: boolean;
  json?: boolean;
}

export function registerWatchCommands(program: Command): void {
  const watch = program.command("watch").description("watchlists: which changes alert whom, and how");

  watch
    .command("add")
    .description("create a watchlist; it alerts on changes recorded from now on")
    .argument("<name>", "a name for the watchlist")
    .option("--platform <slug>", "only this platform (repeatable)", collect, [])
    .option("--type <terms type>", 'only this document type, e.g. "Privacy Policy" (repeatable)', collect, [])
    .option("--clause-type <id>", "only changes touching this clause type (repeatable)", collect, [])
    .option("--kind <kind>", "kinds that alert: substantive, minor, technical (repeatable)", collect, [])
    .option("--min-severity <severity>", "lowest severity that alerts: low, medium, high", "low")
    .option("--webhook <url>", "POST signed JSON to this URL")
    .option("--email <address>", "send e-mails to this address (needs CLAUSEWATCH_SMTP_URL)")
    .option("--atom", "publish a private Atom feed")
    .option("--weekly", "one digest a week instead of one alert per change")
    .option("--json", "print JSON")
    .action(async (name: string, opts: AddOptions) => {
      const { channel, target } = channelOf(opts);
      const taxonomy = loadTaxonomy();
      const unknown = opts.clauseType.filter((id) => !taxonomy.byId.has(id));
      if (unknown.length > 0)
        throw new CliError(`unknown clause type: ${unknown.join(", ")} (see: clausewatch taxonomy)`);
      const filter = {
        platforms: opts.platform.map(slugify),
        termsTypes: opts.type,
        clauseTypes: opts.clauseType,
        kinds:
          opts.kind.length > 0 ? opts.kind.map((k) => oneOf(k, KINDS, "--kind")) : DEFAULT_WATCH_FILTER.kinds,
        minSeverity: oneOf(opts.minSeverity, SEVERITIES, "--min-severity"),
      };
      await withContext(async ({ store, config }) => {
        for (const slug of opts.platform)
          if (!(await store.platforms.find(slug)))
            console.error(`note: no platform "${slug}" is tracked yet; the watchlist will wait for it`);
        let watchlist: Watchlist;
        try {
          watchlist = await createWatchlist(
            store,
            { name, channel, target, cadence: opts.weekly ? "weekly" : "immediate", filter },
            { allowPrivateNetwork: config.allowPrivateNetwork },
          );
        } catch (error) {
          if (error instanceof InvalidTargetError || error instanceof InvalidWatchlistError)
            throw new CliError(error.message);
          throw error;
        }
        const feed =
          channel === "atom" ? watchlistFeedUrl(config.publicUrl ?? DEFAULT_PUBLIC_URL, watchlist) : null;
        if (opts.json) {
          console.log(JSON.stringify({ ...watchlist, feedUrl: feed }, null, 2));
          return;
        }
        console.log(
          `watchlist #${watchlist.id} "${watchlist.name}" created (${channel}, ${watchlist.cadence})`,
        );
        if (feed) console.log(`feed (keep it private): ${feed}`);
        if (channel === "webhook")
          console.log(
            `webhook secret (HMAC-SHA256 of the body, header X-ClauseWatch-Signature): ${watchlist.secret}`,
          );
      });
    });

  watch
    .command("list")
    .description("watchlists with their alerts delivered, pending and failing")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await withContext(async ({ store }) => {
        const rows = [];
        // The secret is shown once, at creation: listings may end up in logs.
        for (const { secret: _secret, ...w } of await store.watchlists.list())
          rows.push({ ...w, alerts: await store.alerts.counts(w.id) });
        if (opts.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        if (rows.length === 0) console.log("no watchlists (create one with: clausewatch watch add)");
        for (const w of rows) {
          const { delivered, pending, failing, lastError } = w.alerts;
          // Stored before names were checked, or an error message quoting a server: never raw on a terminal.
          console.log(
            escapeControls(
              `#${w.id} ${w.name}: ${w.channel}${w.target ? ` ${w.target}` : ""}, ${w.cadence}${w.ownerKeyId ? `, API key #${w.ownerKeyId}` : ""}; ${delivered} delivered, ${pending} pending${failing ? `, ${failing} failing (${lastError})` : ""}`,
            ),
          );
        }
      });
    });

  watch
    .command("remove")
    .description("delete a watchlist and its alerts")
    .argument("<id>", "watchlist number")
    .action(async (id: string) => {
      await withContext(async ({ store }) => {
        if (!/^\d+$/.test(id) || !(await store.watchlists.remove(Number(id))))
          throw new CliError(`no watchlist #${id}`);
        console.log(`watchlist #${id} removed`);
      });
    });

  program
    .command("alerts")
    .description("alert delivery")
    .command("deliver")
    .description("send the alerts and weekly digests that are due, once (serve does this every minute)")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await withContext(async ({ store, config }) => {
        const { senders, close } = configuredSenders(config);
        try {
          const report = await deliverAlerts(store, {
            senders,
            baseUrl: config.publicUrl ?? DEFAULT_PUBLIC_URL,
          });
          console.log(
            opts.json
              ? JSON.stringify(report)
              : `${report.delivered} alerts delivered (${report.digests} digests), ${report.failed} failed and kept for retry`,
          );
        } finally {
          await close();
        }
      });
    });
}
