/* Filters the events of a timeline page in place. The state lives in the query string
   (?actor=…&type=…&tag=…&from=…&to=…) so a filtered view can be shared and bookmarked;
   the count of shown events is announced through a live region. Without this script the
   form stays hidden and the links to the static per-actor, per-type and per-year pages
   do the same job. */
(function () {
  "use strict";
  var form = document.querySelector("[data-filter-form]");
  var listing = document.querySelector("[data-listing]");
  if (!form || !listing) { return; }
  var status = document.querySelector("[data-filter-status]");
  var empty = document.querySelector("[data-filter-empty]");
  var events = Array.prototype.slice.call(listing.querySelectorAll("li.event"));
  var names = ["actor", "type", "tag", "from", "to"];
  form.hidden = false;

  function control(name) { return form.elements.namedItem(name); }

  function values() {
    var found = {};
    names.forEach(function (name) {
      var field = control(name);
      found[name] = field ? String(field.value).trim() : "";
    });
    return found;
  }

  function readQuery() {
    var query = new URLSearchParams(window.location.search);
    names.forEach(function (name) {
      var field = control(name);
      if (field) { field.value = query.get(name) || ""; }
    });
  }

  function matches(item, wanted) {
    var year = Number(item.getAttribute("data-year"));
    var actors = (item.getAttribute("data-actors") || "").split(" ");
    var tags = (item.getAttribute("data-tags") || "").split(" ");
    return (!wanted.actor || actors.indexOf(wanted.actor) !== -1) &&
      (!wanted.type || item.getAttribute("data-type") === wanted.type) &&
      (!wanted.tag || tags.indexOf(wanted.tag) !== -1) &&
      (!wanted.from || year >= Number(wanted.from)) &&
      (!wanted.to || year <= Number(wanted.to));
  }

  function hideEmpty(selector) {
    Array.prototype.forEach.call(listing.querySelectorAll(selector), function (section) {
      section.hidden = !section.querySelector("li.event:not([hidden])");
    });
  }

  function apply(updateUrl) {
    var wanted = values();
    var shown = 0;
    events.forEach(function (item) {
      var keep = matches(item, wanted);
      item.hidden = !keep;
      if (keep) { shown += 1; }
    });
    hideEmpty("[data-month-section]");
    hideEmpty("[data-year-section]");
    var active = names.some(function (name) { return wanted[name]; });
    status.textContent = active
      ? shown + " of " + events.length + " events on this page match the filters."
      : "";
    if (empty) { empty.hidden = !(active && shown === 0); }
    if (updateUrl) {
      var query = new URLSearchParams();
      names.forEach(function (name) { if (wanted[name]) { query.set(name, wanted[name]); } });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }
  }

  readQuery();
  apply(false);
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
  window.addEventListener("popstate", function () { readQuery(); apply(false); });
}());
