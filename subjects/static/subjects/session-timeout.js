/* Idle-timeout warning on signed-in pages. Progressive enhancement: the server ends the
   session on its own (SESSION_IDLE_TIMEOUT); this only warns before it happens and, once
   it has, leaves the private page for the sign-in page. Values come from data- attributes. */
(function () {
  "use strict";

  function start() {
    var region = document.getElementById("session-timeout");
    var template = document.getElementById("session-timeout-warning");
    if (!region || !template || !("content" in template)) {
      return;
    }
    var timeout = parseInt(region.getAttribute("data-timeout-seconds"), 10) || 0;
    var warning = parseInt(region.getAttribute("data-warning-seconds"), 10) || 0;
    var expiredUrl = region.getAttribute("data-expired-url");
    if (timeout <= 0) {
      return;
    }
    var warnTimer = null;
    var endTimer = null;

    function hide() {
      region.textContent = "";
    }

    function show() {
      hide();
      region.appendChild(template.content.cloneNode(true));
      var form = region.querySelector(".js-session-keep-alive");
      if (form && window.fetch) {
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          window
            .fetch(form.action, {
              method: "POST",
              body: new FormData(form),
              credentials: "same-origin",
              headers: { "X-Requested-With": "fetch" },
              redirect: "manual"
            })
            .then(function (response) {
              if (response.status === 204) {
                hide();
                schedule();
              } else {
                form.submit();
              }
            })
            .catch(function () {
              form.submit();
            });
        });
      }
    }

    function schedule() {
      window.clearTimeout(warnTimer);
      window.clearTimeout(endTimer);
      if (warning > 0 && warning < timeout) {
        warnTimer = window.setTimeout(show, (timeout - warning) * 1000);
      }
      // A few seconds after the server has ended the session: leave the private page.
      endTimer = window.setTimeout(function () {
        if (expiredUrl) {
          window.location.replace(expiredUrl);
        }
      }, (timeout + 3) * 1000);
    }

    schedule();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
