// The event page's correction form (issue 12, deliverable 4): sends only the fields the analyst changed, or
// "not an event", to POST /api/events/{id}/corrections with the write token; Undo sends DELETE
// /api/corrections/{id}; Split out / Merge / Undo change the same-event cluster. The page reloads to show the stored result; errors show the API's message.
"use strict";

(() => {
  const form = document.getElementById("correct-form");
  const status = document.getElementById("correct-status");
  const who = () => ({
    analyst: document.getElementById("analyst-name")?.value.trim() ?? "",
    reason: document.getElementById("analyst-reason")?.value.trim() ?? "",
    token: document.getElementById("analyst-token")?.value ?? "",
  });
  const NUMBERS = new Set(["latitude", "longitude", "fatalities"]);

  function say(text, bad = false) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("bad", bad);
  }

  async function send(method, url, token, body) {
    const headers = { Authorization: `Bearer ${token}` };
    if (body) headers["Content-Type"] = "application/json";
    const response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error?.message ?? `HTTP ${response.status}`);
    return data;
  }

  function needWho(withReason) {
    const w = who();
    if (!w.analyst || !w.token || (withReason && !w.reason)) {
      say(withReason ? "Give your name, the write token and why." : "Give your name and the write token.", true);
      return null;
    }
    return w;
  }

  function changedFields() {
    const fields = {};
    for (const input of form.querySelectorAll("input[name], select[name]")) {
      const changed = input.tagName === "SELECT" ? !input.selectedOptions[0]?.defaultSelected
        : input.value !== input.defaultValue;
      if (!changed) continue;
      const value = input.value.trim();
      fields[input.name] = value === "" ? "" : (NUMBERS.has(input.name) ? Number(value) : value);
    }
    return fields;
  }

  async function submit(reject) {
    const w = needWho(true);
    if (!w) return;
    const body = { analyst: w.analyst, reason: w.reason };
    if (reject) body.reject = true;
    else {
      body.fields = changedFields();
      if (!Object.keys(body.fields).length) { say("Nothing changed: edit a field first.", true); return; }
    }
    say("Saving…");
    try {
      await send("POST", `/api/events/${encodeURIComponent(form.dataset.event)}/corrections`, w.token, body);
      say("Saved.");
      window.location.reload();
    } catch (err) {
      say(err.message, true);
    }
  }

  if (form) {
    const taxonomy = JSON.parse(form.dataset.taxonomy);
    const type = form.elements.event_type;
    const sub = form.elements.sub_event_type;
    type.addEventListener("change", () => {  // the sub-types of the chosen type
      sub.replaceChildren(...(taxonomy[type.value] ?? []).map((s) => new Option(s, s)));
    });
    form.addEventListener("submit", (ev) => { ev.preventDefault(); submit(false); });
    document.getElementById("reject-event").addEventListener("click", () => submit(true));
  }

  for (const button of document.querySelectorAll("button.undo")) {
    button.addEventListener("click", async () => {
      const w = needWho(false);
      if (!w) return;
      const params = new URLSearchParams({ analyst: w.analyst, reason: w.reason });
      say("Undoing…");
      try {
        await send("DELETE", `/api/corrections/${button.dataset.correction}?${params}`, w.token);
        say("Undone.");
        window.location.reload();
      } catch (err) {
        say(err.message, true);
      }
    });
  }
  // splits and merges of the same-event cluster: POST /api/clusters/split|merge, DELETE /api/cluster-overrides/{id}
  async function cluster(path, extra, method = "POST") {
    const w = needWho(method === "POST");
    if (!w) return;
    say("Saving…");
    try {
      if (method === "POST") await send("POST", path, w.token, { analyst: w.analyst, reason: w.reason, ...extra });
      else await send("DELETE", `${path}?${new URLSearchParams({ analyst: w.analyst, reason: w.reason })}`, w.token);
      say("Saved.");
      window.location.reload();
    } catch (err) {
      say(err.message, true);
    }
  }
  for (const button of document.querySelectorAll("button.split")) {
    button.addEventListener("click", () => cluster("/api/clusters/split", { event: button.dataset.event }));
  }
  for (const button of document.querySelectorAll("button.merge")) {
    button.addEventListener("click", () => cluster("/api/clusters/merge",
      { event: button.dataset.event, with: button.dataset.with }));
  }
  for (const button of document.querySelectorAll("button.undo-override")) {
    button.addEventListener("click", () => cluster(`/api/cluster-overrides/${button.dataset.override}`, {}, "DELETE"));
  }
  document.body.dataset.loaded = "true";  // tests wait on it, as on every page
})();
