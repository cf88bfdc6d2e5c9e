/* Text on a projector in the largest type its screen holds without scrolling, measured, since how many lines
   a text takes depends on its words, not only on how many there are:
   - a comparison's change table on its slide, from the charts' type (24 px on a small projector, 28 px on a
     large one) down to 14 px;
   - a lesson's words (caption, question, answer) in its panel, from the same sizes down to the page's own
     (assets/style.css), so that the panel never scrolls.
   Elsewhere (the page, a phone) both keep the page's type. */
(function () {
  var queued = false;

  function scrolls(panel) {
    return document.documentElement.scrollHeight > window.innerHeight
      || (panel && panel.scrollHeight > panel.clientHeight + 1);
  }

  // the charts' type on a slide: dashboard/style.py SLIDE_SIZES (24 px up to 800 px tall, 28 px above)
  function largest() { return window.innerHeight > 800 ? 28 : 24; }

  function fitTable() {
    var table = document.querySelector(".change table.rows");
    if (!table) { return; }
    if (!document.querySelector(".slides") || !table.offsetParent) { table.style.fontSize = ""; return; }
    var px = largest();
    table.style.fontSize = px + "px";
    while (px > 14 && scrolls(null)) {
      px -= 1;
      table.style.fontSize = px + "px";
    }
    table.dataset.fitted = String(px);
  }

  function fitLesson() {
    var aside = document.querySelector("#lesson"), panel = document.querySelector("#lesson-panel");
    var caption = panel && panel.querySelector(".lesson-caption");
    if (!aside) { return; }
    aside.style.removeProperty("--lesson-fit");
    if (!caption || !aside.offsetParent || window.innerWidth < 700) { delete aside.dataset.fitted; return; }
    var base = parseFloat(getComputedStyle(caption).fontSize), px = largest();
    while (px > base) {
      aside.style.setProperty("--lesson-fit", String(px / base));
      if (!scrolls(panel)) { break; }
      px -= 1;
    }
    if (px <= base) { aside.style.removeProperty("--lesson-fit"); px = base; }
    aside.dataset.fitted = String(Math.round(px));
  }

  function fit() {
    queued = false;
    fitTable();
    fitLesson();
  }

  function queue() {
    if (!queued) { queued = true; window.requestAnimationFrame(fit); }
  }

  new MutationObserver(function (changes) {
    for (var i = 0; i < changes.length; i++) {
      var target = changes[i].target;
      if (target.id === "page" || (target.closest && target.closest("#change-table, #lesson-panel"))) {
        queue();
        return;
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
  window.addEventListener("resize", queue);
})();
