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
