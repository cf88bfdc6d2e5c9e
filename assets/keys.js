/* Stepping through the congresses: ← and → keys and the Previous / Next buttons.
   The step is taken from the URL at once (history.pushState), so quick presses are never lost;
   Dash's location component then redraws the page from the new URL. Esc leaves full screen. */
(function () {
  function order() {
    var page = document.getElementById("page");
    return page && page.dataset.order ? page.dataset.order.split(",") : [];
  }
  function param(id) {
    var parts = id.split("-");
    return parts[0] === "ar" ? String(parseInt(parts[1], 10)) : "au-" + parseInt(parts[1], 10);
  }
  function step(by) {
    var ids = order();
    if (!ids.length) { return; }
    var query = new URLSearchParams(window.location.search);
    var here = ids.map(param).indexOf(query.get("congress") || "");
    var next = Math.max(0, Math.min(ids.length - 1, (here < 0 ? 0 : here + by)));
    query.delete("compare"); query.delete("view"); query.delete("measure"); query.delete("hall");
    query.set("congress", param(ids[next]));
    var search = "?" + query.toString().replace(/%2C/g, ",");
    if (search === window.location.search) { return; }
    window.history.pushState({}, "", window.location.pathname + search);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#prev, #next");
    if (button) { step(button.id === "prev" ? -1 : 1); }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
      (target.closest && target.closest(".dash-dropdown, [role=listbox], [role=radiogroup]")));
    if (target && target.closest && target.closest(".walk")) { return; }  // the chart walk has the keys
    if (typing || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "Escape" && document.fullscreenElement) { document.exitFullscreen(); return; }
    var view = document.getElementById("view");
    if (!view || view.hidden) { return; }
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      step(event.key === "ArrowLeft" ? -1 : 1);
    }
  });
})();
