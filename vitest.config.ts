import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Server modules guard against client bundles with "server-only"; in tests they run in Node.
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        resolve: { alias },
        // Property-based tests: thousands of generated hostile requests against the running server.
        test: {
          name: "property",
          include: ["tests/property/**/*.test.ts"],
          environment: "node",
          testTimeout: 600_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A click's server round trip can take seconds on a loaded 2-core CI machine; the default
          // expect.poll timeout (1 s) made such waits fail though the page was right.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
