/**
 * How the statement reading (who does what: src/analysis/frame/) changes a finding, by the rules of
 * READING.md: a rule for the user is acceptable use, not the practice it names; a denial is the practice read as
 * protective; a practice of the platform's partners is the platform's own; high severity is earned by an
 * affirmed practice of the platform, its partners or an institution with no limiting condition.
 */
import type { ClauseType } from "../../knowledge/index.js";
import type { Polarity, Severity } from "../../model/index.js";
import type { StatementFrame } from "../frame/index.js";

/** The type a user's rule is read as. */
export const ACCEPTABLE_USE = "acceptable-use";

/** Clause groups whose types name a data practice of the platform (not a term of the contract). */
const PRACTICE_GROUPS: ReadonlySet<string> = new Set(["collection", "sharing"]);
/** Types of other groups that also name a data practice. */
const PRACTICE_TYPES: ReadonlySet<string> = new Set(["childrens-data"]);

/** Whether a clause type names something the platform does with data. */
export function namesPractice(type: ClauseType): boolean {
  return PRACTICE_GROUPS.has(type.group) || PRACTICE_TYPES.has(type.id);
}

/** A finding's polarity and severity after the frame, with the reasons of any change. */
export interface FramedReading {
  /** The finding is a rule for the user and belongs to acceptable use instead. */
  userRule: boolean;
  polarity: Polarity;
  severity: Severity;
  polarityReasons: string[];
  severityReasons: string[];
}

/**
 * Whether {@link readWithFrame} can change a finding of this type, polarity and severity: a data practice, high
 * severity (earned by the frame) or a protective reading (lowered to low). Otherwise the finding stands as it is,
 * and its sentence need not be tagged.
 */
export function frameMatters(type: ClauseType, polarity: Polarity, severity: Severity): boolean {
  return namesPractice(type) || severity === "high" || polarity === "protective";
}

const ACTS_ON_DATA: ReadonlySet<string> = new Set(["platform", "partner", "institution"]);

/**
 * Applies the frame of a finding's evidence to its polarity and severity.
 * @param polarityFromModel whether the polarity came from the text model (rather than a rule or pattern)
 */
export function readWithFrame(
  type: ClauseType,
  frame: StatementFrame,
  polarity: { value: Polarity; reasons: string[]; fromModel: boolean },
  severity: { value: Severity; reasons: string[] },
): FramedReading {
  const out: FramedReading = {
    userRule: false,
    polarity: polarity.value,
    severity: severity.value,
    polarityReasons: polarity.reasons,
    severityReasons: severity.reasons,
  };
  const practice = namesPractice(type);
  if (practice && frame.actor === "user" && frame.modality === "must-not") {
    out.userRule = true;
    return out;
  }
  const affirmed = !frame.negated && frame.condition === null;
  if (practice && frame.negated && frame.condition === null && ACTS_ON_DATA.has(frame.actor)) {
    out.polarity = "protective";
    out.polarityReasons = [...polarity.reasons, `the ${frame.actor} states it does not do it`];
  } else if (practice && affirmed && polarity.fromModel && polarity.value !== "concerning") {
    const concerning = concerningAsStated(type, frame, polarity.value);
    if (concerning) {
      out.polarity = "concerning";
      out.polarityReasons = [concerning];
    }
  }
  if (out.polarity === "protective" && out.severity !== "low") {
    out.severity = "low";
    out.severityReasons = [...severity.reasons, "protective reading"];
  } else if (out.severity === "high" && !earnsHigh(type, frame)) {
    // A definition or the sentence announcing a table ("The chart below provides the categories … sold") names a
    // practice the rows state: not shown, like a medium one.
    const defined = practice && frame.defines;
    out.severity = defined ? "low" : "medium";
    out.severityReasons = [
      ...severity.reasons,
      defined ? unearned(type, frame).replace("not high", "low") : unearned(type, frame),
    ];
  } else if (
    out.severity === "medium" &&
    practice &&
    (frame.defines || !(frame.hasVerb && ACTS_ON_DATA.has(frame.actor)))
  ) {
    // A definition ("Cookies are small text files…"), a vendor row or a fragment names a practice nobody is
    // said to carry out: routine reading, not shown.
    out.severity = "low";
    out.severityReasons = [...severity.reasons, unearned(type, frame).replace("not high", "low")];
  }
  return out;
}

/**
 * Why an affirmed practice the model reads as neutral or protective is concerning, or null: the platform's
 * partners doing it (READING.md: their practice is the platform's sharing), or the platform or an institution
 * doing what the type's default calls concerning. The model learnt "neutral" from routine wording and
 * "protective" mostly from denials; neither fits a practice stated outright.
 */
function concerningAsStated(type: ClauseType, frame: StatementFrame, polarity: Polarity): string | null {
  if (frame.actor === "partner") return "a practice of the platform's partners, stated outright";
  if (ACTS_ON_DATA.has(frame.actor) && type.defaultPolarity === "concerning")
    return `${polarity === "neutral" ? "stated outright" : "stated outright, with no denial"}: the type's default (concerning)`;
  return null;
}

/**
 * Whether the statement carries the evidence high severity needs: a verb, no limiting condition and, for a data
 * practice, the platform, its partners or an institution doing it, affirmed. A term of the contract binds
 * whoever its subject is ("you waive…", "any dispute shall be…"), and its waivers are negations by nature.
 */
function earnsHigh(type: ClauseType, frame: StatementFrame): boolean {
  if (!frame.hasVerb || frame.defines || frame.condition !== null) return false;
  if (!namesPractice(type) && type.group !== "rights" && type.group !== "security") return true;
  return ACTS_ON_DATA.has(frame.actor) && !frame.negated;
}

function unearned(type: ClauseType, frame: StatementFrame): string {
  if (!frame.hasVerb) return "not high: the text states no practice (no verb)";
  if (frame.defines) return "not high: the text defines or lists, it states no practice";
  if (frame.condition !== null) return `not high: limited by "${frame.condition}"`;
  if (frame.negated) return "not high: the statement is negated";
  return `not high: ${type.name.toLowerCase()} is not stated as done by the platform, its partners or an institution (actor: ${frame.actor})`;
}
