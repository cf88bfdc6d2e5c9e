/* A chart's data table is made on the server only while its "Show the data" is open: opening it, or a change
   of view while it is open, sets the chart's `data-wanted` store to the page's address, which asks the server
   for the table; a view change asks nothing for the closed ones. The number of clicks makes each opening a
   new value, so that reopening at the same address asks again. */
window.dash_clientside = window.dash_clientside || {};  /* Dash's renderer, loaded later, adds to it */
window.dash_clientside.tables = {
  wanted: function (clicks, search) {
    if (!clicks || clicks % 2 === 0) { return window.dash_clientside.no_update; }
    return { search: search || "", clicks: clicks };
  }
};
