/** A provision's own history: every archived version in which its stable key appears. */
import { formatRecordId } from "../../citations/index.js";
import type { ProvisionAppearance } from "../../store/queries/index.js";
import { formatDate, plural } from "../format.js";

export function ProvisionHistory(props: { history: ProvisionAppearance[]; currentId: number }) {
  const { history } = props;
  const p = { id: props.currentId };
  const firstSeen = history[0];
  const lastChanged = [...history].reverse().find((h) => h.changed);
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">History of this provision</h2>
      <p>
        {`First seen ${formatDate(firstSeen?.recordedAt)}, last changed ${formatDate(lastChanged?.recordedAt)}, present in ${plural(history.length, "archived version")}.`}
      </p>
      <ol>
        {history.map((h) => (
          <li>
            <a
              href={`/provisions/${h.provisionId}`}
              aria-current={h.provisionId === p.id ? "page" : undefined}
            >
              {formatDate(h.recordedAt)}
            </a>{" "}
            {h.changed ? (h === firstSeen ? "first appears" : "text changed") : "unchanged"}
            {h.changeRecordId && h.changed && h !== firstSeen ? (
              <>
                {" "}
                (<a href={`/changes/${h.changeRecordId}`}>{formatRecordId("change", h.changeRecordId)}</a>)
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
