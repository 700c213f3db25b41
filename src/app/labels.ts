import type {
  ContactChannel,
  FollowUpReason,
  Mood,
  OutreachState,
  PublicRiskLevel,
  Severity,
  SourceKind,
  Status,
} from '../domain/issue';
import { localDateTime } from '../domain/operational-day';
import type { Option } from './components/fields';
import { intlLocale, translatedLabels } from './i18n/messages';

export const severityLabels: Record<Severity, string> = translatedLabels({
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
});
export const statusNames: Record<Status, string> = translatedLabels({
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  referred: 'Referred',
  follow_up: 'Follow-up',
  closed: 'Closed',
});
export const sourceLabels: Record<SourceKind, string> = translatedLabels({
  in_person: 'In person',
  phone: 'Phone call',
  social: 'Social media post',
  email: 'Email',
  radio: 'Radio from another team',
});
export const moodLabels: Record<Mood, string> = translatedLabels({
  angry: 'Angry',
  upset: 'Upset',
  neutral: 'Neutral',
  satisfied: 'Satisfied',
  delighted: 'Delighted',
});
export const riskLabels: Record<PublicRiskLevel, string> = translatedLabels({
  none: 'None',
  threatens_to_post: 'Threatens to post',
  posted: 'Has posted',
  press_present: 'Press present',
});
export const channelLabels: Record<ContactChannel, string> = translatedLabels({
  email: 'Email',
  phone: 'Phone call',
  sms: 'Text message',
});
export const outreachLabels: Record<OutreachState, string> = translatedLabels({
  pending: 'Pending',
  sent: 'Sent',
  replied: 'Replied',
  done: 'Done',
});
export const reasonLabels: Record<FollowUpReason, string> = translatedLabels({
  apology: 'Apology',
  refund: 'Refund answer',
  lost_property: 'Item found (lost property)',
  thank_you: 'Thank-you',
  other: 'Other',
});

export function optionsOf<K extends string>(labels: Record<K, string>): Option[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

const formats = new Map<string, { time: Intl.DateTimeFormat; dayTime: Intl.DateTimeFormat }>();

/** Formatters on the event's clock in the person's language (never the browser's default locale). */
function formatsFor(timezone: string) {
  const locale = intlLocale(timezone);
  let f = formats.get(`${locale} ${timezone}`);
  if (!f) {
    // A 12-hour clock reads "9:59 PM"; a 24-hour one keeps its leading zero ("09:59").
    const twelveHour = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hour12 === true;
    const hour = twelveHour ? 'numeric' : '2-digit';
    f = {
      time: new Intl.DateTimeFormat(locale, { timeZone: timezone, hour, minute: '2-digit' }),
      dayTime: new Intl.DateTimeFormat(locale, { timeZone: timezone, weekday: 'short', hour, minute: '2-digit' }),
    };
    formats.set(`${locale} ${timezone}`, f);
  }
  return f;
}

/**
 * Time for people, on the event's clock: "14:02" today, "Sat 01:30" otherwise. Display only:
 * phone clocks are often wrong, so nothing is ever ordered by these.
 */
export function formatWhen(iso: string, timezone: string, now = new Date()): string {
  const f = formatsFor(timezone);
  const date = new Date(iso);
  const sameDay = localDateTime(date, timezone).date === localDateTime(now, timezone).date;
  return (sameDay ? f.time : f.dayTime).format(date);
}
