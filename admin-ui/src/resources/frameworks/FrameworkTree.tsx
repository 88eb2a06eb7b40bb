import AddIcon from '@mui/icons-material/Add';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import LinkIcon from '@mui/icons-material/Link';
import { Box, Button, Chip, IconButton, Link as MuiLink, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Confirm, useDelete, useNotify } from 'react-admin';
import { Link } from 'react-router-dom';
import { Statement } from './Statement';
import type { CrosswalkLink, FrameworkNode } from './types';

interface Props {
  frameworkId: string;
  nodes: FrameworkNode[];
  links: CrosswalkLink[];
  editable: boolean;
  /** A node to reveal (its ancestors open, scrolled into view), e.g. when arriving from a crosswalk link. */
  focusId: string | null;
  onChanged: () => void;
}

const CHILD_KIND = { domain: 'competency', competency: 'indicator', indicator: 'indicator' } as const;

/** The other end of a link, seen from `nodeId`. */
function otherEnd(l: CrosswalkLink, nodeId: string) {
  return l.fromId === nodeId
    ? { id: l.toId, code: l.toCode, title: l.toTitle, frameworkId: l.toFrameworkId, short: l.toFrameworkShortName }
    : {
        id: l.fromId,
        code: l.fromCode,
        title: l.fromTitle,
        frameworkId: l.fromFrameworkId,
        short: l.fromFrameworkShortName,
      };
}

/**
 * The framework as nested lists (disclosure pattern): each node with children has a button that opens and
 * closes them (aria-expanded), every action is a link or button, so the whole tree works from the keyboard.
 */
export function FrameworkTree({ frameworkId, nodes, links, editable, focusId, onChanged }: Props) {
  const children = useMemo(() => {
    const map = new Map<string | null, FrameworkNode[]>();
    for (const n of nodes) map.set(n.parentId, [...(map.get(n.parentId) ?? []), n]);
    for (const list of map.values()) list.sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
    return map;
  }, [nodes]);
  const linksOf = useMemo(() => {
    const map = new Map<string, CrosswalkLink[]>();
    // Exact links first: they are the ones that carry ratings.
    const sorted = [...links].sort((a, b) => Number(b.kind === 'exact') - Number(a.kind === 'exact'));
    for (const l of sorted) for (const end of [l.fromId, l.toId]) map.set(end, [...(map.get(end) ?? []), l]);
    return map;
  }, [links]);
  const parentOf = useMemo(() => new Map(nodes.map((n) => [n.id, n.parentId])), [nodes]);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  // Small trees start open; large ones show their top level. A focused node's ancestors open.
  const open = useMemo(() => {
    if (expanded) return expanded;
    const start = new Set(nodes.length <= 200 ? nodes.map((n) => n.id) : []);
    for (let at = focusId ? parentOf.get(focusId) : null; at; at = parentOf.get(at)) start.add(at);
    return start;
  }, [expanded, nodes, focusId, parentOf]);
  const [removing, setRemoving] = useState<CrosswalkLink | null>(null);
  const [remove, { isPending }] = useDelete();
  const notify = useNotify();

  useEffect(() => {
    if (focusId) document.getElementById(`node-${focusId}`)?.scrollIntoView({ block: 'center' });
  }, [focusId, nodes]);

  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  const renderLevel = (parentId: string | null, depth: number, id?: string) => {
    const list = children.get(parentId) ?? [];
    if (list.length === 0) return null;
    return (
      <Box component="ul" id={id} sx={{ listStyle: 'none', m: 0, pl: depth === 0 ? 0 : 3 }}>
        {list.map((n) => {
          const kids = children.get(n.id)?.length ?? 0;
          const isOpen = open.has(n.id);
          const nodeLinks = linksOf.get(n.id) ?? [];
          return (
            <Box
              component="li"
              key={n.id}
              id={`node-${n.id}`}
              sx={{ py: 0.5, borderLeft: depth ? '1px solid' : 'none', borderColor: 'divider', pl: depth ? 1 : 0 }}
            >
              {/* Wraps: a long code (CCSS.Math.Content.6.RP.A.3a) and its statement share a phone's width. */}
              <Stack
                direction="row"
                spacing={1}
                useFlexGap
                sx={{
                  alignItems: 'center',
                  flexWrap: 'wrap',
                  borderRadius: 1,
                  bgcolor: n.id === focusId ? 'action.selected' : undefined,
                }}
              >
                {kids > 0 ? (
                  <IconButton
                    size="small"
                    onClick={() => toggle(n.id)}
                    aria-expanded={isOpen}
                    aria-controls={`children-${n.id}`}
                    aria-label={`${isOpen ? 'Close' : 'Open'} ${n.code} (${kids} below)`}
                  >
                    {isOpen ? <ExpandMoreIcon /> : <ChevronRightIcon />}
                  </IconButton>
                ) : (
                  <Box sx={{ width: 34 }} />
                )}
                {/* The publisher's item type when the framework came from a CASE package; else Emerge's kind. */}
                <Chip size="small" variant="outlined" label={n.itemType ?? n.kind} />
                <Typography component="span" sx={{ fontWeight: 600, overflowWrap: 'anywhere', minWidth: 0 }}>
                  {n.code}
                </Typography>
                <Typography component="div" sx={{ flex: '1 1 220px', minWidth: 0 }}>
                  <Statement text={n.title} inline />
                </Typography>
                {editable && (
                  <Stack direction="row" sx={{ flexShrink: 0, ml: 'auto' }}>
                    <Tooltip title={`Edit ${n.code}`}>
                      <IconButton
                        size="small"
                        component={Link}
                        to={`/competencies/${n.id}`}
                        aria-label={`Edit ${n.code}`}
                      >
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={`Add a node below ${n.code}`}>
                      <IconButton
                        size="small"
                        component={Link}
                        to={`/competencies/create?frameworkId=${frameworkId}&parentId=${n.id}&kind=${CHILD_KIND[n.kind]}`}
                        aria-label={`Add below ${n.code}`}
                      >
                        <AddIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={`Link ${n.code} to a node of another framework`}>
                      <IconButton
                        size="small"
                        component={Link}
                        to={`/crosswalk-links/create?fromId=${n.id}&frameworkId=${frameworkId}`}
                        aria-label={`Link ${n.code}`}
                      >
                        <LinkIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </Stack>
                )}
              </Stack>
              {n.description && (
                <Typography
                  variant="body2"
                  component="div"
                  color="text.secondary"
                  sx={{ ml: 5, whiteSpace: 'pre-line' }}
                >
                  <Statement text={n.description} />
                </Typography>
              )}
              {nodeLinks.length > 0 && (
                <Box component="ul" aria-label={`Crosswalk of ${n.code}`} sx={{ listStyle: 'none', ml: 5, p: 0 }}>
                  {nodeLinks.map((l) => {
                    const o = otherEnd(l, n.id);
                    return (
                      <Box component="li" key={l.id} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                        <Chip
                          size="small"
                          color={l.kind === 'exact' ? 'success' : 'default'}
                          label={l.kind === 'exact' ? 'exact' : 'related'}
                        />
                        <MuiLink component={Link} to={`/competency-frameworks/${o.frameworkId}/show?node=${o.id}`}>
                          {o.short} {o.code}: {o.title}
                        </MuiLink>
                        {editable && !l.shipped && (
                          <IconButton
                            size="small"
                            aria-label={`Remove the link between ${n.code} and ${o.short} ${o.code}`}
                            onClick={() => setRemoving(l)}
                          >
                            <DeleteOutlineIcon fontSize="small" />
                          </IconButton>
                        )}
                      </Box>
                    );
                  })}
                </Box>
              )}
              {kids > 0 && isOpen && renderLevel(n.id, depth + 1, `children-${n.id}`)}
            </Box>
          );
        })}
      </Box>
    );
  };

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
        <Button size="small" onClick={() => setExpanded(new Set(nodes.map((n) => n.id)))}>
          Open all
        </Button>
        <Button size="small" onClick={() => setExpanded(new Set())}>
          Close all
        </Button>
        {editable && (
          <Button
            size="small"
            component={Link}
            to={`/competencies/create?frameworkId=${frameworkId}&kind=domain`}
            startIcon={<AddIcon />}
          >
            Add a top-level node
          </Button>
        )}
      </Stack>
      {nodes.length === 0 ? <Typography>No nodes yet.</Typography> : renderLevel(null, 0)}
      <Confirm
        isOpen={removing !== null}
        loading={isPending}
        title="Remove this crosswalk link?"
        content="Ratings stay where they were recorded; an exact link no longer carries them across."
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove(
            'crosswalk-links',
            { id: removing.id, previousData: removing },
            {
              mutationMode: 'pessimistic',
              onSuccess: () => {
                notify('Link removed');
                setRemoving(null);
                onChanged();
              },
              onError: (e) => notify((e as Error).message, { type: 'error' }),
            },
          )
        }
      />
    </Box>
  );
}
