import { defineConfig } from "vite";

// The UI is served by Tauri from ui/dist; nothing is loaded from the network.
export default defineConfig({
  base: "./",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: { strictPort: true, port: 1420 },
  clearScreen: false,
});
