import type { Child } from "hono/jsx";

/** A column header of a numeric column (right-aligned like its cells). */
export function NumHeader(props: { children: Child }) {
  return (
    <th scope="col" class="num">
      {props.children}
    </th>
  );
}
