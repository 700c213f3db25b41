import type { AccessDocument, AccessIssue } from './subject-access';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const when = (iso: string | null): string => (iso ? escapeHtml(iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')) : '—');
const row = (label: string, value: string): string =>
  value.trim() === '' ? '' : `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;

function issueSection(issue: AccessIssue, index: number): string {
  const c = issue.contactDetails;
  const rows = [
    row('Logged', `${when(issue.loggedAt)} by ${issue.loggedBy}`),
    row('Category', issue.category),
    row('Zone', issue.zone ?? ''),
    row('Location', issue.location),
    row('Summary', issue.summary),
    row('Details', issue.details),
    row('Name', c.name),
    row('Email', c.email),
    row('Phone', c.phone),
    row('Ticket or wristband', c.ticketId),
    row('Preferred channel', c.preferredChannel ?? ''),
    row('Agreed to be contacted', issue.consentToBeContacted.given ? `yes, ${when(issue.consentToBeContacted.at)}` : 'no'),
    row('Mood when we met', issue.moodAtIntake ?? ''),
    row('Mood when leaving', issue.moodWhenLeaving ?? ''),
    row('Status', issue.status.replace('_', ' ')),
    row('Resolution', issue.resolution),
    row('What we told you', issue.whatWeToldThem),
    row('Follow-up', issue.followUp.needed ? `needed (${issue.followUp.outreach})` : ''),
  ].join('');
  const history = issue.history
    .map(
      (h) =>
        `<li><time>${when(h.at)}</time> ${escapeHtml(h.by)}: ${escapeHtml(h.what)}${h.note ? ` — “${escapeHtml(h.note)}”` : ''}</li>`,
    )
    .join('');
  return `<section><h2>Issue ${index + 1}</h2><table>${rows}</table><h3>History</h3><ol>${history}</ol></section>`;
}

/** The access export as a page a person can read, print or save: no script, no outside resources. */
export function accessPage(doc: AccessDocument): string {
  const mentions = doc.mentions
    .map(
      (m) =>
        `<li>${when(m.loggedAt)}, ${escapeHtml(m.category)}<ul>${m.passages.map((p) => `<li>${escapeHtml(p.where)}: “${escapeHtml(p.text)}”</li>`).join('')}</ul></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your data held by ${escapeHtml(doc.event.name)} help desk</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}th{text-align:left;vertical-align:top;padding-right:1rem;white-space:nowrap}td{overflow-wrap:anywhere}section{border-top:1px solid #999;margin-top:1.5rem}</style>
</head><body>
<h1>Your data held by the ${escapeHtml(doc.event.name)} help desk</h1>
<p>${escapeHtml(doc.purpose)}</p>
<p>Made ${when(doc.generatedAt)} by ${escapeHtml(doc.generatedBy)}. Personal data is kept ${doc.retentionDays} days after the festival${doc.keptUntil ? `, until ${when(doc.keptUntil)}` : ''}, then removed.</p>
<p>${doc.issues.length === 0 ? 'No issue records you as the attendee.' : `${doc.issues.length === 1 ? 'One issue records' : `${doc.issues.length} issues record`} you as the attendee.`}</p>
${doc.issues.map(issueSection).join('\n')}
${doc.mentions.length > 0 ? `<section><h2>Where other records mention you</h2><ol>${mentions}</ol></section>` : ''}
</body></html>
`;
}
