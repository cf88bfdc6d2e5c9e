/* Accessibility repairs for Dash 4's own components, applied as they render:
   - the dropdown's keyboard focus target is focusable but aria-hidden: name it instead of hiding it;
   - radio items are labels with role "option" around native radios (nested interactive controls):
     keep the native radios, in a radiogroup. */
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
    root.querySelectorAll(".dash-radioitems label.dash-options-list-option[role=option]").forEach(function (label) {
      label.removeAttribute("role");
      label.removeAttribute("aria-selected");
    });
  }
  new MutationObserver(function () { repair(document); })
    .observe(document.documentElement, { childList: true, subtree: true, attributes: true,
                                         attributeFilter: ["aria-hidden", "role"] });
})();
