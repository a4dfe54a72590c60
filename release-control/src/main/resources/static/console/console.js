// Refreshes the parts of the page marked data-live (counters, shadow rates, release rows) every data-refresh
// seconds, from the same URL: the page stays readable and usable without this script, and forms are never replaced.
(function () {
  'use strict';
  var seconds = parseInt(document.body.getAttribute('data-refresh') || '0', 10);
  if (!seconds || !window.fetch || !window.DOMParser) {
    return;
  }
  function refresh() {
    fetch(window.location.pathname, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
      .then(function (answer) {
        if (!answer.ok || answer.redirected) {
          return null;
        }
        return answer.text();
      })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('[data-live][id]').forEach(function (part) {
          var replacement = fresh.getElementById(part.id);
          if (replacement) {
            part.replaceWith(document.importNode(replacement, true));
          }
        });
      })
      .catch(function () { /* the next round tries again */ })
      .then(function () { window.setTimeout(refresh, seconds * 1000); });
  }
  window.setTimeout(refresh, seconds * 1000);
}());
