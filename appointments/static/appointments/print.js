/* Show a "Print this page" button when JavaScript can print; without JS, browsers' own
   print command works on this page as it is. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".js-print");
    if (!button || typeof window.print !== "function") {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
