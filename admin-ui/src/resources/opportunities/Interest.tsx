import { Box, Chip, Divider, Typography } from '@mui/material';
import { createContext, useContext, useState } from 'react';
import {
  Datagrid,
  FunctionField,
  RecordContextProvider,
  ReferenceManyField,
  TextField,
  useCanAccess,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { DateText, DayField } from '../../layout/dates';
import { TextButton } from '../../layout/TextButton';
import { useIsPhone } from '../../layout/useIsPhone';
import { API_URL, httpClient } from '../../providers/httpClient';
import { ASSIGNMENT_STATUSES, stageName } from '../choices';
import { ASSIGNABLE, AssignDialog, type CandidateOption } from './AssignDialog';

interface Opportunity {
  id: string;
  title: string;
  seatsLeft?: number;
  closed: boolean;
  endsOn: string | null;
  interestedAt: string | null;
}

interface Interest {
  id: string;
  firstName: string;
  lastName: string;
  schoolName: string | null;
  candidacies: { id: string; roleTitle: string; stage: string }[];
  assignmentStatus: string | null;
}

/** The educator's own "I'm interested": say it, or take it back. It reaches the coordinators, not a seat. */
// `label` is read by SimpleShowLayout.
export function MyInterest(_: { label?: string }) {
  const record = useRecordContext<Opportunity>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [saving, setSaving] = useState(false);
  if (!record) return null;
  if (record.closed)
    return (
      <Typography variant="body2" color="text.secondary">
        This experience is closed, so it takes no more interest.
        {record.interestedAt ? ' You had said you were interested.' : ''}
      </Typography>
    );
  async function send(method: 'POST' | 'DELETE') {
    setSaving(true);
    try {
      await httpClient(`${API_URL}/opportunities/${record!.id}/interest`, { method });
      notify(
        method === 'POST' ? 'Thanks: the coordinators can see that you are interested' : 'Your interest is withdrawn',
        { type: 'success' },
      );
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  }
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
      {record.interestedAt ? (
        <>
          <Typography variant="body2">
            You said you are interested on <DateText value={record.interestedAt} />. The coordinators see it when they
            assign people.
          </Typography>
          <TextButton
            label="Withdraw my interest"
            variant="outlined"
            disabled={saving}
            onClick={() => send('DELETE')}
          />
        </>
      ) : (
        <>
          <TextButton label="I'm interested" variant="contained" disabled={saving} onClick={() => send('POST')} />
          <Typography variant="body2" color="text.secondary">
            Tells the leadership-program coordinators you would like to take part. It does not take a seat.
          </Typography>
        </>
      )}
    </Box>
  );
}

/** Whom the assign dialog is for: set by a row's button, the dialog itself lives outside the rows. */
type Assigning = { name: string; candidacies: CandidateOption[] };
const AssignContext = createContext<(who: Assigning) => void>(() => undefined);

/** Why someone who is interested cannot be assigned yet, or the button that assigns them. */
function AssignFromInterest() {
  const interest = useRecordContext<Interest>();
  const opportunity = useContext(OpportunityContext);
  const assign = useContext(AssignContext);
  const { canAccess: canAssign } = useCanAccess({ resource: 'assignments', action: 'create' });
  if (!interest) return null;
  if (interest.assignmentStatus) {
    const status = ASSIGNMENT_STATUSES.find((s) => s.id === interest.assignmentStatus)?.name;
    return <Chip size="small" color="success" label={`On it (${status ?? interest.assignmentStatus})`} />;
  }
  const name = `${interest.firstName} ${interest.lastName}`;
  const assignable: CandidateOption[] = interest.candidacies
    .filter((c) => ASSIGNABLE.includes(c.stage))
    .map((c) => ({
      ...c,
      firstName: interest.firstName,
      lastName: interest.lastName,
      schoolName: interest.schoolName,
    }));
  if (assignable.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {interest.candidacies.length === 0
          ? 'Not a candidate yet'
          : `Candidate (${interest.candidacies.map((c) => stageName(c.stage)).join(', ')}): assignable once engaged`}
      </Typography>
    );
  if (!canAssign || !opportunity || opportunity.closed) return null;
  const full = (opportunity.seatsLeft ?? 1) <= 0;
  return (
    <TextButton
      label={full ? 'No seats left' : 'Assign'}
      aria-label={full ? undefined : `Assign ${name}`}
      variant="outlined"
      disabled={full}
      onClick={() => assign({ name, candidacies: assignable })}
    />
  );
}

const OpportunityContext = createContext<Opportunity | undefined>(undefined);

const candidacyText = (i: Interest) =>
  i.candidacies.length ? i.candidacies.map((c) => `${c.roleTitle} (${stageName(c.stage)})`).join('; ') : 'None';

/** On a phone, one block per person with the assign button in view, instead of a table to scroll sideways. */
function InterestCards() {
  const { data } = useListContext<Interest & { jobTitle: string; createdAt: string }>();
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {data?.map((i) => (
        <Box component="li" key={i.id} sx={{ py: 1 }}>
          <Typography variant="body1">
            {i.lastName}, {i.firstName}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {i.jobTitle}, {i.schoolName ?? 'District office'} · since <DateText value={i.createdAt} />
          </Typography>
          <Typography variant="body2">Candidacy: {candidacyText(i)}</Typography>
          <Box sx={{ mt: 0.5 }}>
            <RecordContextProvider value={i}>
              <AssignFromInterest />
            </RecordContextProvider>
          </Box>
          <Divider sx={{ mt: 1 }} />
        </Box>
      ))}
    </Box>
  );
}

/** Who said "I'm interested" (coordinators, hr and the superintendent: the district; a principal: their schools). */
export function InterestedEducators({ scopeNote }: { scopeNote?: string; label?: string }) {
  const record = useRecordContext<Opportunity>();
  const phone = useIsPhone();
  const [assigning, setAssigning] = useState<Assigning | null>(null);
  if (!record) return null;
  return (
    <OpportunityContext.Provider value={record}>
      <AssignContext.Provider value={setAssigning}>
        <ReferenceManyField
          reference="opportunity-interests"
          target="opportunityId"
          sort={{ field: 'createdAt', order: 'ASC' }}
          empty={<span>{scopeNote ? `Nobody ${scopeNote} has said so yet.` : 'Nobody has said so yet.'}</span>}
        >
          {phone ? (
            <InterestCards />
          ) : (
            <Datagrid bulkActionButtons={false} rowClick={false}>
              <FunctionField label="Educator" render={(i: Interest) => `${i.lastName}, ${i.firstName}`} />
              <TextField source="jobTitle" label="Job title" />
              <TextField source="schoolName" label="School" emptyText="District office" />
              <FunctionField
                label="Candidacy"
                render={(i: Interest) =>
                  i.candidacies.length
                    ? i.candidacies.map((c) => `${c.roleTitle} (${stageName(c.stage)})`).join('; ')
                    : 'None'
                }
              />
              <DayField source="createdAt" label="Since" />
              <FunctionField label="Assign" render={() => <AssignFromInterest />} />
            </Datagrid>
          )}
        </ReferenceManyField>
      </AssignContext.Provider>
      {assigning && <AssignDialog preset={assigning} onClose={() => setAssigning(null)} />}
    </OpportunityContext.Provider>
  );
}
