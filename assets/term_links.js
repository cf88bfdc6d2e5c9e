// Glossary terms in captions and the facts panel (a.term) open the pupils' glossary at the term's entry,
// keeping the page's theme, without reloading the page; a link opened afresh scrolls to its entry as soon
// as the glossary is drawn.
(function () {
  function showTerm(tries) {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id.startsWith("term-")) return;
    const entry = document.getElementById(id);
    if (entry && entry.offsetParent) {
      entry.scrollIntoView({ block: "start" });
      entry.focus({ preventScroll: true });
    } else if (tries > 0) {
      setTimeout(() => showTerm(tries - 1), 100);
    }
  }
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a.term");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const here = new URLSearchParams(location.search);
    const next = new URLSearchParams({ view: "lessons" });
    if (here.get("theme")) next.set("theme", here.get("theme"));
    history.pushState({}, "", `?${next}#${link.dataset.term}`);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    showTerm(50);
  });
  window.addEventListener("load", () => showTerm(100));
  window.addEventListener("popstate", () => showTerm(30));
})();
