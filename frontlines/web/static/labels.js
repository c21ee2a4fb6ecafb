// Place labels on the offline map (issue 12, deliverable 2): /api/labels gives the countries, admin1 regions and
// cities (by population rank for the zoom) of the viewport, from the project's gazetteer; they are drawn in a pane
// above the basemap and below the events, the most important first, and a label that would overlap one already
// placed is left out. No tile server: the map is never blank at any zoom.
"use strict";

function placeLabels(map) {
  map.createPane("labels");
  const pane = map.getPane("labels");
  pane.style.zIndex = 450;  // above the basemap polygons (400), below markers (600) and popups
  pane.style.pointerEvents = "none";
  const layer = L.layerGroup().addTo(map);
  let asked = 0;

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  function draw(labels) {
    layer.clearLayers();
    const kept = [];
    const size = map.getSize();
    for (const label of labels) {  // the most important first: a label that would overlap a kept one goes
      const icon = L.divIcon({ className: `place-label ${label.kind}`, html: "<span></span>", iconSize: [0, 0] });
      const marker = L.marker([label.latitude, label.longitude], { icon, pane: "labels", interactive: false,
        keyboard: false }).addTo(layer);
      const span = marker.getElement().firstChild;
      span.textContent = label.name;
      const r = span.getBoundingClientRect();
      const box = { x: r.x - 2, y: r.y - 2, w: r.width + 4, h: r.height + 4 };
      const origin = map.getContainer().getBoundingClientRect();
      const outside = r.x < origin.x || r.y < origin.y || r.right > origin.x + size.x || r.bottom > origin.y + size.y;
      if (outside || kept.some((other) => overlaps(box, other))) layer.removeLayer(marker);
      else kept.push(box);
    }
    map.getContainer().dataset.labels = String(kept.length);
  }

  async function refresh() {
    const b = map.getBounds();
    const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(3);
    const wide = b.getEast() - b.getWest() >= 360;
    const view = [clamp(wide ? -180 : b.getWest(), 180), clamp(b.getSouth(), 90), clamp(wide ? 180 : b.getEast(), 180),
      clamp(b.getNorth(), 90)].join(",");
    const mine = ++asked;
    try {
      const response = await fetch(`/api/labels?zoom=${map.getZoom()}&view=${view}`);
      if (!response.ok) return;  // no gazetteer built: the map goes on without labels
      const body = await response.json();
      if (mine === asked) draw(body.labels);
    } catch (err) {
      console.warn("place labels:", err);
    }
  }

  map.on("moveend", refresh);
  map.whenReady(refresh);
}
