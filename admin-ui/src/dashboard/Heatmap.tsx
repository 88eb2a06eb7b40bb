import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { LEVELS, STAGES, stageName } from '../resources/choices';
import { levelName } from './tables';
import type { Heatmap as HeatmapData, HeatmapFigures } from './types';

const ACTIVE = STAGES.slice(0, 6).map((s) => s.id);

/** Light fills keep dark text above 4.5:1; the gap bands answer "where are we weak". */
const BANDS = [
  { test: (g: number) => g <= 0, color: '#c8e6c9', label: 'At or above target' },
  { test: (g: number) => g <= 0.5, color: '#fff2b3', label: 'Up to ½ level below' },
  { test: (g: number) => g <= 1, color: '#ffd6a8', label: '½ to 1 level below' },
  { test: () => true, color: '#f6bcbc', label: 'More than 1 level below' },
];
const NO_RATINGS = '#eeeeee';

const fill = (f: HeatmapFigures | undefined) =>
  f && f.averageGap !== null ? BANDS.find((b) => b.test(f.averageGap!))!.color : NO_RATINGS;

function Square({ f }: { f: HeatmapFigures | undefined }) {
  return (
    <TableCell
      align="center"
      sx={{
        bgcolor: f ? fill(f) : '#fff',
        border: '2px solid #fff',
        color: '#1a1a1a',
        minWidth: 90,
        whiteSpace: 'nowrap',
      }}
    >
      {!f ? (
        <span>no one</span>
      ) : f.averageLevel === null ? (
        <span>not rated</span>
      ) : (
        <>
          <strong>{f.averageLevel.toFixed(2)}</strong>
          <Box component="span" sx={{ display: 'block', fontSize: 12 }}>
            target {f.averageTarget?.toFixed(2)}
          </Box>
        </>
      )}
    </TableCell>
  );
}

/**
 * The competency heatmap as a colored table: one row per competency and role level, one column per stage,
 * the average current level against the average target, colored by the gap.
 */
export function Heatmap({ data }: { data: HeatmapData }) {
  const levels = LEVELS.map((l) => l.id);
  const rows = data.competencies.flatMap((c) =>
    levels
      .filter((lvl) => data.cells.some((x) => x.competencyId === c.competencyId && x.level === lvl))
      .map((lvl) => ({ c, lvl })),
  );
  if (rows.length === 0) return <Typography sx={{ mt: 1 }}>No active candidate targets a competency yet.</Typography>;
  const cell = (id: string, lvl: string, stage: string) =>
    data.cells.find((x) => x.competencyId === id && x.level === lvl && x.stage === stage);
  return (
    <>
      <Box role="region" aria-label="Competency heatmap" tabIndex={0} sx={{ overflowX: 'auto' }}>
        <Table size="small" sx={{ '& caption': { captionSide: 'top', fontWeight: 600, color: 'text.primary', px: 0 } }}>
          <caption>
            Average current level (and target) of active candidates, by competency, role level and stage
          </caption>
          <TableHead>
            <TableRow>
              <TableCell scope="col">Competency</TableCell>
              <TableCell scope="col">Role level</TableCell>
              {ACTIVE.map((s) => (
                <TableCell key={s} scope="col" align="center">
                  {stageName(s)}
                </TableCell>
              ))}
              <TableCell scope="col" align="center">
                All (every level)
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(({ c, lvl }, i) => {
              const first = i === 0 || rows[i - 1]!.c !== c;
              const span = rows.filter((r) => r.c === c).length;
              return (
                <TableRow key={`${c.competencyId}-${lvl}`}>
                  {first && (
                    <TableCell component="th" scope="rowgroup" rowSpan={span} sx={{ maxWidth: 260 }}>
                      {c.code}: {c.title}
                    </TableCell>
                  )}
                  <TableCell component="th" scope="row">
                    {levelName(lvl)}
                  </TableCell>
                  {ACTIVE.map((s) => (
                    <Square key={s} f={cell(c.competencyId, lvl, s)} />
                  ))}
                  {first ? (
                    <TableCell
                      align="center"
                      rowSpan={span}
                      sx={{ bgcolor: fill(c.overall), border: '2px solid #fff', color: '#1a1a1a' }}
                    >
                      {c.overall.averageLevel === null ? (
                        'not rated'
                      ) : (
                        <>
                          <strong>{c.overall.averageLevel.toFixed(2)}</strong>
                          <Box component="span" sx={{ display: 'block', fontSize: 12 }}>
                            target {c.overall.averageTarget?.toFixed(2)}
                          </Box>
                        </>
                      )}
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
      <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap' }} useFlexGap aria-label="Heatmap colors">
        {[
          ...BANDS,
          { color: NO_RATINGS, label: 'Not rated yet' },
          { color: '#fff', label: 'No one at this stage' },
        ].map((b) => (
          <Stack key={b.label} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Box sx={{ width: 14, height: 14, bgcolor: b.color, border: '1px solid #9e9e9e' }} />
            <Typography variant="body2">{b.label}</Typography>
          </Stack>
        ))}
      </Stack>
    </>
  );
}
