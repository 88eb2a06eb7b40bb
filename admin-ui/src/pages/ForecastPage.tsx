import { Alert, Box, Button, FormControl, InputLabel, MenuItem, Select, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Title, useCanAccess } from 'react-admin';
import { Figure } from '../dashboard/Figure';
import { BarsChart, COLORS } from '../dashboard/lazyCharts';
import type { FigureTable } from '../dashboard/tables';
import { formatDate } from '../layout/dates';
import { API_URL, httpClient } from '../providers/httpClient';
import { CoverageFigure } from './CoverageFigure';
import type { Forecast, ForecastGroup } from './forecastTypes';

const STATES: Record<string, string> = {
  new: 'In the seat under 2 years',
  settled: 'In the seat 2 years or more',
  eligible: 'Retirement-eligible',
};
const SEATS_SHOWN = 25;
const groupKey = (g: ForecastGroup) => g.roleId ?? `pool:${g.level}`;

/** Openings per role and school year, each seat's chances for hr and the superintendent (docs/forecast.md). */
export function ForecastPage() {
  const { canAccess, isPending } = useCanAccess({ resource: 'forecast', action: 'list' });
  const [data, setData] = useState<Forecast | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string>('');
  const [allSeats, setAllSeats] = useState(false);

  useEffect(() => {
    if (!canAccess) return;
    httpClient(`${API_URL}/forecast`).then(
      ({ json }) => {
        const f = json as Forecast;
        setData(f);
        const first = f.groups.find((g) => !g.suppressed && g.seats > 0);
        setSelected(first ? groupKey(first) : '');
      },
      (e: Error) => setError(e.message),
    );
  }, [canAccess]);

  const group = data?.groups.find((g) => groupKey(g) === selected) ?? null;
  const titleOf = useMemo(
    () => new Map((data?.groups ?? []).filter((g) => g.roleId).map((g) => [g.roleId!, g.title])),
    [data],
  );
  if (isPending) return null;

  const yearTable: FigureTable[] | null =
    group && group.years
      ? [
          {
            caption: `${group.title}: expected openings per school year (${group.seats} seats)`,
            filename: 'forecast-role',
            columns: [
              { label: 'School year' },
              { label: 'Expected openings', format: 'dec' },
              { label: '80 % interval, low', format: 'int' },
              { label: '80 % interval, high', format: 'int' },
              { label: 'Openings from chains', format: 'dec' },
            ],
            rows: group.years.map((y) => [y.schoolYear, y.expected, y.low, y.high, y.chainExpected]),
          },
        ]
      : data
        ? []
        : null;
  const allTable: FigureTable[] | null = data
    ? [
        {
          caption: 'Expected openings per role and school year, with the 80 % interval',
          filename: 'forecast',
          columns: [
            { label: 'Role' },
            { label: 'Seats', format: 'int' },
            { label: 'Vacant now', format: 'int' },
            ...data.schoolYears.map((y) => ({ label: y })),
          ],
          rows: data.groups.map((g) => [
            g.title,
            g.seats,
            g.suppressed ? null : g.vacantNow,
            ...data.schoolYears.map((_, i) => {
              const y = g.years?.[i];
              return y ? `${y.expected} (${y.low}–${y.high})` : 'withheld';
            }),
          ]),
          note: data.groups.some((g) => g.suppressed)
            ? 'Withheld: fewer seats than the district’s small-cell threshold, so a figure could be about one person.'
            : undefined,
        },
      ]
    : null;
  const seats = data?.seats
    ? [...data.seats].sort(
        (a, b) => Number(b.atRisk) - Number(a.atRisk) || b.within2 - a.within2 || a.title.localeCompare(b.title),
      )
    : null;
  const pct = (p: number) => Math.round(p * 100) / 100;
  const seatTable: FigureTable[] | null = seats
    ? [
        {
          caption: `Seats at risk first, then by the chance they open within 2 school years${allSeats ? '' : ` (the first ${Math.min(SEATS_SHOWN, seats.length)} of ${seats.length})`}`,
          filename: 'forecast-seats',
          columns: [
            { label: 'Seat' },
            { label: 'Role' },
            { label: 'At risk' },
            { label: 'Incumbent' },
            { label: 'In the seat since' },
            { label: 'Retirement-eligible' },
            { label: 'Known departure' },
            { label: 'Within 1 year', format: 'pct' },
            { label: 'Within 2 years', format: 'pct' },
            { label: 'Within 3 years', format: 'pct' },
            { label: 'Within 5 years', format: 'pct' },
          ],
          rows: (allSeats ? seats : seats.slice(0, SEATS_SHOWN)).map((s) => [
            s.title,
            titleOf.get(s.roleId) ?? '',
            s.atRisk ? 'At risk' : 'No',
            s.incumbentName ?? 'Vacant',
            s.tenureStartedOn ? formatDate(s.tenureStartedOn) : null,
            s.retirementEligibleYear === null ? null : String(s.retirementEligibleYear),
            s.knownDepartureOn ? formatDate(s.knownDepartureOn) : null,
            pct(s.within1),
            pct(s.within2),
            pct(s.within3),
            pct(s.within5),
          ]),
          links: (allSeats ? seats : seats.slice(0, SEATS_SHOWN)).map((s) => `/positions/${s.positionId}/show`),
        },
      ]
    : null;
  const rateTables: FigureTable[] | null =
    group?.rates && data
      ? [
          {
            caption: `${group.title}: the yearly chance a seat opens, by its incumbent's state`,
            filename: 'forecast-rates',
            columns: [
              { label: 'Incumbent' },
              { label: 'Public base rate', format: 'pct' },
              { label: 'Seat-years in the history', format: 'int' },
              { label: 'Of them, the seat opened', format: 'int' },
              { label: 'Chance used', format: 'pct' },
            ],
            rows: group.rates.map((r) => [STATES[r.state] ?? r.state, r.prior, r.exposure, r.events, r.rate]),
            note: `${group.baseRateSource ?? ''}. The chance used is (10 × base rate + openings) ÷ (10 + seat-years): the public rate counts as 10 seat-years of history.`,
          },
        ]
      : null;

  return (
    <Box component="section" aria-labelledby="forecast-title" sx={{ mt: 2 }}>
      <Title title="Vacancy forecast" />
      <Typography id="forecast-title" variant="h5" component="h1">
        Vacancy forecast
      </Typography>
      {!canAccess ? (
        <Alert severity="info" sx={{ mt: 2 }}>
          The vacancy forecast is for HR, the superintendent, coordinators and principals.
        </Alert>
      ) : (
        <>
          <Typography sx={{ mt: 0.5, maxWidth: 900 }}>
            How many leadership seats are likely to open in each of the next five school years, from the incumbents’
            time in their seats, retirement eligibility, known departures and the district’s own turnover since{' '}
            {data ? formatDate(data.historySince) : '…'}. The interval holds the number of openings 8 times in 10.
            {data && !data.seats && ' Counts only: each seat’s chances are for HR and the superintendent.'}
          </Typography>
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              The forecast could not be loaded: {error}. Reload the page to try again.
            </Alert>
          )}
          {data && data.groups.length === 0 && (
            <Alert severity="info" sx={{ mt: 2 }}>
              No leadership roles yet: add roles and their seats (Positions) to see a forecast.
            </Alert>
          )}
          <Stack spacing={2} sx={{ mt: 2 }}>
            <Figure
              title="Openings per school year"
              summary={
                group?.years
                  ? `${group.title}: about ${group.years[0]!.expected} opening${group.years[0]!.expected === 1 ? '' : 's'} in ${group.years[0]!.schoolYear} (${group.years[0]!.low} to ${group.years[0]!.high}), ${group.years[1]?.expected ?? 0} in ${group.years[1]?.schoolYear ?? ''}.`
                  : undefined
              }
              error={error}
              tables={yearTable}
              controls={
                data && (
                  <FormControl size="small" sx={{ mt: 1, minWidth: 260 }}>
                    <InputLabel id="forecast-role-label">Role</InputLabel>
                    <Select
                      labelId="forecast-role-label"
                      label="Role"
                      value={selected}
                      onChange={(e) => setSelected(e.target.value)}
                    >
                      {data.groups
                        .filter((g) => !g.suppressed)
                        .map((g) => (
                          <MenuItem key={groupKey(g)} value={groupKey(g)}>
                            {g.title}
                          </MenuItem>
                        ))}
                    </Select>
                  </FormControl>
                )
              }
              chart={
                group?.years && (
                  <BarsChart
                    data={group.years.map((y) => ({
                      year: y.schoolYear,
                      expected: y.expected,
                      chain: y.chainExpected,
                    }))}
                    category="year"
                    series={[
                      { key: 'expected', name: 'Expected openings', color: COLORS.blue },
                      { key: 'chain', name: 'Openings from chains', color: COLORS.orange },
                    ]}
                  />
                )
              }
            />
            <Figure title="Every role" error={error} tables={allTable} />
            {data?.groups.some((g) => g.coverage) && <CoverageFigure forecast={data} />}
            {rateTables && <Figure title="Where the chances come from" tables={rateTables} />}
            {seatTable && seats && (
              <Figure
                title="Seats at risk"
                summary={`${seats.filter((s) => s.within2 >= 0.5).length} of ${seats.length} seats are more likely than not to open within 2 school years; ${seats.filter((s) => s.atRisk).length} of them have nobody ready for their role (ready now or in 1–2 years). Each seat links to its page and bench.`}
                tables={seatTable}
                controls={
                  seats.length > SEATS_SHOWN && (
                    <Button size="small" sx={{ mt: 1 }} onClick={() => setAllSeats(!allSeats)}>
                      {allSeats ? `Show the first ${SEATS_SHOWN}` : `Show all ${seats.length} seats`}
                    </Button>
                  )
                }
              />
            )}
          </Stack>
          {data && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
              As of {formatDate(data.asOf)}; intervals from {data.simulations.toLocaleString('en-US')} simulations.
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}
