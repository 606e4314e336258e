(function () {
  "use strict";
  // Filters for the findings table. Without JavaScript the form stays hidden and every row shows.
  var form = document.getElementById("filters");
  var table = document.getElementById("findings-table");
  if (!form || !table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var shown = document.getElementById("shown-count");
  function apply() {
    var family = form.elements.family.value;
    var severity = form.elements.severity.value;
    var source = form.elements.source.value;
    var count = 0;
    rows.forEach(function (row) {
      var keep = (!family || row.getAttribute("data-family") === family) &&
        (!severity || row.getAttribute("data-severity") === severity) &&
        (!source || row.getAttribute("data-source") === source);
      row.hidden = !keep;
      if (keep) { count += 1; }
    });
    shown.textContent = count + " of " + rows.length + " findings shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  apply();
}());
