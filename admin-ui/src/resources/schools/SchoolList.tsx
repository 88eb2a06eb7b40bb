import {
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { DayField } from '../../layout/dates';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';
import { GRADE_BANDS } from './gradeBands';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or code" />,
  <SelectInput key="gb" source="gradeBand" label="Grade band" choices={GRADE_BANDS} />,
];

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'schools', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && <CreateButton />}
    </TopToolbar>
  );
}

export function SchoolList() {
  return (
    <List empty={<ListEmpty />} filters={filters} sort={{ field: 'name', order: 'ASC' }} actions={<Actions />}>
      <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={false}>
        <RowLinkField source="name" label="Name" />
        <TextField source="code" />
        <SelectField source="gradeBand" choices={GRADE_BANDS} />
        <DayField source="updatedAt" label="Last changed" />
      </Datagrid>
    </List>
  );
}
