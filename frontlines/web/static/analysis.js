// The ledger and control pages are drawn by the server; this only tells tests and benchmarks they are ready.
"use strict";
document.addEventListener("DOMContentLoaded", () => { document.body.dataset.loaded = "true"; });
