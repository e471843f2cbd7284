// The Django admin's own scripts build two things axe-core refuses; this mends them once
// they have run. Loaded with defer by templates/admin/base_site.html, so its "load"
// handler runs after the admin's (SelectFilter2 builds its boxes on "load").
(function () {
  "use strict";

  // The filter boxes' search icon (a span) carries an aria-label, which a span without a
  // role may not (aria-prohibited-attr): it is an image of a magnifier with a name.
  function nameSearchIcons() {
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  // A date-and-time field is two inputs under one label that points at neither; give each
  // its own name, "Last login: date" and "Last login: time".
  function labelDateTimeInputs() {
    document.querySelectorAll("p.datetime").forEach(function (box) {
      var row = box.closest(".form-row, .fieldBox");
      var label = row && row.querySelector("label");
      var field = label ? label.textContent.replace(/:\s*$/, "").trim() : "";
      var inputs = box.querySelectorAll("input");
      var parts = ["date", "time"];
      inputs.forEach(function (input, index) {
        if (field && parts[index] && !input.labels.length && !input.hasAttribute("aria-label")) {
          input.setAttribute("aria-label", field + ": " + parts[index]);
        }
      });
    });
  }

  window.addEventListener("load", function () {
    nameSearchIcons();
    labelDateTimeInputs();
  });
})();
