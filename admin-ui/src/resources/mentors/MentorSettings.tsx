import { Alert, Box, Button, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useNotify } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';

interface Mentor {
  id: string;
  capacity: number;
  taken: number;
  active: boolean;
  hasLogin: boolean;
}

/** Whether an educator mentors, and how many mentees they take: hr sets it; others read it. */
export function MentorSettings({ educatorId, canEdit }: { educatorId: string; canEdit: boolean }) {
  const notify = useNotify();
  const [mentor, setMentor] = useState<Mentor | null | undefined>(undefined);
  const [capacity, setCapacity] = useState('2');
  const [active, setActive] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(() => {
    httpClient(`${API_URL}/mentors?filter=${encodeURIComponent(JSON.stringify({ id: [educatorId] }))}`)
      .then(({ json }) => {
        const m = (json as Mentor[])[0] ?? null;
        setMentor(m);
        if (m) {
          setCapacity(String(m.capacity));
          setActive(m.active);
        }
      })
      .catch((e: Error) => setProblem(e.message));
  }, [educatorId]);
  useEffect(load, [load]);

  const save = async () => {
    try {
      await httpClient(`${API_URL}/educators/${educatorId}/mentor`, {
        method: 'PUT',
        body: JSON.stringify({ capacity: Number(capacity), active }),
      });
      setProblem(null);
      notify(active ? 'Saved: taking mentees' : 'Saved: not taking mentees', { type: 'success' });
      load();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };

  if (mentor === undefined) return null;
  return (
    <Box sx={{ maxWidth: 480 }}>
      <Typography variant="body2">
        {mentor
          ? `${mentor.active ? 'Takes mentees' : 'Not taking new mentees'}: ${mentor.taken} of ${mentor.capacity} places taken.`
          : 'Not a mentor. A mentor is suggested to candidates who fit, answers their requests in Emerge and reads their development plan while mentoring them.'}
      </Typography>
      {canEdit && (
        <Stack spacing={2} sx={{ mt: 2 }}>
          <TextField
            label="Mentees at once"
            type="number"
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            helperText={mentor ? `Not below the ${mentor.taken} they have now (0 to 20)` : 'From 0 to 20'}
            slotProps={{ htmlInput: { min: 0, max: 20 } }}
          />
          <FormControlLabel
            control={<Switch checked={active} onChange={(e) => setActive(e.target.checked)} />}
            label="Taking mentees"
          />
          {problem && <Alert severity="error">{problem}</Alert>}
          <Box>
            <Button variant="contained" onClick={() => void save()}>
              {mentor ? 'Save' : 'Make a mentor'}
            </Button>
          </Box>
        </Stack>
      )}
    </Box>
  );
}
