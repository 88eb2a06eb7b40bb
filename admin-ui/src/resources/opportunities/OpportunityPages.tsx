import { Chip } from '@mui/material';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  DateField,
  DateInput,
  EditButton,
  FunctionField,
  List,
  maxLength,
  minValue,
  NumberField,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  ReferenceManyField,
  required,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { RowLinkField } from '../../layout/RowLinkField';
import { ASSIGNMENT_STATUSES, LEVELS, OPPORTUNITY_TYPES } from '../choices';
import { formPages } from '../forms';
import { AssignDialog } from './AssignDialog';

interface Opportunity {
  seats: number;
  seatsLeft: number;
  competencies: { id: string; code: string; title: string; frameworkShortName: string }[];
}

const nodeText = (r: { code: string; title: string; frameworkShortName: string }) =>
  r ? `${r.frameworkShortName} ${r.code}: ${r.title}` : '';

function SeatsLeft() {
  const r = useRecordContext<Opportunity>();
  if (!r) return null;
  return (
    <Chip
      size="small"
      color={r.seatsLeft > 0 ? 'success' : 'default'}
      variant={r.seatsLeft > 0 ? 'filled' : 'outlined'}
      label={r.seatsLeft > 0 ? `${r.seatsLeft} of ${r.seats} left` : `Full (${r.seats})`}
    />
  );
}

function Develops() {
  const r = useRecordContext<Opportunity>();
  if (!r) return null;
  return <span>{r.competencies.map((c) => `${c.code} ${c.title}`).join('; ')}</span>;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search titles and descriptions" />,
  <BooleanInput key="hasSeats" source="hasSeats" label="Seats left" alwaysOn />,
  <SelectInput key="type" source="type" choices={OPPORTUNITY_TYPES} />,
  <SelectInput key="level" source="level" choices={LEVELS} />,
  <ReferenceInput key="competencyId" source="competencyId" reference="competencies" label="Develops">
    <AutocompleteInput label="Develops" optionText={nodeText} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];

export const OpportunityList = () => (
  <List filters={filters} sort={{ field: 'startsOn', order: 'ASC' }} title="Development opportunities">
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <RowLinkField source="title" label="Title" />
      <SelectField source="type" choices={OPPORTUNITY_TYPES} />
      <SelectField source="level" choices={LEVELS} />
      <TextField source="hostSchoolName" label="Host" emptyText="District office" sortBy="hostSchoolName" />
      <DateField source="startsOn" label="Starts" />
      <DateField source="endsOn" label="Ends" />
      <FunctionField label="Seats" sortBy="seatsLeft" render={() => <SeatsLeft />} />
      <FunctionField label="Develops" render={() => <Develops />} />
    </Datagrid>
  </List>
);

function ShowActions() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'opportunities', action: 'edit' });
  const { canAccess: canAssign } = useCanAccess({ resource: 'assignments', action: 'create' });
  return (
    <TopToolbar>
      {canAssign && <AssignDialog />}
      {canEdit && <EditButton />}
    </TopToolbar>
  );
}

export const OpportunityShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="title" />
      <SelectField source="type" choices={OPPORTUNITY_TYPES} />
      <SelectField source="level" choices={LEVELS} />
      <TextField source="hostSchoolName" label="Host" emptyText="District office" />
      <DateField source="startsOn" label="Starts" emptyText="—" />
      <DateField source="endsOn" label="Ends" emptyText="—" />
      <NumberField source="hours" label="Expected hours" />
      <FunctionField label="Seats" render={() => <SeatsLeft />} />
      <FunctionField label="Develops" render={() => <Develops />} />
      <TextField source="description" emptyText="—" />
      <ReferenceManyField
        reference="assignments"
        target="opportunityId"
        label="Who is on it"
        sort={{ field: 'lastName', order: 'ASC' }}
        empty={<span>Nobody is assigned yet.</span>}
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <RowLinkField
            label="Candidate"
            render={(a: { firstName: string; lastName: string }) => `${a.lastName}, ${a.firstName}`}
          />
          <TextField source="schoolName" label="School" emptyText="District office" />
          <SelectField source="status" choices={ASSIGNMENT_STATUSES} />
          <NumberField source="hoursLogged" label="Hours" />
          <DateField source="dueOn" label="Due" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

function OpportunityInputs() {
  return (
    <>
      <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
      <SelectInput source="type" choices={OPPORTUNITY_TYPES} validate={required()} />
      <SelectInput source="level" label="Prepares for level" choices={LEVELS} validate={required()} />
      <ReferenceInput source="hostSchoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput
          label="Host school (empty: the district office)"
          optionText="name"
          filterToQuery={(q: string) => ({ q })}
          parse={(v: string) => v || null}
        />
      </ReferenceInput>
      <NumberInput source="seats" validate={[required(), minValue(1)]} />
      <DateInput source="startsOn" label="Starts on" parse={(v: string) => v || null} />
      <DateInput source="endsOn" label="Ends on" parse={(v: string) => v || null} />
      <NumberInput source="hours" label="Expected hours" validate={minValue(0)} />
      <ReferenceArrayInput source="competencyIds" reference="competencies" sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteArrayInput
          label="Competencies it develops"
          optionText={nodeText}
          filterToQuery={(q: string) => ({ q })}
          validate={required()}
          fullWidth
        />
      </ReferenceArrayInput>
      <TextInput source="description" multiline minRows={3} fullWidth />
    </>
  );
}

export const { create: OpportunityCreate, edit: OpportunityEdit } = formPages(OpportunityInputs);
