import { expect } from 'vitest';
import { isCode, isPhrase, type Phrase, type PhraseValue } from '../../../src/domain/phrase';
import { wordOf } from '../../../src/domain/phrase-words';

/** Every message id inside a phrase, nested ones and the words of its codes included. */
export function idsIn(phrase: Phrase): string[] {
  const ids = [phrase.id];
  const visit = (value: PhraseValue) => {
    if (Array.isArray(value)) for (const one of value) visit(one);
    else if (typeof value === 'object' && isPhrase(value as Phrase)) ids.push(...idsIn(value as Phrase));
    else if (typeof value === 'object' && isCode(value as PhraseValue)) {
      const code = value as { of: string; code: string };
      // A zone is named by the festival; only the default zones are in the catalog.
      if (code.of === 'zone') return;
      const word = wordOf(code.of, code.code);
      expect(word, `${code.of} ${code.code} has a word`).toBeDefined();
      ids.push(word!);
    }
  };
  for (const value of Object.values(phrase.values ?? {})) visit(value);
  return ids;
}
