/**
 * The JSON of `/api/v1/versions/{id}`, streamed: the version's text (up to tens of megabytes) is written part
 * by part as it is read, so a request holds a chunk of it, not the whole text and its JSON copy. The bytes are
 * those `JSON.stringify` gives for the whole object: parts never split a surrogate pair, so escaping each part
 * alone escapes the same characters the same way.
 */
import type { Context, TypedResponse } from "hono";
import { formatRecordId } from "../../citations/index.js";
import type { VersionDetail, VersionText } from "../../store/queries/index.js";

/** `{"data":{…version, "text": …, evidence, analysis, recordId}}`, in the key order the API always had. */
export function versionJsonResponse<Json>(
  c: Context,
  version: VersionDetail,
  text: VersionText,
): Response & TypedResponse<Json, 200, "json"> {
  const { evidence, analysis, ...head } = version;
  const tail = { evidence, analysis, recordId: formatRecordId("version", version.id) };
  const encoder = new TextEncoder();
  async function* body(): AsyncGenerator<Uint8Array> {
    yield encoder.encode(`{"data":${JSON.stringify(head).slice(0, -1)},"text":"`);
    for await (const part of text.parts()) yield encoder.encode(JSON.stringify(part).slice(1, -1));
    yield encoder.encode(`",${JSON.stringify(tail).slice(1)}}`);
  }
  const parts = body();
  // Pulled part by part: the next part is read only when the client has taken the previous one.
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
  // Typed as the route's JSON (`Json`, inferred from the route), which is what the stream holds.
  return c.body(stream, 200, { "content-type": "application/json" }) as Response as Response &
    TypedResponse<Json, 200, "json">;
}
