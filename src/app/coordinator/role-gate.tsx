import type { ComponentChildren } from 'preact';
import { hasRoleAtLeast, type Role } from '../../domain/staff';
import { Screen } from '../components/screen';
import { roleLabels } from '../components/staff-picker';
import { t } from '../i18n/messages';
import { useSession } from '../session';

/** Attendee contact details and exports are for the roles that need them, on screen as on the server. */
export function RoleGate({ needs, title, children }: { needs: Role; title: string; children: ComponentChildren }) {
  const { role } = useSession();
  if (hasRoleAtLeast(role, needs)) return <>{children}</>;
  return (
    <Screen title={title}>
      <p role="alert">
        {needs === 'organizer'
          ? t('Only organizers can open this: it shows attendees’ personal details. You are signed in as {role}.', {
              role: roleLabels[role].toLowerCase(),
            })
          : t(
              'Only coordinators and organizers can open this: it shows attendees’ personal details. You are signed in as {role}.',
              {
                role: roleLabels[role].toLowerCase(),
              },
            )}
      </p>
      <p>
        <a href="/">{t('Back to logging')}</a>
      </p>
    </Screen>
  );
}
