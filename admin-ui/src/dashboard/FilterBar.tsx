import { MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { API_URL, httpClient } from '../providers/httpClient';
import { session } from '../providers/session';
import { LEVELS } from '../resources/choices';
import { recentSchoolYears, type DashboardFilters } from './api';

interface Option {
  id: string;
  name: string;
}

/** Schools and leadership roles for the filters; a principal is offered only their own schools. */
export function useFilterOptions() {
  const [schools, setSchools] = useState<Option[]>([]);
  const [roles, setRoles] = useState<Option[]>([]);
  useEffect(() => {
    const mine = session.user()?.role === 'principal' ? session.user()?.schoolIds : undefined;
    httpClient(`${API_URL}/schools?range=[0,999]&sort=["name","ASC"]`)
      .then(({ json }) =>
        setSchools(
          (json as Option[]).filter((s) => !mine || mine.includes(s.id)).map((s) => ({ id: s.id, name: s.name })),
        ),
      )
      .catch(() => setSchools([]));
    httpClient(`${API_URL}/leadership-roles?range=[0,999]&sort=["title","ASC"]`)
      .then(({ json }) => setRoles((json as { id: string; title: string }[]).map((r) => ({ id: r.id, name: r.title }))))
      .catch(() => setRoles([]));
  }, []);
  return { schools, roles };
}

export function FilterBar({
  filters,
  onChange,
}: {
  filters: DashboardFilters;
  onChange: (f: DashboardFilters) => void;
}) {
  const { schools, roles } = useFilterOptions();
  const years = recentSchoolYears().map((y) => ({ id: y, name: y }));
  const select = (key: keyof DashboardFilters, label: string, all: string, options: Option[]) => (
    <TextField
      select
      size="small"
      label={label}
      value={options.some((o) => o.id === filters[key]) ? filters[key] : ''}
      onChange={(e) => onChange({ ...filters, [key]: e.target.value })}
      fullWidth={false}
      sx={{ width: 220 }}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      <MenuItem value="">{all}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.id} value={o.id}>
          {o.name}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Stack
      component="form"
      aria-label="Dashboard filters"
      direction="row"
      spacing={2}
      useFlexGap
      sx={{ flexWrap: 'wrap', my: 2 }}
      onSubmit={(e) => e.preventDefault()}
    >
      {select('level', 'Level', 'All levels', LEVELS)}
      {select('schoolId', 'School', 'All schools', schools)}
      {select('roleId', 'Leadership role', 'All roles', roles)}
      {select('schoolYear', 'School year', 'All history', years)}
    </Stack>
  );
}
