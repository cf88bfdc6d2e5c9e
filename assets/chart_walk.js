/* Walking a chart by keyboard (the steps come from the chart's rows: dashboard/charts/walk.py).
   Each chart is one focusable region (.walk, role "application") whose data-walk holds a tree:
   → and ← move between the steps of a level, ↓ goes a level deeper, ↑ back up, Home and End go to the
   first and last step, Esc leaves the region. Each step is said in the live region under the chart, and
   the traces it names are highlighted: the others are dimmed. While the region has the focus, the
   arrow keys walk the chart and never change the congress. */
(function () {
  var DIM = 0.2;
  var paths = new WeakMap();

  function tree(region) {
    try { return JSON.parse(region.getAttribute("data-walk") || "null"); } catch (e) { return null; }
  }
  function level(walk, path) {
    var steps = walk.steps;
    for (var i = 0; i < path.length - 1; i++) { steps = steps[path[i]].steps; }
    return steps;
  }
  function said(region) { return document.getElementById(region.id.replace(/^walk-/, "walk-said-")); }
  function matches(meta, match) {
    if (!meta) { return false; }
    return Object.keys(match).every(function (key) {
      return match[key].map(String).indexOf(String(meta[key])) >= 0;
    });
  }
  function highlight(region, match) {
    var graph = region.querySelector(".js-plotly-plot");
    if (!graph || !graph.data || !window.Plotly) { return; }
    var opacity = graph.data.map(function (trace) { return !match || matches(trace.meta, match) ? 1 : DIM; });
    var same = graph.data.every(function (trace, i) { return (trace.opacity === undefined ? 1 : trace.opacity) === opacity[i]; });
    if (!same) { window.Plotly.restyle(graph, { opacity: opacity }); }
  }
  function show(region, walk, path, prefix) {
    paths.set(region, { walk: region.getAttribute("data-walk"), path: path });
    var out = said(region);
    if (!path.length) {
      highlight(region, null);
      if (out) { out.textContent = (prefix || "") + walk.label; }
      return;
    }
    var step = level(walk, path)[path[path.length - 1]];
    highlight(region, step.match);
    if (out) { out.textContent = (prefix || "") + step.say; }
  }
  function leave(region) {
    highlight(region, null);
    paths.delete(region);
    var out = said(region);
    if (out) { out.textContent = ""; }
  }

  document.addEventListener("keydown", function (event) {
    var region = event.target.closest && event.target.closest(".walk");
    if (!region || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var walk = tree(region);
    var keys = ["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", "Home", "End", "Escape"];
    if (!walk || !walk.steps.length || keys.indexOf(event.key) < 0) { return; }
    event.preventDefault();
    event.stopPropagation();
    var kept = paths.get(region);
    var path = kept && kept.walk === region.getAttribute("data-walk") ? kept.path.slice() : [];
    if (event.key === "Escape") {
      leave(region);
      var section = region.closest("section");
      var next = section && section.querySelector("details summary");
      if (next) { next.focus(); } else { region.blur(); }
      return;
    }
    if (!path.length) {
      if (event.key === "ArrowUp") { show(region, walk, [], "Top of the chart. "); return; }
      path = [event.key === "End" ? walk.steps.length - 1 : 0];
      show(region, walk, path);
      return;
    }
    var steps = level(walk, path);
    var here = path[path.length - 1];
    var step = steps[here];
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      var to = here + (event.key === "ArrowRight" ? 1 : -1);
      if (to < 0 || to >= steps.length) {
        show(region, walk, path, to < 0 ? "First. " : "Last. ");
        return;
      }
      path[path.length - 1] = to;
    } else if (event.key === "Home" || event.key === "End") {
      path[path.length - 1] = event.key === "Home" ? 0 : steps.length - 1;
    } else if (event.key === "ArrowDown") {
      if (!step.steps.length) { show(region, walk, path, "No more detail here. "); return; }
      path.push(0);
    } else if (event.key === "ArrowUp") {
      path.pop();
    }
    show(region, walk, path);
  }, true);

  document.addEventListener("focusout", function (event) {
    var region = event.target.classList && event.target.classList.contains("walk") ? event.target : null;
    if (region && !region.contains(event.relatedTarget)) { leave(region); }
  });
})();
