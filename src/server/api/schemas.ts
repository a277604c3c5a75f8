/**
 * OpenAPI schemas of the API: every response body and parameter is described here once and registered as a
 * named component, so /api/openapi.json documents exactly what the handlers return (the type checker holds
 * handlers to these shapes).
 */
import { z } from "@hono/zod-openapi";
import {
  ClauseTypeText,
  DateText,
  IdText,
  NameText,
  plainText,
  RecordIdText,
  SlugText,
} from "../param-primitives.js";

export const SeveritySchema = z.enum(["high", "medium", "low"]).openapi("Severity");
export const PolaritySchema = z.enum(["protective", "neutral", "concerning"]).openapi("Polarity");
export const ChangeKindSchema = z.enum(["substantive", "minor", "technical"]).openapi("ChangeKind");

const RecordId = (prefix: string) =>
  z
    .string()
    .openapi({ description: `Permanent record ID (${prefix}-<id>), never reused`, example: `${prefix}-42` });

export const ErrorSchema = z
  .object({
    error: z.object({
      status: z.number().int(),
      message: z.string(),
      details: z
        .array(z.string())
        .openapi({ description: "One line per problem, e.g. per invalid parameter" }),
    }),
  })
  .openapi("Error");

export const SeverityCountsSchema = z
  .object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() })
  .openapi("SeverityCounts");

export const PlatformSchema = z
  .object({
    id: z.number().int(),
    slug: z.string().openapi({ example: "github" }),
    name: z.string().openapi({ example: "GitHub" }),
    sector: z.string().nullable(),
    homepage: z.string().nullable(),
    documentCount: z.number().int(),
    versionCount: z.number().int(),
    changeCount: z
      .number()
      .int()
      .openapi({ description: "Change records after each document's first version" }),
    lastChangeAt: z.string().nullable(),
    provisions: SeverityCountsSchema.openapi({
      description: "Provisions in force by their highest severity",
    }),
    grades: z.array(
      z.object({
        documentId: z.number().int(),
        termsType: z.string(),
        grade: z.string().nullable(),
        score: z.number().nullable(),
      }),
    ),
    grade: z.object({ grade: z.string(), score: z.number() }).nullable().openapi({
      description:
        "Platform grade: the published formula over all its current documents (see the platform page)",
    }),
    url: z.string().openapi({ description: "Page of the platform" }),
  })
  .openapi("Platform");

export const DocumentSchema = z
  .object({
    id: z.number().int(),
    recordId: RecordId("CW-D"),
    platformId: z.number().int(),
    platformSlug: z.string(),
    platformName: z.string(),
    termsType: z.string().openapi({ example: "Privacy Policy" }),
    versionCount: z.number().int(),
    firstRecordedAt: z.string().nullable(),
    lastRecordedAt: z.string().nullable(),
    currentVersionId: z.number().int().nullable(),
    grade: z.string().nullable(),
    score: z.number().nullable(),
    lastError: z.string().nullable(),
    url: z.string(),
  })
  .openapi("Document");

export const VersionSummarySchema = z
  .object({
    id: z.number().int(),
    recordId: RecordId("CW-V"),
    documentId: z.number().int(),
    recordedAt: z.string(),
    sha256: z.string(),
    commitKind: z.string().nullable(),
    grade: z.string().nullable(),
    score: z.number().nullable(),
    provisionCount: z.number().int().nullable(),
    changeRecordId: z.number().int().nullable(),
    changeKind: z.string().nullable(),
    changeSeverity: z.string().nullable(),
  })
  .openapi("VersionSummary");

export const EntitiesSchema = z
  .object({
    thirdParties: z.array(z.string()),
    emails: z.array(z.string()),
    dates: z.array(
      z.object({
        kind: z.enum(["effective", "updated", "other"]),
        text: z.string(),
        iso: z.string().nullable(),
      }),
    ),
    retentionPeriods: z.array(z.string()),
    countries: z.array(z.string()),
    dataCategories: z.array(z.string()),
  })
  .openapi("Entities");

export const VersionSchema = z
  .object({
    id: z.number().int(),
    recordId: RecordId("CW-V"),
    documentId: z.number().int(),
    recordedAt: z.string(),
    sha256: z.string().openapi({ description: "SHA-256 of the text (UTF-8)" }),
    commitKind: z.string().nullable(),
    text: z.string().openapi({ description: "Extracted Markdown; provision offsets index into it" }),
    evidence: z.object({
      snapshotId: z.number().int(),
      snapshotSha256: z.string(),
      sourceUrl: z.string(),
      capturedAt: z.string(),
      method: z.string(),
      httpStatus: z.number().int().nullable(),
      mimeType: z.string(),
      size: z.number().int(),
      warcFile: z
        .string()
        .nullable()
        .openapi({ description: "WARC file of the capture, when kept in files" }),
      warcRecordId: z
        .number()
        .int()
        .nullable()
        .openapi({ description: "The capture's WARC record in the archive database, when kept there" }),
      extractionWarnings: z.array(z.string()).openapi({ description: "What extraction had to work around" }),
      chainSeq: z.number().int().nullable(),
      chainEntryHash: z.string().nullable(),
      chainLength: z.number().int(),
      verificationCount: z.number().int(),
      lastVerifiedAt: z.string().nullable(),
    }),
    analysis: z
      .object({
        language: z.string(),
        grade: z.string().nullable(),
        score: z.number().nullable(),
        gradeDetails: z.unknown(),
        entities: EntitiesSchema.nullable(),
        provisionCount: z.number().int(),
        analyzer: z.string(),
        analyzedAt: z.string(),
      })
      .nullable(),
  })
  .openapi("Version");

export const ClassificationSchema = z
  .object({
    type: z.string().openapi({ example: "sharing-institutional-clients" }),
    name: z.string(),
    confidence: z.number(),
    confidenceLevel: z.enum(["High", "Medium", "Low"]),
    polarity: PolaritySchema,
    severity: SeveritySchema,
    evidenceStart: z.number().int().openapi({ description: "Offset into the version text" }),
    evidenceEnd: z.number().int(),
    source: z.string(),
    reasons: z.array(
      z.object({ kind: z.enum(["pattern", "feature", "reviewer"]), name: z.string(), weight: z.number() }),
    ),
  })
  .openapi("Classification");

/** Where a provision stands: its version, document and platform (shared by provisions and search hits). */
const VERSION_PLACE = {
  versionId: z.number().int(),
  documentId: z.number().int(),
  platformSlug: z.string(),
  platformName: z.string(),
  termsType: z.string(),
  recordedAt: z.string(),
};

export const ProvisionSchema = z
  .object({
    id: z.number().int(),
    recordId: RecordId("CW-P"),
    ...VERSION_PLACE,
    index: z.number().int(),
    key: z.string().openapi({ description: "Stable identity of the provision across versions" }),
    headingPath: z.array(z.string()),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    maxSeverity: SeveritySchema.nullable(),
    clauses: z.array(ClassificationSchema),
    url: z.string(),
  })
  .openapi("Provision");

export const ProvisionAppearanceSchema = z
  .object({
    provisionId: z.number().int(),
    versionId: z.number().int(),
    recordedAt: z.string(),
    maxSeverity: SeveritySchema.nullable(),
    changed: z.boolean(),
    changeRecordId: z.number().int().nullable(),
  })
  .openapi("ProvisionAppearance");

export const ReviewSchema = z
  .object({
    id: z.number().int(),
    provisionId: z
      .number()
      .int()
      .openapi({ description: "The provision reviewed; the verdict follows its text" }),
    clauseType: z.string(),
    verdict: z.enum(["confirm", "reject", "relabel", "add"]),
    newType: z.string().nullable().openapi({ description: "The replacing type (relabel)" }),
    polarity: PolaritySchema.nullable(),
    reviewer: z.string(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Review");

export const ProvisionChangeSchema = z
  .object({
    change: z.enum(["added", "removed", "modified", "moved"]),
    before: z.string().nullable(),
    after: z.string().nullable(),
    beforeKey: z.string().nullable(),
    afterKey: z.string().nullable(),
    clauses: z.array(z.string()),
    clausesBefore: z.array(z.string()),
    clausesAfter: z.array(z.string()),
    beforeIndex: z.number().int().nullable().optional(),
    afterIndex: z.number().int().nullable().optional(),
    kind: ChangeKindSchema.optional(),
    severity: SeveritySchema.optional(),
  })
  .openapi("ProvisionChange");

export const DeltaEvidenceSchema = z
  .object({ start: z.number().int(), end: z.number().int() })
  .openapi("DeltaEvidence", { description: "[start, end) offsets in one version's text" });

export const ChangeDeltaSchema = z
  .object({
    kind: z.enum([
      "clause-gained",
      "clause-lost",
      "data-categories",
      "recipients",
      "third-parties",
      "countries",
      "retention",
      "numbers",
      "wording",
    ]),
    clauseType: z.string().nullable(),
    before: z.array(z.string()),
    after: z.array(z.string()),
    direction: z.enum(["broadens", "narrows"]).nullable(),
    severity: SeveritySchema,
    evidenceBefore: DeltaEvidenceSchema.nullable(),
    evidenceAfter: DeltaEvidenceSchema.nullable(),
    line: z.string(),
  })
  .openapi("ChangeDelta", {
    description: "One clause-level difference between the two versions, with its evidence in each",
  });

export const ChangeCountsSchema = z
  .object({
    added: z.number().int(),
    removed: z.number().int(),
    modified: z.number().int(),
    moved: z.number().int(),
  })
  .openapi("ChangeCounts", {
    description: "Provision changes by type, the same on every page and in the CLI",
  });

export const ChangeRecordSchema = z
  .object({
    id: z.number().int(),
    recordId: RecordId("CW-C"),
    documentId: z.number().int(),
    platformSlug: z.string(),
    platformName: z.string(),
    termsType: z.string(),
    fromVersionId: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Null for a document's first recorded version" }),
    toVersionId: z.number().int(),
    recordedAt: z.string(),
    kind: ChangeKindSchema,
    severity: SeveritySchema,
    headline: z
      .string()
      .openapi({ description: "The most severe delta and how many more; also the feed and e-mail title" }),
    summary: z.array(z.string()),
    url: z.string(),
  })
  .openapi("ChangeRecord");

export const ChangeRecordDetailSchema = ChangeRecordSchema.extend({
  counts: ChangeCountsSchema,
  deltas: z.array(ChangeDeltaSchema),
  provisionChanges: z.array(ProvisionChangeSchema),
  computedAt: z.string(),
}).openapi("ChangeRecordDetail");

export const PrevalenceSchema = z
  .object({
    platforms: z.number().int(),
    analysedPlatforms: z.number().int(),
    documents: z.number().int(),
    provisions: z.number().int(),
    platformsBySeverity: SeverityCountsSchema,
    protectiveOnly: z.number().int(),
  })
  .openapi("Prevalence");

export const ClauseTypeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    group: z.string(),
    description: z.string().nullable(),
    prevalence: PrevalenceSchema,
    url: z.string(),
  })
  .openapi("ClauseType");

export const ClauseExcerptSchema = z
  .object({
    provisionId: z.number().int(),
    documentId: z.number().int(),
    platformSlug: z.string(),
    platformName: z.string(),
    termsType: z.string(),
    type: z.string(),
    excerpt: z.string(),
    textLength: z.number().int(),
    severity: SeveritySchema,
    polarity: PolaritySchema,
    confidence: z.number(),
    provisionCount: z.number().int(),
  })
  .openapi("ClauseExcerpt");

export const SearchHitSchema = z
  .object({
    provisionId: z.number().int(),
    recordId: RecordId("CW-P"),
    ...VERSION_PLACE,
    headingPath: z.array(z.string()),
    maxSeverity: SeveritySchema.nullable(),
    clauseTypes: z
      .array(z.string())
      .openapi({ description: "Clause type ids the provision is classified under" }),
    snippet: z.string().openapi({ description: "Matched words are wrapped in [[ and ]]" }),
    url: z.string(),
  })
  .openapi("SearchHit");

export const CitationSchema = z
  .object({
    recordId: z.string(),
    kind: z.enum(["document", "version", "provision", "change"]),
    title: z.string(),
    entity: z.string(),
    document: z.string(),
    capturedAt: z.string(),
    sha256: z.string(),
    sourceUrl: z.string(),
    url: z.string(),
    accessed: z.string(),
    text: z.string(),
    bibtex: z.string(),
    csl: z.record(z.string(), z.unknown()),
  })
  .openapi("Citation");

export const StatsSchema = z
  .object({
    platforms: z.number().int(),
    documents: z.number().int(),
    versions: z.number().int(),
    currentProvisions: z.number().int(),
    changes: z.number().int(),
    substantiveChanges: z.number().int(),
    clauseTypesFound: z.number().int(),
    lastRecordedAt: z.string().nullable(),
  })
  .openapi("Stats");

export const AlertChannelSchema = z
  .enum(["webhook", "email", "atom"], { error: "must be one of webhook, email, atom" })
  .openapi("AlertChannel");
export const AlertCadenceSchema = z
  .enum(["immediate", "weekly"], { error: "must be immediate or weekly" })
  .openapi("AlertCadence");

export const WatchFilterSchema = z
  .object({
    platforms: z.array(z.string()).openapi({ description: "Platform slugs; empty: any" }),
    termsTypes: z.array(z.string()).openapi({ description: "Terms types; empty: any" }),
    clauseTypes: z
      .array(z.string())
      .openapi({ description: "Clause types one of which a provision change must involve; empty: any" }),
    kinds: z.array(ChangeKindSchema),
    minSeverity: SeveritySchema,
  })
  .openapi("WatchFilter");

export const WatchlistSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    channel: AlertChannelSchema,
    target: z.string().nullable().openapi({ description: "Webhook URL or e-mail address; null for Atom" }),
    cadence: AlertCadenceSchema,
    filter: WatchFilterSchema,
    createdAt: z.string().openapi({ description: "It alerts on changes recorded from then on" }),
    lastDigestAt: z.string().nullable(),
    alerts: z
      .object({
        delivered: z.number().int(),
        pending: z.number().int(),
        failing: z.number().int().openapi({ description: "Pending alerts that failed at least once" }),
        lastError: z.string().nullable(),
      })
      .openapi({ description: "Delivery state of its alerts" }),
  })
  .openapi("Watchlist");

export const NewWatchlistSchema = WatchlistSchema.extend({
  secret: z.string().nullable().openapi({
    description:
      "Webhooks: the HMAC-SHA256 key of the X-ClauseWatch-Signature header. Shown only in this response",
  }),
  feedUrl: z.string().nullable().openapi({
    description: "Atom: the private feed URL (the secret is in it). Shown only in this response",
  }),
  notes: z.array(z.string()).openapi({ description: "Things to know, e.g. a platform not tracked yet" }),
}).openapi("NewWatchlist");

/** The body of POST /v1/watchlists: what `clausewatch watch add` takes. */
export const WatchlistInputSchema = z
  .strictObject({
    name: NameText,
    channel: AlertChannelSchema,
    target: plainText(2000).nullable().optional().openapi({
      description: "Webhook URL (http or https, public address) or e-mail address; none for Atom",
      example: "https://hooks.example.org/clausewatch",
    }),
    cadence: AlertCadenceSchema.optional().openapi({
      description: "Default immediate: one alert per change",
    }),
    filter: z
      .strictObject({
        platforms: z.array(SlugText).max(100).optional(),
        termsTypes: z.array(plainText(100).trim().min(1)).max(50).optional(),
        clauseTypes: z.array(ClauseTypeText).max(100).optional(),
        kinds: z.array(ChangeKindSchema).min(1, "needs at least one kind").optional().openapi({
          description: "Default: substantive only",
        }),
        minSeverity: SeveritySchema.optional().openapi({ description: "Default: low" }),
      })
      .optional(),
  })
  .openapi("WatchlistInput");

/** Cursor pagination metadata. */
export const CursorMetaSchema = z
  .object({
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: "Pass as `cursor` to get the next page; null on the last page" }),
    next: z.string().nullable().openapi({ description: "URL of the next page" }),
  })
  .openapi("CursorMeta");

export const PageMetaSchema = z
  .object({
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    next: z.string().nullable(),
  })
  .openapi("PageMeta");

/** `{ data: [...], meta }` for cursor-paginated listings. */
export function cursorList<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), meta: CursorMetaSchema });
}

/** `{ data: ... }` for single records and short lists. */
export function single<T extends z.ZodType>(item: T) {
  return z.object({ data: item });
}

// ---- parameters (strings as they arrive; patterns documented) ----

const positiveId = IdText;

export const IdPath = z.object({
  id: positiveId.openapi({ param: { name: "id", in: "path" }, example: "1" }),
});
export const SlugPath = z.object({
  slug: SlugText.openapi({ param: { name: "slug", in: "path" }, example: "github" }),
});
export const TypePath = z.object({
  id: ClauseTypeText.openapi({ param: { name: "id", in: "path" }, example: "sharing-institutional-clients" }),
});
export const RecordIdPath = z.object({
  recordId: RecordIdText.openapi({ param: { name: "recordId", in: "path" }, example: "CW-P-1" }),
});

export const FormatParam = z
  .enum(["json", "csv"], { error: "must be json or csv" })
  .optional()
  .openapi({
    description: "Response format; `Accept: text/csv` works too",
    param: { name: "format", in: "query" },
  });
const Severity = z.enum(["high", "medium", "low"], { error: "must be one of high, medium, low" }).optional();
const Limit = z
  .string()
  .regex(/^[0-9]{1,3}$/, "must be a whole number")
  .refine((s) => Number(s) >= 1 && Number(s) <= 200, "must be between 1 and 200")
  .optional()
  .openapi({ description: "Page size, 1–200 (default 50)" });
const Slug = SlugText.optional();
const TypeId = ClauseTypeText.optional();
const DateQuery = DateText.optional();
const Scope = z.enum(["current", "all"], { error: "must be current or all" }).optional().openapi({
  description: "current (default): versions in force; all: every archived version",
});

export const FormatQuery = z.object({ format: FormatParam });
export const DocumentsQuery = z.object({
  platform: Slug,
  cursor: positiveId.optional().openapi({ description: "Id of the last document of the previous page" }),
  limit: Limit,
  format: FormatParam,
});
export const ProvisionsQuery = z.object({
  platform: Slug,
  document: positiveId.optional(),
  version: positiveId.optional(),
  type: TypeId,
  severity: Severity,
  scope: Scope,
  cursor: positiveId.optional().openapi({ description: "Id of the last provision of the previous page" }),
  limit: Limit,
  format: FormatParam,
});
export const ChangeRecordsQuery = z.object({
  platform: Slug,
  document: positiveId.optional(),
  severity: Severity.openapi({ description: "Minimum severity" }),
  kind: z
    .enum(["substantive", "minor", "technical"], { error: "must be one of substantive, minor, technical" })
    .optional(),
  since: DateQuery,
  until: DateQuery,
  first: z.enum(["true", "false"], { error: "must be true or false" }).optional().openapi({
    description: "Include the records of first versions (default false)",
  }),
  cursor: plainText(200).optional(),
  limit: Limit,
  format: FormatParam,
});
export const SearchQuery = z.object({
  q: plainText(200).min(1, "is required").openapi({ example: "sell personal data" }),
  type: TypeId,
  severity: Severity,
  platform: Slug,
  since: DateQuery,
  until: DateQuery,
  scope: Scope,
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, "must be a page number from 1")
    .optional(),
  limit: Limit,
  format: FormatParam,
});
export const CitationQuery = z.object({
  format: z
    .enum(["json", "text", "bibtex", "csl-json"], { error: "must be json, text, bibtex or csl-json" })
    .optional()
    .openapi({ param: { name: "format", in: "query" } }),
});
export const CompareQuery = z.object({
  p: z
    .string()
    .regex(/^[a-z0-9-]+(,[a-z0-9-]+){1,3}$/, "must be 2 to 4 platform slugs separated by commas")
    .openapi({ example: "github,edx" }),
  format: FormatParam,
});
