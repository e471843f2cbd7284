/* Idle sign-out warning (WCAG 2.2.1). The server ends the session at the limit whatever this
   script does; this only warns two minutes before and lets the person stay signed in.
   Every tab shares one deadline (localStorage and BroadcastChannel), so activity in one tab
   keeps the others from warning, and "Stay signed in" in one closes the dialog in all. */
(function () {
  "use strict";
  var dialog = document.getElementById("idle-dialog");
  if (!dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var KEY = "portal:idle-deadline";
  var warningMs = parseInt(dialog.dataset.warningSeconds, 10) * 1000;
  var deadline = Date.now() + parseInt(dialog.dataset.secondsLeft, 10) * 1000;
  var channel = "BroadcastChannel" in window ? new BroadcastChannel("portal-idle") : null;
  var warning = dialog.querySelector("[data-idle-state=warning]");
  var ended = dialog.querySelector("[data-idle-state=ended]");
  var timer = null;

  function share(value) {
    deadline = value;
    try {
      window.localStorage.setItem(KEY, String(value));
    } catch (error) {
      /* storage may be off: this tab still works alone */
    }
    if (channel) {
      channel.postMessage({ deadline: value });
    }
  }

  function adopt(value) {
    if (!value || value <= deadline) {
      return;
    }
    deadline = value;
    if (dialog.open && !warning.hidden) {
      dialog.close();
    }
    schedule();
  }

  function showWarning() {
    if (dialog.open) {
      return;
    }
    warning.hidden = false;
    ended.hidden = true;
    dialog.setAttribute("aria-labelledby", "idle-dialog-title");
    dialog.showModal();
    dialog.querySelector("[data-idle-stay]").focus();
  }

  function showEnded() {
    warning.hidden = true;
    ended.hidden = false;
    dialog.setAttribute("aria-labelledby", "idle-dialog-ended-title");
    if (!dialog.open) {
      dialog.showModal();
    }
    dialog.querySelector("[data-idle-signin]").focus();
  }

  function check() {
    fetch(dialog.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.seconds_left > 0) {
          adopt(Date.now() + data.seconds_left * 1000);
          schedule();
        } else {
          showEnded();
        }
      })
      .catch(function () { timer = window.setTimeout(check, 15000); });
  }

  function schedule() {
    window.clearTimeout(timer);
    var now = Date.now();
    if (now >= deadline) {
      check();
    } else if (now >= deadline - warningMs) {
      showWarning();
      timer = window.setTimeout(check, deadline - now + 1000);
    } else {
      timer = window.setTimeout(schedule, deadline - warningMs - now);
    }
  }

  dialog.querySelector("[data-idle-extend]").addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(event.target.action, { method: "POST", credentials: "same-origin", body: new FormData(event.target) })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.seconds_left > 0) {
          dialog.close();
          share(Date.now() + data.seconds_left * 1000);
          schedule();
        } else {
          showEnded();
        }
      });
  });
  dialog.querySelector("[data-idle-close]").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("cancel", function (event) {
    /* Escape means "I am here": treat it as Stay signed in rather than ignoring the warning. */
    if (!warning.hidden) {
      event.preventDefault();
      dialog.querySelector("[data-idle-extend]").requestSubmit();
    }
  });
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) {
      adopt(parseInt(event.newValue, 10));
    }
  });
  if (channel) {
    channel.onmessage = function (event) { adopt(event.data && event.data.deadline); };
  }
  share(deadline); /* loading this page was activity */
  schedule();
})();
