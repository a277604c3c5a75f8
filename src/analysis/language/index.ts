/** Language identification of policy text. */
export { detectLanguage, LANGUAGES, type LanguageGuess } from "./detect-language.js";
export { STOP_WORDS } from "./stop-words.js";
