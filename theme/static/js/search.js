/* Starts Pagefind's search interface and runs the query given as ?q= (from the header's
   search box), so a search can be linked to. */
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  if (typeof window.PagefindUI !== "function") { return; }
  var ui = new window.PagefindUI({ element: "#search", showSubResults: true, showImages: false, resetStyles: false });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { ui.triggerSearch(query); }
});
