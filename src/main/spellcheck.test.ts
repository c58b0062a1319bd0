import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { applySpellcheckLanguage, spellcheckLanguagesFor } from './spellcheck';
import { FakeSession } from '../../test/electron';

const available = new FakeSession().availableSpellCheckerLanguages;

describe('spellcheck languages from the item language', () => {
  it('uses the exact dictionary, else the usual region, else any region of the language', () => {
    expect(spellcheckLanguagesFor('en-GB', available)).toEqual(['en-GB']);
    expect(spellcheckLanguagesFor('EN-gb', available)).toEqual(['en-GB']);
    expect(spellcheckLanguagesFor('en', available)).toEqual(['en-US']);
    expect(spellcheckLanguagesFor('en-IE', available)).toEqual(['en-US']);
    expect(spellcheckLanguagesFor('de-AT', available)).toEqual(['de']);
    expect(spellcheckLanguagesFor('pt', available)).toEqual(['pt-PT']);
    expect(spellcheckLanguagesFor('pt-BR', available)).toEqual(['pt-BR']);
    expect(spellcheckLanguagesFor('fr', available)).toEqual(['fr']);
  });

  it('has none for a language without a dictionary or a malformed tag', () => {
    expect(spellcheckLanguagesFor('az', available)).toEqual([]);
    expect(spellcheckLanguagesFor('', available)).toEqual([]);
    expect(spellcheckLanguagesFor('en_GB; drop', available)).toEqual([]);
  });

  it("sets the window's spellchecker, and turns it off where there is no dictionary", () => {
    const s = new FakeSession();
    expect(applySpellcheckLanguage(s as unknown as Session, 'ru', 'linux')).toEqual(['ru']);
    expect(s).toMatchObject({ languages: ['ru'], spellCheckerEnabled: true });
    expect(applySpellcheckLanguage(s as unknown as Session, 'az', 'win32')).toEqual([]);
    expect(s).toMatchObject({ languages: ['ru'], spellCheckerEnabled: false });
    expect(applySpellcheckLanguage(s as unknown as Session, 'en-GB', 'linux')).toEqual(['en-GB']);
    expect(s.spellCheckerEnabled).toBe(true);
  });

  it('leaves macOS to its own spellchecker, and ignores what is not a language', () => {
    const s = new FakeSession();
    expect(applySpellcheckLanguage(s as unknown as Session, 'ru', 'darwin')).toEqual([]);
    expect(applySpellcheckLanguage(s as unknown as Session, 42, 'linux')).toEqual([]);
    expect(applySpellcheckLanguage(s as unknown as Session, 'x'.repeat(40), 'linux')).toEqual([]);
    expect(s).toMatchObject({ languages: ['en-US'], spellCheckerEnabled: true });
  });
});
