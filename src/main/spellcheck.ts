import type { Session } from 'electron';

/** An item's language as the desk stores it: a BCP 47 tag such as "en", "en-GB", "az-Latn". */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * The spellchecker dictionaries for an item's language, from those Electron has: the exact tag,
 * else the language with its usual region (en -> en-US, de -> de-DE), else any region of the
 * language. [] when Electron has no dictionary for it (spellchecking is then turned off, so a
 * story in Azerbaijani is not underlined throughout as bad English).
 */
export function spellcheckLanguagesFor(language: string, available: readonly string[]): string[] {
  if (!LANGUAGE_TAG.test(language)) return [];
  const want = language.toLowerCase();
  const byLower = new Map(available.map((a) => [a.toLowerCase(), a]));
  const exact = byLower.get(want);
  if (exact) return [exact];
  const base = want.split('-')[0]!;
  const usual = byLower.get(base) ?? byLower.get(`${base}-${base === 'en' ? 'us' : base}`);
  if (usual) return [usual];
  const anyRegion = available.find((a) => a.toLowerCase().startsWith(`${base}-`));
  return anyRegion ? [anyRegion] : [];
}

/**
 * Spellcheck the window in the item's language. On macOS the system spellchecker follows the
 * text by itself (Electron's language setting is a no-op there). Returns the dictionaries used.
 */
export function applySpellcheckLanguage(session: Session, language: unknown, platform: NodeJS.Platform = process.platform): string[] {
  if (typeof language !== 'string' || language.length > 35) return [];
  if (platform === 'darwin') return [];
  const languages = spellcheckLanguagesFor(language, session.availableSpellCheckerLanguages);
  session.setSpellCheckerEnabled(languages.length > 0);
  if (languages.length) session.setSpellCheckerLanguages(languages);
  return languages;
}
