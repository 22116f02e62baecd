import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

const config = [
  ...nextVitals,
  ...nextTs,
  // Formatting is Prettier's (npm run lint runs prettier --check); ESLint keeps to correctness.
  prettier,
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", "lib/generated/**", "tests/artifacts/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-non-null-assertion": "error",
      // Prettier wraps code at 140 but cannot break long strings; this catches what it leaves.
      "max-len": ["error", { code: 160, ignoreUrls: false, ignoreStrings: false, ignoreTemplateLiterals: false }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts (getEnv)." },
      ],
    },
  },
  {
    // Tooling that runs before or outside the app reads and passes the environment itself.
    files: ["prisma.config.ts", "lib/env.ts", "scripts/**", "tests/**", "vitest.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["tests/**"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name=/^(only|skip|todo)$/]", message: "No focused or skipped tests." },
      ],
    },
  },
];

export default config;
