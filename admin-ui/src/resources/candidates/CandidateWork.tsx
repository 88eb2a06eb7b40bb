import { Button as MuiButton, Stack } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  NumberField,
  ReferenceManyField,
  SelectField,
  TextField,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { DayField } from '../../layout/dates';
import { RowLinkField } from '../../layout/RowLinkField';
import { ASSIGNMENT_STATUSES, EVIDENCE_SOURCES, OPPORTUNITY_TYPES } from '../choices';

const SOURCES = [...EVIDENCE_SOURCES, { id: 'opportunity_completion', name: 'Opportunity completion' }];

/** The candidate's development assignments, newest due date first. */
export function CandidateAssignments() {
  const record = useRecordContext<{ id: string }>();
  const { canAccess: canAssign } = useCanAccess({ resource: 'assignments', action: 'create' });
  if (!record) return null;
  return (
    <Stack spacing={1}>
      <ReferenceManyField
        reference="assignments"
        target="candidateId"
        sort={{ field: 'dueOn', order: 'DESC' }}
        empty={<p>No development assignments yet.{canAssign ? ' Assign one from an opportunity’s page.' : ''}</p>}
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <RowLinkField source="opportunityTitle" label="Opportunity" />
          <SelectField source="opportunityType" label="Type" choices={OPPORTUNITY_TYPES} />
          <SelectField source="status" choices={ASSIGNMENT_STATUSES} />
          <NumberField source="hoursLogged" label="Hours" />
          <DayField source="dueOn" label="Due" />
        </Datagrid>
      </ReferenceManyField>
      {canAssign && (
        <div>
          <MuiButton component={Link} to="/opportunities?filter=%7B%22hasSeats%22%3Atrue%7D">
            Find an opportunity with seats
          </MuiButton>
        </div>
      )}
    </Stack>
  );
}

/** Every rating recorded on the candidate, newest first, with who recorded it. */
export function CandidateEvidence() {
  return (
    <ReferenceManyField
      reference="evidence"
      target="candidateId"
      sort={{ field: 'observedOn', order: 'DESC' }}
      perPage={50}
      empty={<p>No evidence yet. Principals, coordinators and HR record it; completing an assignment adds it too.</p>}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DayField source="observedOn" label="Observed" />
        <FunctionField
          label="Competency"
          render={(v: { frameworkShortName: string; competencyCode: string; competencyTitle: string }) =>
            `${v.frameworkShortName} ${v.competencyCode}: ${v.competencyTitle}`
          }
        />
        <FunctionField
          label="Level"
          render={(v: { level: number; levelLabel: string }) => `${v.level} ${v.levelLabel}`}
        />
        <SelectField source="source" choices={SOURCES} />
        <TextField source="note" />
        <TextField source="recorderName" label="Recorded by" />
      </Datagrid>
    </ReferenceManyField>
  );
}
