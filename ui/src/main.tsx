import { render } from "preact";
import { App } from "./app";
import "./styles.css";
import "./styles/transfer.css";
import "./styles/compare.css";

const root = document.getElementById("app");
if (!root) throw new Error("index.html has no #app element");
const mount = root;

// Lay out nothing until Inter is ready: canvas labels must be set in the
// font the engine measured them with.
const faces = ["400 12px Inter", "500 12px Inter", "600 12px Inter"];
void Promise.allSettled(faces.map((face) => document.fonts.load(face))).then(() => {
  render(<App />, mount);
});
