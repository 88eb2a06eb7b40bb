import HowToRegIcon from '@mui/icons-material/HowToReg';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { Typography } from '@mui/material';
import { useState } from 'react';
import {
  BooleanField,
  Datagrid,
  EditButton,
  EmailField,
  Labeled,
  NumberField,
  ReferenceManyField,
  SelectField,
  Show,
  Tab,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { DayField } from '../../layout/dates';
import { RowLinkField } from '../../layout/RowLinkField';
import { TextButton } from '../../layout/TextButton';
import { API_URL, httpClient } from '../../providers/httpClient';
import { session } from '../../providers/session';
import { CareerProfile } from '../careers/CareerProfile';
import { Credentials } from '../careers/Credentials';
import {
  EDUCATOR_STATUSES,
  GENDERS,
  LEVELS,
  NOMINATION_STATUSES,
  NOMINATOR_KINDS,
  RACE_ETHNICITIES,
  STAGES,
} from '../choices';
import { MentorSettings } from '../mentors/MentorSettings';
import { LoginLinksDialog, LoginResult } from './LoginLinks';

function GiveLoginButton() {
  const record = useRecordContext<{ id: string; hasLogin: boolean }>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [results, setResults] = useState<LoginResult[] | null>(null);
  if (!record) return null;
  async function give() {
    try {
      const { json } = await httpClient(`${API_URL}/educators/${record!.id}/login`, { method: 'POST' });
      setResults([json as LoginResult]);
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  }
  return (
    <>
      <TextButton
        label={record.hasLogin ? 'New set-password link' : 'Give login'}
        onClick={give}
        startIcon={<VpnKeyIcon />}
      />
      <LoginLinksDialog results={results} onClose={() => setResults(null)} />
    </>
  );
}

function NominateButton() {
  const record = useRecordContext<{ id: string; status: string }>();
  if (!record || record.status !== 'active') return null;
  return (
    <TextButton
      to={`/nominations/create?source=${encodeURIComponent(JSON.stringify({ educatorId: record.id }))}`}
      label="Nominate"
      startIcon={<HowToRegIcon />}
    />
  );
}

function Actions() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'educators', action: 'edit' });
  const { canAccess: canLogin } = useCanAccess({ resource: 'educators', action: 'login' });
  const { canAccess: canNominate } = useCanAccess({ resource: 'nominations', action: 'create' });
  return (
    <TopToolbar>
      {canNominate && <NominateButton />}
      {canLogin && <GiveLoginButton />}
      {canEdit && <EditButton />}
    </TopToolbar>
  );
}

function CareerProfileTab() {
  const record = useRecordContext<{ id: string }>();
  const { canAccess: canEdit } = useCanAccess({ resource: 'career-profile', action: 'edit' });
  const { canAccess: canVerify } = useCanAccess({ resource: 'career-profile', action: 'verify' });
  if (!record) return null;
  return (
    <>
      <CareerProfile educatorId={record.id} canEdit={canEdit ?? false} own={false} />
      <Credentials
        educatorId={record.id}
        canEdit={canEdit ?? false}
        // Nobody verifies their own: the API refuses it too.
        canVerify={(canVerify ?? false) && record.id !== session.user()?.educatorId}
        own={false}
      />
    </>
  );
}

function MentorTab() {
  const record = useRecordContext<{ id: string }>();
  const { canAccess: canEdit } = useCanAccess({ resource: 'mentors', action: 'edit' });
  if (!record) return null;
  return <MentorSettings educatorId={record.id} canEdit={canEdit ?? false} />;
}

export function EducatorShow() {
  const { canAccess: seesMentors } = useCanAccess({ resource: 'mentors', action: 'list' });
  const { canAccess: seesNominations } = useCanAccess({ resource: 'nominations', action: 'list' });
  const { canAccess: seesCareer } = useCanAccess({ resource: 'career-profile', action: 'show' });
  const { canAccess: seesCandidates } = useCanAccess({ resource: 'candidates', action: 'list' });
  return (
    <Show actions={<Actions />}>
      <TabbedShowLayout>
        <Tab label="Details">
          <TextField source="employeeNumber" label="Employee number" />
          <EmailField source="email" emptyText="—" />
          <TextField source="schoolName" label="School" emptyText="District office" />
          <TextField source="jobTitle" label="Job title" />
          <SelectField source="leadershipLevel" label="Current leadership level" choices={LEVELS} emptyText="None" />
          <NumberField source="yearsInEducation" label="Years in education" emptyText="—" />
          <RetirementFields />
          <SelectField source="status" choices={EDUCATOR_STATUSES} />
          <BooleanField source="hasLogin" label="Has a login" />
          <OpenToNomination />
          <DemographicFields />
        </Tab>
        {seesCareer && (
          <Tab label="Career profile" path="career">
            <CareerProfileTab />
          </Tab>
        )}
        {seesMentors && (
          <Tab label="Mentor" path="mentor">
            <MentorTab />
          </Tab>
        )}
        {seesNominations && (
          <Tab label="Nominations" path="nominations">
            <ReferenceManyField
              reference="nominations"
              target="educatorId"
              sort={{ field: 'createdAt', order: 'DESC' }}
              label={false}
            >
              <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>No nominations yet.</p>}>
                <DayField source="createdAt" label="Nominated" />
                <RowLinkField source="targetRoleTitle" label="Role" />
                <SelectField source="nominatorKind" label="By" choices={NOMINATOR_KINDS} />
                <TextField source="nominatorName" label="Nominator" />
                <SelectField source="status" choices={NOMINATION_STATUSES} />
              </Datagrid>
            </ReferenceManyField>
          </Tab>
        )}
        {seesCandidates && (
          <Tab label="Candidacies" path="candidacies">
            <ReferenceManyField reference="candidates" target="educatorId" label={false}>
              <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>Not a candidate.</p>}>
                <RowLinkField source="roleTitle" label="Target role" />
                <SelectField source="stage" choices={STAGES} />
                <NumberField source="daysInStage" label="Days in stage" />
              </Datagrid>
            </ReferenceManyField>
          </Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
}

/** Demographics come back for hr only; other roles see nothing here. */
/** Retirement data: in the record for hr, the superintendent and the person themself only. */
function RetirementFields() {
  const record = useRecordContext<{ retirementEligibleYear?: number | null }>();
  if (!record || !('retirementEligibleYear' in record)) return null;
  return (
    <>
      <NumberField
        source="retirementEligibleYear"
        label="Retirement-eligible year (typed)"
        options={{ useGrouping: false }}
        emptyText="—"
      />
      <NumberField source="birthYear" label="Birth year" options={{ useGrouping: false }} emptyText="—" />
      <DayField source="serviceStartOn" label="Service start" emptyText="—" />
    </>
  );
}

/** The signal, for those the API shows it to (hr, the superintendent, principals, the person). */
function OpenToNomination() {
  const record = useRecordContext<{ openToNomination?: boolean }>();
  if (!record || record.openToNomination === undefined) return null;
  return (
    <Labeled label="Open to being nominated">
      <Typography variant="body2">
        {record.openToNomination ? 'Yes, they said so in their career profile' : 'Not said'}
      </Typography>
    </Labeled>
  );
}

function DemographicFields() {
  const record = useRecordContext<{ gender?: string | null }>();
  if (!record || !('gender' in record)) return null;
  return (
    <>
      <SelectField source="gender" choices={GENDERS} emptyText="Not recorded" label="Gender (self-reported)" />
      <SelectField
        source="raceEthnicity"
        choices={RACE_ETHNICITIES}
        emptyText="Not recorded"
        label="Race/ethnicity (self-reported)"
      />
    </>
  );
}
