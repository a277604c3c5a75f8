/** Reviewers' verdicts on a provision's clause types (recorded with `clausewatch review`), newest last. */
import type { Review } from "../../model/index.js";
import { formatDate } from "../format.js";
import { clauseTypeName, type Knowledge } from "../knowledge.js";

const VERDICT_TEXT: Record<Review["verdict"], string> = {
  confirm: "confirmed",
  reject: "rejected",
  relabel: "relabelled",
  add: "added",
};

export function ReviewSection(props: { reviews: readonly Review[]; knowledge: Knowledge }) {
  const k = props.knowledge;
  return (
    <section aria-labelledby="reviews-h">
      <h2 id="reviews-h">Reviewer verdicts</h2>
      <p class="hint">
        People who checked the machine's reading of this text. Their verdicts replace it at once (the
        classifications marked "reviewer", the grade, comparisons and change records) and are used the next
        time the classifier is trained.
      </p>
      <ul>
        {props.reviews.map((r) => (
          <li>
            <time datetime={r.createdAt}>{formatDate(r.createdAt)}</time>: {r.reviewer}{" "}
            {VERDICT_TEXT[r.verdict]}{" "}
            <a href={`/clause-types/${r.clauseType}`}>{clauseTypeName(k, r.clauseType)}</a>
            {r.newType ? (
              <>
                {" "}
                as <a href={`/clause-types/${r.newType}`}>{clauseTypeName(k, r.newType)}</a>
              </>
            ) : null}
            {r.polarity ? `; polarity ${r.polarity}` : null}
            {r.note ? ` (“${r.note}”)` : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
