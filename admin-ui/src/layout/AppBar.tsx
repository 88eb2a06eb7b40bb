import { AppBar as RaAppBar, TitlePortal, UserMenu, useGetIdentity } from 'react-admin';
import { NotificationBell } from './NotificationBell';

/** The user menu's accessible name includes the visible name (WCAG 2.5.3, label in name). */
function AccountMenu() {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ? `${identity.fullName}: account menu` : 'Account menu'} />;
}

export function AppBar() {
  return (
    <RaAppBar userMenu={<AccountMenu />} color="secondary">
      <TitlePortal />
      <NotificationBell />
    </RaAppBar>
  );
}
