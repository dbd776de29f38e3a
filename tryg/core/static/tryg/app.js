// Tryg: progressive enhancement only; every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.remove("no-js");
  if (window.DKFDS && typeof window.DKFDS.init === "function") {
    window.DKFDS.init();
  }
  // Move focus to the error summary when a form comes back with errors.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
  // Print buttons: <button data-print> prints the page.
  document.querySelectorAll("[data-print]").forEach(function (el) {
    el.addEventListener("click", function () { window.print(); });
  });
  // Filter a long list of checkboxes as you type: <input data-filter-target="#list"> over [data-filter-item]s,
  // grouped in [data-filter-group]s that hide when empty. Without JavaScript the field stays hidden.
  document.querySelectorAll("[data-filter-target]").forEach(function (input) {
    var root = document.querySelector(input.getAttribute("data-filter-target"));
    if (!root) { return; }
    var wrapper = input.closest("[hidden]");
    if (wrapper) { wrapper.hidden = false; }
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      root.querySelectorAll("[data-filter-group]").forEach(function (group) {
        var shown = 0;
        group.querySelectorAll("[data-filter-item]").forEach(function (item) {
          var match = !needle || item.textContent.toLowerCase().indexOf(needle) !== -1;
          item.hidden = !match;
          if (match) { shown += 1; }
        });
        group.hidden = shown === 0;
      });
    });
  });
})();
