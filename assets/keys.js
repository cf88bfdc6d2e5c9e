/* Stepping through the congresses, through the slides in presentation mode, and through a lesson's steps
   (R reveals a step's answer).
   ← and → (and the Previous / Next buttons) step through the congresses. On slides, → Space PageDown
   and ← PageUp step through the slides and then on to the next or previous congress; Home and End go to
   the first and last slide. The step is taken from the URL at once (history.pushState), so quick presses
   are never lost; Dash's location component then redraws the page from the new URL. Esc leaves full screen. */
(function () {
  function page() { return document.getElementById("page"); }
  function order() {
    var p = page();
    return p && p.dataset.order ? p.dataset.order.split(",") : [];
  }
  function param(id) {
    var parts = id.split("-");
    return parts[0] === "ar" ? String(parseInt(parts[1], 10)) : "au-" + parseInt(parts[1], 10);
  }
  function go(query) {
    var search = "?" + query.toString().replace(/%2C/g, ",");
    if (search === window.location.search) { return; }
    window.history.pushState({}, "", window.location.pathname + search);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
  }
  function setSlide(query, slide) {
    if (slide > 1) { query.set("slide", String(slide)); } else { query.delete("slide"); }
  }
  /* To the congress `by` steps away; on slides, landing on `slide` of it. */
  function step(by, slide) {
    var ids = order();
    if (!ids.length) { return false; }
    var query = new URLSearchParams(window.location.search);
    var here = ids.map(param).indexOf(query.get("congress") || "");
    var next = Math.max(0, Math.min(ids.length - 1, (here < 0 ? 0 : here + by)));
    if (next === here && here >= 0) { return false; }
    query.delete("compare"); query.delete("view"); query.delete("measure"); query.delete("hall");
    query.set("congress", param(ids[next]));
    if (slide !== undefined) { setSlide(query, slide); }
    go(query);
    return true;
  }
  function slides() {
    var p = page();
    return p && p.classList.contains("slides") ? parseInt(p.dataset.slides || "1", 10) : 0;
  }
  /* To slide `to` of this view; past either end of a congress's slides, on to the next or previous one. */
  function slideTo(to) {
    var count = slides();
    var query = new URLSearchParams(window.location.search);
    var congress = page().classList.contains("view-congress");
    if (to > count) { if (congress) { step(1, 1); } return; }
    if (to < 1) { if (congress) { step(-1, count); } return; }
    setSlide(query, to);
    go(query);
  }
  function lessonSteps() {
    var p = page();
    return p && p.classList.contains("lesson") ? parseInt(p.dataset.steps || "0", 10) : 0;
  }
  /* To step `to` of the lesson, its answer hidden again. */
  function stepTo(to) {
    var query = new URLSearchParams(window.location.search);
    var now = parseInt(query.get("step") || "1", 10) || 1;
    to = Math.max(1, Math.min(lessonSteps(), to));
    if (to === now) { return; }
    query.delete("reveal");
    if (to > 1) { query.set("step", String(to)); } else { query.delete("step"); }
    go(query);
  }
  function stepNow() { return parseInt(new URLSearchParams(window.location.search).get("step") || "1", 10) || 1; }
  function slideNow() { return parseInt(new URLSearchParams(window.location.search).get("slide") || "1", 10) || 1; }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#prev, #next, #slide-prev, #slide-next, #step-prev, #step-next");
    if (!button) { return; }
    if (button.id === "step-prev" || button.id === "step-next") { stepTo(stepNow() + (button.id === "step-prev" ? -1 : 1)); return; }
    if (button.id === "prev" || button.id === "next") { step(button.id === "prev" ? -1 : 1); }
    else { slideTo(slideNow() + (button.id === "slide-prev" ? -1 : 1)); }
  });
  var FORWARD = ["ArrowRight", "PageDown", " "], BACK = ["ArrowLeft", "PageUp"];
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest(".walk")) { return; }  // the chart walk has the keys
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
      (target.closest && target.closest(".dash-dropdown, [role=listbox], [role=radiogroup]")));
    if (typing || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "Escape" && document.fullscreenElement) { document.exitFullscreen(); return; }
    var count = lessonSteps() || slides();
    if (count) {
      var lesson = lessonSteps() > 0;
      if (lesson && (event.key === "r" || event.key === "R")) {
        var reveal = document.getElementById("reveal");
        if (reveal && !reveal.hidden) { reveal.click(); }
        return;
      }
      if (event.key === " " && target && /^(BUTTON|A|SUMMARY)$/.test(target.tagName)) { return; }  // Space presses it
      if (FORWARD.concat(BACK, ["Home", "End"]).indexOf(event.key) < 0) { return; }
      event.preventDefault();
      var to = lesson ? stepTo : slideTo, now = lesson ? stepNow() : slideNow();
      to(event.key === "Home" ? 1 : event.key === "End" ? count : now + (FORWARD.indexOf(event.key) >= 0 ? 1 : -1));
      return;
    }
    var view = document.getElementById("view");
    if (!view || view.hidden) { return; }
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      step(event.key === "ArrowLeft" ? -1 : 1);
    }
  });
})();
