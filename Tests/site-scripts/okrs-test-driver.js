/* Test-only driver for okrs-test.html (not shipped). Active when the hash holds drive=1:
   it plays a user changing the selects and writes what it saw into #test-out as JSON. */
(function () {
  'use strict';
  if (location.hash.indexOf('drive=1') < 0) return;
  var out = document.getElementById('test-out');
  var log = [];
  function snap(label) {
    var rows = Array.prototype.slice.call(document.querySelectorAll('.okr-cycle tbody tr'));
    log.push({
      label: label,
      hash: location.hash,
      selects: ['filter-owner', 'filter-status', 'filter-order'].map(function (id) { return document.getElementById(id).value; }),
      summary: document.getElementById('filter-summary').textContent,
      order: rows.map(function (r) { return r.id; }),
      visible: rows.filter(function (r) { return !r.hidden; }).map(function (r) { return r.id; }),
      hiddenCycles: Array.prototype.filter.call(document.querySelectorAll('.okr-cycle'), function (c) { return c.hidden; })
        .map(function (c) { return c.querySelector('h2').textContent; }),
      hiddenGroups: document.querySelectorAll('.okr-group[hidden]').length,
      historyLength: history.length
    });
  }
  function choose(values) {
    Object.keys(values).forEach(function (id) {
      var sel = document.getElementById(id);
      sel.value = values[id];
      sel.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
  try {
    snap('load');
    choose({ 'filter-status': 'stale' }); snap('stale');
    choose({ 'filter-status': '', 'filter-owner': "Zoë O'Brien & Co" }); snap('zoe');
    choose({ 'filter-owner': '', 'filter-order': 'risk' }); snap('risk');
    choose({ 'filter-order': '' }); snap('as-written');
    choose({ 'filter-owner': 'Ana Lima', 'filter-status': 'at-risk' }); snap('none');
    choose({ 'filter-owner': '', 'filter-status': '' }); snap('cleared');
  } catch (e) {
    log.push({ label: 'error', message: String(e) });
  }
  // A hand-edited hash must be applied too.
  window.addEventListener('hashchange', function () {
    snap('hashchange');
    out.textContent = JSON.stringify(log);
  });
  location.hash = '#status=done&order=risk';
  out.textContent = JSON.stringify(log); // in case hashchange never fires
}());
