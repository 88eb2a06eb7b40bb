import {
  DndContext,
  DragEndEvent,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Menu,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Title, useCanAccess, useNotify } from 'react-admin';
import { Link } from 'react-router-dom';
import { useFilterOptions } from '../dashboard/FilterBar';
import { API_URL, httpClient } from '../providers/httpClient';
import { ExitReasonSelect } from '../resources/candidates/ExitReasonSelect';
import { LEVELS, STAGES, stageName } from '../resources/choices';

interface BoardCard {
  id: string;
  firstName: string;
  lastName: string;
  roleTitle: string;
  schoolName: string | null;
  stage: string;
  daysInStage: number;
}
interface Move {
  to: string;
  reasonRequired: boolean;
  exitReasonRequired: boolean;
}
interface Column {
  items: BoardCard[];
  total: number;
}
interface Option {
  id: string;
  name: string;
}

const PER_COLUMN = 30;

const totalOf = (headers: Headers) => Number((headers.get('content-range') ?? '/0').split('/')[1] ?? 0);
const fullName = (c: BoardCard) => `${c.firstName} ${c.lastName}`;

async function allowedMoves(id: string): Promise<Move[]> {
  const { json } = await httpClient(`${API_URL}/candidates/${id}`);
  return ((json as { actions?: { transitions: Move[] } }).actions?.transitions ?? []) as Move[];
}

async function fetchColumns(filters: Record<string, string>): Promise<Record<string, Column>> {
  const base = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  const entries = await Promise.all(
    STAGES.map(async (s) => {
      const filter = encodeURIComponent(JSON.stringify({ ...base, stage: s.id }));
      const { json, headers } = await httpClient(
        `${API_URL}/candidates?filter=${filter}&range=[0,${PER_COLUMN - 1}]&sort=["stageEnteredAt","ASC"]`,
      );
      return [s.id, { items: json as BoardCard[], total: totalOf(headers) }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function CandidateCard({
  card,
  canMove,
  onMoveMenu,
}: {
  card: BoardCard;
  canMove: boolean;
  onMoveMenu: (card: BoardCard, anchor: HTMLElement) => void;
}) {
  const { listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: card.id,
    data: { card },
    disabled: !canMove,
  });
  return (
    <Card
      ref={setNodeRef}
      variant="outlined"
      data-testid={`card-${card.id}`}
      sx={{
        mb: 1,
        cursor: canMove ? 'grab' : 'default',
        opacity: isDragging ? 0.7 : 1,
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        position: 'relative',
        zIndex: isDragging ? 10 : 'auto',
        touchAction: 'none',
      }}
      {...listeners}
      // Dragging is for the pointer; the keyboard path is the card's link and its Move… button.
      role="group"
      aria-label={`${fullName(card)}, ${card.roleTitle}`}
    >
      <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="body2" component="div" sx={{ fontWeight: 600 }}>
          <Link to={`/candidates/${card.id}/show`} onPointerDown={(e) => e.stopPropagation()}>
            {card.lastName}, {card.firstName}
          </Link>
        </Typography>
        <Typography variant="caption" component="div">
          {card.roleTitle}
        </Typography>
        <Typography variant="caption" component="div">
          {card.schoolName ?? 'District office'} · {card.daysInStage} days
        </Typography>
        {canMove && (
          <Button
            size="small"
            sx={{ mt: 0.5, p: 0, minWidth: 0 }}
            onPointerDown={(e) => e.stopPropagation()}
            onClick={(e) => onMoveMenu(card, e.currentTarget)}
            aria-haspopup="menu"
            aria-label={`Move ${fullName(card)}`}
          >
            Move…
          </Button>
        )}
      </CardContent>
    </Card>
  );
}

function StageColumn({
  stage,
  column,
  canMove,
  onMoveMenu,
}: {
  stage: { id: string; name: string };
  column: Column | undefined;
  canMove: boolean;
  onMoveMenu: (card: BoardCard, anchor: HTMLElement) => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  const headingId = `column-${stage.id}`;
  return (
    <Box
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      data-testid={`column-${stage.id}`}
      sx={{
        minWidth: 200,
        flex: '1 0 200px',
        p: 1,
        borderRadius: 1,
        bgcolor: isOver ? 'action.selected' : 'action.hover',
      }}
    >
      <Typography id={headingId} variant="subtitle2" component="h2" sx={{ mb: 1 }}>
        {stage.name} ({column?.total ?? '…'})
      </Typography>
      {column?.items.map((c) => (
        <CandidateCard key={c.id} card={c} canMove={canMove} onMoveMenu={onMoveMenu} />
      ))}
      {column && column.total > column.items.length && (
        <Button
          component={Link}
          size="small"
          to={`/candidates?filter=${encodeURIComponent(JSON.stringify({ stage: stage.id }))}`}
        >
          {column.total - column.items.length} more in the list
        </Button>
      )}
      {column && column.total === 0 && <Typography variant="caption">Nobody at this stage.</Typography>}
    </Box>
  );
}

/**
 * Candidates by stage. Drag a card to another column (or use its Move… menu, the keyboard path) to
 * make a stage move; the API's rules decide, and a refused drop says which moves are allowed.
 */
export function PipelineBoard() {
  const notify = useNotify();
  const { canAccess: canMove } = useCanAccess({ resource: 'candidates', action: 'move' });
  const [filters, setFilters] = useState({ level: '', schoolId: '', roleId: '' });
  const { schools, roles } = useFilterOptions();
  const [columns, setColumns] = useState<Record<string, Column>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<{ card: BoardCard; move: Move } | null>(null);
  const [reason, setReason] = useState('');
  const [exitReason, setExitReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [menu, setMenu] = useState<{ card: BoardCard; anchor: HTMLElement; moves: Move[] } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  // A card moved from its Move… menu gets the focus back in its new column (its old node is gone).
  const refocus = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!refocus.current) return;
    const card = document.querySelector<HTMLElement>(`[data-testid="card-${refocus.current}"]`);
    (card?.querySelector<HTMLElement>('button') ?? card?.querySelector<HTMLElement>('a'))?.focus();
    refocus.current = null;
  }, [columns]);

  // Bumped after every move so the columns reload.
  const [generation, setGeneration] = useState(0);
  const reload = () => setGeneration((g) => g + 1);

  useEffect(() => {
    let live = true;
    fetchColumns(filters).then(
      (c) => live && setColumns(c),
      (e: Error) => live && setNotice(`The board could not be loaded: ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, [filters, generation]);

  async function send(card: BoardCard, move: Move, why?: string, exit?: string) {
    try {
      await httpClient(`${API_URL}/candidates/${card.id}/transitions`, {
        method: 'POST',
        body: JSON.stringify({
          to: move.to,
          expectedStage: card.stage,
          reason: why || undefined,
          exitReason: exit || undefined,
        }),
      });
      notify(`${fullName(card)}: moved to ${stageName(move.to)}`, { type: 'success' });
      setNotice(null);
      setPending(null);
      reload();
    } catch (e) {
      const err = e as { status?: number; message: string; body?: { errors?: Record<string, string> } };
      if (pending && err.status === 400) setErrors(err.body?.errors ?? { reason: err.message });
      else {
        setPending(null);
        setNotice(err.body?.errors?.to ?? err.message);
        reload();
      }
    }
  }

  async function attempt(card: BoardCard, to: string) {
    if (card.stage === to) return;
    const moves = await allowedMoves(card.id);
    const move = moves.find((m) => m.to === to);
    if (!move) {
      const allowed = moves.map((m) => stageName(m.to)).join(', ');
      setNotice(
        `${fullName(card)} cannot move from ${stageName(card.stage)} to ${stageName(to)}.` +
          (to === 'placed' ? ' Placement happens from a position’s bench.' : '') +
          (allowed ? ` Allowed from here: ${allowed}.` : ' No move is open from here.'),
      );
      return;
    }
    if (move.reasonRequired || move.exitReasonRequired) {
      setReason('');
      setExitReason('');
      setErrors({});
      setPending({ card, move });
    } else await send(card, move);
  }

  function onDragEnd(event: DragEndEvent) {
    const card = (event.active.data.current as { card: BoardCard } | undefined)?.card;
    if (!card || !event.over) return;
    refocus.current = null;
    void attempt(card, String(event.over.id));
  }

  async function openMenu(card: BoardCard, anchor: HTMLElement) {
    setMenu({ card, anchor, moves: await allowedMoves(card.id) });
  }

  const select = (key: keyof typeof filters, label: string, options: Option[]) => (
    <TextField
      select
      size="small"
      label={label}
      value={filters[key]}
      onChange={(e) => setFilters({ ...filters, [key]: e.target.value })}
      sx={{ flex: '1 1 200px', maxWidth: { sm: 320 } }}
    >
      <MenuItem value="">All</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.id} value={o.id}>
          {o.name}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box sx={{ p: 2 }}>
      <Title title="Pipeline board" />
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
        {select('level', 'Level', LEVELS)}
        {select('schoolId', 'School', schools)}
        {select('roleId', 'Target role', roles)}
      </Stack>
      {canMove && (
        <Typography variant="body2" sx={{ mb: 1 }}>
          Drag a card to another stage, or use its Move… button. Moves back, to Paused or to Exited ask for a reason.
        </Typography>
      )}
      {notice && (
        <Alert severity="warning" role="alert" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        {/* The columns scroll sideways inside the board, never the page; focusable so the arrow keys scroll it. */}
        <Stack
          direction="row"
          spacing={1}
          role="region"
          aria-label="Pipeline stages (scrolls sideways)"
          tabIndex={0}
          data-testid="board"
          sx={{
            overflowX: 'auto',
            // Beside a phone, the board keeps to the screen's height, so its sideways scrollbar stays in view.
            maxHeight: { sm: 'calc(100vh - 200px)' },
            alignItems: 'flex-start',
            pb: 2,
            '&:focus-visible': { outline: '2px solid #1b5e20', outlineOffset: 2 },
          }}
        >
          {STAGES.map((s) => (
            <StageColumn key={s.id} stage={s} column={columns[s.id]} canMove={canMove ?? false} onMoveMenu={openMenu} />
          ))}
        </Stack>
      </DndContext>
      <Menu open={menu !== null} anchorEl={menu?.anchor} onClose={() => setMenu(null)}>
        {menu?.moves.length === 0 && <MenuItem disabled>No move is open from here</MenuItem>}
        {menu?.moves.map((m) => (
          <MenuItem
            key={m.to}
            onClick={() => {
              const card = menu.card;
              refocus.current = card.id;
              setMenu(null);
              void attempt(card, m.to);
            }}
          >
            Move to {stageName(m.to)}
          </MenuItem>
        ))}
      </Menu>
      <Dialog open={pending !== null} onClose={() => setPending(null)} aria-labelledby="board-move-title" fullWidth>
        <DialogTitle id="board-move-title">
          {pending && `${fullName(pending.card)}: ${stageName(pending.card.stage)} → ${stageName(pending.move.to)}`}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>This move needs a reason; it is kept in the candidate’s history.</DialogContentText>
          {pending?.move.exitReasonRequired && (
            <ExitReasonSelect value={exitReason} onChange={setExitReason} error={errors.exitReason} />
          )}
          <TextField
            label="Reason (required)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            error={!!errors.reason}
            helperText={errors.reason ?? ' '}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setPending(null)}>Cancel</Button>
          <Button
            variant="contained"
            onClick={() => pending && void send(pending.card, pending.move, reason, exitReason)}
          >
            Move
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
