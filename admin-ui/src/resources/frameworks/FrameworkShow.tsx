import {
  Alert,
  Box,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { EditButton, ListButton, Show, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { FrameworkBadge } from './FrameworkBadge';
import { CaseFacts, ItemTypes, KeptLinks } from './FrameworkCase';
import { FrameworkTree } from './FrameworkTree';
import { Statement } from './Statement';
import type { CrosswalkLink, Framework, FrameworkNode } from './types';
import { useAllRecords } from './useAllRecords';

function Actions() {
  const r = useRecordContext<Framework>();
  const { canAccess } = useCanAccess({ resource: 'competency-frameworks', action: 'edit' });
  return (
    <TopToolbar>
      <ListButton label="All frameworks" />
      {canAccess && r && !r.reference && <EditButton label="Edit framework" />}
    </TopToolbar>
  );
}

function Rubric({ rubric }: { rubric: Framework['rubric'] }) {
  return (
    <Table size="small" aria-labelledby="rubric-title" sx={{ maxWidth: 480 }}>
      <TableHead>
        <TableRow>
          <TableCell>Level</TableCell>
          <TableCell>Label</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rubric.map((l) => (
          <TableRow key={l.level}>
            <TableCell>{l.level}</TableCell>
            <TableCell>{l.label}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The framework browser: what it is, its rubric, and its tree with each node's crosswalk links. */
function FrameworkBrowser() {
  const record = useRecordContext<Framework>();
  const [search] = useSearchParams();
  const [version, setVersion] = useState(0);
  const { canAccess } = useCanAccess({ resource: 'competency-frameworks', action: 'edit' });
  const filter = record ? { frameworkId: record.id } : null;
  const nodes = useAllRecords<FrameworkNode>('competencies', filter, 'position', version);
  const links = useAllRecords<CrosswalkLink>('crosswalk-links', filter, 'fromCode', version);
  if (!record) return null;
  const editable = !!canAccess && !record.reference;
  return (
    <Stack spacing={3} sx={{ p: 2 }}>
      <Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="h5" component="h1">
            {record.title}
          </Typography>
          <Typography color="text.secondary">({record.shortName})</Typography>
          <FrameworkBadge reference={record.reference} />
        </Stack>
        {record.source && <Typography variant="body2">Source: {record.source}</Typography>}
        <CaseFacts record={record} />
        {record.description && (
          <Typography variant="body2" component="div" sx={{ mt: 1, whiteSpace: 'pre-line' }}>
            <Statement text={record.description} />
          </Typography>
        )}
        {record.reference && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            A shared reference framework, top level only and read-only: add detail as a framework of your own and link
            it here.
          </Typography>
        )}
      </Box>
      <section aria-labelledby="rubric-title">
        <Typography id="rubric-title" variant="h6" component="h2">
          Rubric ({record.rubric.length} levels)
        </Typography>
        <Rubric rubric={record.rubric} />
      </section>
      <ItemTypes record={record} />
      <section aria-labelledby="tree-title">
        <Typography id="tree-title" variant="h6" component="h2">
          Tree and crosswalk ({record.nodeCount} nodes)
        </Typography>
        <Card variant="outlined">
          <CardContent>
            {(nodes.error || links.error) && <Alert severity="error">{nodes.error ?? links.error}</Alert>}
            {!nodes.data || !links.data ? (
              <LinearProgress aria-label="Loading the tree" />
            ) : (
              <FrameworkTree
                key={`${record.id}:${search.get('node') ?? ''}`}
                frameworkId={record.id}
                nodes={nodes.data}
                links={links.data}
                editable={editable}
                focusId={search.get('node')}
                onChanged={() => setVersion((v) => v + 1)}
              />
            )}
          </CardContent>
        </Card>
      </section>
      <KeptLinks key={`${record.id}:${version}`} record={record} />
    </Stack>
  );
}

export function FrameworkShow() {
  return (
    <Show actions={<Actions />}>
      <FrameworkBrowser />
    </Show>
  );
}
