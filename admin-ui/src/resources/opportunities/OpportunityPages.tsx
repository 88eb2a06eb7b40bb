import { Alert, Box, Chip, Typography } from '@mui/material';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  Datagrid,
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
import { DateText, DayField } from '../../layout/dates';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';
import { useIsPhone } from '../../layout/useIsPhone';
import { session } from '../../providers/session';
import { ASSIGNMENT_STATUSES, LEVELS, OPPORTUNITY_TYPES } from '../choices';
import { formPages } from '../forms';
import { AssignDialog } from './AssignDialog';
import { InterestedEducators, MyInterest } from './Interest';

interface Opportunity {
  seats: number;
  seatsTaken: number;
  seatsLeft: number;
  endsOn: string | null;
  closed: boolean;
  interestCount: number;
  interestedAt: string | null;
  competencies: { id: string; code: string; title: string; frameworkShortName: string }[];
}

const role = () => session.user()?.role;

const nodeText = (r: { code: string; title: string; frameworkShortName: string }) =>
  r ? `${r.frameworkShortName} ${r.code}: ${r.title}` : '';

/** Seats from the opportunity's own counts, which every role gets; never from the assignments a role can see. */
function SeatsLeft() {
  const r = useRecordContext<Opportunity>();
  if (!r) return null;
  if (r.closed) return <Chip size="small" variant="outlined" label="Closed" />;
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

/** `label` is read by SimpleShowLayout. */
interface LabelProps {
  label?: string;
}

function SeatsTaken(_: LabelProps) {
  const r = useRecordContext<Opportunity>();
  if (!r) return null;
  return (
    <Typography component="span" variant="body2">
      <SeatsLeft /> {r.seatsTaken} of {r.seats} seats taken
    </Typography>
  );
}

function YourInterest() {
  const r = useRecordContext<Opportunity>();
  if (!r?.interestedAt) return null;
  return <Chip size="small" color="primary" variant="outlined" label="You're interested" />;
}

/** On a phone the educator's own interest sits under the seats, instead of a column of its own. */
function SeatsAndInterest() {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}>
      <SeatsLeft />
      <YourInterest />
    </Box>
  );
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search titles and descriptions" />,
  <BooleanInput key="hasSeats" source="hasSeats" label="Seats left" alwaysOn />,
  // On: only past (closed) experiences; off: only open ones. An educator's list starts with it off.
  <BooleanInput key="closed" source="closed" label="Past (closed)" alwaysOn />,
  <SelectInput key="type" source="type" choices={OPPORTUNITY_TYPES} />,
  <SelectInput key="level" source="level" choices={LEVELS} />,
  <ReferenceInput key="competencyId" source="competencyId" reference="competencies" label="Develops">
    <AutocompleteInput label="Develops" optionText={nodeText} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];

export const OpportunityList = () => {
  const educator = role() === 'educator';
  // On a phone: what it is, when it starts and whether there is a seat; the rest is one tap away.
  const phone = useIsPhone();
  return (
    <List
      empty={<ListEmpty />}
      filters={filters}
      filterDefaultValues={educator ? { closed: false } : undefined}
      sort={{ field: 'startsOn', order: 'ASC' }}
      title="Development opportunities"
    >
      <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={false}>
        <RowLinkField source="title" label="Title" />
        {!phone && <SelectField source="type" choices={OPPORTUNITY_TYPES} />}
        {!phone && <SelectField source="level" choices={LEVELS} />}
        {!phone && (
          <TextField source="hostSchoolName" label="Host" emptyText="District office" sortBy="hostSchoolName" />
        )}
        <DayField source="startsOn" label="Starts" emptyText="—" />
        {!phone && <DayField source="endsOn" label="Ends" emptyText="—" />}
        {phone && educator ? (
          <FunctionField label="Seats" sortBy="seatsLeft" render={() => <SeatsAndInterest />} />
        ) : (
          <FunctionField label="Seats" sortBy="seatsLeft" render={() => <SeatsLeft />} />
        )}
        {!phone &&
          (educator ? (
            <FunctionField label="You" render={() => <YourInterest />} />
          ) : (
            <NumberField source="interestCount" label="Interested" sortable={false} />
          ))}
        {!phone && <FunctionField label="Develops" render={() => <Develops />} />}
      </Datagrid>
    </List>
  );
};

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

function ClosedNotice() {
  const r = useRecordContext<Opportunity>();
  if (!r?.closed) return null;
  return (
    <Alert severity="info" variant="outlined">
      Closed: this experience ended{r.endsOn ? ' on ' : ''}
      {r.endsOn && <DateText value={r.endsOn} />}. Nobody can be assigned to it any more.
    </Alert>
  );
}

/**
 * Who is on it, as far as the role may know: the district's roles see everyone; a principal their schools'
 * people; an educator only themself. The seat count above is the whole truth for everyone.
 */
function WhoIsOnIt(_: LabelProps) {
  const r = useRecordContext<Opportunity>();
  if (!r) return null;
  const who = role();
  const empty =
    r.seatsTaken === 0
      ? 'Nobody is assigned yet.'
      : who === 'educator'
        ? `You are not on it. ${r.seatsTaken} of ${r.seats} seats are taken.`
        : who === 'principal'
          ? `Nobody from your schools is on it. ${r.seatsTaken} of ${r.seats} seats are taken.`
          : 'Nobody is assigned yet.';
  return (
    <ReferenceManyField
      reference="assignments"
      target="opportunityId"
      sort={{ field: 'lastName', order: 'ASC' }}
      empty={<span>{empty}</span>}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <RowLinkField
          label="Candidate"
          render={(a: { firstName: string; lastName: string }) => `${a.lastName}, ${a.firstName}`}
        />
        <TextField source="schoolName" label="School" emptyText="District office" />
        <SelectField source="status" choices={ASSIGNMENT_STATUSES} />
        <NumberField source="hoursLogged" label="Hours" />
        <DayField source="dueOn" label="Due" emptyText="—" />
      </Datagrid>
    </ReferenceManyField>
  );
}

const WHO_LABEL: Record<string, string> = {
  educator: 'Your assignment',
  principal: 'Who is on it, from your schools',
};

export const OpportunityShow = () => {
  const who = role();
  return (
    <Show actions={<ShowActions />}>
      <SimpleShowLayout>
        <ClosedNotice />
        <TextField source="title" />
        <SelectField source="type" choices={OPPORTUNITY_TYPES} />
        <SelectField source="level" choices={LEVELS} />
        <TextField source="hostSchoolName" label="Host" emptyText="District office" />
        <DayField source="startsOn" label="Starts" emptyText="—" />
        <DayField source="endsOn" label="Ends" emptyText="—" />
        <NumberField source="hours" label="Expected hours" />
        <SeatsTaken label="Seats" />
        <FunctionField label="Develops" render={() => <Develops />} />
        <TextField source="description" emptyText="—" />
        {who === 'educator' && <FunctionField label="Your interest" render={() => <MyInterest />} />}
        <FunctionField label={WHO_LABEL[who ?? ''] ?? 'Who is on it'} render={() => <WhoIsOnIt />} />
        {who !== 'educator' && (
          <FunctionField
            label={who === 'principal' ? "Said they're interested, from your schools" : "Said they're interested"}
            render={() => <InterestedEducators scopeNote={who === 'principal' ? 'from your schools' : undefined} />}
          />
        )}
      </SimpleShowLayout>
    </Show>
  );
};

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
