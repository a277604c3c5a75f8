/** File names of an Open Terms Archive dataset: `<Service>/<Terms Type>/<date>.md`, `:` written as `-` in the time. */

const FILE_DATE = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(\.\d+)?Z\.md$/;

/** `2026-07-24T00-37-40Z.md` → `2026-07-24T00:37:40Z`; undefined when the name is not a dataset date. */
export function dateFromFileName(name: string): string | undefined {
  const m = FILE_DATE.exec(name);
  if (!m) return undefined;
  return `${m[1]}T${m[2]}:${m[3]}:${m[4]}${m[5] ?? ""}Z`;
}

/** `2026-07-24T00:37:40Z` → `2026-07-24T00-37-40Z.md`. */
export function fileNameFromDate(iso: string): string {
  const normalized = new Date(iso).toISOString().replace(/\.000Z$/, "Z");
  return `${normalized.replace(/:/g, "-")}.md`;
}

/** Folder-safe service name (OTA service names may hold characters that paths cannot). */
export function safeFolderName(name: string): string {
  return name.replace(/[/\\\0]/g, "_").replace(/^\.+/, "_");
}
