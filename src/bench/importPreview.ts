/**
 * import_preview_38mb_rss_mb: a 38 MB paste previewed through the desk server, as the page
 * sends it (the text itself as the body), with the server's peak RSS and the size of its
 * answer; then the same text as a JSON argument (how other clients call it), on a fresh
 * server so that its peak is its own.
 */
import { startServer, stopServer } from './deskServer';
import { type Result, result, round, vmHwmKb } from './measure';

interface Preview {
  ms: number;
  idleMb: number;
  peakMb: number;
  answer: string;
}

async function previewOnce(dbFile: string, text: string, as: 'text' | 'json'): Promise<Preview> {
  const server = await startServer(dbFile);
  try {
    const status = `/proc/${server.child.pid}/status`;
    const idleMb = vmHwmKb(status) / 1024;
    const request =
      as === 'text'
        ? { url: `${server.url}api/parseImport?format=text`, type: 'text/plain; charset=utf-8', body: text }
        : { url: `${server.url}api/parseImport`, type: 'application/json', body: JSON.stringify({ text, format: 'text' }) };
    const t0 = performance.now();
    const res = await fetch(request.url, { method: 'POST', headers: { 'Content-Type': request.type, 'X-Wiredesk-Token': server.token }, body: request.body });
    const answer = await res.text();
    return { ms: performance.now() - t0, idleMb, peakMb: vmHwmKb(status) / 1024, answer };
  } finally {
    await stopServer(server);
  }
}

export async function importPreview(o: { dbFile: string; wireCopy: (stories: number) => string }, target: string): Promise<Result[]> {
  const one = o.wireCopy(1).length + 1;
  const text = o.wireCopy(Math.ceil((38 * 1048576) / one));
  const page = await previewOnce(o.dbFile, text, 'text');
  const json = await previewOnce(o.dbFile, text, 'json');
  const echoed = (p: Preview) => p.answer.includes(text.slice(0, 2000)) || p.answer.length >= text.length;
  const ok = (p: Preview) => (JSON.parse(p.answer) as { ok: boolean }).ok;
  const met = [page, json].every((p) => ok(p) && p.peakMb < 500 && !echoed(p));
  return [
    result('import_preview_38mb_rss_mb', { real: [page.ms], ref: [Number.NaN] }, `desk server peak RSS; idle ${page.idleMb.toFixed(0)} MB`, target, () => met, {
      text_mb: round(text.length / 1048576, 1),
      peak_rss_mb: round(page.peakMb, 0),
      idle_rss_mb: round(page.idleMb, 0),
      response_mb: round(page.answer.length / 1048576, 1),
      text_echoed: echoed(page),
      answered_ok: ok(page),
      sent_as: 'the text as the body (text/plain), as the page sends it',
      as_json: {
        peak_rss_mb: round(json.peakMb, 0),
        response_mb: round(json.answer.length / 1048576, 1),
        text_echoed: echoed(json),
        answered_ok: ok(json),
        ms: round(json.ms, 0),
      },
    }),
  ];
}
