// Quick exit on the public pages: the button, and Shift pressed three times within a few seconds, replace the
// page with a neutral site through location.replace (so Back does not come back). Links inside the site are
// followed with location.replace too, so the browser's history holds at most one page of this site.
// The script is loaded in <head> without defer and listens on the document, so a click made while the page is
// still loading is caught as well (a deferred script would let an early click add a history entry).
(function () {
  "use strict";
  var leaving = false;

  function leave(target) {
    if (leaving) { return; }
    leaving = true;
    if (document.body) { document.body.style.visibility = "hidden"; }
    document.title = "";
    window.location.replace(target);
  }

  function exitTarget() {
    var button = document.querySelector("[data-quick-exit]");
    return button ? button.getAttribute("href") : null;
  }

  var presses = [];
  var WINDOW_MS = 3000;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) { return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < WINDOW_MS; });
    presses.push(now);
    var target = exitTarget();
    if (presses.length >= 3 && target) { leave(target); }
  });

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link) { return; }
    if (link.hasAttribute("data-quick-exit")) {
      event.preventDefault();
      leave(link.getAttribute("href"));
      return;
    }
    if (link.target || link.hasAttribute("download")) { return; }
    var url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.indexOf("/app/") === 0) { return; }
    if (url.pathname === window.location.pathname && url.hash) { return; }
    event.preventDefault();
    window.location.replace(url.href);
  });
})();
