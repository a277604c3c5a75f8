import { ChangeItem } from "../components/change-item.js";
import { ChangesChart } from "../components/changes-chart.js";
import { Layout } from "../components/layout.js";
import { PlatformTable } from "../components/platform-table.js";
import { ProvisionCard } from "../components/provision-card.js";
import { SITE_FEED } from "../feeds.js";
import { formatDate } from "../format.js";
import type { Knowledge } from "../knowledge.js";
import type { HomeView } from "../views/home-view.js";

export function HomePage(props: { view: HomeView; knowledge: Knowledge }) {
  const { counts, recentChanges, severe, added, platforms, months } = props.view;
  return (
    <Layout
      title="Dashboard"
      section="home"
      feed={SITE_FEED}
      description="Independent monitoring of platforms' privacy policies and terms."
    >
      <h1>What platforms' terms say, and what changed</h1>
      <p class="lede">
        Every version archived with its SHA-256 and a tamper-evident chain; every provision classified with
        its evidence. Latest capture: {formatDate(counts.lastRecordedAt)}.
      </p>
      <ul class="stats" aria-label="Archive figures">
        <li>
          <b>{counts.platforms}</b> platforms
        </li>
        <li>
          <b>{counts.documents}</b> documents
        </li>
        <li>
          <b>{counts.versions}</b> versions archived
        </li>
        <li>
          <b>{counts.currentProvisions}</b> provisions in force
        </li>
        <li>
          <b>{counts.substantiveChanges}</b> substantive changes
        </li>
        <li>
          <b>{counts.changes}</b> change records
        </li>
      </ul>
      <div class="grid2">
        <section aria-labelledby="recent-h">
          <h2 id="recent-h">Recent substantive changes</h2>
          {recentChanges.length === 0 ? (
            <p class="note">No substantive change recorded yet.</p>
          ) : (
            <ul class="cards">
              {recentChanges.map((c) => (
                <ChangeItem change={c} maxLines={2} />
              ))}
            </ul>
          )}
          <p>
            <a href="/changes">All change records</a>
          </p>
        </section>
        <section aria-labelledby="added-h">
          <h2 id="added-h">New provisions, most severe first</h2>
          <p class="hint">Added by the latest changes and still in force.</p>
          {added.length === 0 ? (
            <p class="note">No recent change added a flagged provision.</p>
          ) : (
            <ul class="cards">
              {added.map((p) => (
                <ProvisionCard provision={p} knowledge={props.knowledge} excerptChars={220} />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="severe-h">
          <h2 id="severe-h">Most severe provisions in force</h2>
          <p class="hint">The most severe provision of each platform.</p>
          {severe.length === 0 ? (
            <p class="note">No provision has been flagged.</p>
          ) : (
            <ul class="cards">
              {severe.map((p) => (
                <ProvisionCard provision={p} knowledge={props.knowledge} excerptChars={220} />
              ))}
            </ul>
          )}
        </section>
      </div>
      <section aria-labelledby="chart-h">
        <h2 id="chart-h">Changes per month, by severity</h2>
        <ChangesChart
          data={months}
          id="home-chart"
          title="Change records per month across all platforms, by severity"
        />
      </section>
      <section aria-labelledby="platforms-h">
        <h2 id="platforms-h">Platforms tracked</h2>
        <PlatformTable platforms={platforms} />
      </section>
    </Layout>
  );
}
