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
})();
