// Back to the dashboard keeps its filters when we came from it; hovering an event lights up its sentence.
document.getElementById("back-link").addEventListener("click", (ev) => {
  const from = document.referrer ? new URL(document.referrer) : null;
  if (from && from.origin === location.origin && from.pathname === "/") { ev.preventDefault(); history.back(); }
});
for (const item of document.querySelectorAll(".doc-events li")) {
  const span = document.getElementById(item.dataset.event);
  if (!span) continue;
  item.addEventListener("mouseenter", () => span.classList.add("flash"));
  item.addEventListener("mouseleave", () => span.classList.remove("flash"));
}
