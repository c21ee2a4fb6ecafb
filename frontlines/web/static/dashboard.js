// Frontlines dashboard: map with legend, timeline with brushing, filters kept in the URL, event list,
// export links and the actor network (network.js). Data comes from the JSON API; the basemap from the
// world-atlas npm package (served locally).
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
const FILTER_FIELDS = ["q", "actor", "type"];
const PAGE_SIZE = 1000;
const state = { events: [], total: 0, range: null, tab: "map", map: null, layer: null, markers: new Map(), fitted: false };

const escapeHTML = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const markerRadius = (fatalities) => 5 + Math.min(14, Math.sqrt(fatalities || 0) * 2);

// -- filters and the URL ---------------------------------------------------------------------------
function serverFilters() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const name of FILTER_FIELDS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  const modalities = checkedModalities();
  if (modalities.length) params.set("modality", modalities.join(","));  // none ticked: every modality
  return params;
}

function checkedModalities() {
  return [...document.querySelectorAll("#filters input[name=modality]:checked")].map((i) => i.value);
}

function withRange(params) {
  const out = new URLSearchParams(params);
  if (state.range) { out.set("since", state.range[0]); out.set("until", state.range[1]); }
  return out;
}

function writeURL() {
  const params = withRange(serverFilters()), modalities = checkedModalities().join(",");
  if (modalities === DEFAULT_MODALITIES.join(",")) params.delete("modality");
  else params.set("modality", modalities);
  if (state.tab !== "map") params.set("tab", state.tab);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

function readURL() {
  const params = new URLSearchParams(window.location.search);
  const form = document.getElementById("filters");
  for (const name of FILTER_FIELDS) form.elements[name].value = params.get(name) || "";
  const modalities = (params.get("modality") ?? DEFAULT_MODALITIES.join(",")).split(",");
  for (const box of form.querySelectorAll("input[name=modality]")) box.checked = modalities.includes(box.value);
  state.range = params.get("since") && params.get("until") ? [params.get("since"), params.get("until")] : null;
  state.tab = params.get("tab") === "network" ? "network" : "map";
}

function updateExports() {
  const query = withRange(serverFilters()).toString();
  for (const link of document.querySelectorAll("#exports a")) link.href = `/api/export.${link.dataset.format}?${query}`;
}

async function fetchJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function inRange(event) {
  if (!state.range || !event.event_date) return true;
  return event.event_date >= state.range[0] && event.event_date <= state.range[1];
}

function visibleEvents() { return state.events.filter(inRange); }

// -- map ---------------------------------------------------------------------------------------------
function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers(), counts = {};
  for (const m of children) counts[m.options.eventType] = (counts[m.options.eventType] || 0) + 1;
  const main = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  const size = 26 + Math.min(20, Math.sqrt(children.length) * 4);
  return L.divIcon({ html: `<span style="border-color:${TYPE_COLOURS[main] || "#111"}">${children.length}</span>`,
    className: "event-cluster", iconSize: L.point(size, size) });
}

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
    div.innerHTML = `<b>Event type</b><ul>${types}</ul><b>Fatalities</b><div class="sizes">${sizes}</div>` +
      `<div class="note">rings: clusters, coloured by the most common type</div>`;
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  return control;
}

function initMap() {
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([29, 17], 5);
  map.attributionControl.addAttribution("Basemap: Natural Earth via world-atlas");
  fetch("/static/vendor/countries-50m.json").then((r) => r.json()).then((world) => {
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, { style: { color: "#94a3b8", weight: 0.7, fillColor: "#f8fafc", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  state.map = map;
  state.layer = L.markerClusterGroup({ maxClusterRadius: 35, iconCreateFunction: clusterIcon }).addTo(map);
  legendControl().addTo(map);
}

function popup(event) {
  return `<b>${escapeHTML(event.sub_event_type)}</b><br>${escapeHTML(event.event_date || "?")} · ${escapeHTML(event.location)}<br>` +
    `${escapeHTML(event.actor1 || "?")} vs ${escapeHTML(event.actor2 || "?")}<br>` +
    `fatalities ${event.fatalities} · ${escapeHTML(event.modality)} · ${escapeHTML(event.source)}<br>` +
    `<a href="/documents/${encodeURIComponent(event.document_id)}#${event.event_id}">open document</a> · ` +
    `<a href="/events/${event.event_id}">event and sources</a>`;
}

function drawMap() {
  state.layer.clearLayers();
  state.markers.clear();
  for (const event of visibleEvents()) {
    if (event.latitude == null) continue;
    const marker = L.circleMarker([event.latitude, event.longitude], {
      radius: markerRadius(event.fatalities), color: "#fff", weight: 1,
      fillColor: TYPE_COLOURS[event.event_type] || "#111", fillOpacity: 0.85, eventType: event.event_type,
    }).bindPopup(popup(event));
    state.markers.set(event.event_id, marker);
  }
  state.layer.addLayers([...state.markers.values()]);
  document.getElementById("map").dataset.markers = String(state.markers.size);
}

function showOnMap(eventId) {
  const marker = state.markers.get(eventId);
  if (!marker) return;
  if (state.tab !== "map") selectTab("map");
  let opened = false;
  state.layer.zoomToShowLayer(marker, () => { opened = true; marker.openPopup(); });
  // zoomToShowLayer never calls back if another zoom animation swallows its zoomend: open the popup anyway
  setTimeout(() => {
    if (!opened) state.map.openPopup(marker.getPopup().getContent(), marker.getLatLng());
  }, 1500);
}

// -- event list --------------------------------------------------------------------------------------
function listItem(event) {
  const item = document.createElement("li");
  item.dataset.event = event.event_id;
  const doc = `/documents/${encodeURIComponent(event.document_id)}#${event.event_id}`;
  item.innerHTML = `<span class="legend-dot" style="background:${TYPE_COLOURS[event.event_type] || "#111"}"></span>` +
    `<b>${escapeHTML(event.sub_event_type)}</b> <span class="when">${escapeHTML(event.event_date)} · ${escapeHTML(event.location)}</span><br>` +
    `${escapeHTML(event.actor1 || "?")} → ${escapeHTML(event.actor2 || "?")} · ` +
    `<span class="pill ${escapeHTML(event.modality)}">${escapeHTML(event.modality)}</span>` +
    (event.fatalities ? ` · <span class="dead">${event.fatalities} killed</span>` : "") +
    `<div class="links"><a class="doc-link" href="${doc}">document</a> · <a href="/events/${event.event_id}">sources</a></div>`;
  item.addEventListener("click", (ev) => { if (!ev.target.closest("a")) showOnMap(event.event_id); });
  return item;
}

function drawList() {
  const events = visibleEvents();
  document.getElementById("shown-count").textContent = String(events.length);
  const total = `${state.total.toLocaleString("en")}${state.totalExact ? "" : "+"}`;
  const more = state.total > state.events.length ? ` (first ${state.events.length} of ${total} loaded)` : "";
  document.getElementById("matching").textContent = `of ${total} matching${more}`;
  document.getElementById("event-list").replaceChildren(...events.slice().reverse().map(listItem));
}

// -- timeline ----------------------------------------------------------------------------------------
function weekOf(day) {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function svgEl(name, attrs, parent) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  parent.appendChild(node);
  return node;
}

function drawTimeline() {
  const svg = document.getElementById("timeline");
  const width = svg.clientWidth || 800, height = 90;
  const dated = state.events.filter((e) => e.event_date).map((e) => e.event_date).sort();
  svg.replaceChildren();
  if (!dated.length) return;
  const first = new Date(weekOf(dated[0])).getTime(), last = new Date(dated[dated.length - 1]).getTime() + 7 * 864e5;
  const x = (day) => ((new Date(day).getTime() - first) / (last - first)) * (width - 20) + 10;
  const invert = (px) => new Date(first + ((Math.min(width - 10, Math.max(10, px)) - 10) / (width - 20)) * (last - first)).toISOString().slice(0, 10);
  const counts = {};
  for (const day of dated) counts[weekOf(day)] = (counts[weekOf(day)] || 0) + 1;
  const max = Math.max(...Object.values(counts));
  for (const [week, n] of Object.entries(counts)) {
    const h = Math.max(2, (n / max) * (height - 22));
    const end = new Date(new Date(week).getTime() + 6 * 864e5).toISOString().slice(0, 10);
    const on = state.range && end >= state.range[0] && week <= state.range[1];
    const bar = svgEl("rect", { x: x(week), y: height - 16 - h, height: h, class: "bar" + (on ? " on" : ""),
      width: Math.max(3, x(end) - x(week)) }, svg);
    svgEl("title", {}, bar).textContent = `week of ${week}: ${n} event${n > 1 ? "s" : ""}`;
  }
  drawTicks(svg, first, last, x, height);
  drawBrush(svg, height, invert, x);
}

function drawTicks(svg, first, last, x, height) {
  const years = (last - first) / (365 * 864e5);
  const start = new Date(first), ticks = [];
  if (years > 1.5) {
    const step = Math.ceil(years / 12);
    for (let y = start.getUTCFullYear() + 1; Date.UTC(y, 0, 1) < last; y += step) ticks.push([`${y}-01-01`, String(y)]);
  } else {
    for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); d.getTime() < last; d.setUTCMonth(d.getUTCMonth() + 1)) {
      ticks.push([d.toISOString().slice(0, 10), d.toISOString().slice(0, 7)]);
    }
  }
  for (const [day, label] of ticks) {
    svgEl("line", { x1: x(day), x2: x(day), y1: height - 16, y2: height - 12, class: "tick" }, svg);
    svgEl("text", { x: x(day), y: height - 2, "text-anchor": "middle", class: "tick-label" }, svg).textContent = label;
  }
}

function drawBrush(svg, height, invert, x) {
  const brush = svgEl("rect", { class: "brush", y: 0, height: height - 16, width: 0 }, svg);
  if (state.range) { brush.setAttribute("x", x(state.range[0])); brush.setAttribute("width", Math.max(2, x(state.range[1]) - x(state.range[0]))); }
  let start = null;
  svg.onmousedown = (ev) => { start = ev.offsetX; brush.setAttribute("x", start); brush.setAttribute("width", 0); };
  svg.onmousemove = (ev) => {
    if (start === null) return;
    brush.setAttribute("x", Math.min(start, ev.offsetX)); brush.setAttribute("width", Math.abs(ev.offsetX - start));
  };
  svg.onmouseup = (ev) => {
    if (start === null) return;
    const a = Math.min(start, ev.offsetX), b = Math.max(start, ev.offsetX);
    start = null;
    if (b - a < 3) { setRange(null); return; }  // a click clears the range
    setRange([invert(a), invert(b)]);
  };
}

function setRange(range) {
  state.range = range;
  redraw();
  if (state.tab === "network") drawNetwork();
}

// -- network -----------------------------------------------------------------------------------------
async function drawNetwork() {
  const net = await fetchJSON("/api/network?" + withRange(serverFilters()).toString());
  const form = document.getElementById("filters");
  Network.draw(document.getElementById("network-svg"), net, {
    selected: form.elements.actor.value.trim(),
    onSelect: (node) => {
      form.elements.actor.value = form.elements.actor.value.trim() === node.id ? "" : node.id;
      reload();
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
function redraw() {
  document.getElementById("range-label").textContent = state.range ? `${state.range[0]} → ${state.range[1]}` : "all";
  drawMap(); drawList(); drawTimeline(); updateExports(); writeURL();
}

async function reload() {
  const params = serverFilters();
  params.set("limit", String(PAGE_SIZE));
  params.set("sort", "event_date");
  const data = await fetchJSON("/api/events?" + params.toString());
  state.events = data.items;
  state.total = data.total;
  state.totalExact = data.total_exact !== false;
  redraw();
  if (!state.fitted && state.markers.size) {  // first load: frame the events
    state.map.fitBounds(state.layer.getBounds(), { padding: [30, 30], maxZoom: 7 });
    state.fitted = true;
  }
  if (state.tab === "network") await drawNetwork();
  document.body.dataset.loaded = "true";
}

async function loadActors() {
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

document.addEventListener("DOMContentLoaded", () => {
  readURL();
  initMap();
  const form = document.getElementById("filters");
  form.addEventListener("change", () => reload().catch(showError));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); reload().catch(showError); });
  document.getElementById("clear-range").addEventListener("click", () => setRange(null));
  document.getElementById("reset").addEventListener("click", () => {
    history.replaceState(null, "", window.location.pathname);
    readURL(); reload().catch(showError);
  });
  for (const button of document.querySelectorAll(".tabs button")) button.addEventListener("click", () => selectTab(button.dataset.tab));
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { drawTimeline(); if (state.tab === "network") drawNetwork(); }, 200);
  });
  selectTab(state.tab, false);  // reload() draws the network when it is the open tab
  reload().catch(showError);
  loadActors();
});
