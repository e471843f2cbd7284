// Progressive enhancement only: every page works the same without this file.
(function () {
  "use strict";

  // GOV.UK pattern: move focus to the error summary so screen readers announce it.
  var summary = document.getElementById("error-summary") || document.getElementById("missing-summary") ||
    document.getElementById("confirm-summary");
  if (summary) {
    summary.focus();
  }

  // GOV.UK character count: a long text field says how many characters are left, or how
  // many too many. The server refuses over-long text either way (with the limit), so the
  // field has no maxlength that would cut what the patient typed without a word.
  document.querySelectorAll("[data-character-limit]").forEach(function (field) {
    var limit = parseInt(field.getAttribute("data-character-limit"), 10);
    var count = document.createElement("div");
    count.id = field.id + "-count";
    count.className = "form-text character-count";
    count.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", count);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + count.id);
    var update = function () {
      // Counted as the server counts: characters, not UTF-16 units (an emoji is one),
      // without the spaces and new lines at either end, which are not kept.
      var left = limit - Array.from(field.value.trim()).length;
      var over = left < 0;
      var amount = Math.abs(left);
      var noun = amount === 1 ? " character " : " characters ";
      // The page gives the words in the patient's language (data-count-*), "{n}" the number.
      var words = field.getAttribute(
        (over ? "data-count-over" : "data-count-remaining") + (amount === 1 ? "-one" : "")
      );
      count.textContent = words ? words.replace("{n}", amount)
        : "You have " + amount + noun + (over ? "too many" : "remaining");
      count.classList.toggle("character-count-over", over);
    };
    field.addEventListener("input", update);
    update();
  });

  // Unsaved answers: the browser asks before the patient leaves a page (reload, a link,
  // signing out) whose answers changed since it loaded. Sending the form never asks.
  // Without this script nothing warns; every page still works.
  var answers = document.querySelector("main form[method='post']");
  if (answers) {
    var asLoaded = new URLSearchParams(new FormData(answers)).toString();
    var sending = false;
    answers.addEventListener("submit", function () { sending = true; });
    window.addEventListener("beforeunload", function (event) {
      var now = new URLSearchParams(new FormData(answers)).toString();
      if (!sending && now !== asLoaded) {
        event.preventDefault();
        event.returnValue = "";  // older browsers show the dialog only with this set
      }
    });
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

  // The medicine reconciliation ("Your medicines since last time"): each medicine's new dose
  // is asked only after "Yes, but the dose has changed" (its most doses in a day only for
  // "Only when needed"), when it was stopped only after "No, I have stopped it", as the
  // server reads them (MedicinesSinceLastTimeForm.not_asked). They follow the medicine's
  // question, so a screen reader comes to them next; the radio that shows them names them
  // (aria-controls: aria-expanded is not allowed on a radio). A question holding an error
  // stays in view. Without this script every question is shown and the page works the same.
  var NEW_DOSE = ["strength_mg", "amount_per_dose", "how_often", "max_doses_per_day"];
  var reconciled = {};
  document.querySelectorAll("input[type='radio']").forEach(function (input) {
    var medicine = /^(m\d+)_status$/.exec(input.name);
    if (medicine) {
      (reconciled[medicine[1]] = reconciled[medicine[1]] || []).push(input);
    }
  });
  Object.keys(reconciled).forEach(function (medicine) {
    var radios = reconciled[medicine];
    var question = function (name) {
      return document.getElementById("div_id_" + medicine + "_" + name);
    };
    var shownBy = {
      changed: NEW_DOSE.map(question).filter(Boolean),
      stopped: [question("stopped_when")].filter(Boolean),
    };
    var mostDoses = question("max_doses_per_day");
    var howOften = document.getElementById("id_" + medicine + "_how_often");
    radios.forEach(function (radio) {
      var shown = shownBy[radio.value];
      if (shown && shown.length) {
        radio.setAttribute("aria-controls", shown.map(function (div) { return div.id; }).join(" "));
        shown.forEach(function (div) { div.classList.add("revealed-question"); });
      }
    });
    var updateMedicine = function () {
      var checked = radios.filter(function (radio) { return radio.checked; })[0];
      Object.keys(shownBy).forEach(function (status) {
        shownBy[status].forEach(function (div) {
          var asked = Boolean(checked && checked.value === status);
          if (div === mostDoses) {
            asked = asked && Boolean(howOften && howOften.value === "as_needed");
          }
          div.hidden = !asked && !div.querySelector(".is-invalid");
        });
      });
    };
    radios.forEach(function (radio) { radio.addEventListener("change", updateMedicine); });
    if (howOften) {
      howOften.addEventListener("change", updateMedicine);
    }
    updateMedicine();
  });
})();
