/**
 * Letters: fill a form, see the letter live, copy, print or download it as .txt.
 * Runs in the page only: nothing is sent, stored or put in the URL. Every value is inserted
 * with textContent, never as HTML. Without JavaScript the page shows the letter with blanks.
 */
(function () {
  "use strict";

  var blocks = document.querySelectorAll("[data-module=abri-letter]");
  for (var i = 0; i < blocks.length; i++) setUp(blocks[i]);

  /** @param {HTMLElement} box */
  function setUp(box) {
    var data = JSON.parse(box.querySelector(".abri-letter__data").textContent);
    var form = box.querySelector("form");
    var text = box.querySelector(".abri-letter__text");
    var status = box.querySelector("[role=status]");
    var inputs = form.querySelectorAll("[data-field]");
    form.hidden = false;
    box.querySelector(".abri-letter__actions").hidden = false;
    box.querySelector(".abri-letter__nojs").hidden = true;

    /** The letter with what has been typed; [label] for what is still empty. */
    function compose() {
      var values = {};
      for (var i = 0; i < inputs.length; i++) values[inputs[i].getAttribute("data-field")] = inputs[i].value;
      return data.body.replace(/\{([a-z_]+)\}/g, function (all, id) {
        var value = values[id];
        if (value && inputs.length && form.querySelector("[data-field=" + id + "]").type === "date") {
          value = new Date(value + "T12:00:00").toLocaleDateString(document.documentElement.lang || "fr", { day: "numeric", month: "long", year: "numeric" });
        }
        return value ? value : "[" + (data.labels[id] || id) + "]";
      }).replace(/\n{3,}/g, "\n\n").trim() + "\n";
    }

    function update() { text.textContent = compose(); }

    form.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();

    function say(key) { status.textContent = box.getAttribute("data-i18n-" + key) || ""; }

    box.querySelector("[data-action=copy]").addEventListener("click", function () {
      var value = compose();
      var done = function () { say("copied"); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(value).then(done, function () { fallbackCopy(value) ? done() : say("copy-failed"); });
      } else if (fallbackCopy(value)) {
        done();
      } else {
        say("copy-failed");
      }
    });

    box.querySelector("[data-action=print]").addEventListener("click", function () {
      document.documentElement.classList.add("abri-printing-letter");
      window.print();
      document.documentElement.classList.remove("abri-printing-letter");
    });

    box.querySelector("[data-action=download]").addEventListener("click", function () {
      var blob = new Blob([compose()], { type: "text/plain;charset=utf-8" });
      var url = URL.createObjectURL(blob);
      var link = document.createElement("a");
      link.href = url;
      link.download = box.getAttribute("data-filename") || "lettre.txt";
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say("downloaded");
    });
  }

  /** Copy through a temporary text area (file:// and older browsers). */
  function fallbackCopy(value) {
    var area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.className = "abri-visually-hidden";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }
})();
