/* Charts below the fold are drawn when they come near the window. The server sends each congress chart's
   figure to a store (`figure-<chart>`); it reaches the graph once the chart's section (`data-lazy`) has come
   within a quarter of a window of the screen, which sets `seen-<chart>`. A chart seen once is drawn at once on every
   later change. Before printing, every chart still waiting is drawn, so that the printed page is whole. */
(function () {
  var MARGIN = "25% 0px";  /* a quarter of a window ahead: drawn before it scrolls in */
  var waiting = {};  /* chart id -> the figure its graph has not drawn yet */

  function tell(id) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props("seen-" + id, { data: true });
    }
  }

  function shown(id) {  /* style.css hides a graph's empty axes until its section has this */
    var section = document.querySelector("[data-lazy='" + id + "']");
    if (section) { section.dataset.drawn = ""; }
  }

  window.dash_clientside = window.dash_clientside || {};  /* Dash's renderer, loaded later, adds to it */
  window.dash_clientside.lazy = {
    draw: function (figure, seen, seenId) {
      var id = seenId.slice("seen-".length);
      if (!figure) { return window.dash_clientside.no_update; }
      if (seen) { delete waiting[id]; shown(id); return figure; }
      waiting[id] = figure;
      return window.dash_clientside.no_update;
    }
  };

  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) { return; }
      observer.unobserve(entry.target);
      tell(entry.target.dataset.lazy);
    });
  }, { rootMargin: MARGIN });

  var found = new MutationObserver(function () {  /* the layout arrives after this script has run */
    var sections = document.querySelectorAll("[data-lazy]");
    if (!sections.length) { return; }
    found.disconnect();
    sections.forEach(function (section) { observer.observe(section); });
  });
  found.observe(document.documentElement, { childList: true, subtree: true });

  window.addEventListener("beforeprint", function () {
    Object.keys(waiting).forEach(function (id) {
      var gd = document.querySelector("#graph-" + id + " .js-plotly-plot");
      if (gd && window.Plotly) { window.Plotly.react(gd, waiting[id].data, waiting[id].layout); shown(id); }
      observer.unobserve(document.querySelector("[data-lazy='" + id + "']"));
      tell(id);
    });
  });
})();
