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
  // Forms that must be confirmed (e.g. removing a member) carry data-confirm; so does a chosen option that ends or cuts
  // something (a review concluded with 终止), which asks only when it is the one chosen.
  document.addEventListener("submit", function (e) {
    var msg = e.target.getAttribute("data-confirm");
    if (!msg) {
      var chosen = Array.prototype.find.call(e.target.querySelectorAll("select"), function (s) {
        var o = s.options[s.selectedIndex];
        return o && o.getAttribute("data-confirm");
      });
      if (chosen) msg = chosen.options[chosen.selectedIndex].getAttribute("data-confirm");
    }
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
  // Errors after a refused submit (GB/T 37668 / WCAG 3.3.1): each message beside a field is tied to that field, so a screen
  // reader reads it with the field (aria-describedby) and knows the field is wrong (aria-invalid). The message gets the id the
  // error summary links to (Platform/Ui/FieldErrors.AnchorOf: the same rule in both places).
  function anchorOf(key) { return "err-" + key.replace(/[^A-Za-z0-9_-]/g, "_"); }
  function isField(el) { return el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) && el.type !== "hidden"; }
  function fieldOf(message) {
    var name = message.getAttribute("data-valmsg-for");
    var scope = message.closest("form") || document;
    var field = null;
    if (name) {
      field = Array.prototype.find.call(scope.querySelectorAll('[name="' + name.replace(/["\\]/g, "") + '"]'), isField) || null;
      if (!field && scope !== document) field = Array.prototype.find.call(document.querySelectorAll('[name="' + name.replace(/["\\]/g, "") + '"]'), isField) || null;
    }
    if (!field && message.closest(".field")) field = Array.prototype.find.call(message.closest(".field").querySelectorAll("input, select, textarea"), isField) || null;
    if (!field && isField(message.previousElementSibling)) field = message.previousElementSibling;
    return field;
  }
  // a form may wrap @Html.ValidationMessage (which writes its own span) in a .field-error span: the inner one, which names its
  // field, is the message; the wrapper would tie the same words to the field twice
  var messages = Array.prototype.filter.call(document.querySelectorAll(".field-validation-error, .field-error"), function (m) {
    return m.textContent.trim() !== "" && !m.querySelector(".field-validation-error, .field-error");
  });
  var serial = 0;
  messages.forEach(function (m) {
    var field = fieldOf(m);
    if (!m.id) {
      var name = m.getAttribute("data-valmsg-for") || (field && field.name) || "";
      var id = name ? anchorOf(name) : "err-" + (++serial);
      while (document.getElementById(id)) id = (name ? anchorOf(name) : "err") + "-" + (++serial);
      m.id = id;
    }
    if (!field) return;
    var described = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    if (described.indexOf(m.id) < 0) described.push(m.id);
    field.setAttribute("aria-describedby", described.join(" "));
    field.setAttribute("aria-invalid", "true");
    m.fieldForError = field;
  });
  // The error summary takes the focus, so the first thing read is what went wrong and how many; each of its links moves the
  // focus to its field (not only the scroll position). A page without a summary focuses its first wrong field instead.
  var summary = document.querySelector("[data-error-summary]") || document.querySelector('.alert[role="alert"]');
  if (summary && summary.textContent.trim() !== "") {
    if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
    // the server lists messages in the order its checks ran; the reader meets them in the order of the fields on the page
    var list = summary.querySelector("ul");
    if (list) {
      var items = Array.prototype.slice.call(list.children);
      var placeOf = function (li) {
        var a = li.querySelector("a[data-field]");
        var target = a && document.getElementById(a.getAttribute("href").slice(1));
        return (target && target.fieldForError) || target || null;
      };
      items.sort(function (x, y) {
        var px = placeOf(x), py = placeOf(y);
        if (!px || !py) return (px ? 1 : 0) - (py ? 1 : 0); // messages of no field (the whole form) stay first
        return px === py ? 0 : (px.compareDocumentPosition(py) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
      }).forEach(function (li) { list.appendChild(li); });
    }
    summary.focus();
    summary.addEventListener("click", function (e) {
      var link = e.target.closest && e.target.closest("a[data-field]");
      if (!link) return;
      var key = link.getAttribute("data-field");
      var target = document.getElementById(link.getAttribute("href").slice(1));
      var field = (target && target.fieldForError) ||
        Array.prototype.find.call(document.querySelectorAll('[name="' + key.replace(/["\\]/g, "") + '"]'), isField);
      if (field) { e.preventDefault(); field.focus(); field.scrollIntoView({ block: "center" }); }
    });
  } else if (messages.length > 0) {
    var first = messages.map(fieldOf).find(Boolean);
    if (first) first.focus();
  }
  // A table wider than the screen (phone width) scrolls inside itself: without a link or field in it, a keyboard could not
  // reach it to scroll, so it joins the Tab order while (and only while) it scrolls (WCAG 2.1.1).
  function markScrollingTables() {
    document.querySelectorAll("main table").forEach(function (t) {
      var scrolls = t.scrollWidth > t.clientWidth + 1 && getComputedStyle(t).overflowX !== "visible";
      var focusable = t.querySelector("a[href], button, input, select, textarea, [tabindex]");
      if (scrolls && !focusable) { t.setAttribute("tabindex", "0"); t.setAttribute("data-scrolls", ""); }
      else if (t.hasAttribute("data-scrolls")) { t.removeAttribute("tabindex"); t.removeAttribute("data-scrolls"); }
    });
  }
  markScrollingTables();
  var resizing;
  window.addEventListener("resize", function () { clearTimeout(resizing); resizing = setTimeout(markScrollingTables, 200); });
  // Division pickers (用户管理): choosing a township fills its villages from the divisions API.
  document.querySelectorAll("select[data-division-picker]").forEach(function (picker) {
    var village = document.getElementById(picker.getAttribute("data-division-picker"));
    if (!village) return;
    picker.addEventListener("change", function () {
      var chosen = picker.options[picker.selectedIndex];
      while (village.options.length > 1) village.remove(1);
      village.value = "";
      village.disabled = true;
      if (!chosen || chosen.getAttribute("data-level") !== "3") return;
      fetch("/api/v1/divisions/" + encodeURIComponent(chosen.value) + "/children", { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (children) {
          children.forEach(function (c) { village.add(new Option(c.name, c.code)); });
          village.disabled = children.length === 0;
        })
        .catch(function () { /* the township alone still saves */ });
    });
  });
  // Rows a form grows and shrinks (收入明细): 添加一行 appends an empty copy of the last row, 删除 removes its row (the only
  // row is emptied instead). The indexes in the names are renumbered so the server binds a list without gaps. Without this
  // script both buttons post, and the server redraws the form with the row added or removed, saving nothing.
  function renumber(body) {
    Array.prototype.forEach.call(body.querySelectorAll("[data-row]"), function (row, i) {
      row.querySelectorAll("[name]").forEach(function (el) {
        el.name = el.name.replace(/\[\d+\]/, "[" + i + "]");
      });
      var remove = row.querySelector("[data-remove-row]");
      if (remove) remove.value = i;
    });
  }
  function firstField(row) { return row && row.querySelector("input:not([type=hidden]), select, textarea"); }
  function empty(row) {
    row.querySelectorAll("input:not([type=hidden]), textarea").forEach(function (el) { el.value = ""; });
    row.querySelectorAll("select").forEach(function (el) { el.selectedIndex = 0; });
    row.querySelectorAll(".field-error").forEach(function (el) { el.textContent = ""; });
  }
  document.addEventListener("click", function (e) {
    var add = e.target.closest && e.target.closest("[data-add-row]");
    var remove = e.target.closest && e.target.closest("[data-remove-row]");
    if (!add && !remove) return;
    if (add) {
      var table = document.getElementById(add.getAttribute("data-add-row"));
      var body = table && table.querySelector("[data-rows]");
      var rows = body ? body.querySelectorAll("[data-row]") : [];
      if (!rows.length) return; // the server adds it
      e.preventDefault();
      var copy = rows[rows.length - 1].cloneNode(true);
      empty(copy);
      body.appendChild(copy);
      renumber(body);
      var f = firstField(copy);
      if (f) f.focus();
      return;
    }
    var row = remove.closest("[data-row]");
    var tbody = row && row.parentNode;
    if (!tbody) return;
    e.preventDefault();
    if (tbody.querySelectorAll("[data-row]").length === 1) {
      empty(row);
      var only = firstField(row);
      if (only) only.focus();
      return;
    }
    var next = row.nextElementSibling || row.previousElementSibling;
    tbody.removeChild(row);
    renumber(tbody);
    var n = firstField(next);
    if (n) n.focus();
  });
  // Print buttons (no inline handlers: the CSP forbids inline script).
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
})();
