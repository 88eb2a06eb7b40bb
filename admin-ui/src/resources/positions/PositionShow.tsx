import { Box, Button, Card, CardContent } from '@mui/material';
import {
  EditButton,
  Labeled,
  NumberField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { DayField } from '../../layout/dates';
import { LEVELS } from '../choices';
import { Bench } from './Bench';
import { OpeningField } from './OpeningField';
import { POSITION_STATUSES } from './positionChoices';
import { Slate } from './Slate';

/** Starts a talent review of the seat's role, the form filled in with it. */
function ReviewButton() {
  const seat = useRecordContext<{ roleId: string; roleTitle: string }>();
  const { canAccess } = useCanAccess({ resource: 'review-sessions', action: 'create' });
  if (!canAccess || !seat) return null;
  const source = JSON.stringify({ roleId: seat.roleId, title: `${seat.roleTitle} readiness review` });
  return (
    <Button component={Link} to={`/review-sessions/create?source=${encodeURIComponent(source)}`} size="small">
      Review this role in a session
    </Button>
  );
}

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'positions', action: 'edit' });
  return (
    <TopToolbar>
      <ReviewButton />
      {canAccess && <EditButton />}
    </TopToolbar>
  );
}

/** The seat on top; below it the slate (hr, the superintendent) and the bench by confirmed readiness. */
export function PositionShow() {
  // Retirement data is hr's and the superintendent's (the API leaves it out for others).
  const { canAccess: canSeeRetirement } = useCanAccess({ resource: 'forecast', action: 'seats' });
  const { canAccess: canSeeSlate } = useCanAccess({ resource: 'slates', action: 'show' });
  return (
    <Show actions={<Actions />}>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(5, 1fr)' },
          gap: 2,
          p: 2,
        }}
      >
        <Labeled label="Role">
          <TextField source="roleTitle" />
        </Labeled>
        <Labeled label="Level">
          <SelectField source="roleLevel" choices={LEVELS} />
        </Labeled>
        <Labeled label="School">
          <TextField source="schoolName" emptyText="District office" />
        </Labeled>
        <Labeled label="Status">
          <SelectField source="status" choices={POSITION_STATUSES} />
        </Labeled>
        <Labeled label="Incumbent">
          <TextField source="incumbentName" emptyText="Vacant" />
        </Labeled>
        {canSeeRetirement && (
          <Labeled label="Retirement-eligible">
            <NumberField source="incumbentRetirementEligibleYear" emptyText="—" options={{ useGrouping: false }} />
          </Labeled>
        )}
        <Labeled label="Projected vacancy">
          <DayField source="projectedVacancyOn" emptyText="—" />
        </Labeled>
        <Labeled label="Projected opening">
          <OpeningField />
        </Labeled>
        <Labeled label="Filled since">
          <DayField source="filledAt" emptyText="—" />
        </Labeled>
      </Box>
      {canSeeSlate && (
        <Card variant="outlined" sx={{ m: 2, mt: 0 }}>
          <CardContent>
            <Slate />
          </CardContent>
        </Card>
      )}
      <Card variant="outlined" sx={{ m: 2, mt: 0 }}>
        <CardContent>
          <Bench />
        </CardContent>
      </Card>
    </Show>
  );
}
