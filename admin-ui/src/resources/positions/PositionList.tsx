import {
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';
import { useIsPhone } from '../../layout/useIsPhone';
import { OpeningField } from './OpeningField';
import { OPENING_WINDOWS, POSITION_STATUSES } from './positionChoices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search seat, role or person" />,
  <ReferenceInput key="role" source="roleId" reference="leadership-roles" sort={{ field: 'title', order: 'ASC' }}>
    <SelectInput optionText="title" label="Role" />
  </ReferenceInput>,
  <ReferenceInput key="school" source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" label="School" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={POSITION_STATUSES} alwaysOn />,
  <SelectInput key="opens" source="opensWithinMonths" label="Opening" choices={OPENING_WINDOWS} alwaysOn />,
];

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'positions', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && <CreateButton />}
    </TopToolbar>
  );
}

export function PositionList() {
  const phone = useIsPhone();
  return (
    <List
      empty={<ListEmpty />}
      filters={filters}
      sort={{ field: 'title', order: 'ASC' }}
      actions={<Actions />}
      exporter={false}
    >
      <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={false}>
        <RowLinkField source="title" label="Seat" />
        {!phone && <TextField source="roleTitle" label="Role" sortBy="roleTitle" />}
        {!phone && <TextField source="schoolName" label="School" sortBy="schoolName" emptyText="District office" />}
        <SelectField source="status" choices={POSITION_STATUSES} />
        {!phone && <TextField source="incumbentName" label="Incumbent" sortBy="incumbentName" emptyText="—" />}
        <OpeningField label="Projected opening" source="projectedOpeningOn" />
        {!phone && <NumberField source="benchReadyNow" label="Ready now on bench" sortable={false} />}
      </Datagrid>
    </List>
  );
}
