/**
 * Evidence log: add rows on the page and download them as CSV. Nothing is stored: closing the
 * page erases the rows. Values are inserted with textContent and quoted for CSV.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-module=abri-evidence-log]");
  if (!box) return;
  var form = box.querySelector("form");
  var body = box.querySelector(".abri-evidence__added tbody");
  var status = box.querySelector("[role=status]");
  var fields = form.querySelectorAll("[data-column]");
  var header = [];
  var headCells = box.querySelectorAll(".abri-evidence__added thead th");
  for (var h = 0; h < headCells.length; h++) header.push(headCells[h].textContent);
  var rows = [];
  form.hidden = false;

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var row = [];
    var empty = true;
    for (var i = 0; i < fields.length; i++) {
      row.push(fields[i].value);
      if (fields[i].value) empty = false;
    }
    if (empty) return;
    rows.push(row);
    var tr = document.createElement("tr");
    row.forEach(function (value) {
      var td = document.createElement("td");
      td.textContent = value;
      tr.appendChild(td);
    });
    body.appendChild(tr);
    for (var j = 0; j < fields.length; j++) fields[j].value = "";
    status.textContent = box.getAttribute("data-i18n-added");
  });

  /** One CSV line, every value quoted (RFC 4180). */
  function line(values) {
    return values.map(function (v) { return '"' + String(v).replace(/"/g, '""') + '"'; }).join(",");
  }

  form.querySelector("[data-action=download]").addEventListener("click", function () {
    var csv = "\ufeff" + [line(header)].concat(rows.map(line)).join("\r\n") + "\r\n";
    var url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = box.getAttribute("data-filename") || "journal.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });
})();
