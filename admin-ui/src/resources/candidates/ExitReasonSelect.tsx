import { MenuItem, TextField } from '@mui/material';
import { EXIT_REASONS } from '../choices';

/** The exit-reason picker of every stage-move dialog (a move to Exited needs one). */
export function ExitReasonSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <TextField
      select
      label="Exit reason"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      fullWidth
      margin="normal"
      error={!!error}
      helperText={error ?? ' '}
    >
      {EXIT_REASONS.map((x) => (
        <MenuItem key={x.id} value={x.id}>
          {x.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
