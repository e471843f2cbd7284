// Progressive enhancement only: every page works the same without this file.
(function () {
  "use strict";

  // GOV.UK pattern: move focus to the error summary so screen readers announce it.
  var summary = document.getElementById("error-summary") || document.getElementById("missing-summary") ||
    document.getElementById("confirm-summary");
  if (summary) {
    summary.focus();
  }

  // The "most doses in a day" question only matters for medicines taken when needed.
  var maxField = document.getElementById("div_id_max_doses_per_day");
  var choices = document.querySelectorAll("input[name='how_often']");
  if (maxField && choices.length) {
    var update = function () {
      var checked = document.querySelector("input[name='how_often']:checked");
      var asNeeded = checked && checked.value === "as_needed";
      var hasError = maxField.querySelector(".is-invalid");
      maxField.hidden = !asNeeded && !hasError;
    };
    choices.forEach(function (input) { input.addEventListener("change", update); });
    update();
  }

  // Pregnancy cannot apply to someone whose sex assigned at birth is male. The question
  // stays in view while it holds an answer or an error, so nothing is hidden unseen.
  var pregnancy = document.getElementById("div_id_pregnant");
  var sexes = document.querySelectorAll("input[name='sex_at_birth']");
  if (pregnancy && sexes.length) {
    var updatePregnancy = function () {
      var sex = document.querySelector("input[name='sex_at_birth']:checked");
      var answered = document.querySelector("input[name='pregnant']:checked");
      var keep = answered && answered.value !== "not_applicable";
      var hasError = pregnancy.querySelector(".is-invalid");
      pregnancy.hidden = Boolean(sex && sex.value === "male" && !keep && !hasError);
    };
    sexes.forEach(function (input) { input.addEventListener("change", updatePregnancy); });
    updatePregnancy();
  }
})();
