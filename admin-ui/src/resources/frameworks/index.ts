import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { CompetencyCreate, CompetencyEdit } from './CompetencyForms';
import { CrosswalkCreate } from './CrosswalkCreate';
import { FrameworkCreate, FrameworkEdit } from './FrameworkForms';
import { FrameworkList } from './FrameworkList';
import { FrameworkShow } from './FrameworkShow';

export default {
  list: FrameworkList,
  show: FrameworkShow,
  create: FrameworkCreate,
  edit: FrameworkEdit,
  icon: AccountTreeIcon,
  recordRepresentation: 'title',
};

/** Nodes: created and edited from the framework browser (the evidence form reads them too). */
export const competencies = { create: CompetencyCreate, edit: CompetencyEdit, recordRepresentation: 'title' };

export const crosswalkLinks = { create: CrosswalkCreate };
