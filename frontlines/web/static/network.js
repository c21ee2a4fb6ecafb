// Actor network: a small force-directed layout (Fruchterman-Reingold) drawn as SVG, with labels
// placed away from the centre and kept apart. Edges come from events (/api/network: fighting, agreements) and from
// the relations reports state (/api/relations, issue 13: alliance, support and arms, requests, recognition, mediation,
// agreements, sanctions), each type with its colour and dash, listed by Network.legend. Exposes one global:
// Network.draw(svg, net, options), Network.withRelations(net, links), Network.legend(element).
"use strict";

const Network = (() => {
  const NS = "http://www.w3.org/2000/svg";
  // edge types: the events' kinds (fights, supports, other) and the relations' (issue 13); ``unit`` names what a
  // weight counts in tooltips
  const KINDS = {
    fights: { colour: "#b91c1c", label: "fighting", note: "hostile: battles, strikes, violence" },
    sanctions: { colour: "#c2410c", label: "sanctions", dash: "9 4", note: "hostile" },
    alliance: { colour: "#166534", label: "alliance" },
    support: { colour: "#65a30d", label: "support / arms", dash: "7 3", note: "support, arms, basing" },
    supports: { colour: "#0f766e", label: "agreement", note: "cooperative: agreements" },
    mediation: { colour: "#0891b2", label: "mediation", dash: "3 3" },
    recognition: { colour: "#7c3aed", label: "recognition", dash: "10 3 2 3" },
    request: { colour: "#2563eb", label: "request", dash: "1 4", note: "for help: not an intervention" },
    other: { colour: "#64748b", label: "other" },
  };
  // a relation's kind as drawn: fighting and agreements share the events' kinds; support, arms and basing one type
  const RELATION_KIND = { fighting: "fights", agreement: "supports", support: "support", arms: "support",
    basing: "support", alliance: "alliance", request: "request", recognition: "recognition", mediation: "mediation",
    sanctions: "sanctions" };
  const MAX_NODES = 60;  // the most active actors drawn; a note says how many more there are

  function el(name, attrs = {}, parent = null) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }

  // Short labels from ACLED-style names (the full name is in the tooltip):
  // "Military Forces of Libya (2016-2021) Government of National Accord" -> "Government of National Accord forces",
  // "Military Forces of Libya (2014-) Libyan National Army" -> "Libyan National Army",
  // "BRSC: Benghazi Revolutionaries Shura Council" -> "BRSC", "Islamic State (Libya)" -> "Islamic State".
  function shortName(name) {
    const afterParen = name.match(/^(.*?)\([^)]*\)\s+(.+)$/);
    if (afterParen) {
      const unit = afterParen[2], military = /^Military Forces/.test(afterParen[1]);
      return shorten(military && !/Army|Forces|Militia|Guard/.test(unit) ? `${unit} forces` : unit);
    }
    const acronym = name.match(/^([A-Z][A-Za-z0-9-]{1,7}):\s/);
    if (acronym) return acronym[1];
    return shorten(name);  // "Civilians (Libya)": the country stays (issue 12: two "Civilians" told nothing)
  }

  // Each node's label: its short name, with the country where two nodes would otherwise read the same
  // ("Civilians (Libya)" / "Civilians (Syria)"; "Police Forces (LY)" from the id when the name has none).
  function labels(nodes) {
    const short = new Map(nodes.map((n) => [n.id, shortName(n.name)]));
    const seen = new Map();
    for (const [id, text] of short) seen.set(text, [...(seen.get(text) || []), id]);
    for (const [text, ids] of seen) {
      if (ids.length < 2) continue;
      for (const id of ids) {
        const country = nodes.find((n) => n.id === id).name.match(/^Military Forces of ([A-Z][A-Za-z .'-]+?)(?: \(|$)/);
        const code = id.split(".").pop();
        const hasCountry = /\([^()]+\)$/.test(text);
        short.set(id, `${text} (${!hasCountry && country ? country[1] : (!hasCountry && /^[A-Z]{2}$/.test(code) ? code : id)})`);
      }
    }
    return short;
  }

  // A label cut to ``max`` characters keeps its country: "Civilians (Libya)" -> "Civil… (Libya)".
  function compact(text, max = 14) {
    const withCountry = text.match(/^(.*\S) (\([^()]+\))$/);
    if (!withCountry || withCountry[2].length > max - 4) return shorten(text, max);
    return `${shorten(withCountry[1], Math.max(4, max - withCountry[2].length - 1))} ${withCountry[2]}`;
  }

  function shorten(text, max = 36) { return text.length > max ? text.slice(0, max - 1) + "…" : text; }

  // A→B and B→A of the same kind become one undirected edge; the directions stay in the tooltip.
  function mergeEdges(edges, known) {
    const merged = new Map();
    for (const e of edges) {
      if (!known.has(e.source) || !known.has(e.target) || e.source === e.target) continue;
      const [a, b] = [e.source, e.target].sort();
      const key = `${a}|${b}|${e.kind}`;
      const m = merged.get(key) || { a, b, kind: KINDS[e.kind] ? e.kind : "other", weight: 0, parts: [] };
      m.weight += e.weight;
      m.parts.push(e);
      merged.set(key, m);
    }
    return [...merged.values()];
  }

  function layout(nodes, edges, width, height) {
    const n = nodes.length, cx = width / 2, cy = height / 2;
    const k = 0.9 * Math.sqrt((width * height) / Math.max(1, n));
    const pos = nodes.map((_, i) => {  // deterministic start: a golden-angle spiral, biggest actors inside
      const r = 12 * Math.sqrt(i + 0.5) * (k / 30), a = i * 2.39996;
      return { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) };
    });
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    let temperature = width / 8;
    for (let step = 0; step < 300; step++) {
      const disp = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = pos[i].x - pos[j].x || 0.01, dy = pos[i].y - pos[j].y || 0.01;
          const d = Math.max(1, Math.hypot(dx, dy)), f = (k * k) / d;
          disp[i].x += (dx / d) * f; disp[i].y += (dy / d) * f;
          disp[j].x -= (dx / d) * f; disp[j].y -= (dy / d) * f;
        }
      }
      for (const e of edges) {
        const i = index.get(e.a), j = index.get(e.b);
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, d = Math.max(1, Math.hypot(dx, dy));
        const f = ((d * d) / k) * (1 + Math.log2(e.weight) / 4);
        disp[i].x -= (dx / d) * f; disp[i].y -= (dy / d) * f;
        disp[j].x += (dx / d) * f; disp[j].y += (dy / d) * f;
      }
      pos.forEach((p, i) => {  // gravity keeps disconnected pairs on screen
        disp[i].x -= (p.x - cx) * 0.08 * (k / 40); disp[i].y -= (p.y - cy) * 0.08 * (k / 40);
        const d = Math.max(1, Math.hypot(disp[i].x, disp[i].y)), move = Math.min(d, temperature);
        p.x += (disp[i].x / d) * move; p.y += (disp[i].y / d) * move;
      });
      temperature = Math.max(1, temperature * 0.985);
    }
    return fit(pos, width, height);
  }

  // Node sizes by events, scaled to the busiest actor and capped by how crowded the picture is.
  function radii(nodes, width, height) {
    const most = Math.max(1, ...nodes.map((n) => n.events));
    const cap = Math.max(7, Math.min(26, Math.sqrt((width * height) / Math.max(1, nodes.length)) / 5));
    return nodes.map((n) => 4 + (cap - 4) * Math.sqrt(n.events / most));
  }

  // Circles pushed apart until none overlaps another (a star's leaves otherwise pile up on its hub), kept on screen.
  function separate(pos, r, width, height, pad = 6) {
    for (let round = 0; round < 80; round++) {
      let moved = false;
      for (let i = 0; i < pos.length; i++) {
        for (let j = i + 1; j < pos.length; j++) {
          const dx = pos[j].x - pos[i].x || 0.01 * (j - i), dy = pos[j].y - pos[i].y || 0.01;
          const d = Math.hypot(dx, dy), need = r[i] + r[j] + pad;
          if (d >= need) continue;
          const push = (need - d) / 2 + 0.1;
          pos[i].x -= (dx / d) * push; pos[i].y -= (dy / d) * push;
          pos[j].x += (dx / d) * push; pos[j].y += (dy / d) * push;
          moved = true;
        }
      }
      pos.forEach((p, i) => {
        p.x = Math.min(width - r[i] - 2, Math.max(r[i] + 2, p.x));
        p.y = Math.min(height - r[i] - 2, Math.max(r[i] + 2, p.y));
      });
      if (!moved) break;
    }
    return pos;
  }

  function fit(pos, width, height) {
    const mx = Math.min(170, width * 0.2), my = 40;
    const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const sx = (width - 2 * mx) / Math.max(1, x1 - x0), sy = (height - 2 * my) / Math.max(1, y1 - y0);
    return pos.map((p) => ({ x: x1 === x0 ? width / 2 : mx + (p.x - x0) * sx, y: y1 === y0 ? height / 2 : my + (p.y - y0) * sy }));
  }

  function overlaps(a, b, pad = 2) {
    return a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;
  }

  function crossings(segments, box) {  // how many edges pass through the label's box (sampled: good enough here)
    return segments.filter(([p, q]) => {
      for (let t = 0.04; t < 1; t += 0.04) {
        const x = p.x + (q.x - p.x) * t, y = p.y + (q.y - p.y) * t;
        if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) return true;
      }
      return false;
    }).length;
  }

  // Try spots around the node, preferring the side away from the centre; among those inside the drawing
  // that overlap no other label or node, keep the one crossed by the fewest edges.
  function placeLabel(text, p, r, centre, taken, width, height, segments) {
    const out = p.x >= centre.x ? 1 : -1, gap = r + 4, side = (dir) => (dir > 0 ? "start" : "end");
    const spots = [
      [out * gap, 4, side(out)], [0, -gap - 2, "middle"], [0, gap + 11, "middle"], [-out * gap, 4, side(-out)],
      [out * (r + 2), -(r + 6), side(out)], [out * (r + 2), r + 14, side(out)],
      [-out * (r + 2), -(r + 6), side(-out)], [-out * (r + 2), r + 14, side(-out)],
    ];
    let best = null;
    for (const [dx, dy, anchor] of spots) {
      text.setAttribute("x", p.x + dx); text.setAttribute("y", p.y + dy); text.setAttribute("text-anchor", anchor);
      const box = text.getBBox();
      const inside = box.x >= 2 && box.y >= 2 && box.x + box.width <= width - 2 && box.y + box.height <= height - 2;
      if (!inside || taken.some((t) => overlaps(box, t))) continue;
      const score = crossings(segments, box);
      if (!best || score < best.score) best = { score, box, at: [p.x + dx, p.y + dy, anchor] };
      if (score === 0) break;
    }
    if (!best) return null;
    text.setAttribute("x", best.at[0]); text.setAttribute("y", best.at[1]); text.setAttribute("text-anchor", best.at[2]);
    return best.box;
  }

  function drawEdges(svg, edges, pos, index, names) {
    const group = el("g", { class: "edges" }, svg);
    for (const e of edges) {
      const p = pos[index.get(e.a)], q = pos[index.get(e.b)];
      const g = el("g", { class: `edge-group kind-${e.kind}`, "data-a": e.a, "data-b": e.b }, group);
      const kind = KINDS[e.kind], width = 1 + 1.6 * Math.sqrt(e.weight);
      const attrs = { x1: p.x, y1: p.y, x2: q.x, y2: q.y, class: "edge", stroke: kind.colour,
        "stroke-width": width.toFixed(1), "data-weight": e.weight };
      if (kind.dash) attrs["stroke-dasharray"] = kind.dash.split(" ").map((d) => (d * Math.max(1, width / 2)).toFixed(1)).join(" ");
      el("line", attrs, g);
      el("line", { x1: p.x, y1: p.y, x2: q.x, y2: q.y, class: "edge-hit" }, g);
      const lines = e.parts.map((part) => `${names.get(part.source)} → ${names.get(part.target)}: ${part.weight} ` +
        (part.relation ? `(${part.first || "?"}${part.last && part.last !== part.first ? ` – ${part.last}` : ""}` +
          `${part.kinds ? `; ${part.kinds}` : ""})${part.sentence ? `\n  “${part.sentence}”` : ""}`
          : `(${Object.entries(part.sub_types || {}).map(([t, c]) => `${t} ×${c}`).join(", ")})`));
      const unit = e.parts.every((part) => part.relation) ? "report" : "event or report";
      el("title", {}, g).textContent = `${kind.label}, ${e.weight} ${unit}${e.weight > 1 ? "s" : ""}\n${lines.join("\n")}`;
    }
  }

  function drawNodes(svg, nodes, pos, segments, options) {
    const width = options.width, height = options.height, centre = { x: width / 2, y: height / 2 };
    const group = el("g", { class: "nodes" }, svg), taken = [];
    const order = nodes.map((_, i) => i).sort((i, j) => nodes[j].events - nodes[i].events);
    const sizes = new Map(nodes.map((node, i) => [node.id, options.radii[i]]));
    const radius = (node) => sizes.get(node.id);
    for (const i of order) {  // circles first, so labels avoid every node
      const r = radius(nodes[i]);
      taken.push({ x: pos[i].x - r, y: pos[i].y - r, width: 2 * r, height: 2 * r });
    }
    for (const i of order) {
      const node = nodes[i], p = pos[i], r = radius(node);
      const g = el("g", { class: "node" + (node.id === options.selected ? " selected" : ""), "data-id": node.id }, group);
      el("circle", { cx: p.x, cy: p.y, r }, g);
      const text = el("text", { class: "label" }, g);
      text.textContent = options.labels.get(node.id);
      let box = placeLabel(text, p, r, centre, taken, width, height, segments);
      if (!box) {
        text.textContent = compact(options.labels.get(node.id), 14);
        box = placeLabel(text, p, r, centre, taken, width, height, segments);
      }
      if (box) taken.push(box); else text.classList.add("overflow");  // shown on hover only
      el("title", {}, g).textContent = `${node.name} (${node.id})\n${node.events} events · click to filter by this actor`;
      g.addEventListener("mouseenter", () => focus(svg, node.id, true));
      g.addEventListener("mouseleave", () => focus(svg, node.id, false));
      g.addEventListener("click", () => options.onSelect && options.onSelect(node));
    }
  }

  function focus(svg, id, on) {
    svg.classList.toggle("focusing", on);
    for (const g of svg.querySelectorAll(".edge-group")) {
      const hit = g.dataset.a === id || g.dataset.b === id;
      g.classList.toggle("hi", on && hit);
      if (!hit) continue;
      const other = g.dataset.a === id ? g.dataset.b : g.dataset.a;
      svg.querySelector(`.node[data-id="${CSS.escape(other)}"]`).classList.toggle("hi", on);
    }
    svg.querySelector(`.node[data-id="${CSS.escape(id)}"]`).classList.toggle("hi", on);
  }

  function draw(svg, net, options = {}) {
    const width = svg.clientWidth || 800, height = svg.clientHeight || 560;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.replaceChildren();
    const nodes = net.nodes.slice(0, MAX_NODES);
    const known = new Set(nodes.map((n) => n.id)), names = new Map(net.nodes.map((n) => [n.id, n.name]));
    const edges = mergeEdges(net.edges, known);
    if (!nodes.length) {
      el("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, svg).textContent =
        "No asserted or claimed events with two actors match these filters.";
      return;
    }
    const r = radii(nodes, width, height);
    const pos = separate(layout(nodes, edges, width, height), r, width, height);
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    drawEdges(svg, edges, pos, index, names);
    const segments = edges.map((e) => [pos[index.get(e.a)], pos[index.get(e.b)]]);
    drawNodes(svg, nodes, pos, segments, { ...options, width, height, labels: labels(nodes), radii: r });
    svg.dataset.nodes = String(nodes.length);
    svg.dataset.edges = String(edges.length);
    svg.dataset.actors = String(net.nodes.length);
    if (net.nodes.length > nodes.length) {
      el("text", { x: 8, y: height - 8, class: "net-note" }, svg).textContent = `the ${nodes.length} most active of ` +
        `${net.nodes.length} actors; narrow the filters or the dates (timeline) for the others`;
    }
  }

  // The network of the relations reports state (/api/relations?stated=true&edges=false: its ``links``, one per actor
  // pair and kind; relations made from an event are left out there, the events already count them) added to the
  // events' network; actors the events do not name join as nodes. Support, arms and basing become one type.
  function withRelations(net, links) {
    const nodes = [...net.nodes], known = new Set(nodes.map((n) => n.id)), edges = new Map();
    for (const link of links) {
      const kind = RELATION_KIND[link.kind];
      if (!kind) continue;
      for (const [id, name] of [[link.source, link.source_name], [link.target, link.target_name]]) {
        if (!known.has(id)) { known.add(id); nodes.push({ id, name, events: 0 }); }
      }
      const key = `${link.source}|${link.target}|${kind}`;
      const edge = edges.get(key) || { source: link.source, target: link.target, kind, weight: 0, relation: true,
        first: link.first, last: link.last, seen: new Set(), sentence: ((link.evidence[0] || {}).sentence || "").slice(0, 160) };
      edge.weight += link.count;
      edge.seen.add(link.kind);
      edge.kinds = edge.seen.size > 1 || link.kind !== kind ? [...edge.seen].join(", ") : "";
      if (link.first && (!edge.first || link.first < edge.first)) edge.first = link.first;
      if (link.last && (!edge.last || link.last > edge.last)) edge.last = link.last;
      edges.set(key, edge);
    }
    return { nodes, edges: [...net.edges, ...edges.values()], relations: edges.size };
  }

  // The legend of edge types: a sample of each line (colour and dash) and its name.
  function legend(element) {
    element.replaceChildren(...Object.entries(KINDS).map(([name, kind]) => {
      const item = document.createElement("span");
      item.className = "edge-kind";
      item.dataset.kind = name;
      const line = el("svg", { width: 26, height: 8, "aria-hidden": "true" });
      el("line", { x1: 1, y1: 4, x2: 25, y2: 4, stroke: kind.colour, "stroke-width": 3,
        ...(kind.dash ? { "stroke-dasharray": kind.dash } : {}) }, line);
      item.append(line, ` ${kind.label}`);
      if (kind.note) item.title = kind.note;
      if (kind.note && name === "fights") item.append(` (${kind.note})`);
      return item;
    }));
  }

  return { draw, KINDS, shortName, labels, withRelations, legend };
})();

document.addEventListener("DOMContentLoaded", () => {
  const kinds = document.getElementById("network-kinds");  // the dashboard's network legend
  if (kinds) Network.legend(kinds);
});
