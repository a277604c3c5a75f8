/** Zod schemas of the knowledge base files; the TypeScript types of the taxonomy are inferred from them. */
import { z } from "zod";
import type { Polarity as ModelPolarity, Severity as ModelSeverity } from "../model/index.js";
import { regexError } from "./regex.js";
import {
  ALLOWED_EXTRA_FLAGS,
  CLAUDETTE_TAGS,
  CLAUSE_GROUPS,
  JURISDICTION_CODE,
  OPP115_CATEGORIES,
  PLACEHOLDERS,
  POLARITIES,
  SECTOR_NOUNS,
  SEVERITIES,
} from "./vocabulary.js";

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case id");
const Text = z.string().trim().min(1);
const Jurisdiction = z.string().regex(JURISDICTION_CODE, "jurisdiction code like EU, GB, US, US-CA");
const Flags = z.string().regex(ALLOWED_EXTRA_FLAGS, "only m, s, u may be added (i is implied)");

const PLACEHOLDER_TOKEN = /\{([^}]*)\}/g;
const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set([...Object.keys(PLACEHOLDERS), ...SECTOR_NOUNS]);
/** Prose that may carry the placeholders of the vocabulary (`{platform}`, `{content}`…) and no other braces. */
const Prose = Text.superRefine((value, ctx) => {
  for (const [, name] of value.matchAll(PLACEHOLDER_TOKEN)) {
    if (!(name !== undefined && PLACEHOLDER_NAMES.has(name)))
      ctx.addIssue({ code: "custom", message: `unknown placeholder {${name}}` });
  }
});

/** An action that only makes sense on platforms of some sectors (a US student's FERPA rights: learning). */
const SectorAction = z.strictObject({ text: Prose, sectors: z.array(Id).min(1) });

export const SeveritySchema = z.enum(SEVERITIES);
export const PolaritySchema = z.enum(POLARITIES);

/** Checks that every regex field of a pattern or rule compiles with the record's flags. */
function compiles(
  value: {
    regex: string;
    flags?: string | undefined;
    requires?: string | undefined;
    excludes?: string | undefined;
    leadInRequires?: string | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  for (const field of ["regex", "requires", "excludes", "leadInRequires"] as const) {
    const source = value[field];
    if (source === undefined) continue;
    const error = regexError(source, value.flags);
    if (error) ctx.addIssue({ code: "custom", path: [field], message: `does not compile: ${error}` });
  }
}

const MatchFields = {
  /** Main expression; its match is the evidence span. */
  regex: Text,
  /** Added to the implied `i`: any of m, s, u. */
  flags: Flags.optional(),
  /** A second expression that must also match somewhere in the same provision. */
  requires: Text.optional(),
  /** An expression that vetoes the match when it matches anywhere in the provision. */
  excludes: Text.optional(),
};

export const PatternSchema = z
  .strictObject({
    id: Id,
    ...MatchFields,
    /** How sure a match alone makes the classification, 0–1. */
    weight: z.number().gt(0).max(1),
    /** Polarity this wording implies, overriding the type's default (rules still take precedence). */
    polarity: PolaritySchema.optional(),
    /** Severity this wording implies, overriding the type's default before rules apply. */
    severity: SeveritySchema.optional(),
    /**
     * Wording a careful reader takes as stating the type on its own ("provided as is", "Microsoft Clarity",
     * "cross-context behavioural advertising"): a hit is found with at least the pattern's weight as confidence,
     * whatever the model says. The learned fusion weighs the model far above patterns, so rare but unambiguous
     * wording would otherwise stay under the confidence pages show.
     */
    decisive: z.boolean().optional(),
    /**
     * An expression the provision's lead-in must match: the header row of a table row, the sentence introducing a
     * list item (READING.md: a row is read with its column headers). Without a lead-in the pattern does not fire.
     * For a cell whose meaning its column gives ("Advertising partners" under "…to whom we sold or shared…").
     */
    leadInRequires: Text.optional(),
    /** Why the pattern exists or what it targets, for reviewers. */
    note: Text.optional(),
  })
  .superRefine(compiles);

export const SeverityRuleSchema = z
  .strictObject({ ...MatchFields, reason: Text, to: SeveritySchema.optional() })
  .superRefine(compiles);

export const PolarityRuleSchema = z
  .strictObject({
    ...MatchFields,
    reason: Text,
    to: PolaritySchema,
    /**
     * Read with a list item's lead-in ("…we do not take responsibility for loss…, unless it is:" + the item): for
     * rules about what the introducing sentence makes of its items. Other rules read the evidence alone.
     */
    leadIn: z.boolean().optional(),
  })
  .superRefine(compiles);

/**
 * What a provision must mention to be about a clause type at all (arbitration wording for `arbitration`, an
 * employer, school or sponsor for institutional sharing…): a broad gate that rejects text which cannot be about
 * the type, whatever the model and the patterns say, not a detector. It is mentioned when it matches the
 * provision's text read after its lead-in (a list item's introducing sentence), with the semantics of patterns.
 */
export const SubjectSchema = z
  .strictObject({
    ...MatchFields,
    /** Why the gate is drawn where it is (an `excludes` that settles a boundary between two types), for reviewers. */
    note: Text.optional(),
  })
  .superRefine(compiles);

export const RegulationRefSchema = z.strictObject({
  /** Id into regulations.json. */
  id: Id,
  /** Articles or sections engaged, e.g. "Art. 17", "§1798.105", "34 CFR 99.31". */
  articles: z.array(Text).min(1),
  /** Why the regulation bears on this clause type. */
  why: Text,
});

export const ClauseTypeSchema = z.strictObject({
  id: Id,
  name: Text,
  group: z.enum(CLAUSE_GROUPS),
  description: Text,
  /**
   * Types whose definition includes this one, found wherever it is (labels/GUIDELINES.md: biometric data "also keeps"
   * sensitive data): biometric identifiers are sensitive data, so a page that shows one shows both.
   */
  implies: z.array(Id).min(1).optional(),
  defaultSeverity: SeveritySchema,
  severityRules: z.strictObject({ raise: z.array(SeverityRuleSchema), lower: z.array(SeverityRuleSchema) }),
  defaultPolarity: PolaritySchema,
  /**
   * A neutral reading of this type is routine, so low whatever its severity rules say (READING.md: "Low: routine
   * or informational"): our labels rate neutral cookies, vendor lists or transfers low and the concerning ones
   * medium. Absent: severity does not depend on polarity.
   */
  routineWhenNeutral: z.boolean().optional(),
  /** Evaluated in order; the first rule that matches decides the polarity. */
  polarityRules: z.array(PolarityRuleSchema),
  patterns: z.array(PatternSchema).min(3).max(12),
  /** Absent: no gate, the type may be predicted from any text. */
  subject: SubjectSchema.optional(),
  explanation: z.strictObject({
    whatItIs: Prose,
    whyItMatters: Prose,
    consumerImpact: Prose,
    /** At least two actions apply to every sector. */
    whatYouCanDo: z
      .array(z.union([Prose, SectorAction]))
      .max(5)
      .refine((actions) => actions.filter((a) => typeof a === "string").length >= 2, {
        message: "needs at least two actions for every sector",
      }),
  }),
  compliance: z.strictObject({
    regulations: z.array(RegulationRefSchema).min(1),
    /** Ids into agencies.json. */
    agencies: z.array(Id).min(1),
    governanceExposure: z.strictObject({ level: SeveritySchema, summary: Text }),
    contractImplications: Text,
    vendorDueDiligence: z.array(Text).min(2),
    complianceConsiderations: z.array(Text).min(2),
    /** Jurisdictions where this clause type carries specific legal consequences. */
    jurisdictions: z.array(Jurisdiction).min(1),
  }),
  opp115: z.array(z.enum(OPP115_CATEGORIES)).min(1),
  claudette: z.array(z.enum(CLAUDETTE_TAGS)),
});

/** One group file: knowledge/clause-types/<group>.json. */
export const ClauseTypeFileSchema = z.strictObject({
  group: z.enum(CLAUSE_GROUPS),
  types: z.array(ClauseTypeSchema).min(1),
});

export const RegulationSchema = z.strictObject({
  id: Id,
  name: Text,
  shortName: Text,
  jurisdiction: Jurisdiction,
  /** Official text (legislation portal, official journal, government site). */
  url: z.url({ protocol: /^https$/ }),
  keyArticles: z.array(z.strictObject({ ref: Text, title: Text })).min(1),
});

export const AgencySchema = z.strictObject({
  id: Id,
  name: Text,
  jurisdiction: Jurisdiction,
  homepage: z.url({ protocol: /^https$/ }),
  /** Official page where an individual files a complaint (or, for the EDPB, finds their authority). */
  complaintUrl: z.url({ protocol: /^https$/ }),
  /** Ids of the regulations this agency enforces or oversees. */
  enforces: z.array(Id).min(1),
});

/**
 * An expression several records use (a severity rule and a polarity rule of the same wording, a pattern two types
 * share), named once in knowledge/expressions.json and referred to as `"@id"` in any expression field.
 */
export const ExpressionSchema = z.strictObject({ id: Id, regex: Text, note: Text }).superRefine(compiles);

export const ExpressionsFileSchema = z.strictObject({ expressions: z.array(ExpressionSchema).min(1) });

export const RegulationsFileSchema = z.strictObject({ regulations: z.array(RegulationSchema).min(1) });
export const AgenciesFileSchema = z.strictObject({ agencies: z.array(AgencySchema).min(1) });

export type Pattern = z.infer<typeof PatternSchema>;
export type SeverityRule = z.infer<typeof SeverityRuleSchema>;
export type PolarityRule = z.infer<typeof PolarityRuleSchema>;
export type Subject = z.infer<typeof SubjectSchema>;
export type RegulationRef = z.infer<typeof RegulationRefSchema>;
export type ClauseType = z.infer<typeof ClauseTypeSchema>;
export type Regulation = z.infer<typeof RegulationSchema>;
export type Agency = z.infer<typeof AgencySchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Polarity = z.infer<typeof PolaritySchema>;

// Compile-time proof that the knowledge base and the domain model speak the same severity/polarity.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const severityAgrees: Same<Severity, ModelSeverity> = true;
const polarityAgrees: Same<Polarity, ModelPolarity> = true;
void severityAgrees;
void polarityAgrees;

/** What one sector writes into the placeholders of explanation texts. */
export const SectorSchema = z.strictObject({
  id: Id,
  name: Text,
  /** Lower-case spellings of the sector a platform record may carry instead of the id ("education"). */
  aliases: z.array(z.string().regex(/^[a-z][a-z -]*$/, "lower-case words")),
  /** The default sector gives every noun; any other sector gives those it words differently. */
  nouns: z.partialRecord(z.enum(SECTOR_NOUNS), Text),
});

export const SectorsFileSchema = z
  .strictObject({
    note: Text,
    /** Id of the sector of a platform whose sector is unknown, and of pages about no platform. */
    default: Id,
    sectors: z.array(SectorSchema).min(1),
    /** The sector of well-known platforms by slug, for platforms whose record has none. */
    platforms: z.record(Id, Id),
  })
  .superRefine((file, ctx) => {
    const ids = new Set(file.sectors.map((s) => s.id));
    const fallback = file.sectors.find((s) => s.id === file.default);
    if (!fallback) ctx.addIssue({ code: "custom", path: ["default"], message: `no sector ${file.default}` });
    for (const noun of SECTOR_NOUNS) {
      if (fallback && !fallback.nouns[noun])
        ctx.addIssue({ code: "custom", path: ["default"], message: `the default sector lacks {${noun}}` });
    }
    const spellings = new Set<string>();
    for (const sector of file.sectors) {
      for (const spelling of [sector.id, ...sector.aliases]) {
        if (spellings.has(spelling))
          ctx.addIssue({ code: "custom", path: ["sectors"], message: `"${spelling}" names two sectors` });
        spellings.add(spelling);
      }
    }
    for (const [slug, sector] of Object.entries(file.platforms)) {
      if (!ids.has(sector))
        ctx.addIssue({ code: "custom", path: ["platforms", slug], message: `unknown sector ${sector}` });
    }
  });
export type SectorRecord = z.infer<typeof SectorSchema>;
