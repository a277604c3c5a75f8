/**
 * One zod primitive per kind of parameter, as text as it arrives, shared by the pages (src/server/params.ts)
 * and the API (src/server/api/schemas.ts): both accept exactly the same values and refuse the rest with the
 * same 400 message, before anything reaches SQL.
 */
import { z } from "zod";
import { MAX_ROW_ID } from "../store/row-id.js";
import { unsafeCharacterIn } from "../util/unsafe-text.js";

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A row id: a whole number from 1 to 2147483647 (PostgreSQL `integer`), without leading zeros. */
export const IdText = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, `must be a whole number from 1 to ${MAX_ROW_ID}`)
  .refine((s) => Number(s) <= MAX_ROW_ID, `must be a whole number from 1 to ${MAX_ROW_ID}`);

/** A permanent record ID, `CW-<D|V|P|C>-<id>` (case-insensitive), its id in the row id range. */
export const RecordIdText = z
  .string()
  .regex(/^[Cc][Ww]-[DVPCdvpc]-[1-9][0-9]{0,9}$/, "must be a record ID such as CW-P-42")
  .refine((s) => Number(s.slice(5)) <= MAX_ROW_ID, `its number must be at most ${MAX_ROW_ID}`);

export const SlugText = z.string().regex(SLUG, "must be a platform slug such as github or hugging-face");

export const ClauseTypeText = z.string().regex(SLUG, "must be a clause type id such as sharing-affiliates");

/** A calendar date, "YYYY-MM-DD". */
export const DateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "is not a real date");

/** Free text (a search query, a terms type) of at most `max` characters, without control characters. */
export function plainText(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .superRefine((s, ctx) => {
      const problem = unsafeCharacterIn(s, { bidi: false });
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/** A name people read (a watchlist's): 1–200 characters, no control characters and no bidirectional controls. */
export const NameText = z
  .string()
  .trim()
  .min(1, "is required")
  .max(200, "must be at most 200 characters")
  .superRefine((s, ctx) => {
    const problem = unsafeCharacterIn(s, { bidi: true });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
