/* Test-only (not shipped): loaded before assess.js. Records uncaught errors, and with
   #nostorage in the hash makes localStorage throw, as private modes and file:// can. */
(function () {
  'use strict';
  window.testErrors = [];
  window.addEventListener('error', function (e) { window.testErrors.push(String(e.message)); });
  if (location.hash.indexOf('nostorage') >= 0) {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get: function () { throw new DOMException('blocked by the test', 'SecurityError'); }
    });
  }
}());
