import { type Code, isCode, isPhrase, type Phrase, type PhraseValue } from './phrase';
import { wordOf } from './phrase-words';

/**
 * A language to say phrases in: the template of a message id (in the form for `count`, when the
 * phrase has one and the language has plural forms), and numbers. Codes are said through the
 * template of their English word. The app gives its catalog, the service worker the few strings
 * it keeps.
 */
export interface PhraseLanguage {
  template(id: string, count?: number): string;
  number(value: number): string;
}

export const english: PhraseLanguage = {
  template: (id) => id,
  number: (value) => value.toLocaleString('en'),
};

function codeText(value: Code, language: PhraseLanguage): string {
  const word = wordOf(value.of, value.code);
  return word === undefined ? value.code : language.template(word);
}

/** One value of a phrase said in a language: a code's word, a nested phrase, a list. */
export function valueText(value: PhraseValue, language: PhraseLanguage = english): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return language.number(value);
  if (Array.isArray(value)) return value.map((one) => valueText(one, language)).join(', ');
  if (isCode(value as Code | Phrase)) return codeText(value as Code, language);
  if (isPhrase(value as Code | Phrase)) return phraseText(value as Phrase, language);
  return '';
}

/** The phrase said in a language (English unless told): the template with its values filled. */
export function phraseText(phrase: Phrase, language: PhraseLanguage = english): string {
  const values = phrase.values;
  const count = values?.count;
  const template = language.template(phrase.id, typeof count === 'number' ? count : undefined);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values && Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? whole : valueText(value, language);
  });
}
