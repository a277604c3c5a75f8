/**
 * Validation of path and query parameters, shared by pages and API so both accept exactly the same
 * inputs and reject the rest with the same clear 400 messages.
 */
import { z } from "zod";
import { badRequest } from "./http-errors.js";
import { ClauseTypeText, DateText, IdText, plainText, SlugText } from "./param-primitives.js";

export const SEVERITIES = ["high", "medium", "low"] as const;
export const CHANGE_KINDS = ["substantive", "minor", "technical"] as const;

/** A database id in a path, as a number (see {@link IdText}). */
export const IdParam = IdText.transform(Number);

export const SlugParam = SlugText;

export const ClauseTypeId = ClauseTypeText;

export const DateParam = DateText;

const Severity = z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(", ")}` });
const Kind = z.enum(CHANGE_KINDS, { error: `must be one of ${CHANGE_KINDS.join(", ")}` });
const Scope = z.enum(["current", "all"], { error: "must be current or all" });
const Page = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/, "must be a page number from 1")
  .transform(Number);
const Limit = z
  .string()
  .regex(/^[0-9]{1,4}$/, "must be a whole number")
  .transform(Number)
  .refine((n) => n >= 1 && n <= 200, "must be between 1 and 200");
const Cursor = plainText(200).min(1);
const Format = z.enum(["json", "csv"], { error: "must be json or csv" });

/** Empty strings from GET forms mean "no filter". */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
}

export const PlatformPageQuery = z.object({
  severity: optional(Severity),
  type: optional(ClauseTypeId),
  page: optional(Page),
});

export const DocumentPageQuery = z.object({ version: optional(IdParam), page: optional(Page) });

export const ChangesQuery = z.object({
  platform: optional(SlugParam),
  severity: optional(Severity),
  kind: optional(Kind),
  since: optional(DateParam),
  until: optional(DateParam),
  cursor: optional(Cursor),
  limit: optional(Limit),
  format: optional(Format),
});

export const SearchQuery = z.object({
  q: optional(plainText(200)),
  type: optional(ClauseTypeId),
  severity: optional(Severity),
  platform: optional(SlugParam),
  since: optional(DateParam),
  until: optional(DateParam),
  scope: optional(Scope),
  page: optional(Page),
  limit: optional(Limit),
  format: optional(Format),
});

/** 2–4 platform slugs, given as repeated `p` parameters or one comma-separated value. */
export const CompareSlugs = z
  .array(SlugParam)
  .max(4, "compare at most 4 platforms")
  .refine((a) => new Set(a).size === a.length, "lists a platform twice");

export const ProvisionsQuery = z.object({
  platform: optional(SlugParam),
  document: optional(IdParam),
  version: optional(IdParam),
  type: optional(ClauseTypeId),
  severity: optional(Severity),
  scope: optional(Scope),
  cursor: optional(IdParam),
  limit: optional(Limit),
  format: optional(Format),
});

export const ListQuery = z.object({ format: optional(Format) });

export const DocumentsQuery = z.object({
  platform: optional(SlugParam),
  cursor: optional(IdParam),
  limit: optional(Limit),
  format: optional(Format),
});

/** One line per problem: "severity: must be one of high, medium, low". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : "request";
    return `${where}: ${issue.message}`;
  });
}

/** Validates input against a schema or throws a 400 naming every bad parameter. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what = "query parameters",
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest(`Invalid ${what}`, describeIssues(result.error));
  return result.data;
}

/** Splits repeated and comma-separated values of a multi-valued parameter. */
export function multiValues(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}
