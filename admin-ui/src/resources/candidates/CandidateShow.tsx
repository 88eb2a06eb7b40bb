import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import {
  EditButton,
  FunctionField,
  Labeled,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { session } from '../../providers/session';
import { LEVELS, READINESS, STAGES } from '../choices';
import { HoursPanel } from '../hours/Hours';
import { MentorPanel } from '../mentors/Mentoring';
import { DevelopmentPlan } from '../plans/DevelopmentPlan';
import { SharedReflections } from '../reflections/Reflections';
import { CandidateAssignments, CandidateEvidence } from './CandidateWork';
import { CompetencyProfile } from './CompetencyProfile';
import { ReadinessPanel } from './ReadinessPanel';
import { StageActions } from './StageActions';
import { StageTimeline } from './StageTimeline';

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'candidates', action: 'edit' });
  return <TopToolbar>{canAccess && <EditButton label="Mentor and notes" />}</TopToolbar>;
}

function Overview() {
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 5 }}>
        <SimpleShowLayout sx={{ p: 0 }}>
          <ReferenceField source="educatorId" reference="educators" label="Educator" link="show">
            <FunctionField render={(e: { firstName: string; lastName: string }) => `${e.firstName} ${e.lastName}`} />
          </ReferenceField>
          <TextField source="schoolName" label="School" emptyText="District office" />
          <TextField source="roleTitle" label="Target role" />
          <SelectField source="roleLevel" label="Level" choices={LEVELS} />
          <SelectField source="stage" label="Stage" choices={STAGES} />
          <NumberField source="daysInStage" label="Days in this stage" />
          <SelectField source="readiness" choices={READINESS} emptyText="Not shared yet" />
          <TextField source="mentorName" label="Mentor" emptyText="None yet" />
          <TextField source="notes" emptyText="—" />
          <Labeled label="What you can do now">
            <StageActions />
          </Labeled>
        </SimpleShowLayout>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Card variant="outlined">
          <CardContent>
            <StageTimeline />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}

// Coordinators and hr read the reflections shared with them; principals and the superintendent read none.
const PROGRAM = new Set(['coordinator', 'hr']);

function PlanTab() {
  const record = useRecordContext<{ id: string; educatorId: string }>();
  if (!record) return null;
  const own = record.educatorId === session.user()?.educatorId;
  return (
    <>
      <DevelopmentPlan candidateId={record.id} own={own} />
      <Box component="section" aria-labelledby="mentor-title" sx={{ mt: 3 }}>
        <Typography id="mentor-title" component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
          Mentor
        </Typography>
        <MentorPanel candidateId={record.id} own={own} />
      </Box>
      <Box component="section" aria-labelledby="hours-title" sx={{ mt: 3 }}>
        <Typography id="hours-title" component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
          Hours
        </Typography>
        <HoursPanel candidateId={record.id} />
      </Box>
      {!own && PROGRAM.has(session.user()?.role ?? '') && (
        <Box component="section" aria-labelledby="reflections-title" sx={{ mt: 3 }}>
          <Typography id="reflections-title" component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
            Reflections shared with you
          </Typography>
          <SharedReflections educatorId={record.educatorId} whose="The candidate" />
        </Box>
      )}
    </>
  );
}

/** One tab per question a reader brings: where are they, what do they show, what are they doing, are they ready. */
export function CandidateShow() {
  return (
    <Show actions={<Actions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Overview">
          <Overview />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Competency profile" path="profile">
          <CompetencyProfile />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Evidence" path="evidence">
          <CandidateEvidence />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Assignments" path="assignments">
          <CandidateAssignments />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Development plan" path="plan">
          <PlanTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Readiness" path="readiness">
          <ReadinessPanel />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
