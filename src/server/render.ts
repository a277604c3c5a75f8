/** Renders a page component to a complete HTML document. */
import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The HTML text of a page element, with its doctype. */
export async function toHtml(page: JSX.Element): Promise<string> {
  return `<!DOCTYPE html>${String(await page)}`;
}

/** An HTML response of a page element. */
export async function html(
  c: Context,
  page: JSX.Element,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  return c.html(await toHtml(page), status);
}
