/* Printing: charts are laid out for the page's width on screen; redraw them at the printed
   page's width before printing, and let them fill the window again afterwards. */
(function () {
  var PRINT_WIDTH = 680;  /* the panel width the figures lay their labels out for */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("#main .js-plotly-plot").forEach(function (gd) {
      if (window.Plotly && gd.offsetParent !== null) { window.Plotly.relayout(gd, { width: PRINT_WIDTH }); }
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("#main .js-plotly-plot").forEach(function (gd) {
      if (window.Plotly && gd.layout) { window.Plotly.relayout(gd, { width: null, autosize: true }); }
    });
  });
})();
