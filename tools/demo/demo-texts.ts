import type { CategoryTexts } from './demo-text-types';
import { careTexts } from './demo-texts-care';
import { siteTexts } from './demo-texts-site';

export const categoryTexts: Record<string, CategoryTexts> = { ...careTexts, ...siteTexts };

export const handoverNotes: string[] = [
  'My shift ends; {to} takes over. Attendee is waiting at the info tent.',
  '{to} knows this area better; all details are in the notes.',
  'Going on break. {to} has the description and my notes.',
  'Radio handover to {to}; they are closer to {spot}.',
  'Needs a coordinator decision, so over to {to}.',
];

export const reopenNotes: string[] = [
  'Attendee came back: the problem is back.',
  'Attendee returned to the desk; the fix did not hold.',
];
