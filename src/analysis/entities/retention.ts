/** Retention periods: how long data is kept ("for 30 days", "up to 7 years", "as long as your account is active"). */

/** A sentence must speak of keeping or deleting data for its durations to count as retention periods. */
const RETENTION_TOPIC =
  /\b(retain\w*|retention|keep|keeps|kept|stor(e|es|ed|ing|age)|delet\w*|eras\w*|hold|held|preserv\w*|purg\w*|anonymi[sz]\w*|backups?|archiv\w*)\b/i;

const NUMBER_WORD =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|hundred|a few|several|a|one hundred and eighty";
const DURATION = new RegExp(
  "\\b(?:(?:for|up to|at least|at most|within|after|no (?:more|longer) than|not (?:more|longer) than|a (?:maximum|minimum) of|maximum of|minimum of|a period of|for a period of|for up to|for at least|for a (?:maximum|minimum) of|over)\\s+)?" +
    `(?:\\d{1,4}|${NUMBER_WORD})(?:\\s*\\(\\d{1,4}\\))?[\\s-]+(?:calendar\\s+|business\\s+|working\\s+)?(?:hours?|days?|weeks?|months?|years?)\\b`,
  "gi",
);
const AS_LONG_AS = new RegExp(
  "\\b(?:for\\s+)?(?:as|so) long as\\s+(?:" +
    // The common complete forms first, so that "as long as your account is active" is not cut at "account".
    "(?:your|the) (?:\\w+ )?(?:account|subscription|membership)s? (?:is|are|remains?) (?:active|open|in good standing)" +
    "|you (?:have|maintain|keep|hold) (?:an?|your) (?:\\w+ )?account" +
    "|(?:[^\\s.;:,()]+\\s+){0,7}?(?:active|open|exists|necessary|needed|required|permitted|relevant|account|subscription|law|purposes?)" +
    ")\\b",
  "gi",
);
const UNTIL =
  /\buntil\s+(?:you|the user|your account is)\s+(?:[^\s.;:,()]+\s+){0,4}?(?:account|data|information|consent|deleted|closed|terminated|request)\b/gi;
const INDEFINITE = /\b(?:indefinitely|for an indefinite period|permanently retain\w*)\b/gi;

/**
 * Whether a duration in a retention sentence is a period of keeping data: "once a day" is a frequency and
 * "under 13 years of age" an age, though both sit in sentences about deleting data.
 */
function isRetentionDuration(sentence: string, start: number, end: number, phrase: string): boolean {
  if (/^(a|one)\s/i.test(phrase)) return false;
  if (/^\s*(?:of age|old|of age or older)\b/i.test(sentence.slice(end, end + 16))) return false;
  return !/\b(?:under|over|aged?|younger than|older than|less than|age of)\s*$/i.test(
    sentence.slice(Math.max(0, start - 16), start),
  );
}

/** Retention phrases of one sentence, as written (whitespace collapsed). */
function periodsIn(sentence: string): string[] {
  if (!RETENTION_TOPIC.test(sentence)) return [];
  const out: string[] = [];
  for (const regex of [DURATION, AS_LONG_AS, UNTIL, INDEFINITE]) {
    for (const m of sentence.matchAll(regex)) {
      const phrase = m[0].replace(/\s+/g, " ").trim();
      if (regex === DURATION && !isRetentionDuration(sentence, m.index, m.index + m[0].length, phrase))
        continue;
      out.push(phrase);
    }
  }
  return out;
}

/** Distinct retention phrases of a list of sentences, in order of first mention (case-insensitive). */
export function findRetentionPeriods(allSentences: readonly string[]): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  for (const sentence of allSentences) {
    for (const phrase of periodsIn(sentence)) {
      const id = phrase.toLowerCase();
      if (seen.has(id)) continue;
      seen.add(id);
      found.push(phrase);
    }
  }
  return found;
}
