declare module "@opentermsarchive/terms-types" {
  const termsTypes: Record<string, { topic?: string; obligee?: string; aliases?: string[] }>;
  export default termsTypes;
}
