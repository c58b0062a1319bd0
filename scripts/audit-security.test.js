import { describe, expect, it } from 'vitest';
import { REVIEWED, failing, parseCsv } from './audit-security.js';

const CSV = `issue, severity, confidence, filename, location, sample, description, url
CSP_GLOBAL_CHECK,"LOW","FIRM","out/renderer/index.html","6:0","default-src 'self', x","One, two",https://x
AUXCLICK_JS_CHECK,"MEDIUM","FIRM","out/main/index.js","99:13","const win = new BrowserWindow({","Limit navigation",https://x
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","out/main/index.js","118:32","if (/^https?:/.test(url)) shell.openExternal(url);","Review",https://x
PRELOAD_JS_CHECK,"MEDIUM","FIRM","out/main/index.js","107:3","preload: path.join(here, ""../preload/index.cjs""),","Review the use of preload scripts",https://x
NODE_INTEGRATION_JS_CHECK,"HIGH","CERTAIN","out/main/index.js","1:1","nodeIntegration: true","x",https://x
`;

describe('audit:security', () => {
  it("reads electronegativity's CSV, quotes and commas inside fields included", () => {
    const rows = parseCsv(CSV);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toHaveLength(8);
    expect(rows[4][5]).toBe('preload: path.join(here, "../preload/index.cjs"),');
  });

  it('fails on HIGH or MEDIUM at FIRM or CERTAIN, except what was reviewed', () => {
    expect(Object.keys(REVIEWED)).toContain('PRELOAD_JS_CHECK');
    expect(failing(parseCsv(CSV)).map((f) => `${f.issue} ${f.file}:${f.location}`)).toEqual(['NODE_INTEGRATION_JS_CHECK out/main/index.js:1:1']);
  });
});
