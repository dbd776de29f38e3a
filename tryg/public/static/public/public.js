// The citizens' site: the receipt code's copy button (hidden without JavaScript, where the code is simply shown).
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var wrapper = button.closest("[data-copy-wrapper]");
    if (!navigator.clipboard || !wrapper) { return; }
    wrapper.hidden = false;
    var status = wrapper.querySelector("[role=status]");
    button.addEventListener("click", function () {
      var source = document.querySelector(button.getAttribute("data-copy"));
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        if (status) { status.textContent = button.getAttribute("data-copied"); }
      });
    });
  });
})();
