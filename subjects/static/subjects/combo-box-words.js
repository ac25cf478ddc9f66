/* USWDS 3.14 writes the combo box's button labels and its screen-reader announcements in
   English. The template puts the page's own words in data- attributes on .usa-combo-box;
   this swaps them in whenever USWDS builds or updates the box. Without JavaScript there is
   no combo box, only the plain list. */
(function () {
  "use strict";

  function setText(element, text) {
    if (element && text && element.textContent !== text) {
      element.textContent = text;
    }
  }

  function setLabel(element, text) {
    if (element && text && element.getAttribute("aria-label") !== text) {
      element.setAttribute("aria-label", text);
    }
  }

  function useOwnWords(box) {
    var words = box.dataset;
    setLabel(box.querySelector(".usa-combo-box__clear-input"), words.clearLabel);
    setLabel(box.querySelector(".usa-combo-box__toggle-list"), words.toggleLabel);
    setText(box.querySelector(".usa-combo-box__list-option--no-results"), words.noResults);
    var status = box.querySelector(".usa-combo-box__status");
    if (status && status.textContent && status.textContent !== status.dataset.said) {
      // USWDS says "5 results available." or "No results."; keep only the number.
      var count = parseInt(status.textContent, 10);
      var said = isNaN(count) ? words.noResults : words.resultsFound + " " + count;
      status.dataset.said = said;
      status.textContent = said;
    }
  }

  var boxes = document.querySelectorAll(".usa-combo-box[data-results-found]");
  Array.prototype.forEach.call(boxes, function (box) {
    useOwnWords(box);
    new MutationObserver(function () {
      useOwnWords(box);
    }).observe(box, { childList: true, subtree: true, characterData: true });
  });
})();
