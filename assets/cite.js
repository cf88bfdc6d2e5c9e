/* "How to cite this page": the reader's own address and day, filled in as the facts panel renders.
   Where the server names a public address (CONGRESS_PUBLIC_URL, on #page as data-public-url), the
   citation uses it instead of the address in the browser's bar. */
(function () {
  var formats = {};  // one formatter per language: making one costs more than the rest of fill()
  function fill() {
    var page = document.getElementById("page");
    var base = (page && page.dataset.publicUrl) || (window.location.origin + window.location.pathname);
    var today = new Date();
    // the day as the page's language writes it: 7 December 2026, 7 декабря 2026 г.
    var lang = document.documentElement.lang === "ru" ? "ru" : "en-GB";
    formats[lang] = formats[lang] || new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" });
    var day = formats[lang].format(today);
    document.querySelectorAll(".cite-address[data-query]").forEach(function (span) {
      var text = base.replace(/\/?$/, "/") + span.dataset.query;
      if (span.textContent !== text) { span.textContent = text; }
    });
    document.querySelectorAll(".cite-day").forEach(function (span) {
      if (span.textContent !== day) { span.textContent = day; }
    });
  }
  var queued = false;  // the page changes many times a frame while charts draw: fill once per frame
  function queue() {
    if (!queued) { queued = true; window.requestAnimationFrame(function () { queued = false; fill(); }); }
  }
  new MutationObserver(queue).observe(document.documentElement, { childList: true, subtree: true });
})();
