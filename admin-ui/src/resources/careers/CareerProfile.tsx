import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useGetList, useNotify } from 'react-admin';
import { DialogProblem, DialogSaveActions } from '../../layout/DialogSave';
import { API_URL, httpClient } from '../../providers/httpClient';
import { GRADE_BANDS } from '../schools/gradeBands';

export interface CareerProfileData {
  educatorId: string;
  openToNomination: boolean;
  moveWillingness: 'anywhere' | 'listed' | 'not_now' | null;
  moveGradeBands: string[];
  moveSchoolIds: string[];
  interestRoleIds: string[];
  updatedAt: string | null;
}

const WILLINGNESS = [
  { id: 'anywhere', name: 'Yes, to any school or the district office' },
  { id: 'listed', name: 'Yes, to the kinds of school and the schools I list' },
  { id: 'not_now', name: 'Not now' },
] as const;
const willingnessText = (w: CareerProfileData['moveWillingness']) =>
  WILLINGNESS.find((x) => x.id === w)?.name ?? 'Not said yet';
const bandText = (id: string) => GRADE_BANDS.find((b) => b.id === id)?.name ?? id;

interface School {
  id: string;
  name: string;
}
interface Role {
  id: string;
  title: string;
}

/**
 * Whether a person welcomes a nomination and where they would move: their own words, which slates read as
 * willingness. `own`: the person's own profile (wording in the second person).
 */
export function CareerProfile({ educatorId, canEdit, own }: { educatorId: string; canEdit: boolean; own: boolean }) {
  const [profile, setProfile] = useState<CareerProfileData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const { data: schools, isPending: schoolsPending } = useGetList<School>('schools', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const { data: roles, isPending: rolesPending } = useGetList<Role>('leadership-roles', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'title', order: 'ASC' },
  });
  const load = useCallback(() => {
    httpClient(`${API_URL}/educators/${educatorId}/career-profile`)
      .then(({ json }) => setProfile(json as CareerProfileData))
      .catch((e: Error) => setError(e.message));
  }, [educatorId]);
  useEffect(load, [load]);

  if (error)
    return (
      <Alert severity="error">The career profile could not be loaded: {error}. Reload the page to try again.</Alert>
    );
  if (!profile) return null;
  const schoolNames = profile.moveSchoolIds.map((id) => schools?.find((s) => s.id === id)?.name ?? 'a school');
  const roleNames = profile.interestRoleIds.map((id) => roles?.find((r) => r.id === id)?.title ?? 'a role');
  const rows: [string, string][] = [
    ['Open to being nominated', profile.openToNomination ? 'Yes' : 'No'],
    [own ? 'Roles you are interested in' : 'Roles of interest', roleNames.join(', ') || 'None named'],
    [
      own ? 'Would you move for a leadership role?' : 'Would move for a leadership role',
      willingnessText(profile.moveWillingness),
    ],
  ];
  if (profile.moveWillingness === 'listed') {
    rows.push(['Kinds of school', profile.moveGradeBands.map(bandText).join(', ') || 'None listed']);
    rows.push(['Schools', schoolNames.join(', ') || 'None listed']);
  }
  return (
    <Box>
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, gap: 1, m: 0 }}
      >
        {rows.map(([term, value]) => (
          <Box key={term} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
              {term}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0 }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
      {!profile.updatedAt && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {own
            ? 'You have not filled this in yet. It tells hr and the superintendent whether you welcome a nomination, and where you would take a leadership role.'
            : 'Not filled in yet.'}
        </Typography>
      )}
      {canEdit && (
        // Only once the schools are loaded: the dialog keeps the listed schools it knows by name.
        <Button
          variant="outlined"
          sx={{ mt: 2 }}
          disabled={schoolsPending || rolesPending}
          onClick={() => setEditing(true)}
        >
          Edit career profile
        </Button>
      )}
      {editing && (
        <CareerProfileDialog
          profile={profile}
          schools={schools ?? []}
          roles={roles ?? []}
          onClose={() => setEditing(false)}
          onSaved={(p) => {
            setProfile(p);
            setEditing(false);
          }}
        />
      )}
    </Box>
  );
}

function CareerProfileDialog({
  profile,
  schools,
  roles,
  onClose,
  onSaved,
}: {
  profile: CareerProfileData;
  schools: School[];
  roles: Role[];
  onClose: () => void;
  onSaved: (p: CareerProfileData) => void;
}) {
  const notify = useNotify();
  const [draft, setDraft] = useState(profile);
  const [problem, setProblem] = useState<string | null>(null);
  const listed = draft.moveWillingness === 'listed';
  async function save() {
    try {
      const { json } = await httpClient(`${API_URL}/educators/${profile.educatorId}/career-profile`, {
        method: 'PUT',
        body: JSON.stringify({
          openToNomination: draft.openToNomination,
          moveWillingness: draft.moveWillingness,
          moveGradeBands: draft.moveGradeBands,
          moveSchoolIds: draft.moveSchoolIds,
          interestRoleIds: draft.interestRoleIds,
        }),
      });
      notify('Career profile saved', { type: 'success' });
      onSaved(json as CareerProfileData);
    } catch (e) {
      setProblem((e as Error).message);
    }
  }
  const toggleRole = (id: string, on: boolean) =>
    setDraft({
      ...draft,
      interestRoleIds: on ? [...draft.interestRoleIds, id] : draft.interestRoleIds.filter((r) => r !== id),
    });
  const toggleBand = (id: string, on: boolean) =>
    setDraft({
      ...draft,
      moveGradeBands: on ? [...draft.moveGradeBands, id] : draft.moveGradeBands.filter((b) => b !== id),
    });
  return (
    <Dialog open onClose={onClose} aria-labelledby="career-profile-title" fullWidth maxWidth="sm">
      <DialogTitle id="career-profile-title">Career profile</DialogTitle>
      <DialogContent>
        <FormControlLabel
          control={
            <Checkbox
              checked={draft.openToNomination}
              onChange={(e) => setDraft({ ...draft, openToNomination: e.target.checked })}
            />
          }
          label="Open to being nominated for a leadership role"
        />
        {roles.length > 0 && (
          <FormControl component="fieldset" sx={{ mt: 2, display: 'block' }}>
            <FormLabel component="legend">Leadership roles you are interested in</FormLabel>
            <FormGroup>
              {roles.map((r) => (
                <FormControlLabel
                  key={r.id}
                  control={
                    <Checkbox
                      checked={draft.interestRoleIds.includes(r.id)}
                      onChange={(e) => toggleRole(r.id, e.target.checked)}
                    />
                  }
                  label={r.title}
                />
              ))}
            </FormGroup>
          </FormControl>
        )}
        <FormControl sx={{ mt: 2, display: 'block' }}>
          <FormLabel id="move-label">Would you move to another school for a leadership role?</FormLabel>
          <RadioGroup
            aria-labelledby="move-label"
            value={draft.moveWillingness ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, moveWillingness: e.target.value as CareerProfileData['moveWillingness'] })
            }
          >
            {WILLINGNESS.map((w) => (
              <FormControlLabel key={w.id} value={w.id} control={<Radio />} label={w.name} />
            ))}
          </RadioGroup>
        </FormControl>
        {listed && (
          <>
            <FormControl component="fieldset" sx={{ mt: 2 }}>
              <FormLabel component="legend">Kinds of school</FormLabel>
              <FormGroup row>
                {GRADE_BANDS.map((b) => (
                  <FormControlLabel
                    key={b.id}
                    control={
                      <Checkbox
                        checked={draft.moveGradeBands.includes(b.id)}
                        onChange={(e) => toggleBand(b.id, e.target.checked)}
                      />
                    }
                    label={b.name}
                  />
                ))}
              </FormGroup>
            </FormControl>
            <Autocomplete
              multiple
              sx={{ mt: 2 }}
              options={schools}
              getOptionLabel={(s) => s.name}
              value={schools.filter((s) => draft.moveSchoolIds.includes(s.id))}
              onChange={(_, value) =>
                setDraft({
                  ...draft,
                  // Listed schools the list did not load stay listed.
                  moveSchoolIds: [
                    ...value.map((s) => s.id),
                    ...draft.moveSchoolIds.filter((id) => !schools.some((s) => s.id === id)),
                  ],
                })
              }
              renderInput={(params) => <TextField {...params} label="Schools" helperText="Type a school's name" />}
            />
          </>
        )}
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogSaveActions onClose={onClose} onSave={() => void save()} />
    </Dialog>
  );
}
