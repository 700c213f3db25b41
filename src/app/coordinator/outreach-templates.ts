import type { FollowUpReason, Issue } from '../../domain/issue';
import { english, type PhraseLanguage } from '../../domain/phrase-text';
import { type StaffLocale, staffLocales } from '../i18n/locales';
import { resolutionText } from '../i18n/said';

/**
 * Starting points staff can edit, in each language an attendee may be written to; {name},
 * {issue}, {told} and {resolution} are filled per attendee. These are messages to attendees,
 * not UI text: the follow-up list picks the attendee's language, whatever the staff member reads.
 */
export const defaultTemplates: Record<StaffLocale, Record<FollowUpReason, string>> = {
  en: {
    apology:
      'Hi {name}, this is the help desk of the festival. We are sorry about “{issue}”. {resolution} Thank you for telling us — it helps us do better.',
    refund:
      'Hi {name}, about your refund question (“{issue}”): {resolution} We told you at the desk: {told}. Reply to this message if anything is still unclear.',
    lost_property: 'Hi {name}, good news about “{issue}”: {resolution} Reply to arrange how you get it back.',
    thank_you: 'Hi {name}, thank you for your kind words at the festival! {resolution} We hope to see you next year.',
    other: 'Hi {name}, this is the festival help desk about “{issue}”. {resolution}',
  },
  nl: {
    apology:
      'Hoi {name}, hier de infobalie van het festival. Het spijt ons van “{issue}”. {resolution} Bedankt dat je het ons liet weten — zo kunnen we het beter doen.',
    refund:
      'Hoi {name}, over je vraag over terugbetaling (“{issue}”): {resolution} Aan de balie zeiden we: {told}. Antwoord op dit bericht als er nog iets onduidelijk is.',
    lost_property:
      'Hoi {name}, goed nieuws over “{issue}”: {resolution} Antwoord op dit bericht om af te spreken hoe je het terugkrijgt.',
    thank_you: 'Hoi {name}, bedankt voor je lieve woorden op het festival! {resolution} Hopelijk tot volgend jaar.',
    other: 'Hoi {name}, hier de infobalie van het festival, over “{issue}”. {resolution}',
  },
  de: {
    apology:
      'Hallo {name}, hier ist der Infostand des Festivals. „{issue}“ tut uns leid. {resolution} Danke, dass du es uns gesagt hast — so können wir es besser machen.',
    refund:
      'Hallo {name}, zu deiner Frage zur Erstattung („{issue}“): {resolution} Am Infostand haben wir dir gesagt: {told}. Antworte einfach auf diese Nachricht, wenn noch etwas unklar ist.',
    lost_property:
      'Hallo {name}, gute Nachrichten zu „{issue}“: {resolution} Antworte auf diese Nachricht, damit wir klären, wie du es zurückbekommst.',
    thank_you:
      'Hallo {name}, danke für deine netten Worte auf dem Festival! {resolution} Wir hoffen, dich nächstes Jahr wiederzusehen.',
    other: 'Hallo {name}, hier ist der Infostand des Festivals zu „{issue}“. {resolution}',
  },
  fr: {
    apology:
      'Bonjour {name}, ici le point info du festival. Nous sommes désolés pour « {issue} ». {resolution} Merci de nous l’avoir signalé — cela nous aide à faire mieux.',
    refund:
      'Bonjour {name}, au sujet de votre demande de remboursement (« {issue} ») : {resolution} Au stand, nous vous avions dit : {told}. Répondez à ce message si quelque chose n’est pas clair.',
    lost_property:
      'Bonjour {name}, bonne nouvelle concernant « {issue} » : {resolution} Répondez à ce message pour convenir de la manière de le récupérer.',
    thank_you:
      'Bonjour {name}, merci pour vos gentils mots au festival ! {resolution} Nous espérons vous revoir l’année prochaine.',
    other: 'Bonjour {name}, ici le point info du festival au sujet de « {issue} ». {resolution}',
  },
  es: {
    apology:
      'Hola {name}, te escribimos desde el punto de información del festival. Sentimos mucho lo de «{issue}». {resolution} Gracias por contárnoslo: nos ayuda a mejorar.',
    refund:
      'Hola {name}, sobre tu consulta de reembolso («{issue}»): {resolution} En el punto de información te dijimos: {told}. Responde a este mensaje si algo no queda claro.',
    lost_property:
      'Hola {name}, buenas noticias sobre «{issue}»: {resolution} Responde a este mensaje para acordar cómo recuperarlo.',
    thank_you: 'Hola {name}, ¡gracias por tus amables palabras en el festival! {resolution} Esperamos verte el año que viene.',
    other: 'Hola {name}, te escribimos desde el punto de información del festival sobre «{issue}». {resolution}',
  },
};

/** The subject of a follow-up email, in the attendee's language. */
export const subjects: Record<StaffLocale, string> = {
  en: 'About your visit: {issue}',
  nl: 'Over je festivalbezoek: {issue}',
  de: 'Zu deinem Festivalbesuch: {issue}',
  fr: 'À propos de votre venue : {issue}',
  es: 'Sobre tu visita: {issue}',
};

/** How a nameless attendee is greeted ("Hi there"); elsewhere the greeting stands alone. */
const nobodyNamed: Record<StaffLocale, string> = { en: 'there', nl: '', de: '', fr: '', es: '' };

/** The attendee's language when a template exists for it, else the event's. */
export function templateLanguageOf(issue: Issue, eventLanguage: StaffLocale): StaffLocale {
  const spoken = issue.attendee.language;
  return staffLocales.includes(spoken as StaffLocale) ? (spoken as StaffLocale) : eventLanguage;
}

/**
 * The message to one attendee. `words` is the template's language for what the domain wrote
 * itself ("Reunited."), so a Dutch message does not quote its resolution in English.
 */
export function fillTemplate(
  template: string,
  issue: Issue,
  language: StaffLocale = 'en',
  words: PhraseLanguage = english,
): string {
  const values: Record<string, string> = {
    name: issue.attendee.name || nobodyNamed[language],
    issue: issue.summary,
    told: issue.toldAttendee || '—',
    resolution: resolutionText(issue, words),
  };
  return template
    .replace(/\{(name|issue|told|resolution)\}/g, (_, key: string) => values[key] ?? '')
    .replace(/\s+/g, ' ')
    .replace(/ ,/g, ',')
    .trim();
}

/** A link that opens the phone's mail or SMS app with the message written. */
export function contactLink(issue: Issue, message: string, subject: string): string | null {
  const channel = issue.followUp.channel ?? issue.attendee.preferredChannel;
  if ((channel === 'sms' || channel === 'phone' || !issue.attendee.email) && issue.attendee.phone) {
    return `sms:${issue.attendee.phone.replace(/[^\d+]/g, '')}?body=${encodeURIComponent(message)}`;
  }
  if (issue.attendee.email)
    return `mailto:${issue.attendee.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(message)}`;
  return null;
}
