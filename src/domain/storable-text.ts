/**
 * Text every database can store: no NUL character (PostgreSQL refuses it) and no half of a
 * surrogate pair (not text at all; a paste from a broken clipboard or a cut-off emoji). The
 * server refuses a request holding either; a phone cleans what was typed before it saves, so
 * the change it queues is one the server takes.
 */
const nulChar = String.fromCharCode(0);
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function isStorableText(text: string): boolean {
  loneSurrogates.lastIndex = 0;
  return !text.includes(nulChar) && !loneSurrogates.test(text);
}

/** True when a string anywhere in the value (keys included) could not be stored. */
export function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return !isStorableText(value);
  if (Array.isArray(value)) return value.some(holdsUnstorableText);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, inner]) => !isStorableText(key) || holdsUnstorableText(inner));
  }
  return false;
}

/** The value with every string made storable: NUL removed, a lone surrogate made "�". */
export function storableDeep<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll(nulChar, '').replace(loneSurrogates, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(storableDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [storableDeep(key), storableDeep(inner)])) as T;
  }
  return value;
}
