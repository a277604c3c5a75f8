export type * from "./alerts.js";
export type * from "./analysis.js";
export type * from "./api-keys.js";
export type * from "./archive.js";
export type * from "./changes.js";
export type * from "./reviews.js";
