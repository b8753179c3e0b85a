/* Starts Pagefind's search interface and runs the query given as ?q= (from the header's
   search box), so a search can be linked to. Pagefind's input carries only a placeholder,
   so it gets an accessible name once it is drawn. */
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  if (typeof window.PagefindUI !== "function") { return; }
  var container = document.getElementById("search");
  var ui = new window.PagefindUI({ element: "#search", showSubResults: true, showImages: false, resetStyles: false });
  function name() {
    var input = container.querySelector("input");
    if (input && !input.hasAttribute("aria-label")) { input.setAttribute("aria-label", "Search the timeline"); }
  }
  name();
  new MutationObserver(name).observe(container, { childList: true, subtree: true });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { ui.triggerSearch(query); }
});
