/* The charts are laid out on the server for the window's width and height (a laptop's half panels, a
   projector's slide): when the window changes size (a resized browser, full screen on or off), tell the
   server once it has settled, so that the charts are drawn again for it. */
(function () {
  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (window.dash_clientside && window.dash_clientside.set_props) {
        window.dash_clientside.set_props("window-size", { data: [window.innerWidth, window.innerHeight] });
      }
    }, 400);
  });
})();
