import type { PlatformListItem } from "../../store/queries/index.js";
import { Layout } from "../components/layout.js";
import { PlatformTable } from "../components/platform-table.js";

export function PlatformsPage(props: { platforms: PlatformListItem[] }) {
  return (
    <Layout
      title="Platforms"
      section="platforms"
      description="Every platform tracked, with grades and activity."
    >
      <h1>Platforms</h1>
      <p class="lede">
        {props.platforms.length} platforms. Counts are provisions in force, by severity.{" "}
        <a href="/api/v1/platforms?format=csv">CSV</a>
      </p>
      <PlatformTable platforms={props.platforms} platformGrade />
    </Layout>
  );
}
