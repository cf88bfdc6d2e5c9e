/* A comparison's change table on its slide: in the largest type, from the charts' (24 px on a small
   projector, 28 px on a large one) down to 14 px, with which the slide fits its screen without scrolling.
   How many lines a table takes depends on its names and notes, not only on its rows, so it is measured.
   Off its slide the table keeps the page's type (assets/style.css). */
(function () {
  var LEAST = 14, queued = false;

  function fit() {
    queued = false;
    var table = document.querySelector(".change table.rows");
    if (!table) { return; }
    if (!document.querySelector(".slides") || !table.offsetParent) { table.style.fontSize = ""; return; }
    var px = window.innerHeight > 800 ? 28 : 24;
    table.style.fontSize = px + "px";
    while (px > LEAST && document.documentElement.scrollHeight > window.innerHeight) {
      px -= 1;
      table.style.fontSize = px + "px";
    }
    table.dataset.fitted = String(px);
  }

  function queue() {
    if (!queued) { queued = true; window.requestAnimationFrame(fit); }
  }

  new MutationObserver(function (changes) {
    for (var i = 0; i < changes.length; i++) {
      var target = changes[i].target;
      if (target.id === "page" || (target.closest && target.closest("#change-table"))) { queue(); return; }
    }
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
  window.addEventListener("resize", queue);
})();
