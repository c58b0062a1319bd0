import { formatDateline } from './dateline';
import type { ItemFields } from './item';
import { bodyBlocksHtml, bodyLines, escapeHtml } from './richtext';
import type { DatelineStyle } from './settings';
import { formatSignOff } from './slug';

/** "EMBARGOED until 2026-11-27 09:00 +04:00" — the zone the editor gave, never converted. */
export function embargoLine(embargo: string | null): string {
  if (!embargo) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(embargo);
  if (!m) return `EMBARGOED until ${embargo}`;
  const zone = m[3] === 'Z' ? 'UTC' : `UTC${m[3]}`;
  return `EMBARGOED until ${m[1]} ${m[2]} ${zone}`;
}

export function isEmbargoPast(embargo: string | null, now: Date): boolean {
  return embargo !== null && Date.parse(embargo) <= now.getTime();
}

export interface WireCopy {
  dateline: string;
  signOff: string;
  /** Plain wire copy: dateline prefix, body lines, sign-off on the last line. */
  text: string;
  /** Same copy as HTML from our own serializer: dateline and sign-off escaped. */
  html: string;
  /** The same HTML a block (one element) at a time: `html` is these joined by newlines. */
  blocks: string[];
}

/** The item as it goes out on the wire. */
export function renderWireCopy(f: Pick<ItemFields, 'dateline' | 'body' | 'signOff'>, style: DatelineStyle): WireCopy {
  const dateline = formatDateline(f.dateline, style);
  const signOff = formatSignOff(f.signOff);
  const lines = bodyLines(f.body).filter((l) => l.trim() !== '');
  if (dateline) lines[0] = lines.length > 0 ? `${dateline} ${lines[0]}` : dateline;
  if (signOff) {
    if (lines.length > 0) lines[lines.length - 1] = `${lines[lines.length - 1]} ${signOff}`;
    else lines.push(signOff);
  }
  const blocks = bodyBlocksHtml(f.body, {
    leadHtml: dateline ? `<span class="dateline">${escapeHtml(dateline)}</span>` : undefined,
    tailHtml: signOff ? `<span class="signoff">${escapeHtml(signOff)}</span>` : undefined,
  });
  return { dateline, signOff, text: lines.join('\n'), html: blocks.join('\n'), blocks };
}
