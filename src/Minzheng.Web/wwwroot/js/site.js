// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // "/" focuses the page's search box, as in most list-heavy tools.
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      var box = document.querySelector("[data-search]");
      if (box) { e.preventDefault(); box.focus(); box.select(); }
    }
  });
  // Forms that must be confirmed (e.g. removing a member) carry data-confirm.
  document.addEventListener("submit", function (e) {
    var msg = e.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) e.preventDefault();
  });
  // Long jobs: poll a JSON status URL and update a progress bar, then reload when done.
  var job = document.querySelector("[data-progress-url]");
  if (job) {
    var url = job.getAttribute("data-progress-url");
    var bar = job.querySelector(".progress > div");
    var text = job.querySelector("[data-progress-text]");
    var timer = setInterval(function () {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          var pct = s.total > 0 ? Math.round(100 * s.processed / s.total) : 0;
          bar.style.width = pct + "%";
          if (text) text.textContent = s.processed + " / " + s.total + "（" + pct + "%）";
          if (s.done) { clearInterval(timer); window.location.reload(); }
        })
        .catch(function () { clearInterval(timer); });
    }, 1000);
  }
  // A form of several sections (fieldsets, or marked data-multi-section) is not submitted by Enter in a one-line field:
  // Enter moves to the next field instead, so a half-filled application is never sent by accident. Buttons, text
  // areas and single-section forms (a search box, a login) keep the browser's behaviour.
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key !== "Enter" || e.isComposing || e.ctrlKey || e.metaKey || !t.form || t.tagName !== "INPUT") return;
    if (/^(submit|button|reset|checkbox|radio|file|image)$/.test(t.type)) return;
    var form = t.form;
    if (!form.hasAttribute("data-multi-section") && form.querySelectorAll("fieldset").length < 2) return;
    e.preventDefault();
    var fields = Array.prototype.filter.call(form.elements, function (el) {
      return !el.disabled && el.type !== "hidden" && el.offsetParent !== null && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName);
    });
    var next = fields[fields.indexOf(t) + 1];
    if (next) next.focus();
  });
  // After a refused submit the first field with an error gets the focus (the server puts the message beside it);
  // without a field, the error summary does.
  var firstError = Array.prototype.find.call(document.querySelectorAll(".field-validation-error, .field-error"), function (m) {
    return m.textContent.trim() !== "";
  });
  if (firstError) {
    var name = firstError.getAttribute("data-valmsg-for");
    var field = name ? document.querySelector('[name="' + name.replace(/"/g, "") + '"]') : null;
    if (!field) field = firstError.closest(".field") && firstError.closest(".field").querySelector("input, select, textarea");
    if (field && field.type !== "hidden") field.focus();
  } else {
    var summary = document.querySelector('.alert[role="alert"]');
    if (summary && summary.textContent.trim() !== "") { summary.setAttribute("tabindex", "-1"); summary.focus(); }
  }
  // Print buttons (no inline handlers: the CSP forbids inline script).
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
})();
