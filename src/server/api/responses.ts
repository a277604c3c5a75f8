/** Response declarations shared by every route of the OpenAPI description. */
import { z } from "@hono/zod-openapi";
import { ErrorSchema } from "./schemas.js";

const errors = {
  400: {
    description: "Invalid parameter; `details` names each one",
    content: { "application/json": { schema: ErrorSchema } },
  },
  404: { description: "No such record", content: { "application/json": { schema: ErrorSchema } } },
} as const;

/** 200 with a JSON body (plus the error responses). */
export function jsonOk<T extends z.ZodType>(schema: T, description: string) {
  return { 200: { description, content: { "application/json": { schema } } }, ...errors };
}

/** 200 with a JSON body or, on request, CSV (every listing). */
export function listOk<T extends z.ZodType>(schema: T, description: string) {
  return {
    200: {
      description: `${description}. CSV with \`?format=csv\` or \`Accept: text/csv\` (next page in the Link header).`,
      content: { "application/json": { schema }, "text/csv": { schema: z.string() } },
    },
    ...errors,
  };
}

/** Errors of the routes that need an API key. */
const keyErrors = {
  401: {
    description: "No API key, or one that is unknown or revoked (`WWW-Authenticate: Bearer`)",
    content: { "application/json": { schema: ErrorSchema } },
  },
} as const;

/** Errors of the write routes, which are rate-limited per key. */
const writeErrors = {
  ...keyErrors,
  429: {
    description: "Too many writes with this key; `Retry-After` says when to try again",
    content: { "application/json": { schema: ErrorSchema } },
  },
} as const;

/** 200 with a JSON body, for a caller with an API key. */
export function keyedOk<T extends z.ZodType>(schema: T, description: string) {
  return { ...jsonOk(schema, description), ...keyErrors };
}

/** 201 with the created record, for a caller with an API key. */
export function keyedCreated<T extends z.ZodType>(schema: T, description: string) {
  return {
    201: { description, content: { "application/json": { schema } } },
    ...errors,
    413: {
      description: "The body is larger than 64 KiB",
      content: { "application/json": { schema: ErrorSchema } },
    },
    415: {
      description: "The body is not `application/json`",
      content: { "application/json": { schema: ErrorSchema } },
    },
    ...writeErrors,
  };
}

/** 204 without a body, for a caller with an API key. */
export function keyedNoContent(description: string) {
  return { 204: { description }, ...errors, ...writeErrors };
}
