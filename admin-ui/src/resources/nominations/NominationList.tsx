import { Tab, Tabs } from '@mui/material';
import {
  Count,
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
  useListContext,
} from 'react-admin';
import { DayField } from '../../layout/dates';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';
import { useIsPhone } from '../../layout/useIsPhone';
import { session } from '../../providers/session';
import { NOMINATION_STATUSES, NOMINATOR_KINDS } from '../choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search the nominee" />,
  <SelectInput key="kind" source="nominatorKind" label="Nominated by" choices={NOMINATOR_KINDS} />,
];

/** hr's review queue is the Submitted tab; "Mine" lists the nominations the user made. */
function StatusTabs() {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const me = session.user()?.id;
  const current = filterValues.nominatorUserId ? 'mine' : (filterValues.status ?? 'all');
  const tabs = [
    { value: 'submitted', label: 'To review', filter: { status: 'submitted' } },
    { value: 'approved', label: 'Approved', filter: { status: 'approved' } },
    { value: 'declined', label: 'Declined', filter: { status: 'declined' } },
    { value: 'all', label: 'All', filter: {} },
    { value: 'mine', label: 'Mine', filter: { nominatorUserId: me } },
  ];
  return (
    <Tabs
      value={current}
      onChange={(_, value: string) => {
        const { status: _s, nominatorUserId: _n, ...rest } = filterValues;
        setFilters({ ...rest, ...tabs.find((t) => t.value === value)!.filter }, displayedFilters);
      }}
      aria-label="Nomination status"
    >
      {tabs.map((t) => (
        <Tab
          key={t.value}
          value={t.value}
          label={
            <span>
              {t.label} (<Count resource="nominations" filter={t.filter} link={false} />)
            </span>
          }
        />
      ))}
    </Tabs>
  );
}

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'nominations', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && <CreateButton label="Nominate someone" />}
    </TopToolbar>
  );
}

export function NominationList() {
  const role = session.user()?.role;
  const phone = useIsPhone();
  return (
    <List
      filters={filters}
      filterDefaultValues={role === 'hr' ? { status: 'submitted' } : role === 'educator' ? {} : {}}
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={<Actions />}
      empty={false}
    >
      <StatusTabs />
      <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={false}>
        {!phone && <DayField source="createdAt" label="Nominated" />}
        <RowLinkField
          label="Nominee"
          sortBy="educatorLastName"
          render={(r: { educatorFirstName: string; educatorLastName: string }) =>
            `${r.educatorFirstName} ${r.educatorLastName}`
          }
        />
        {!phone && <TextField source="schoolName" label="School" sortable={false} />}
        <TextField source="targetRoleTitle" label="Target role" sortBy="targetRoleTitle" />
        {!phone && <SelectField source="nominatorKind" label="By" choices={NOMINATOR_KINDS} />}
        {!phone && <TextField source="nominatorName" label="Nominator" sortable={false} />}
        <SelectField source="status" choices={NOMINATION_STATUSES} />
      </Datagrid>
    </List>
  );
}
