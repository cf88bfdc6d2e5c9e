/* A responsive graph first drawn while its box is still small keeps the margins plotly.js shrank to fit
   that box, even after the box grows: titles then overlap the plot. When the drawn margins differ from the
   figure's own, draw the figure again once. */
(function () {
  function check(gd) {
    var want = gd.layout && gd.layout.margin, got = gd._fullLayout && gd._fullLayout.margin;
    if (!want || !got || gd.__redrawing) return;
    var differs = ["t", "b", "l", "r"].some(function (side) {
      return typeof want[side] === "number" && Math.abs(want[side] - got[side]) > 0.5;
    });
    if (!differs) { gd.__redrawn = false; return; }
    if (gd.__redrawn) return;  // once per figure: a box that really is too small keeps plotly.js's margins
    gd.__redrawn = gd.__redrawing = true;
    window.Plotly.react(gd, gd.data, Object.assign({}, gd.layout)).then(function () { gd.__redrawing = false; });
  }
  function watch() {
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      if (gd.__marginsWatched || !gd.on) return;
      gd.__marginsWatched = true;
      gd.on("plotly_afterplot", function () { check(gd); });
      check(gd);
    });
  }
  new MutationObserver(watch).observe(document.documentElement, { childList: true, subtree: true });
})();
