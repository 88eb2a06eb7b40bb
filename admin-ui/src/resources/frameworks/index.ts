import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazyView } from '../../layout/lazyView';

export default {
  list: lazyView(() => import('./FrameworkList').then((m) => m.FrameworkList)),
  show: lazyView(() => import('./FrameworkShow').then((m) => m.FrameworkShow)),
  create: lazyView(() => import('./FrameworkForms').then((m) => m.FrameworkCreate)),
  edit: lazyView(() => import('./FrameworkForms').then((m) => m.FrameworkEdit)),
  icon: AccountTreeIcon,
  recordRepresentation: 'title',
};

/** Nodes: created and edited from the framework browser (the evidence form reads them too). */
export const competencies = {
  create: lazyView(() => import('./CompetencyForms').then((m) => m.CompetencyCreate)),
  edit: lazyView(() => import('./CompetencyForms').then((m) => m.CompetencyEdit)),
  recordRepresentation: 'title',
};

export const crosswalkLinks = { create: lazyView(() => import('./CrosswalkCreate').then((m) => m.CrosswalkCreate)) };
