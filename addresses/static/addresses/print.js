/* The receipt's "Print" button: shown only when JavaScript runs (without it, the page
   says to use the browser's print or to write the receipt number down). */
(function () {
  "use strict";

  function setUp() {
    var buttons = document.querySelectorAll(".js-print");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
