/** Access to the write side of the HTTP API: API keys issued by the operator. */
export { API_KEY_PREFIX, authenticateApiKey, hashApiKey, issueApiKey } from "./api-keys.js";
