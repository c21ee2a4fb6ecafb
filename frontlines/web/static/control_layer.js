// The map's control layer (issue 13): each place with a known holder on the date under the time slider (the end of
// the timeline's range, else today) drawn as a disc coloured by its holder, from /api/control/map (the control
// periods kept in the store); a contested place keeps its holder's colour inside a dashed dark ring, and the legend
// lists the holders, the contested ring and the date. Switched on and off with the box on the map ("layer=control"
// in the URL keeps it on). Exposes one global: ControlLayer.attach(map, {onToggle}), .show(day), .isOn().
"use strict";

const ControlLayer = (() => {
  const PALETTE = ["#1d4ed8", "#c2410c", "#15803d", "#be185d", "#7e22ce", "#0e7490", "#a16207", "#475569", "#65a30d",
    "#9f1239", "#1e3a8a", "#854d0e"];
  const RING = "#111827";
  const colours = new Map();  // holder -> colour, kept for the page's life so a holder keeps its colour over time
  let map = null, layer = null, legend = null, on = false, day = null, seq = 0, onToggle = null;

  const escapeHTML = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  function colourOf(key) {
    if (!colours.has(key)) colours.set(key, key === "unknown" ? "#9ca3af" : PALETTE[colours.size % PALETTE.length]);
    return colours.get(key);
  }

  function toggleControl() {
    const control = L.control({ position: "topright" });
    control.onAdd = () => {
      const div = L.DomUtil.create("div", "control-toggle leaflet-bar");
      div.innerHTML = `<label title="colour places by who held them on the date under the time slider">` +
        `<input type="checkbox" id="control-layer-toggle"${on ? " checked" : ""}> control of places</label>`;
      L.DomEvent.disableClickPropagation(div);
      div.querySelector("input").addEventListener("change", (ev) => {
        on = ev.target.checked;
        if (on) show(day); else clear();
        if (onToggle) onToggle();
      });
      return div;
    };
    return control;
  }

  function attach(leafletMap, options = {}) {
    map = leafletMap;
    onToggle = options.onToggle || null;
    on = new URLSearchParams(window.location.search).get("layer") === "control";
    map.createPane("control");
    // above the basemap and the single events (overlay pane: 400), under names (450) and clusters (600); the pane
    // lets clicks through and each disc takes them on its ring only, so the events at its centre stay clickable
    map.getPane("control").style.zIndex = 405;
    map.getPane("control").style.pointerEvents = "none";
    layer = L.layerGroup().addTo(map);
    legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => {
      const div = L.DomUtil.create("div", "map-legend control-legend");
      div.id = "control-legend";
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    toggleControl().addTo(map);
  }

  function clear() {
    seq += 1;
    layer.clearLayers();
    if (legend._map) legend.remove();
    delete map.getContainer().dataset.controlPlaces;
  }

  async function show(nextDay) {
    day = nextDay || null;
    if (!map || !on) return;
    const mine = ++seq;
    const response = await fetch("/api/control/map" + (day ? `?date=${encodeURIComponent(day)}` : ""));
    const data = await response.json();
    if (mine !== seq) return;
    if (!response.ok) throw new Error(data.error ? data.error.message : response.statusText);
    draw(data);
  }

  function draw(data) {
    layer.clearLayers();
    for (const place of data.places) {
      const key = place.holder_id || place.holder || "unknown", colour = colourOf(key);
      const marker = L.circleMarker([place.latitude, place.longitude], {
        pane: "control", radius: 13, fillColor: colour, fillOpacity: 0.4, color: place.contested ? RING : colour,
        opacity: 0.9, weight: 4, dashArray: place.contested ? "5 4" : null,
        className: `control-place${place.contested ? " contested" : ""}`,
      });
      const rivals = place.contested && place.rivals.length ? `<br>contested: also claimed by ${place.rivals.map(escapeHTML).join(", ")}` :
        (place.contested ? "<br>contested" : "");
      marker.bindTooltip(`<b>${escapeHTML(place.place)}</b><br>held by ${escapeHTML(place.holder || "unknown")} ` +
        `since ${escapeHTML(place.since || "?")}${rivals}<br><a href="/control?place=${encodeURIComponent(place.place)}` +
        `&date=${encodeURIComponent(data.date)}">timeline and evidence</a>`);
      marker.on("click", () => { window.location.href = `/control?place=${encodeURIComponent(place.place)}&date=${encodeURIComponent(data.date)}`; });
      marker.addTo(layer);
      const path = marker.getElement && marker.getElement();
      if (path) { path.dataset.place = place.place; path.dataset.holder = place.holder || "unknown"; }
    }
    drawLegend(data);
    const container = map.getContainer();
    container.dataset.controlPlaces = String(data.places.length);
    container.dataset.controlDate = data.date;
  }

  function drawLegend(data) {
    if (!legend._map) legend.addTo(map);
    const div = document.getElementById("control-legend");
    const holders = data.holders.map((h) => `<li data-holder="${escapeHTML(h.holder)}"><span class="legend-dot" ` +
      `style="background:${colourOf(h.key)}"></span>${escapeHTML(h.holder)} <small>${h.places}</small></li>`).join("");
    const unlocated = data.unlocated ? `<div class="note">${data.unlocated} more place(s) without coordinates: see /control</div>` : "";
    div.innerHTML = `<details open><summary><b>Control on ${escapeHTML(data.date)}</b></summary>` +
      (holders ? `<ul>${holders}</ul>` : `<div class="note">no holder known on this date</div>`) +
      `<div class="contested-key"><svg width="20" height="20"><circle cx="10" cy="10" r="7" fill="#d1d5db" stroke="${RING}" ` +
      `stroke-width="2.5" stroke-dasharray="5 4"/></svg> contested (another holder claimed within days)</div>` +
      `${unlocated}<div class="note">the end of the timeline's range, else today · click a place for its timeline</div></details>`;
  }

  return { attach, show, isOn: () => on, colourOf };
})();
