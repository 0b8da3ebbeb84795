import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "dist/**", ".phiguard-test/**", "examples/**/node_modules/**"],
    // Planning a program loads the real @pulumi/aws SDK once per worker; plans then take well under a second.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
