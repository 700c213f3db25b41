import { useState } from 'preact/hooks';
import { readSyncState } from '../../db/sync-state';
import { AppError } from '../../domain/app-error';
import { dutyRequestSchema } from '../../domain/sync-protocol';
import { callServer } from '../../sync/http';
import { errorMessage } from '../changes';
import { CheckboxField, SelectField } from '../components/fields';
import { t } from '../i18n/messages';
import { useSession } from '../session';
import { requestSync } from '../sync-bridge';

/**
 * On duty or off, and where: alerts go to people on duty (everyone is, from joining until they
 * say otherwise). Coordinators also see which phones on duty alerts reach only while Helptent
 * is open on their screen.
 */
export function DutySection() {
  const session = useSession();
  const me = session.people.find((person) => person.deviceId === session.deviceId);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!session.joined || !me) return null;
  const onDuty = me.onDuty ?? true;
  const zoneId = me.dutyZoneId ?? '';
  const save = async (next: { onDuty: boolean; zoneId: string }) => {
    setMessage(null);
    try {
      const token = (await readSyncState(session.db))?.token;
      if (!token) throw new AppError('invalid', t('This phone has not joined an event.'));
      await callServer('/api/devices/self/duty', dutyRequestSchema, {
        method: 'PUT',
        token,
        body: { onDuty: next.onDuty, zoneId: next.zoneId || null },
      });
      requestSync();
      setMessage({
        ok: true,
        text: next.onDuty ? t('You are on duty: alerts reach this phone.') : t('You are off duty: no alerts.'),
      });
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
  };
  const unreachable = session.people.filter((p) => p.signedIn && (p.onDuty ?? true) && p.pushReachable === false);
  return (
    <section aria-labelledby="duty-title" class="card">
      <h2 id="duty-title">{t('On duty')}</h2>
      <CheckboxField
        label={t('I am on duty')}
        hint={t('Alerts for urgent cases, lost persons and hand-overs go to people on duty.')}
        checked={onDuty}
        onChange={(checked) => void save({ onDuty: checked, zoneId })}
      />
      <SelectField
        label={t('Where I am working')}
        value={zoneId}
        options={[{ value: '', label: t('Anywhere') }, ...session.event.zones.map((z) => ({ value: z.id, label: t(z.name) }))]}
        onChange={(zone) => void save({ onDuty, zoneId: zone })}
      />
      {message && (
        <p class={message.ok ? 'message message--ok' : 'message message--error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {session.role !== 'staff' && unreachable.length > 0 && (
        <p class="message message--warning" data-testid="unreachable-on-duty">
          {t('Alerts reach these phones on duty only while Helptent is open on their screen: {names}.', {
            names: unreachable.map((p) => p.name).join(', '),
          })}
        </p>
      )}
    </section>
  );
}
