/**
 * Abri quick exit.
 *
 * Behaviour (see README.md beside this file for sources):
 * - click: blank the page at once, then location.replace() so Back does not return here;
 * - Shift pressed three times, each within 5 s of the previous one, exits too. Left and right
 *   Shift both count; Shift held as a modifier (typing a capital) never counts; any other key
 *   resets the count; a status region tells screen-reader users how many presses remain;
 * - offline or from file://, go to the neutral page shipped with the site instead of an
 *   outside site that would fail with a browser error page;
 * - on pageshow from the back/forward cache, remove the overlay so the page is usable again.
 * Nothing is stored.
 */
(function () {
  "use strict";

  var PRESSES_TO_EXIT = 3;
  var PRESS_WINDOW_MS = 5000;

  var root = document.querySelector("[data-module=abri-quick-exit]");
  if (!root) return;
  var link = root.querySelector("a");
  var status = root.querySelector("[role=status]");

  var presses = 0;
  var timer = null;
  var shiftsDown = {};
  var usedAsModifier = false;

  /**
   * Where the exit goes now: the configured site, or the bundled neutral page when an
   * outside site cannot load (in the zip the link already goes there: no data-offline-href).
   * @returns {string}
   */
  function destination() {
    if (location.protocol === "file:" || navigator.onLine === false) {
      return new URL(root.getAttribute("data-offline-href") || link.getAttribute("href"), location.href).href;
    }
    return link.href;
  }

  /**
   * Hide the whole page under a blank overlay, announce it, then leave.
   * @param {Event} [event]
   */
  function exitPage(event) {
    if (event) event.preventDefault();
    resetPresses();
    // Hide everything first: on a slow network the next site may take seconds to appear,
    // and nothing of the guide should stay readable or focusable meanwhile (GOV.UK research).
    document.documentElement.classList.add("abri-exiting");
    var overlay = document.createElement("div");
    overlay.className = "abri-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    // Text set after insertion so that screen readers announce it.
    overlay.textContent = root.getAttribute("data-i18n-announce") || "";
    window.location.replace(destination());
  }

  /** Forget the presses counted so far. */
  function resetPresses() {
    presses = 0;
    if (timer) window.clearTimeout(timer);
    timer = null;
    status.textContent = "";
  }

  /** Count one lone Shift press; exit on the third. */
  function countPress() {
    presses += 1;
    if (timer) window.clearTimeout(timer);
    if (presses >= PRESSES_TO_EXIT) {
      exitPage();
      return;
    }
    timer = window.setTimeout(resetPresses, PRESS_WINDOW_MS);
    var key = presses === 1 ? "data-i18n-presses-one" : "data-i18n-presses-other";
    status.textContent = (root.getAttribute(key) || "").replace("{n}", String(presses));
  }

  function isShift(event) {
    return event.key === "Shift" || event.code === "ShiftLeft" || event.code === "ShiftRight";
  }

  document.addEventListener("keydown", function (event) {
    if (isShift(event)) {
      if (event.repeat) return;
      // A new lone press starts only when no Shift is already held.
      if (!shiftsDown.ShiftLeft && !shiftsDown.ShiftRight) usedAsModifier = false;
      shiftsDown[event.code || "Shift"] = true;
      return;
    }
    // Another key: Shift (if held) is a modifier, and the count starts again.
    usedAsModifier = true;
    resetPresses();
  }, true);

  document.addEventListener("keyup", function (event) {
    if (!isShift(event)) return;
    // Some systems send keyup for both Shift keys when one of them is pressed with the other
    // held; count only when the last Shift is released.
    delete shiftsDown[event.code || "Shift"];
    if (shiftsDown.ShiftLeft || shiftsDown.ShiftRight) return;
    if (!usedAsModifier) countPress();
  }, true);

  // A window that loses focus never sends keyup: drop the held state.
  window.addEventListener("blur", function () { shiftsDown = {}; });

  link.addEventListener("click", function (event) {
    // Keep the browser's own behaviour for "open in a new tab" gestures.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    exitPage(event);
  });

  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.documentElement.classList.remove("abri-exiting");
    var overlays = document.querySelectorAll(".abri-exit-overlay");
    for (var i = 0; i < overlays.length; i++) overlays[i].remove();
  });
})();
