import { Tab, Tabs } from '@mui/material';
import {
  Count,
  Datagrid,
  List,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  useListContext,
} from 'react-admin';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';
import { useIsPhone } from '../../layout/useIsPhone';
import { LEVELS, READINESS, STAGES } from '../choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or employee number" />,
  <ReferenceInput key="school" source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" label="School" />
  </ReferenceInput>,
  <ReferenceInput key="role" source="roleId" reference="leadership-roles" sort={{ field: 'title', order: 'ASC' }}>
    <SelectInput optionText="title" label="Target role" />
  </ReferenceInput>,
  <SelectInput key="level" source="level" label="Level" choices={LEVELS} />,
  <SelectInput key="readiness" source="readiness" choices={READINESS} />,
];

const TABS = [{ id: 'all', name: 'All' }, ...STAGES];

/** One tab per pipeline stage, each with its count under the other filters. */
function StageTabs() {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const { stage, ...others } = filterValues as { stage?: string };
  return (
    <Tabs
      value={stage ?? 'all'}
      onChange={(_, value: string) =>
        setFilters(value === 'all' ? others : { ...others, stage: value }, displayedFilters)
      }
      variant="scrollable"
      aria-label="Pipeline stage"
    >
      {TABS.map((t) => (
        <Tab
          key={t.id}
          value={t.id}
          label={
            <span>
              {t.name} (
              <Count resource="candidates" filter={t.id === 'all' ? others : { ...others, stage: t.id }} link={false} />
              )
            </span>
          }
        />
      ))}
    </Tabs>
  );
}

export function CandidateList() {
  // On a phone: who, for what, and where they are; the rest is one tap away on the candidate's page.
  const phone = useIsPhone();
  return (
    <List filters={filters} sort={{ field: 'lastName', order: 'ASC' }} empty={false} exporter={false}>
      <StageTabs />
      <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={false}>
        <RowLinkField
          label="Candidate"
          sortBy="lastName"
          render={(r: { firstName: string; lastName: string }) => `${r.lastName}, ${r.firstName}`}
        />
        {!phone && <TextField source="schoolName" label="School" sortBy="schoolName" emptyText="District office" />}
        <TextField source="roleTitle" label="Target role" sortBy="roleTitle" />
        {!phone && <SelectField source="roleLevel" label="Level" choices={LEVELS} sortBy="roleLevel" />}
        <SelectField source="stage" choices={STAGES} />
        {!phone && <NumberField source="daysInStage" label="Days in stage" sortBy="stageEnteredAt" />}
        {!phone && <SelectField source="readiness" choices={READINESS} emptyText="—" />}
      </Datagrid>
    </List>
  );
}
