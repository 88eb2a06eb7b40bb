import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { Dashboard } from './dashboard/Dashboard';
import { DashboardPrint } from './dashboard/DashboardPrint';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { DistrictSettingsPage } from './pages/DistrictSettingsPage';
import { Home } from './pages/Home';
import { ImportCasePage } from './pages/ImportCasePage';
import { ImportRosterPage } from './pages/ImportRosterPage';
import { PipelineBoard } from './pages/PipelineBoard';
import { SetPasswordPage } from './pages/SetPasswordPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import assignments from './resources/assignments';
import candidates from './resources/candidates';
import districts from './resources/districts';
import educators from './resources/educators';
import evidence from './resources/evidence';
import frameworks, { competencies, crosswalkLinks } from './resources/frameworks';
import leadershipRoles from './resources/leadership-roles';
import nominations from './resources/nominations';
import opportunities from './resources/opportunities';
import positions from './resources/positions';
import schools from './resources/schools';
import users from './resources/users';

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
      <Resource name="competency-frameworks" {...frameworks} options={{ label: 'Frameworks' }} />
      <Resource name="competencies" {...competencies} />
      <Resource name="crosswalk-links" {...crosswalkLinks} />
      <Resource name="stage-transitions" />
      <CustomRoutes>
        <Route path="/educators/import" element={<ImportRosterPage />} />
        <Route path="/pipeline" element={<PipelineBoard />} />
        <Route path="/competency-frameworks/import" element={<ImportCasePage />} />
        <Route path="/dashboard" element={<Dashboard />} />
        <Route path="/dashboard/print" element={<DashboardPrint />} />
        <Route path="/district-settings" element={<DistrictSettingsPage />} />
      </CustomRoutes>
      <CustomRoutes noLayout>
        <Route path="/set-password" element={<SetPasswordPage />} />
      </CustomRoutes>
    </Admin>
  );
}
