import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import {
  Logout,
  MenuItemLink,
  AppBar as RaAppBar,
  TitlePortal,
  UserMenu,
  useGetIdentity,
  useUserMenu,
} from 'react-admin';
import { NotificationBell } from './NotificationBell';
import { useIsPhone } from './useIsPhone';

function SettingsItem() {
  const menu = useUserMenu();
  return (
    <MenuItemLink
      to="/notification-settings"
      primaryText="Notification settings"
      leftIcon={<NotificationsActiveIcon />}
      onClick={() => menu?.onClose()}
    />
  );
}

/**
 * The user menu's accessible name includes the visible name (WCAG 2.5.3, label in name). On a phone the button is an
 * icon, which react-admin names only through a translation key.
 */
function AccountMenu() {
  const { identity } = useGetIdentity();
  const phone = useIsPhone();
  return (
    <UserMenu label={!phone && identity?.fullName ? `${identity.fullName}: account menu` : 'ra.auth.user_menu'}>
      <SettingsItem />
      <Logout />
    </UserMenu>
  );
}

export function AppBar() {
  return (
    <RaAppBar userMenu={<AccountMenu />} color="secondary">
      <TitlePortal />
      <NotificationBell />
    </RaAppBar>
  );
}
