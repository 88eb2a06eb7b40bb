import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { Chip, Button as MuiButton } from '@mui/material';
import { useState } from 'react';
import {
  BooleanField,
  BooleanInput,
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useListContext,
  useNotify,
  useUnselectAll,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowCheckboxLabels } from '../../layout/RowCheckboxLabels';
import { RowLinkField } from '../../layout/RowLinkField';
import { TextButton } from '../../layout/TextButton';
import { useIsPhone } from '../../layout/useIsPhone';
import { apiErrorText, type ApiErrorBody } from '../../providers/errorText';
import { API_URL, httpClient } from '../../providers/httpClient';
import { session } from '../../providers/session';
import { EDUCATOR_STATUSES, LEVELS } from '../choices';
import { LoginLinksDialog, LoginResult } from './LoginLinks';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name, email, employee no." />,
  <ReferenceInput key="school" source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" label="School" />
  </ReferenceInput>,
  <SelectInput key="level" source="leadershipLevel" label="Leadership level" choices={LEVELS} />,
  <TextInput key="title" source="jobTitle" label="Job title contains" />,
  <SelectInput key="status" source="status" choices={EDUCATOR_STATUSES} />,
];

/** hr, the superintendent and principals see who said they are open to being nominated (a signal only). */
const openFilter = (
  <BooleanInput
    key="open"
    source="openToNomination"
    label="Open to nomination"
    defaultValue={true}
    helperText="Said so in their career profile"
  />
);

/** Downloads the filtered roster as CSV (same filter and sort as the list). */
function ExportCsvButton() {
  const { filterValues, sort } = useListContext();
  const notify = useNotify();
  async function download() {
    const query = new URLSearchParams({
      filter: JSON.stringify(filterValues),
      sort: JSON.stringify([sort.field, sort.order]),
    });
    const response = await fetch(`${API_URL}/educators/export?${query}`, {
      headers: { Authorization: `Bearer ${session.token()}` },
    });
    if (!response.ok)
      return notify(
        `The export failed. ${apiErrorText(response.status, (await response.json().catch(() => ({}))) as ApiErrorBody)}`,
        { type: 'error' },
      );
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'roster.csv';
    a.click();
    URL.revokeObjectURL(url);
  }
  return <TextButton label="Export CSV" onClick={download} startIcon={<DownloadIcon />} />;
}

function Actions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'educators', action: 'create' });
  const { canAccess: canImport } = useCanAccess({ resource: 'educators', action: 'import' });
  const { canAccess: canExport } = useCanAccess({ resource: 'educators', action: 'export' });
  return (
    <TopToolbar>
      <FilterButton />
      {canCreate && <CreateButton />}
      {canImport && (
        <MuiButton component={Link} to="/educators/import" size="small" startIcon={<UploadFileIcon />}>
          Import CSV
        </MuiButton>
      )}
      {canExport && <ExportCsvButton />}
    </TopToolbar>
  );
}

function GiveLoginsButton() {
  const { selectedIds } = useListContext();
  const unselect = useUnselectAll('educators');
  const notify = useNotify();
  const [results, setResults] = useState<LoginResult[] | null>(null);
  async function give() {
    try {
      const { json } = await httpClient(`${API_URL}/educators/logins`, {
        method: 'POST',
        body: JSON.stringify({ ids: selectedIds }),
      });
      setResults(json as LoginResult[]);
      unselect();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  }
  return (
    <>
      <TextButton label="Give logins" onClick={give} startIcon={<VpnKeyIcon />} />
      <LoginLinksDialog results={results} onClose={() => setResults(null)} />
    </>
  );
}

export function EducatorList() {
  const { canAccess: canLogin } = useCanAccess({ resource: 'educators', action: 'login' });
  const { canAccess: seesOpen } = useCanAccess({ resource: 'educators', action: 'open-to-nomination' });
  const phone = useIsPhone();
  return (
    <List
      empty={<ListEmpty />}
      filters={seesOpen ? [...filters, openFilter] : filters}
      sort={{ field: 'lastName', order: 'ASC' }}
      actions={<Actions />}
    >
      {canLogin && <RowCheckboxLabels />}
      <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={canLogin ? <GiveLoginsButton /> : false}>
        <RowLinkField source="lastName" label="Last name" />
        <TextField source="firstName" label="First name" />
        {!phone && <TextField source="employeeNumber" label="Employee no." />}
        <TextField source="schoolName" label="School" sortBy="schoolName" />
        {!phone && <TextField source="jobTitle" label="Job title" />}
        {!phone && <SelectField source="leadershipLevel" label="Leadership level" choices={LEVELS} emptyText="—" />}
        {!phone && <SelectField source="status" choices={EDUCATOR_STATUSES} />}
        {!phone && <BooleanField source="hasLogin" label="Login" />}
        {seesOpen && (
          <FunctionField
            source="openToNomination"
            label={phone ? 'Open' : 'Open to nomination'}
            sortable={false}
            render={(r: { openToNomination?: boolean }) =>
              r.openToNomination ? <Chip size="small" color="success" variant="outlined" label="Open" /> : null
            }
          />
        )}
      </Datagrid>
    </List>
  );
}
