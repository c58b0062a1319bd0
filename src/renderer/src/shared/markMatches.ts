/** Marks what a search matched inside rendered copy, as the list's snippets do. */

/** The words typed, for matching as the search does: each at the start of a word, any case. */
export function searchWords(search: string): string[] {
  return search.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `text` split into runs, those starting a matched word marked. */
export function matchRuns(text: string, words: readonly string[]): { text: string; mark: boolean }[] {
  if (words.length === 0 || !text) return [{ text, mark: false }];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRe).join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const runs: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index), mark: false });
    runs.push({ text: m[0], mark: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), mark: false });
  return runs;
}

/** Sanitized copy HTML with the matched words wrapped in <mark> (text nodes only; markup untouched). */
export function markMatches(html: string, search: string): string {
  const words = searchWords(search);
  if (words.length === 0) return html;
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const runs = matchRuns(node.data, words);
    if (!runs.some((r) => r.mark)) continue;
    const frag = doc.createDocumentFragment();
    for (const r of runs) {
      if (!r.mark) frag.append(r.text);
      else {
        const mark = doc.createElement('mark');
        mark.textContent = r.text;
        frag.append(mark);
      }
    }
    node.replaceWith(frag);
  }
  return doc.body.innerHTML;
}
