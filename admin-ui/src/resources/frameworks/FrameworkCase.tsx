import {
  Alert,
  Box,
  FormControlLabel,
  LinearProgress,
  Link as MuiLink,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { Link } from 'react-router-dom';
import { DateText } from '../../layout/dates';
import { ScrollBox } from '../../layout/ScrollBox';
import { useIsPhone } from '../../layout/useIsPhone';
import { Statement } from './Statement';
import type { Framework, KeptAssociation } from './types';

const isWebAddress = (s: string | null): s is string => !!s && /^https?:\/\//i.test(s);

/** Where an imported framework came from and on what terms it may be used (CASE licenseURI, CFPackageURI). */
export function CaseFacts({ record }: { record: Framework }) {
  const { license, sourceUri, sourceChangedAt } = record;
  if (!license && !sourceUri && !sourceChangedAt) return null;
  return (
    <Box sx={{ mt: 1 }}>
      {license && (
        <Typography variant="body2">
          Licence:{' '}
          {isWebAddress(license.uri) ? (
            <MuiLink href={license.uri} target="_blank" rel="noopener noreferrer">
              {license.title}
            </MuiLink>
          ) : (
            license.title
          )}
          . Share and reuse this framework only as its licence allows.
        </Typography>
      )}
      {license?.text && (
        <Box component="details" sx={{ mt: 0.5, typography: 'body2' }}>
          <Box component="summary" sx={{ cursor: 'pointer' }}>
            Read the licence
          </Box>
          <Box sx={{ mt: 0.5, pl: 2, whiteSpace: 'pre-line' }}>
            <Statement text={license.text} />
          </Box>
        </Box>
      )}
      {(sourceUri || sourceChangedAt) && (
        <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          Published at{' '}
          {isWebAddress(sourceUri) ? (
            <MuiLink href={sourceUri} target="_blank" rel="noopener noreferrer">
              {sourceUri}
            </MuiLink>
          ) : (
            (sourceUri ?? 'an address the file does not give')
          )}
          {sourceChangedAt && (
            <>
              ; last changed by its publisher on <DateText value={sourceChangedAt} />
            </>
          )}
          .
        </Typography>
      )}
    </Box>
  );
}

/** How many nodes carry each of the publisher's item types (Claim, Target, …), and how many carry none. */
export function ItemTypeTable({
  framework,
  labelledBy,
}: {
  framework: Pick<Framework, 'itemTypes' | 'nodeCount'>;
  labelledBy: string;
}) {
  const untyped = framework.nodeCount - framework.itemTypes.reduce((n, t) => n + t.count, 0);
  return (
    <Table size="small" aria-labelledby={labelledBy} sx={{ maxWidth: 480 }}>
      <TableHead>
        <TableRow>
          <TableCell>Item type</TableCell>
          <TableCell align="right">Items</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {framework.itemTypes.map((t) => (
          <TableRow key={t.itemType}>
            <TableCell>{t.itemType}</TableCell>
            <TableCell align="right">{t.count}</TableCell>
          </TableRow>
        ))}
        {untyped > 0 && (
          <TableRow>
            <TableCell>No item type given</TableCell>
            <TableCell align="right">{untyped}</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

export function ItemTypes({ record }: { record: Framework }) {
  if (record.itemTypes.length === 0) return null;
  return (
    <section aria-labelledby="item-types-title">
      <Typography id="item-types-title" variant="h6" component="h2">
        Item types
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        The publisher&apos;s names for the kinds of items in this framework, shown on each node of the tree.
      </Typography>
      <ItemTypeTable framework={record} labelledBy="item-types-title" />
    </section>
  );
}

// What a CASE association says, read from the node it is listed under.
const FROM_ORIGIN: Record<string, string> = {
  isChildOf: 'Also placed under',
  isPartOf: 'Part of',
  exactMatchOf: 'Same as',
  isRelatedTo: 'Related to',
  isPeerOf: 'Peer of',
  precedes: 'Comes before',
  replacedBy: 'Replaced by',
  exemplar: 'Has the example',
  hasSkillLevel: 'Has the skill level',
  isTranslationOf: 'Translation of',
};
const FROM_DESTINATION: Record<string, string> = {
  isChildOf: 'Also has below it',
  isPartOf: 'Has the part',
  exactMatchOf: 'Same as',
  isRelatedTo: 'Related to',
  isPeerOf: 'Peer of',
  precedes: 'Comes after',
  replacedBy: 'Replaces',
  exemplar: 'Example of',
  hasSkillLevel: 'Skill level of',
  isTranslationOf: 'Has the translation',
};

export const associationWords = (a: Pick<KeptAssociation, 'associationType' | 'nodeEnd'>) =>
  (a.nodeEnd === 'origin' ? FROM_ORIGIN : FROM_DESTINATION)[a.associationType] ??
  `${a.associationType}${a.nodeEnd === 'destination' ? ' (pointing here)' : ''}`;

function NodeName({ a, frameworkId }: { a: KeptAssociation; frameworkId: string }) {
  return (
    <Typography variant="body2" component="div">
      <MuiLink
        component={Link}
        to={`/competency-frameworks/${frameworkId}/show?node=${a.competencyId}`}
        sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}
      >
        {a.competencyCode}
      </MuiLink>{' '}
      <Statement text={a.competencyTitle} inline />
    </Typography>
  );
}

function OtherEnd({ a }: { a: KeptAssociation }) {
  if (!a.external && a.otherNodeId && a.otherFrameworkId)
    return (
      <MuiLink component={Link} to={`/competency-frameworks/${a.otherFrameworkId}/show?node=${a.otherNodeId}`}>
        {a.otherFrameworkShortName} {a.otherNodeCode}
      </MuiLink>
    );
  const name = a.otherTitle || a.otherIdentifier;
  return (
    <>
      {isWebAddress(a.otherUri) ? (
        <MuiLink href={a.otherUri} target="_blank" rel="noopener noreferrer" sx={{ overflowWrap: 'anywhere' }}>
          {name}
        </MuiLink>
      ) : (
        <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
          {name}
        </Box>
      )}
      <Typography variant="caption" component="div" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        Outside Emerge{a.otherTitle && a.otherTitle !== a.otherIdentifier ? ` · ${a.otherIdentifier}` : ''}
      </Typography>
    </>
  );
}

/**
 * The associations an imported framework keeps as published: links to frameworks the district does not have
 * (external links), second placements and CASE types beyond the crosswalk. A page at a time: a state package has
 * thousands.
 */
export function KeptLinks({ record }: { record: Framework }) {
  const isPhone = useIsPhone();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(10);
  const [onlyExternal, setOnlyExternal] = useState(record.externalLinkCount > 0);
  const { data, total, isPending, error } = useGetList<KeptAssociation>(
    `competency-frameworks/${record.id}/case-associations`,
    {
      pagination: { page: page + 1, perPage },
      sort: { field: 'code', order: 'ASC' },
      filter: onlyExternal ? { external: true } : {},
    },
  );
  // A framework typed in the console, or imported without such links, has nothing to show here.
  if (!onlyExternal && !isPending && !error && total === 0) return null;
  const count = record.externalLinkCount;
  return (
    <section aria-labelledby="kept-links-title">
      <Typography id="kept-links-title" variant="h6" component="h2">
        Links kept as published ({count} outside Emerge)
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Every link of the framework file beyond its tree, as its publisher wrote it: links to frameworks your district
        has not imported (outside Emerge), links to frameworks you have (also in the crosswalk above), second places an
        item is listed in, and other kinds of links. An export gives them back unchanged.
      </Typography>
      <FormControlLabel
        control={
          <Switch
            checked={onlyExternal}
            onChange={(e) => {
              setOnlyExternal(e.target.checked);
              setPage(0);
            }}
          />
        }
        label="Only links outside Emerge"
      />
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {isPending ? (
        <LinearProgress aria-label="Loading the links" />
      ) : data && data.length === 0 ? (
        <Typography variant="body2" sx={{ my: 1 }}>
          {onlyExternal
            ? 'Every link of this framework reaches a framework your district has. Turn the switch off to see them all.'
            : 'No links are kept besides the tree and the crosswalk.'}
        </Typography>
      ) : isPhone ? (
        // A three-column table does not fit 390 px with CASE codes: one entry per link instead.
        <Box component="ul" aria-labelledby="kept-links-title" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {data?.map((a) => (
            <Box component="li" key={a.id} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
              <NodeName a={a} frameworkId={record.id} />
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                {associationWords(a)}: <OtherEnd a={a} />
              </Typography>
            </Box>
          ))}
        </Box>
      ) : (
        <ScrollBox label="Links kept as published">
          <Table size="small" aria-labelledby="kept-links-title">
            <TableHead>
              <TableRow>
                <TableCell>Item</TableCell>
                <TableCell>Link</TableCell>
                <TableCell>To</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data?.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <NodeName a={a} frameworkId={record.id} />
                  </TableCell>
                  <TableCell>{associationWords(a)}</TableCell>
                  <TableCell>
                    <OtherEnd a={a} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollBox>
      )}
      <TablePagination
        component="div"
        count={total ?? 0}
        page={page}
        rowsPerPage={perPage}
        rowsPerPageOptions={[10, 25, 50]}
        onPageChange={(_e, p) => setPage(p)}
        onRowsPerPageChange={(e) => {
          setPerPage(Number(e.target.value));
          setPage(0);
        }}
        labelRowsPerPage="Links per page"
      />
    </section>
  );
}
