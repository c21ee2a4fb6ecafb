// /docs: Swagger UI from the swagger-ui-dist npm package, served by the app itself (works offline; no inline
// script, so the page runs under the same Content-Security-Policy as every other page).
"use strict";

window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("swagger-ui");
  if (typeof SwaggerUIBundle === "undefined") return;  // assets not built: the page says so
  window.ui = SwaggerUIBundle({
    url: root.dataset.url, dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout",
    onComplete: () => { document.body.dataset.loaded = "true"; },
  });
});
