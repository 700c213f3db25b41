import { useState } from 'preact/hooks';
import { readSyncState } from '../../db/sync-state';
import type { AttendeeMatch } from '../../domain/attendee-requests';
import { retentionDaysOf, retentionEndsAt } from '../../domain/personal-data';
import { eraseAttendee, fetchAccessExport, findAttendee } from '../../sync/attendee-data';
import { errorMessage } from '../changes';
import { CheckboxField, TextField } from '../components/fields';
import { Screen } from '../components/screen';
import { RoleGate } from '../coordinator/role-gate';
import { download } from '../download';
import { msg, t, tn } from '../i18n/messages';
import { formatWhen } from '../labels';
import { useSession } from '../session';
import { requestSync } from '../sync-bridge';
import { useLiveQuery } from '../use-live-query';

const title = msg('Attendee data');

function contactOf(match: AttendeeMatch): string {
  const a = match.attendee;
  return (
    [a.name, a.email, a.phone, a.ticketId && t('ticket {id}', { id: a.ticketId })].filter(Boolean).join(' · ') ||
    t('no contact details')
  );
}

function RetentionNote() {
  const { event } = useSession();
  const ends = retentionEndsAt(event);
  return (
    <p>
      {event.personalDataPurgedAt
        ? t('The retention period ended: attendee personal data was removed on {when}.', {
            when: formatWhen(event.personalDataPurgedAt, event.timezone),
          })
        : ends
          ? tn(
              retentionDaysOf(event),
              'Attendee personal data is kept {count} day after the festival’s last day, until {when}, then removed from the server and every phone (Settings → Festival changes it).',
              'Attendee personal data is kept {count} days after the festival’s last day, until {when}, then removed from the server and every phone (Settings → Festival changes it).',
              { when: formatWhen(ends, event.timezone) },
            )
          : tn(
              retentionDaysOf(event),
              'Attendee personal data is kept {count} day after the festival’s last day, then removed from the server and every phone (Settings → Festival changes it).',
              'Attendee personal data is kept {count} days after the festival’s last day, then removed from the server and every phone (Settings → Festival changes it).',
            )}
    </p>
  );
}

/**
 * For organizers answering an attendee's request: find them by email, phone or name, hand them
 * everything held about them, or erase them everywhere. Needs signal: the server holds what
 * every phone logged.
 */
function AttendeeData() {
  const { db } = useSession();
  const token = useLiveQuery(() => readSyncState(db), [db]).data?.token;
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [matches, setMatches] = useState<AttendeeMatch[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const search = (event: Event) => {
    event.preventDefault();
    if (!token) return;
    void act(async () => {
      const found = await findAttendee(token, query);
      setSearched(query.trim());
      setMatches(found.matches);
      setTruncated(found.truncated);
      setChosen(new Set(found.matches.filter((m) => m.relation === 'attendee').map((m) => m.issueId)));
    });
  };
  const exportAccess = (format: 'json' | 'html') =>
    token &&
    void act(async () => {
      const body = await fetchAccessExport(token, searched, [...chosen], format);
      download(`helptent-subject-access.${format}`, body, format === 'html' ? 'text/html;charset=utf-8' : 'application/json');
      setMessage({ ok: true, text: t('The export is in your downloads. Send it to the attendee by a safe channel.') });
    });
  const erase = () => {
    if (!token) return;
    const sure = window.confirm(
      tn(
        chosen.size,
        'Erase this attendee from the chosen issue and every mention of them, on the server and every phone? This cannot be undone.',
        'Erase this attendee from the {count} chosen issues and every mention of them, on the server and every phone? This cannot be undone.',
      ),
    );
    if (!sure) return;
    void act(async () => {
      const changed = await eraseAttendee(token, searched, [...chosen]);
      setMatches(null);
      setChosen(new Set());
      setMessage({
        ok: true,
        text: tn(
          changed,
          'Erased from {count} issue. Phones receive the erased copies at their next sync.',
          'Erased from {count} issues. Phones receive the erased copies at their next sync.',
        ),
      });
      requestSync();
    });
  };

  const theirs = matches?.filter((m) => m.relation === 'attendee') ?? [];
  const mentions = matches?.filter((m) => m.relation === 'mentioned') ?? [];
  return (
    <Screen title={t(title)}>
      <RetentionNote />
      <form class="card" onSubmit={search} aria-labelledby="find-title">
        <h2 id="find-title">{t('Find an attendee')}</h2>
        <TextField
          label={t('Email, phone or name')}
          hint={t('What the attendee gave you in their request. It is sent to the server only, never kept in a log.')}
          value={query}
          onInput={setQuery}
          type="search"
          required
        />
        <button type="submit" class="button button--primary" disabled={busy || !token || query.trim().length < 2}>
          {t('Find')}
        </button>
        {!token && <p role="status">{t('Join the event as an organizer first: the server holds what every phone logged.')}</p>}
      </form>
      {message && (
        <p class={message.ok ? 'message message--ok' : 'message message--error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {matches && (
        <section class="card" aria-labelledby="found-title">
          <h2 id="found-title">
            {matches.length === 0
              ? t('Nothing recorded about “{text}”', { text: searched })
              : t('What is recorded about “{text}”', { text: searched })}
          </h2>
          {theirs.length > 0 && (
            <fieldset>
              <legend>{t('Issues where this may be the attendee (tick the ones that are)')}</legend>
              {theirs.map((m) => (
                <CheckboxField
                  key={m.issueId}
                  label={`${m.createdAt.slice(0, 10)} · ${m.summary} — ${contactOf(m)}`}
                  checked={chosen.has(m.issueId)}
                  onChange={(checked) => {
                    const next = new Set(chosen);
                    if (checked) next.add(m.issueId);
                    else next.delete(m.issueId);
                    setChosen(next);
                  }}
                />
              ))}
            </fieldset>
          )}
          {mentions.length > 0 && (
            <>
              <h3>{t('Mentioned in other issues')}</h3>
              <ul>
                {mentions.map((m) => (
                  <li key={m.issueId}>
                    {m.createdAt.slice(0, 10)} · {m.summary}
                  </li>
                ))}
              </ul>
            </>
          )}
          {truncated && <p role="status">{t('Only the first 500 are listed: search by email or phone to narrow it down.')}</p>}
          {matches.length > 0 && (
            <div class="button-list">
              <button type="button" class="button" disabled={busy} onClick={() => exportAccess('html')}>
                {t('Export what we hold (page)')}
              </button>
              <button type="button" class="button" disabled={busy} onClick={() => exportAccess('json')}>
                {t('Export what we hold (JSON)')}
              </button>
              <button type="button" class="button button--danger" disabled={busy} onClick={erase}>
                {t('Erase this attendee')}
              </button>
            </div>
          )}
        </section>
      )}
    </Screen>
  );
}

export function AttendeeDataScreen() {
  return (
    <RoleGate needs="organizer" title={t(title)}>
      <AttendeeData />
    </RoleGate>
  );
}
