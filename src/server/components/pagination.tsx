/** Previous / next links that keep the current filters. */

/** Builds a URL with the given query parameters (empty values dropped). */
export function withQuery(
  path: string,
  params: Record<string, string | number | undefined | null | string[]>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, v);
    else search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export function Pager(props: {
  previous?: string | null;
  next?: string | null;
  label: string;
  previousLabel?: string;
}) {
  if (!props.previous && !props.next) return null;
  return (
    <nav class="pager" aria-label={props.label}>
      {props.previous ? (
        <a href={props.previous} rel="prev">
          ← {props.previousLabel ?? "Previous page"}
        </a>
      ) : null}
      {props.next ? (
        <a href={props.next} rel="next">
          Next page →
        </a>
      ) : null}
    </nav>
  );
}
