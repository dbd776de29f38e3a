// Quick exit on the public pages: the button, and Shift pressed three times within a few seconds, replace the
// page with a neutral site through location.replace (so Back does not come back). Links inside the site are
// followed with location.replace too, so the browser's history holds at most one page of this site.
(function () {
  "use strict";
  var button = document.querySelector("[data-quick-exit]");
  if (!button) { return; }
  var target = button.getAttribute("href");
  var leaving = false;

  function leave() {
    if (leaving) { return; }
    leaving = true;
    document.body.style.visibility = "hidden";
    document.title = "";
    window.location.replace(target);
  }

  button.addEventListener("click", function (event) {
    event.preventDefault();
    leave();
  });

  var presses = [];
  var WINDOW_MS = 3000;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) { return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= 3) { leave(); }
  });

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.hasAttribute("data-quick-exit") || link.target || link.hasAttribute("download")) { return; }
    var url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.indexOf("/app/") === 0) { return; }
    if (url.pathname === window.location.pathname && url.hash) { return; }
    event.preventDefault();
    window.location.replace(url.href);
  });
})();
