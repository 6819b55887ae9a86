import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  // Compiles the web UI's .svelte components and .svelte.ts rune stores for their tests (web/src/**/*.test.ts).
  plugins: [svelte()],
  test: {
    include: ["server/**/*.test.ts", "classifiers/**/*.test.ts", "eval/**/*.test.ts", "tests/**/*.test.ts", "web/src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2 cores: PGlite instances are memory-hungry but CPU-bound; two workers fit.
    pool: "forks",
    maxWorkers: 2,
  },
});
