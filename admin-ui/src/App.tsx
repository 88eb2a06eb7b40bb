import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { Home } from './pages/Home';
import { SetPasswordPage } from './pages/SetPasswordPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import districts from './resources/districts';
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
      <Resource name="schools" {...schools} />
      <Resource name="users" {...users} />
      <Resource name="districts" {...districts} />
      <CustomRoutes noLayout>
        <Route path="/set-password" element={<SetPasswordPage />} />
      </CustomRoutes>
    </Admin>
  );
}
