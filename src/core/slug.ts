/** Slugline rules: uppercase keywords joined by hyphens or slashes, at most 40 characters. */
export const SLUG_MAX = 40;
const SLUG_RE = /^[A-Z0-9]+(?:[-/][A-Z0-9]+)*$/;

/** What an editor typed, brought to slug form: uppercased, spaces to hyphens. */
export function normalizeSlug(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-{2,}/g, '-');
}

/** A problem with the slug in plain words, or null when it is fine (empty is allowed while drafting). */
export function slugProblem(slug: string): string | null {
  if (slug === '') return null;
  if (slug.length > SLUG_MAX) return `Slug is ${slug.length} characters; the limit is ${SLUG_MAX}.`;
  if (!SLUG_RE.test(slug)) return 'Slug must be capital letters or digits joined by hyphens or slashes, e.g. AZERBAIJAN-KAZAKHSTAN-DEFENCE.';
  return null;
}

/** Sign-off code such as 06B: letters and digits, rendered ---06B--- at the end of the copy. */
export const SIGN_OFF_MAX = 8;
export const SIGN_OFF_RE = new RegExp(`^[A-Za-z0-9]{1,${SIGN_OFF_MAX}}$`);

export function formatSignOff(code: string): string {
  const c = code.trim();
  return c ? `---${c}---` : '';
}
