// Frontlines dashboard: map, timeline with brushing, filters, event list and actor network.
// Data comes from the JSON API; the basemap from the world-atlas npm package (served locally).
"use strict";

const TYPE_COLOURS = {
  "Battles": "#b91c1c",
  "Explosions/Remote violence": "#ea580c",
  "Violence against civilians": "#7c3aed",
  "Protests": "#0284c7",
  "Riots": "#0891b2",
  "Strategic developments": "#4b5563",
};
const state = { events: [], range: null, map: null, layer: null };

function filterParams() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams({ limit: "1000", sort: "event_date" });
  for (const name of ["q", "actor", "type"]) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  const modalities = [...form.querySelectorAll("input[name=modality]:checked")].map((i) => i.value);
  if (modalities.length) params.set("modality", modalities.join(","));
  return params;
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

function initMap() {
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([29, 17], 5);
  map.attributionControl.addAttribution("Basemap: Natural Earth via world-atlas");
  fetch("/static/vendor/countries-50m.json").then((r) => r.json()).then((world) => {
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, { style: { color: "#94a3b8", weight: 0.7, fillColor: "#f8fafc", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  state.map = map;
  state.layer = L.markerClusterGroup({ maxClusterRadius: 35 }).addTo(map);
}

function popup(event) {
  return `<b>${event.sub_event_type}</b><br>${event.event_date || "?"} · ${event.location || ""}<br>` +
    `${event.actor1 || "?"} vs ${event.actor2 || "?"}<br>fatalities ${event.fatalities} · ${event.modality}<br>` +
    `<a href="/documents/${encodeURIComponent(event.document_id)}#${event.event_id}">open document</a> · ` +
    `<a href="/events/${event.event_id}">event</a>`;
}

function drawMap() {
  state.layer.clearLayers();
  const markers = [];
  for (const event of visibleEvents()) {
    if (event.latitude == null) continue;
    const marker = L.circleMarker([event.latitude, event.longitude], {
      radius: 5 + Math.min(14, Math.sqrt(event.fatalities || 0) * 2),
      color: "#fff", weight: 1, fillColor: TYPE_COLOURS[event.event_type] || "#111", fillOpacity: 0.85,
    }).bindPopup(popup(event));
    marker.options.eventId = event.event_id;
    markers.push(marker);
  }
  state.layer.addLayers(markers);
  document.getElementById("map").dataset.markers = String(markers.length);
}

function drawList() {
  const list = document.getElementById("event-list");
  const events = visibleEvents();
  document.getElementById("shown-count").textContent = String(events.length);
  list.replaceChildren(...events.slice().reverse().map((event) => {
    const item = document.createElement("li");
    item.dataset.event = event.event_id;
    item.innerHTML = `<span class="legend-dot" style="background:${TYPE_COLOURS[event.event_type]}"></span>` +
      `<b>${event.sub_event_type}</b> <span class="when">${event.event_date || ""} · ${event.location || ""}</span><br>` +
      `${event.actor1 || "?"} → ${event.actor2 || "?"} · <span class="pill ${event.modality}">${event.modality}</span>`;
    item.addEventListener("click", () => {
      window.location.href = `/documents/${encodeURIComponent(event.document_id)}#${event.event_id}`;
    });
    return item;
  }));
}

function weekOf(day) {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function drawTimeline() {
  const svg = document.getElementById("timeline");
  const width = svg.clientWidth || 800, height = 90;
  const dated = state.events.filter((e) => e.event_date).map((e) => e.event_date).sort();
  svg.replaceChildren();
  if (!dated.length) return;
  const first = new Date(dated[0]).getTime(), last = new Date(dated[dated.length - 1]).getTime() + 864e5;
  const x = (day) => ((new Date(day).getTime() - first) / (last - first)) * (width - 20) + 10;
  const invert = (px) => new Date(first + ((px - 10) / (width - 20)) * (last - first)).toISOString().slice(0, 10);
  const counts = {};
  for (const day of dated) counts[weekOf(day)] = (counts[weekOf(day)] || 0) + 1;
  const max = Math.max(...Object.values(counts));
  const ns = "http://www.w3.org/2000/svg";
  for (const [week, n] of Object.entries(counts)) {
    const bar = document.createElementNS(ns, "rect");
    const h = (n / max) * (height - 20);
    bar.setAttribute("x", Math.max(0, x(week))); bar.setAttribute("width", Math.max(3, (width - 20) / 300));
    bar.setAttribute("y", height - 14 - h); bar.setAttribute("height", h);
    bar.setAttribute("class", "bar" + (state.range && week >= weekOf(state.range[0]) && week <= state.range[1] ? " on" : ""));
    const title = document.createElementNS(ns, "title"); title.textContent = `week of ${week}: ${n} events`;
    bar.appendChild(title); svg.appendChild(bar);
  }
  for (const day of [dated[0], dated[dated.length - 1]]) {
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", day === dated[0] ? 10 : width - 80); label.setAttribute("y", height - 2);
    label.setAttribute("font-size", "11"); label.textContent = day; svg.appendChild(label);
  }
  let start = null;
  const brush = document.createElementNS(ns, "rect");
  brush.setAttribute("class", "brush"); brush.setAttribute("y", 0); brush.setAttribute("height", height - 14);
  brush.setAttribute("width", 0); svg.appendChild(brush);
  svg.onmousedown = (ev) => { start = ev.offsetX; brush.setAttribute("x", start); brush.setAttribute("width", 0); };
  svg.onmousemove = (ev) => {
    if (start === null) return;
    brush.setAttribute("x", Math.min(start, ev.offsetX)); brush.setAttribute("width", Math.abs(ev.offsetX - start));
  };
  svg.onmouseup = (ev) => {
    if (start === null) return;
    const a = Math.min(start, ev.offsetX), b = Math.max(start, ev.offsetX);
    start = null;
    if (b - a < 3) return;
    setRange([invert(a), invert(b)]);
  };
}

function setRange(range) {
  state.range = range;
  document.getElementById("range-label").textContent = range ? `${range[0]} → ${range[1]}` : "all";
  drawMap(); drawList(); drawTimeline();
}

async function drawNetwork() {
  const net = await fetchJSON("/api/network?" + filterParams().toString());
  const svg = document.getElementById("network-svg");
  const ns = "http://www.w3.org/2000/svg";
  svg.replaceChildren();
  const nodes = net.nodes.slice(0, 30), cx = 400, cy = 280, r = 220;
  const pos = {};
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length;
    pos[n.id] = [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
  for (const e of net.edges) {
    if (!pos[e.source] || !pos[e.target]) continue;
    const line = document.createElementNS(ns, "line");
    const [x1, y1] = pos[e.source], [x2, y2] = pos[e.target];
    Object.entries({ x1, y1, x2, y2, "stroke-width": 1 + 2 * Math.log2(1 + e.weight), class: "edge",
      stroke: e.kind === "fights" ? "#b91c1c" : "#15803d" }).forEach(([k, v]) => line.setAttribute(k, v));
    const title = document.createElementNS(ns, "title"); title.textContent = `${e.kind}: ${e.weight} events`;
    line.appendChild(title); svg.appendChild(line);
  }
  for (const n of nodes) {
    const g = document.createElementNS(ns, "g"); g.setAttribute("class", "node");
    const [x, y] = pos[n.id];
    const c = document.createElementNS(ns, "circle");
    c.setAttribute("cx", x); c.setAttribute("cy", y); c.setAttribute("r", 4 + Math.sqrt(n.events) * 2); c.setAttribute("fill", "#1d2430");
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", x + 8); t.setAttribute("y", y + 4); t.textContent = n.name.length > 40 ? n.name.slice(0, 38) + "…" : n.name;
    g.append(c, t); svg.appendChild(g);
  }
}

async function reload() {
  const data = await fetchJSON("/api/events?" + filterParams().toString());
  state.events = data.items;
  drawMap(); drawList(); drawTimeline();
  if (!document.getElementById("network").classList.contains("hidden")) drawNetwork();
  document.body.dataset.loaded = "true";
}

async function loadActors() {
  const actors = await fetchJSON("/api/actors?limit=200");
  document.getElementById("actor-list").replaceChildren(...actors.items.map((a) => {
    const option = document.createElement("option"); option.value = a.name; return option;
  }));
}

document.addEventListener("DOMContentLoaded", () => {
  initMap();
  const form = document.getElementById("filters");
  form.addEventListener("change", reload);
  form.addEventListener("submit", (ev) => { ev.preventDefault(); reload(); });
  document.getElementById("clear-range").addEventListener("click", () => setRange(null));
  for (const button of document.querySelectorAll(".tabs button")) {
    button.addEventListener("click", () => {
      document.querySelectorAll(".tabs button").forEach((b) => b.classList.toggle("active", b === button));
      document.getElementById("map").classList.toggle("hidden", button.dataset.tab !== "map");
      document.getElementById("network").classList.toggle("hidden", button.dataset.tab !== "network");
      if (button.dataset.tab === "network") drawNetwork(); else state.map.invalidateSize();
    });
  }
  reload().catch((err) => { document.getElementById("event-list").textContent = "Could not load events: " + err.message; });
  loadActors();
});
