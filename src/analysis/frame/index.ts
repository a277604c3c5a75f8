/** The statement reading: who does what, with which modality, negation and condition. */
export { type Actor, type Modality, readStatement, type StatementFrame } from "./statement-frame.js";
