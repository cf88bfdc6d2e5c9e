/* Accessibility repairs for Dash 4's own components, applied as they render:
   - the dropdown's keyboard focus target is focusable but aria-hidden: name it instead of hiding it;
   - radio items are labels with role "option" around native radios (nested interactive controls):
     keep the native radios, in a radiogroup;
   - an opened dropdown puts the focus on its current option: in the first second after it opens, and until
     a key is pressed in it, the focus goes to its search box instead, so typing filters;
   - the served page's title and "Loading the charts…" (dashboard/page_shell.py) leave the document once Dash
     has drawn the page, which then has one title. */
(function () {
  function repair(root) {
    root.querySelectorAll("input.dash-dropdown-focus-target[aria-hidden]").forEach(function (input) {
      var button = input.parentElement && input.parentElement.querySelector("button.dash-dropdown");
      var label = button && button.id && document.querySelector("label[for='" + button.id + "']");
      input.removeAttribute("aria-hidden");
      input.setAttribute("aria-label", label ? label.textContent : "Choose");
    });
    root.querySelectorAll(".dash-radioitems[role=listbox]").forEach(function (group) {
      group.setAttribute("role", "radiogroup");
    });
    root.querySelectorAll(".dash-radioitems label.dash-options-list-option[role=option], " +
                          ".dash-radioitems label.dash-options-list-option[aria-selected]").forEach(function (label) {
      label.removeAttribute("role");
      label.removeAttribute("aria-selected");  // set again by Dash whenever the choice changes
    });
  }
  var opened = new WeakMap();
  function noteOpened() {
    document.querySelectorAll(".dash-dropdown-content[data-state=open]").forEach(function (menu) {
      if (!opened.has(menu)) opened.set(menu, performance.now());
    });
  }
  document.addEventListener("keydown", function (event) {
    var menu = event.target.closest && event.target.closest(".dash-dropdown-content");
    if (menu) opened.set(menu, -Infinity);  // the reader is moving through the options: leave the focus be
  }, true);
  document.addEventListener("focusin", function (event) {
    var menu = event.target.closest && event.target.closest(".dash-dropdown-content");
    var search = menu && menu.querySelector("input.dash-dropdown-search");
    if (search && event.target !== search && performance.now() - (opened.get(menu) || -Infinity) < 1000)
      search.focus();
  });
  function dropShell() {
    var shell = document.querySelector("body > .shell");
    if (shell && document.getElementById("page")) shell.remove();
  }
  new MutationObserver(function () { repair(document); noteOpened(); dropShell(); })
    .observe(document.documentElement, { childList: true, subtree: true, attributes: true,
                                         attributeFilter: ["aria-hidden", "role", "aria-selected"] });
})();
