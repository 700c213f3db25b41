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

const formats = new Map<string, Intl.DateTimeFormat>();
const hourCycles = new Map<string, boolean>();

function twelveHour(locale: string): boolean {
  let twelve = hourCycles.get(locale);
  if (twelve === undefined) {
    twelve = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hour12 === true;
    hourCycles.set(locale, twelve);
  }
  return twelve;
}

/**
 * A formatter on the event's clock in the person's language (never the browser's default
 * locale). Each is made when first needed: making one takes a slow phone a while.
 */
function formatFor(timezone: string, withDay: boolean): Intl.DateTimeFormat {
  const locale = intlLocale(timezone);
  const key = `${locale} ${timezone} ${withDay ? 'day' : 'time'}`;
  let format = formats.get(key);
  if (!format) {
    // A 12-hour clock reads "9:59 PM"; a 24-hour one keeps its leading zero ("09:59").
    const hour = twelveHour(locale) ? 'numeric' : '2-digit';
    format = new Intl.DateTimeFormat(locale, {
      timeZone: timezone,
      ...(withDay ? { weekday: 'short' } : {}),
      hour,
      minute: '2-digit',
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * Time for people, on the event's clock: "14:02" today, "Sat 01:30" otherwise. Display only:
 * phone clocks are often wrong, so nothing is ever ordered by these.
 */
export function formatWhen(iso: string, timezone: string, now = new Date()): string {
  const date = new Date(iso);
  const sameDay = localDateTime(date, timezone).date === localDateTime(now, timezone).date;
  return formatFor(timezone, !sameDay).format(date);
}
