// The feeds page keeps itself current: /api/feeds every 30 s (the watcher polls in the background).
"use strict";

const COLUMNS = ["status", "http_status", "last_checked", "next_check", "failures", "entries", "documents", "last_error"];

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text === null || text === undefined ? "" : String(text);
  return td;
}

function row(feed) {
  const tr = document.createElement("tr");
  tr.dataset.feed = feed.url;
  tr.dataset.status = feed.status;
  const name = cell(feed.title || "");
  name.append(document.createElement("br"));
  const url = document.createElement("small");
  url.textContent = feed.url;
  name.append(url);
  tr.append(name);
  for (const key of COLUMNS) {
    if (key === "status") {
      const td = document.createElement("td");
      const pill = document.createElement("span");
      pill.className = `pill feed-${feed.status}`;
      pill.textContent = feed.status.replace("_", " ");
      td.append(pill);
      tr.append(td);
    } else {
      const td = cell(feed[key]);
      if (key === "last_error") td.className = "feed-error";
      tr.append(td);
    }
  }
  return tr;
}

async function refresh() {
  document.body.dataset.loaded = "false";
  try {
    const response = await fetch("/api/feeds");
    const data = await response.json();
    document.getElementById("feeds-rows").replaceChildren(...data.items.map(row));
    document.getElementById("feeds-total").textContent = String(data.total);
    const parts = Object.entries(data.by_status).map(([status, n]) => `${n} ${status.replace("_", " ")}`);
    if (parts.length) document.getElementById("feeds-summary").textContent = parts.join(" · ");
    document.body.dataset.loaded = "true";
  } catch (err) {
    document.body.dataset.loaded = "error";
  }
}

refresh();
setInterval(refresh, 30_000);
