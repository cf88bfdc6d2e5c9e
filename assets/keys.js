/* Keyboard: ← and → step through the congresses; Esc leaves full screen. */
document.addEventListener("keydown", function (event) {
  var target = event.target;
  var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if (typing || event.altKey || event.ctrlKey || event.metaKey) { return; }
  if (event.key === "Escape" && document.fullscreenElement) { document.exitFullscreen(); return; }
  var view = document.getElementById("view");
  if (!view || view.hidden) { return; }
  var button = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : null;
  if (button) {
    event.preventDefault();
    document.getElementById(button).click();
  }
});
