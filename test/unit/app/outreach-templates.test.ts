import { describe, expect, it } from 'vitest';
import { defaultTemplates, fillTemplate, subjects, templateLanguageOf } from '../../../src/app/coordinator/outreach-templates';
import de from '../../../src/app/i18n/catalogs/de';
import nl from '../../../src/app/i18n/catalogs/nl';
import { attendeeLanguages, staffLocales } from '../../../src/app/i18n/locales';
import { phraseLanguageOf } from '../../../src/app/i18n/phrase-language';
import type { Issue } from '../../../src/domain/issue';

const issue = (attendee: Partial<Issue['attendee']>): Issue =>
  ({
    summary: 'Refund not received',
    toldAttendee: 'within a week',
    resolution: 'The refund was sent today.',
    attendee: { name: '', email: '', phone: '', ticketId: '', preferredChannel: null, ...attendee },
  }) as Issue;

describe('follow-up messages in the attendee’s language', () => {
  it('has every template and subject in every language, with the same placeholders as English', () => {
    for (const language of staffLocales) {
      for (const [reason, english] of Object.entries(defaultTemplates.en)) {
        const template = defaultTemplates[language][reason as keyof typeof defaultTemplates.en];
        expect(template.match(/\{\w+\}/g)?.sort(), `${language} ${reason}`).toEqual(english.match(/\{\w+\}/g)?.sort());
      }
      expect(subjects[language]).toContain('{issue}');
    }
  });

  it('writes in the language the attendee spoke, else the event’s', () => {
    expect(templateLanguageOf(issue({ language: 'de' }), 'nl')).toBe('de');
    expect(templateLanguageOf(issue({}), 'nl')).toBe('nl');
    // A language without templates (Italian) falls back to the event's.
    expect(templateLanguageOf(issue({ language: 'it' }), 'fr')).toBe('fr');
  });

  it('fills in the attendee and greets a nameless one naturally in each language', () => {
    expect(fillTemplate(defaultTemplates.de.refund, issue({ name: 'Jonas' }), 'de')).toBe(
      'Hallo Jonas, zu deiner Frage zur Erstattung („Refund not received“): The refund was sent today. Am Infostand haben wir dir gesagt: within a week. Antworte einfach auf diese Nachricht, wenn noch etwas unklar ist.',
    );
    expect(fillTemplate(defaultTemplates.en.other, issue({}), 'en')).toMatch(/^Hi there, /);
    expect(fillTemplate(defaultTemplates.nl.other, issue({}), 'nl')).toMatch(/^Hoi, hier de infobalie/);
  });

  it('offers the festival’s language first when asking which language the attendee spoke', () => {
    expect(attendeeLanguages({ timezone: 'Europe/Madrid' })).toEqual(['es', 'en', 'nl', 'de', 'fr']);
    expect(attendeeLanguages({ timezone: 'Asia/Tokyo' })[0]).toBe('en');
    expect(attendeeLanguages({ timezone: 'Asia/Tokyo', language: 'fr' })).toEqual(['fr', 'en', 'nl', 'de', 'es']);
  });

  it('quotes a resolution the domain wrote in the attendee’s language, and one a person typed as typed', () => {
    const reunited = { ...issue({ name: 'Sanne' }), resolution: 'Reunited.', resolutionSaid: { id: 'Reunited.' } } as Issue;
    expect(fillTemplate('{resolution}', reunited, 'nl', phraseLanguageOf('nl', nl))).toBe('Herenigd.');
    expect(fillTemplate('{resolution}', reunited, 'de', phraseLanguageOf('de', de))).toBe('Wiedervereint.');
    expect(fillTemplate('{resolution}', reunited, 'en', phraseLanguageOf('en', null))).toBe('Reunited.');
    const handedBack = {
      ...reunited,
      resolution: 'Handed back to Mia.',
      resolutionSaid: { id: 'Handed back to {name}.', values: { name: 'Mia' } },
    } as Issue;
    expect(fillTemplate(defaultTemplates.nl.lost_property, handedBack, 'nl', phraseLanguageOf('nl', nl))).toContain(
      ': Teruggegeven aan Mia. Antwoord',
    );
    // Rewritten by a coordinator: the words are theirs, whatever the phrase said.
    const rewritten = { ...handedBack, resolution: 'Opgehaald door haar broer.' } as Issue;
    expect(fillTemplate('{resolution}', rewritten, 'nl', phraseLanguageOf('nl', nl))).toBe('Opgehaald door haar broer.');
  });
});
