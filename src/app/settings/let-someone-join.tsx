import { useState } from 'preact/hooks';
import type { SyncState } from '../../db/sync-state';
import type { Role } from '../../domain/staff';
import { createJoinCode } from '../../sync/api';
import { ChangeForm } from '../components/change-form';
import { SelectField } from '../components/fields';
import { roleLabels } from '../components/staff-picker';
import { t, tn } from '../i18n/messages';
import { formatWhen } from '../labels';
import { useSession } from '../session';

interface Shown {
  code: string;
  role: Role;
  expiresAt: string;
  qr: string;
}

/**
 * A coordinator shows a code (and its QR code) to whoever joins next; scanning it opens
 * Helptent's settings with the code filled in.
 */
export function LetSomeoneJoin({ sync }: { sync: SyncState }) {
  const { event } = useSession();
  const [role, setRole] = useState<Role>('staff');
  const [hours, setHours] = useState('12');
  const [shown, setShown] = useState<Shown | null>(null);
  const roles: Role[] = sync.role === 'organizer' ? ['staff', 'coordinator', 'organizer'] : ['staff', 'coordinator'];
  return (
    <>
      <ChangeForm
        label={t('Let someone join')}
        submitLabel={t('Show a join code')}
        savedMessage={t('Code ready: let them scan it or type it.')}
        onSubmit={async () => {
          const answer = await createJoinCode(sync.token, role, Number(hours) * 60);
          const { renderSVG } = await import('uqr');
          const link = `${location.origin}/settings#code=${answer.code}`;
          const svg = renderSVG(link, { ecc: 'M', border: 2 });
          setShown({ ...answer, role, qr: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
        }}
      >
        <SelectField
          label={t('Joins as')}
          value={role}
          options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
          onChange={(value) => setRole(value as Role)}
        />
        <SelectField
          label={t('Code works for')}
          value={hours}
          options={[
            { value: '1', label: tn(1, '{count} hour', '{count} hours') },
            { value: '12', label: tn(12, '{count} hour', '{count} hours') },
            { value: '72', label: tn(3, '{count} day', '{count} days') },
          ]}
          onChange={setHours}
        />
      </ChangeForm>
      {shown && (
        <figure class="join-code">
          <img
            src={shown.qr}
            width={240}
            height={240}
            alt={t('QR code that opens Helptent with join code {code}', { code: shown.code })}
          />
          <figcaption>
            <span class="join-code__code" data-testid="join-code">
              {shown.code}
            </span>
            <br />
            {roleLabels[shown.role]} · {t('works until {when}', { when: formatWhen(shown.expiresAt, event.timezone) })}
            {shown.role === 'organizer' ? t(' · once') : ''}
          </figcaption>
        </figure>
      )}
    </>
  );
}
