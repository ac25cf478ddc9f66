/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";

  // Move focus to the error summary so screen-reader and keyboard users hear it first.
  function focusErrorSummary() {
    var summary = document.querySelector(".js-error-summary");
    if (summary) {
      summary.focus();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusErrorSummary);
  } else {
    focusErrorSummary();
  }
})();
