/* The charts are laid out on the server for the window's width and height (a laptop's half panels, a
   projector's slide): when the window changes size (a resized browser, full screen on or off), tell the
   server once it has settled, so that the charts are drawn again for it. A size that comes back to the one
   last told (a full-page screenshot's brief resize) redraws nothing. */
(function () {
  var timer = null, told = [window.innerWidth, window.innerHeight];
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var now = [window.innerWidth, window.innerHeight];
      if (now[0] === told[0] && now[1] === told[1]) { return; }
      told = now;
      if (window.dash_clientside && window.dash_clientside.set_props) {
        window.dash_clientside.set_props("window-size", { data: now });
      }
    }, 400);
  });
})();
