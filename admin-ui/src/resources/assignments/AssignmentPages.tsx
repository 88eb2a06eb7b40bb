import {
  BooleanInput,
  Datagrid,
  DateInput,
  Edit,
  FunctionField,
  Labeled,
  List,
  maxLength,
  maxValue,
  minValue,
  NumberField,
  NumberInput,
  ReferenceField,
  required,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { DayField } from '../../layout/dates';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';
import { useIsPhone } from '../../layout/useIsPhone';
import { OverdueChip } from '../../pages/home/parts';
import { session } from '../../providers/session';
import { ASSIGNMENT_STATUSES, OPPORTUNITY_TYPES } from '../choices';
import { AssignmentActions } from './AssignmentActions';

interface Row {
  firstName: string;
  lastName: string;
  overdue: boolean;
  dueOn: string | null;
  competencies: { code: string; title: string }[];
}

function Due() {
  const r = useRecordContext<Row>();
  if (!r?.dueOn) return <span>—</span>;
  return r.overdue ? <OverdueChip due={r.dueOn} /> : <DayField source="dueOn" />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search names and opportunities" />,
  <SelectInput key="status" source="status" choices={ASSIGNMENT_STATUSES} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" label="Overdue only" alwaysOn />,
  <SelectInput key="type" source="type" label="Opportunity type" choices={OPPORTUNITY_TYPES} />,
];

const isEducator = () => session.user()?.role === 'educator';

export function AssignmentList() {
  const phone = useIsPhone();
  return (
    <List
      filters={isEducator() ? undefined : filters}
      sort={{ field: 'dueOn', order: 'ASC' }}
      title={isEducator() ? 'My assignments' : 'Assignments'}
      exporter={isEducator() ? false : undefined}
      empty={false}
    >
      <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={false}>
        {/* One link per row, on its first column: the candidate, or for an educator the opportunity. */}
        {!isEducator() && (
          <RowLinkField label="Candidate" sortBy="lastName" render={(a: Row) => `${a.lastName}, ${a.firstName}`} />
        )}
        {isEducator() ? (
          <RowLinkField source="opportunityTitle" label="Opportunity" sortBy="opportunityTitle" />
        ) : (
          <TextField source="opportunityTitle" label="Opportunity" sortBy="opportunityTitle" />
        )}
        {!phone && <SelectField source="opportunityType" label="Type" choices={OPPORTUNITY_TYPES} sortable={false} />}
        {/* On a phone the due date, flagged when overdue, stands in for the status. */}
        {!phone && <SelectField source="status" choices={ASSIGNMENT_STATUSES} />}
        {!phone && <NumberField source="hoursLogged" label="Hours" />}
        <FunctionField label="Due" sortBy="dueOn" render={() => <Due />} />
      </Datagrid>
    </List>
  );
}

function ShowActions() {
  return (
    <TopToolbar>
      <AssignmentActions />
    </TopToolbar>
  );
}

export const AssignmentShow = () => {
  const { canAccess: canReadCandidate } = useCanAccess({ resource: 'candidates', action: 'show' });
  return (
    <Show actions={<ShowActions />}>
      <SimpleShowLayout>
        <ReferenceField source="opportunityId" reference="opportunities" label="Opportunity" link="show">
          <TextField source="title" />
        </ReferenceField>
        <FunctionField
          label="Candidate"
          render={(a: Row & { roleTitle: string }) => `${a.firstName} ${a.lastName}, toward ${a.roleTitle}`}
        />
        {canReadCandidate && (
          <ReferenceField source="candidateId" reference="candidates" label="Candidate record" link="show">
            <TextField source="roleTitle" />
          </ReferenceField>
        )}
        <SelectField source="status" choices={ASSIGNMENT_STATUSES} />
        <Labeled label="Due">
          <Due />
        </Labeled>
        <FunctionField
          label="Hours"
          render={(a: { hoursLogged: number; expectedHours: number }) => `${a.hoursLogged} of about ${a.expectedHours}`}
        />
        <FunctionField
          label="Develops"
          render={(a: Row) => a.competencies.map((c) => `${c.code} ${c.title}`).join('; ')}
        />
        <TextField source="reflection" emptyText="No reflection yet" />
        <TextField source="outcomeNote" label="Outcome" emptyText="—" />
        <TextField source="assignedByName" label="Assigned by" />
        <DayField source="startedAt" label="Started" showTime emptyText="Not started" />
        <DayField source="endedAt" label="Ended" showTime emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
};

/** The candidate logs the running total of hours and a reflection; coordinators may also move the due date. */
export const AssignmentEdit = () => {
  const { canAccess: canManage } = useCanAccess({ resource: 'assignments', action: 'complete' });
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <NumberInput
          source="hoursLogged"
          label="Hours spent so far (total)"
          validate={[required(), minValue(0), maxValue(9999)]}
          step={0.5}
        />
        <TextInput
          source="reflection"
          label="Reflection: what did you do, and what did you learn?"
          multiline
          minRows={4}
          fullWidth
          validate={maxLength(8000)}
        />
        {canManage && <DateInput source="dueOn" label="Due on" parse={(v: string) => v || null} />}
      </SimpleForm>
    </Edit>
  );
};
