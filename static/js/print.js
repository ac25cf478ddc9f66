/* Every "Print this page" button (class js-print: the appointment, the hearing, the
   address receipt): shown only when JavaScript can print; without it each page says how
   to use the browser's own print command. */
(function () {
  "use strict";

  function enablePrintButtons() {
    if (typeof window.print !== "function") {
      return;
    }
    var buttons = document.querySelectorAll(".js-print");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enablePrintButtons);
  } else {
    enablePrintButtons();
  }
})();
