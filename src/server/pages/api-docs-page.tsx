/**
 * Browsable API reference, rendered on the server from the OpenAPI document itself (so it cannot drift from
 * the API), with a GET form per public operation: it works without JavaScript and under the strict CSP.
 */
import type { OpenApiDocument } from "../api/create-api.js";
import { PATH_FIELD } from "../api/try-it-location.js";
import { Layout } from "../components/layout.js";

interface ParameterInfo {
  name: string;
  in: string;
  required: boolean;
  description: string;
  type: string;
  example: string | undefined;
  /** The allowed values of an enum parameter, offered as a select; null for free input. */
  choices: string[] | null;
}

interface OperationInfo {
  id: string;
  method: string;
  path: string;
  summary: string;
  tag: string;
  parameters: ParameterInfo[];
  responses: { status: string; description: string; media: string[] }[];
  /** True when the operation needs an API key. */
  keyed: boolean;
  /** The named schema of a JSON request body, if it takes one. */
  body: string | null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function describeSchema(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map(String).join(", ")}`;
  const type = str(schema.type) || "string";
  return schema.pattern ? `${type} matching ${str(schema.pattern)}` : type;
}

/** Flattens the OpenAPI document into what the page lists. */
export function operationsOf(doc: OpenApiDocument): OperationInfo[] {
  const out: OperationInfo[] = [];
  for (const [path, item] of Object.entries(record(doc.paths))) {
    for (const [method, op] of Object.entries(record(item))) {
      const operation = record(op);
      const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).map(
        (p): ParameterInfo => {
          const param = record(p);
          const schema = record(param.schema);
          const example = param.example ?? schema.example;
          return {
            name: str(param.name),
            in: str(param.in),
            required: param.required === true,
            description: str(param.description) || str(schema.description),
            type: describeSchema(schema),
            example: example === undefined ? undefined : String(example),
            choices: Array.isArray(schema.enum) ? schema.enum.map(String) : null,
          };
        },
      );
      const responses = Object.entries(record(operation.responses)).map(([status, r]) => ({
        status,
        description: str(record(r).description),
        media: Object.keys(record(record(r).content)),
      }));
      const tags = Array.isArray(operation.tags) ? operation.tags.map(String) : [];
      const bodySchema = record(
        record(record(record(operation.requestBody).content)["application/json"]).schema,
      );
      out.push({
        id: `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, ""),
        method: method.toUpperCase(),
        path,
        summary: str(operation.summary),
        tag: tags[0] ?? "Other",
        parameters,
        responses,
        keyed: Array.isArray(operation.security) && operation.security.length > 0,
        body: str(bodySchema.$ref).split("/").pop() || null,
      });
    }
  }
  return out;
}

/** Description text with its `backtick` spans as code; JSX escapes both. */
function Described(props: { text: string }) {
  // split with a capture group alternates plain text (even indices) and code spans (odd indices).
  return <>{props.text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>;
}

/** A "Try it" field: a choice of values for an enum, else free text with the example as placeholder. */
function ParameterField(props: { op: OperationInfo; param: ParameterInfo; name: string }) {
  const { param } = props;
  const id = `${props.op.id}-${param.name}`;
  return (
    <label for={id}>
      {param.name}
      {param.choices ? (
        <select id={id} name={props.name}>
          <option value="">(default)</option>
          {param.choices.map((c) => (
            <option value={c}>{c}</option>
          ))}
        </select>
      ) : (
        <input id={id} name={props.name} placeholder={param.example ?? ""} required={param.required} />
      )}
    </label>
  );
}

function Operation(props: { op: OperationInfo; base: string }) {
  const { op } = props;
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  // A browser form can only send a GET without a key; path fields go through /api/docs/try (no script).
  const tryable = op.method === "GET" && !op.keyed;
  return (
    <section class="card" aria-labelledby={op.id}>
      <h3 id={op.id}>
        <code>
          {op.method} {props.base}
          {op.path}
        </code>
      </h3>
      <p>
        <Described text={op.summary} />
      </p>
      {op.keyed ? (
        <p>
          Needs an API key: <code>{"Authorization: Bearer <key>"}</code>.
        </p>
      ) : null}
      {op.body ? (
        <p>
          Body: JSON, schema <code>{op.body}</code> in <a href="/api/openapi.json">openapi.json</a>.
        </p>
      ) : null}
      {op.parameters.length > 0 ? (
        <table>
          <caption class="visually-hidden">Parameters of {op.path}</caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">In</th>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {op.parameters.map((p) => (
              <tr>
                <th scope="row">
                  <code>{p.name}</code>
                  {p.required ? " (required)" : ""}
                </th>
                <td>{p.in}</td>
                <td>{p.type}</td>
                <td>
                  <Described text={p.description} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ul>
        {op.responses.map((r) => (
          <li>
            <strong>{r.status}</strong>: <Described text={r.description} />
            {r.media.length > 0 ? ` (${r.media.join(", ")})` : ""}
          </li>
        ))}
      </ul>
      {tryable ? (
        <form
          class="filters"
          method="get"
          action={pathParams.length > 0 ? `${props.base}/docs/try` : `${props.base}${op.path}`}
          aria-label={`Try ${op.method} ${op.path}`}
        >
          {pathParams.length > 0 ? <input type="hidden" name="operation" value={op.path} /> : null}
          {pathParams.map((p) => (
            <ParameterField op={op} param={p} name={`${PATH_FIELD}${p.name}`} />
          ))}
          {queryParams.map((p) => (
            <ParameterField op={op} param={p} name={p.name} />
          ))}
          <button type="submit">Try it</button>
        </form>
      ) : null}
    </section>
  );
}

export function ApiDocsPage(props: { doc: OpenApiDocument }) {
  const ops = operationsOf(props.doc);
  const tags = [...new Set(ops.map((o) => o.tag))];
  const base = "/api";
  return (
    <Layout title="API reference" section="api" description="HTTP API of ClauseWatch.">
      <h1>{props.doc.info.title}</h1>
      <p class="lede">
        <Described text={props.doc.info.description ?? ""} />
      </p>
      <p>
        Machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI{" "}
        {props.doc.openapi}). Empty form fields are left out; leave them blank to use the defaults.
      </p>
      <nav aria-label="API sections">
        <ul class="legend">
          {tags.map((t) => (
            <li>
              <a href={`#tag-${t.replace(/\W+/g, "-")}`}>{t}</a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((t) => (
        <section aria-labelledby={`tag-${t.replace(/\W+/g, "-")}`}>
          <h2 id={`tag-${t.replace(/\W+/g, "-")}`}>{t}</h2>
          <div class="cards">
            {ops
              .filter((o) => o.tag === t)
              .map((o) => (
                <Operation op={o} base={base} />
              ))}
          </div>
        </section>
      ))}
    </Layout>
  );
}
