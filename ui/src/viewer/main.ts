// The exported page's viewer: reads the page's data and enhances the
// chronology into an interactive timeline. Built into one file by
// `npm run build:viewer` and inlined by the export crate.

import { readData } from "./data";
import { Viewer } from "./viewer";

const data = readData(document);
if (data) new Viewer(document, data).start();
