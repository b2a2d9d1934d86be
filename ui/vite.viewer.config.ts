import { defineConfig } from "vite";

// The exported web page's viewer, as one script the export crate inlines
// (crates/export/src/viewer.js). `npm run build:viewer` rewrites it; a
// test in the export crate checks it is current.
export default defineConfig({
  build: {
    outDir: "../crates/export/src",
    emptyOutDir: false,
    target: "safari15",
    minify: "esbuild",
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: "src/viewer/main.ts",
      formats: ["iife"],
      name: "TidelineViewer",
      fileName: () => "viewer.js",
    },
  },
  clearScreen: false,
});
