/* The staff admin's one script correction (tests/browser/test_admin_pages.py), loaded on
   every admin page by templates/admin/base_site.html. Django's two-list selector
   (SelectFilter2.js, for permissions and groups) names its magnifier icon with aria-label
   on a plain <span>, which has no role that allows one (axe: aria-prohibited-attr): give
   it the role of an image, so the name is read. The selector is built on "load"; this
   runs after every "load" handler. */
window.addEventListener("load", function () {
  window.setTimeout(function () {
    document.querySelectorAll("span.search-label-icon[aria-label]").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }, 0);
});
