import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { lazyView } from './layout/lazyView';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import assignments from './resources/assignments';
import candidates from './resources/candidates';
import districts from './resources/districts';
import educators from './resources/educators';
import emailOutbox from './resources/email-outbox';
import evidence from './resources/evidence';
import frameworks, { competencies, crosswalkLinks } from './resources/frameworks';
import leadershipRoles from './resources/leadership-roles';
import { mentors, mentorships } from './resources/mentors';
import nominations from './resources/nominations';
import opportunities from './resources/opportunities';
import positions from './resources/positions';
import reviewSessions from './resources/review-sessions';
import schools from './resources/schools';
import users from './resources/users';

// The sign-in screen loads only the shell (react-admin, the layout, the providers); every screen behind it,
// resources included (see each resources/*/index.ts), is fetched the first time it is shown.
const Home = lazyView(() => import('./pages/Home').then((m) => m.Home));
const Dashboard = lazyView(() => import('./dashboard/Dashboard').then((m) => m.Dashboard));
const DashboardPrint = lazyView(() => import('./dashboard/DashboardPrint').then((m) => m.DashboardPrint));
const DistrictSettingsPage = lazyView(() => import('./pages/DistrictSettingsPage').then((m) => m.DistrictSettingsPage));
const ForecastPage = lazyView(() => import('./pages/ForecastPage').then((m) => m.ForecastPage));
const ImportCasePage = lazyView(() => import('./pages/ImportCasePage').then((m) => m.ImportCasePage));
const ImportRosterPage = lazyView(() => import('./pages/ImportRosterPage').then((m) => m.ImportRosterPage));
const NotificationSettingsPage = lazyView(() =>
  import('./pages/NotificationSettingsPage').then((m) => m.NotificationSettingsPage),
);
const NotificationsPage = lazyView(() => import('./pages/NotificationsPage').then((m) => m.NotificationsPage));
const PipelineBoard = lazyView(() => import('./pages/PipelineBoard').then((m) => m.PipelineBoard));
const SetPasswordPage = lazyView(() => import('./pages/SetPasswordPage').then((m) => m.SetPasswordPage));
const SsoPage = lazyView(() => import('./pages/SsoPage').then((m) => m.SsoPage));

export function App() {
  return (
    <Admin
      title="Emerge"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={Layout}
      dashboard={Home}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="candidates" {...candidates} />
      <Resource name="nominations" {...nominations} />
      <Resource name="educators" {...educators} />
      <Resource name="leadership-roles" {...leadershipRoles} options={{ label: 'Leadership roles' }} />
      <Resource name="schools" {...schools} />
      <Resource name="users" {...users} />
      <Resource name="districts" {...districts} />
      <Resource name="evidence" {...evidence} />
      <Resource name="opportunities" {...opportunities} />
      <Resource name="assignments" {...assignments} />
      <Resource name="positions" {...positions} />
      <Resource name="review-sessions" {...reviewSessions} options={{ label: 'Talent reviews' }} />
      <Resource name="mentors" {...mentors} />
      <Resource name="mentorships" {...mentorships} />
      <Resource name="competency-frameworks" {...frameworks} options={{ label: 'Frameworks' }} />
      <Resource name="competencies" {...competencies} />
      <Resource name="crosswalk-links" {...crosswalkLinks} />
      <Resource name="stage-transitions" />
      <Resource name="email-outbox" {...emailOutbox} options={{ label: 'Outbox' }} />
      <CustomRoutes>
        <Route path="/educators/import" element={<ImportRosterPage />} />
        <Route path="/pipeline" element={<PipelineBoard />} />
        <Route path="/competency-frameworks/import" element={<ImportCasePage />} />
        <Route path="/dashboard" element={<Dashboard />} />
        <Route path="/dashboard/print" element={<DashboardPrint />} />
        <Route path="/district-settings" element={<DistrictSettingsPage />} />
        <Route path="/forecast" element={<ForecastPage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/notification-settings" element={<NotificationSettingsPage />} />
      </CustomRoutes>
      <CustomRoutes noLayout>
        <Route path="/set-password" element={<SetPasswordPage />} />
        <Route path="/sso" element={<SsoPage />} />
      </CustomRoutes>
    </Admin>
  );
}
