// What scripts/test.ts hands the test processes. Failing loudly beats silently skipping.
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with "npm test", which provides it.`);
  return value;
}

export const testEnv = {
  get databaseUrl() {
    return required("TEST_DATABASE_URL");
  },
  get baseUrl() {
    return required("APP_BASE_URL");
  },
  /** The suite server's session-signing secret (its second servers share it). */
  get authSecret() {
    return required("AUTH_SECRET");
  },
  /** The embedded PostgreSQL (PGlite), whose socket server cannot carry COPY FROM STDIN. */
  get embeddedDatabase() {
    return required("TEST_DATABASE_EMBEDDED") === "1";
  },
  get chromium() {
    return required("CHROMIUM_PATH");
  },
  get artifactsDir() {
    return required("ARTIFACTS_DIR");
  },
};
