/* The printable view's "Print" button: shown only when JavaScript can print. */
(function () {
  "use strict";

  function enablePrintButtons() {
    var buttons = document.querySelectorAll("[data-portal-print]");
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
