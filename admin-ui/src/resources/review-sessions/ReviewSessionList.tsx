import {
  CreateButton,
  Datagrid,
  DateField,
  FilterButton,
  List,
  NumberField,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';
import { useIsPhone } from '../../layout/useIsPhone';
import { SESSION_STATUSES } from './choices';

const filters = [
  <SelectInput key="status" source="status" choices={SESSION_STATUSES} alwaysOn />,
  <ReferenceInput key="role" source="roleId" reference="leadership-roles" sort={{ field: 'title', order: 'ASC' }}>
    <SelectInput optionText="title" label="Role" />
  </ReferenceInput>,
];

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'review-sessions', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && <CreateButton label="Convene a session" />}
    </TopToolbar>
  );
}

/** Sessions of the district (hr, superintendent), or the ones the caller is invited to review. */
export function ReviewSessionList() {
  const phone = useIsPhone();
  return (
    <List
      title="Talent reviews"
      empty={<ListEmpty />}
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={<Actions />}
      exporter={false}
    >
      <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={false}>
        <RowLinkField source="title" label="Session" />
        {!phone && <TextField source="roleTitle" label="Role" sortable={false} emptyText="Every role" />}
        <DateField source="meetsOn" label="Meets on" emptyText="—" />
        <SelectField source="status" choices={SESSION_STATUSES} />
        {!phone && <NumberField source="decisionCount" label="Decisions" sortable={false} />}
      </Datagrid>
    </List>
  );
}
