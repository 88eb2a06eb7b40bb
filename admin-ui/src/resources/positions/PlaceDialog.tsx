import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { API_URL, httpClient } from '../../providers/httpClient';
import { bandName } from '../candidates/ReadinessPanel';
import { type LicenceStatus, licenceWarning } from '../careers/licence';

export interface Placeable {
  candidateId: string;
  firstName: string;
  lastName: string;
  readiness: string;
  placementRefusal: string | null;
  /** Sent when the seat's role requires a licence and the reader sees career profiles. */
  licence?: LicenceStatus | null;
}
export interface Seat {
  id: string;
  title: string;
  version: number;
  incumbentName: string | null;
}

/** Confirms a placement through the seat's placement route; the API's refusal, if any, is shown as it says it. */
export function PlaceDialog({
  seat,
  chosen,
  onClose,
  onPlaced,
}: {
  seat: Seat;
  chosen: Placeable | null;
  onClose: () => void;
  onPlaced: () => void;
}) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [problem, setProblem] = useState<string | null>(null);
  const refusal = problem ?? chosen?.placementRefusal ?? null;
  const close = () => {
    setProblem(null);
    onClose();
  };
  async function place() {
    try {
      const { json } = await httpClient(`${API_URL}/positions/${seat.id}/placement`, {
        method: 'POST',
        body: JSON.stringify({ candidateId: chosen!.candidateId, expectedVersion: seat.version }),
      });
      const warnings = (json as { warnings?: string[] }).warnings ?? [];
      const placed = `${chosen!.firstName} ${chosen!.lastName} placed into ${seat.title}`;
      notify(warnings.length ? `${placed}. ${warnings.join('. ')}.` : placed, {
        type: warnings.length ? 'warning' : 'success',
      });
      setProblem(null);
      onPlaced();
      refresh();
    } catch (e) {
      setProblem((e as Error).message);
    }
  }
  return (
    <Dialog open={chosen !== null} onClose={close} aria-labelledby="place-title" fullWidth maxWidth="sm">
      <DialogTitle id="place-title">
        Place {chosen?.firstName} {chosen?.lastName}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          {chosen?.firstName} {chosen?.lastName} ({bandName(chosen?.readiness)}) fills {seat.title}
          {seat.incumbentName ? `; ${seat.incumbentName} leaves the seat` : ''}. Their candidacy moves to Placed, and
          any seat they hold now becomes vacant.
        </DialogContentText>
        {!refusal && licenceWarning(chosen?.licence) && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {licenceWarning(chosen?.licence)}
          </Alert>
        )}
        {refusal && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {refusal}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" onClick={() => void place()} disabled={refusal !== null}>
          Place
        </Button>
      </DialogActions>
    </Dialog>
  );
}
