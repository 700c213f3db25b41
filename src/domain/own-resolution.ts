import type { Issue } from './issue';
import type { Phrase } from './phrase';
import { phraseText } from './phrase-text';

/**
 * The resolution the domain writes when a case ends by itself ("Handed back to Mia."), unless
 * someone wrote one: its English text, and the phrase each phone says it with.
 */
export function ownResolution(issue: Issue, said: Phrase): Partial<Pick<Issue, 'resolution' | 'resolutionSaid'>> {
  return issue.resolution ? {} : { resolution: phraseText(said), resolutionSaid: said };
}
