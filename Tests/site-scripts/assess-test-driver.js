/* Test-only driver for assess-test.html (not shipped). The hash names a step
   (#step=fill etc.); the driver acts like a user and writes what it saw into #test-out. */
(function () {
  'use strict';
  var m = /step=([a-z0-9]+)/.exec(location.hash);
  if (!m) return;
  var step = m[1];
  // FileReader and Blob reads are not timers, so headless virtual time could run out
  // (and the DOM be dumped) while they are pending; a 1 ms tick keeps the clock slow until done.
  var keepAlive = setInterval(function () {}, 1);
  var KEY = document.getElementById('assess-tools').getAttribute('data-key');
  var out = document.getElementById('test-out');
  var statusEl = document.getElementById('assess-status');
  var input = document.getElementById('assess-import');
  var result = { step: step, actions: [] };
  var $ = function (id) { return document.getElementById(id); };

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return 'THROWS'; }
  }
  function snap(label) {
    var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-item]'));
    result.actions.push({
      label: label,
      toolsHidden: $('assess-tools').hidden,
      status: statusEl.textContent,
      checked: rows.map(function (r) { return r.querySelector('input').checked; }),
      evidence: rows.map(function (r) { return r.querySelector('textarea').value; }),
      stored: stored()
    });
  }
  function type(id, text) {
    $(id).value = text;
    $(id).dispatchEvent(new Event('input', { bubbles: true }));
  }
  function loadFile(name, text) {
    return new Promise(function (resolve) {
      statusEl.textContent = '';
      var dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      (function poll(n) {
        if (statusEl.textContent || n > 20000) resolve(statusEl.textContent);
        else setTimeout(function () { poll(n + 1); }, 10);
      }(0));
    });
  }
  var wait = function (ms) { return new Promise(function (r) { setTimeout(r, ms); }); };
  var file = function (obj) { return JSON.stringify(obj); };

  async function run() {
    if (step === 'reset') { localStorage.removeItem(KEY); snap('reset'); }
    if (step === 'verify') snap('verify');
    if (step === 'fill' || step === 'nostorage') {
      snap('before');
      $('done-1').click();                      // a real click fires input and change
      type('evidence-1', 'Ran 12 discovery calls in October; notes in CRM.');
      type('evidence-2', 'Line one\nLine two with "quotes" & <b>tags</b>');
      $('done-4').click();
      snap('after');
    }
    if (step === 'export') {
      var captured = {};
      URL.createObjectURL = function (blob) { captured.type = blob.type; captured.blob = blob; return 'blob:test-url'; };
      URL.revokeObjectURL = function (url) { captured.revoked = url; };
      HTMLAnchorElement.prototype.click = function () {
        captured.download = this.download; captured.href = this.getAttribute('href'); captured.inDocument = document.body.contains(this);
      };
      $('assess-export').click();
      captured.text = await captured.blob.text();
      captured.revokedAtOnce = captured.revoked || null;
      await wait(1500);
      delete captured.blob;
      captured.status = statusEl.textContent;
      result.exported = captured;
    }
    if (step === 'import') {
      var long = new Array(6002).join('x');  // 6001 characters
      var valid = { format: 'pathc-self-assessment', version: 1, role: 'sales-manager', saved: '2026-01-01T00:00:00.000Z', items: {
        'consultative-selling/4/1': { done: true, evidence: long },
        'pipeline-management/3/1': { done: false, evidence: 'Forecast was 4% off in Q3.' },
        'ghost/9/9': { done: true, evidence: 'not on this checklist' },
        'team-leadership/2/0': { done: 'yes', evidence: 42 } } };
      result.messages = {
        notJson: await loadFile('notes.txt', 'hello, this is not JSON'),
        wrongFormat: await loadFile('other.json', file({ format: 'something-else', version: 1, items: {} })),
        itemsArray: await loadFile('array.json', file({ format: 'pathc-self-assessment', version: 1, items: [] })),
        version2: await loadFile('v2.json', file({ format: 'pathc-self-assessment', version: 2, items: {} }))
      };
      snap('after-refused');
      result.messages.valid = await loadFile('sales-manager-self-assessment-2026-01-01.json', file(valid));
      snap('after-valid');
      result.messages.otherRole = await loadFile('ae.json', file({ format: 'pathc-self-assessment', version: 1, role: 'account-executive',
        items: { 'team-leadership/2/0': { done: true, evidence: '' } } }));
      result.messages.empty = await loadFile('empty.json', file({ format: 'pathc-self-assessment', version: 1, items: {} }));
      snap('after-other-role');
    }
    if (step === 'clear') {
      snap('before');
      window.confirm = function () { return false; };
      $('assess-clear').click();
      snap('after-cancel');
      window.confirm = function () { return true; };
      $('assess-clear').click();
      snap('after-confirm');
    }
    if (step === 'download') { $('assess-export').click(); await wait(1500); snap('download'); } // real download, no stubs
    if (step === 'unit') {
      var api = window.pathcAssess;
      result.built = api.build({ 'a/1/0': { done: true, evidence: 'e' } }, new Date(0));
      result.fileName = api.fileName();
      result.roundTrip = api.parse(JSON.stringify(api.build(api.collect())));
      result.protoKey = api.parse('{"format":"pathc-self-assessment","version":1,"items":{"__proto__":{"done":true},"constructor":{"done":true}}}');
      result.nullFile = api.parse('null');
    }
  }
  run().catch(function (e) { result.driverError = String(e && e.stack || e); }).then(function () {
    result.errors = window.testErrors;
    out.textContent = JSON.stringify(result);
    clearInterval(keepAlive);
  });
}());
