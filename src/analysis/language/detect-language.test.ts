import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { detectLanguage } from "./index.js";

const YAHOO_FR = readFileSync(
  new URL("./fixtures/ota-yahoo-privacy-policy-fr-2019-10-02.md", import.meta.url),
  "utf8",
);
const EDX = readFileSync(
  new URL("../segment/fixtures/edx-privacy-policy-2023-06-15.md", import.meta.url),
  "utf8",
);

/** Sentences written for these tests (the corpus holds no German, Spanish, Italian, Portuguese or Dutch policy). */
const WRITTEN: Record<string, string> = {
  de:
    "Wir verarbeiten Ihre personenbezogenen Daten, wenn Sie unsere Dienste nutzen. Die Daten werden nur so lange " +
    "gespeichert, wie es für die Zwecke erforderlich ist, und Sie können der Verarbeitung jederzeit widersprechen.",
  es:
    "Recopilamos sus datos personales cuando utiliza nuestros servicios. Puede solicitar el acceso a sus datos y " +
    "su eliminación en cualquier momento, y no vendemos sus datos a terceros para la publicidad.",
  it:
    "Raccogliamo i tuoi dati personali quando utilizzi i nostri servizi. Puoi chiedere l'accesso ai dati e la loro " +
    "cancellazione in qualsiasi momento, e non vendiamo i dati a terzi per la pubblicità.",
  pt:
    "Coletamos seus dados pessoais quando você usa nossos serviços. Você pode solicitar o acesso aos seus dados e " +
    "a sua exclusão a qualquer momento, e não vendemos os seus dados para publicidade.",
  nl:
    "Wij verzamelen uw persoonsgegevens wanneer u onze diensten gebruikt. U kunt op elk moment om inzage in uw " +
    "gegevens en om verwijdering vragen, en wij verkopen uw gegevens niet aan derden voor reclame.",
};

describe("detectLanguage", () => {
  it("recognises a real French policy (Yahoo / Verizon Media, 2019) as not English", () => {
    const guess = detectLanguage(YAHOO_FR);
    assert.equal(guess.language, "fr");
    assert.equal(guess.isEnglish, false);
    assert.ok(guess.confidence > 0.6, `confidence ${guess.confidence}`);
  });

  it("recognises one real French paragraph", () => {
    const paragraph = YAHOO_FR.split("\n").find((line) => line.includes("Les États-Unis et d’autres pays"));
    assert.ok(paragraph);
    assert.equal(detectLanguage(paragraph).language, "fr");
  });

  it("recognises a real English policy, even with a French paragraph inside", () => {
    const guess = detectLanguage(EDX);
    assert.deepEqual([guess.language, guess.isEnglish], ["en", true]);
    assert.ok(guess.confidence > 0.8, `confidence ${guess.confidence}`);
    const paragraph = YAHOO_FR.split("\n").find((line) => line.includes("Les États-Unis et d’autres pays"))!;
    assert.equal(detectLanguage(`${EDX}\n\n${paragraph}`).language, "en");
  });

  for (const [language, text] of Object.entries(WRITTEN)) {
    it(`recognises written ${language} text`, () => {
      const guess = detectLanguage(text);
      assert.equal(guess.language, language);
      assert.equal(guess.isEnglish, false);
      assert.ok(guess.confidence > 0.2, `confidence ${guess.confidence}`);
    });
  }

  it("is undecided, not English, on text without stop words", () => {
    for (const text of [
      "",
      "Google Analytics",
      "https://example.com/privacy 2023-06-15",
      "Create an edX account;",
    ]) {
      assert.deepEqual(detectLanguage(text), { language: "und", confidence: 0, isEnglish: false }, text);
    }
  });

  it("gives less confidence to a short sentence than to a whole document", () => {
    const short = detectLanguage("We use cookies to remember you.");
    assert.equal(short.language, "en");
    assert.ok(short.confidence < detectLanguage(EDX).confidence);
  });
});
