// Preloaded into electronegativity by scripts/audit-security.js: the check runs offline.
// The tool asks the network (with `got`) for updated translations and Electron's release
// list; here every such request fails at once, so it uses what it ships instead of waiting
// on retries and timeouts. Nothing else is changed.
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const real = load.call(this, request, parent, isMain);
  if (request !== 'got') return real;
  const offline = () => Promise.reject(Object.assign(new Error('offline'), { code: 'ENOTFOUND' }));
  const got = Object.assign(offline, { head: offline, get: offline, default: offline });
  got.default.head = offline;
  return got;
};
