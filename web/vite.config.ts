import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The inbox SPA. `vite build web` writes web/dist, which the Hono server serves
// in production; `vite web` runs a dev server that proxies /api to the API.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [svelte()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 800 },
  server: {
    port: 5173,
    // The UI imports the server's zod contract types and the role ladder from ../server.
    fs: { allow: [".."] },
    proxy: { "/api": { target: process.env.RELANCE_API ?? "http://127.0.0.1:3000", changeOrigin: true } },
  },
});
