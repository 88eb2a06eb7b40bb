import { Box, Typography } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  EmptyClasses,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { DayField } from '../../layout/dates';
import { RowLinkField } from '../../layout/RowLinkField';
import { GRADE_BANDS } from './gradeBands';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or code" />,
  <SelectInput key="gb" source="gradeBand" label="Grade band" choices={GRADE_BANDS} />,
];

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'schools', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton />}</TopToolbar>;
}

function Empty() {
  const { canAccess } = useCanAccess({ resource: 'schools', action: 'create' });
  return (
    <Box className={EmptyClasses.message} sx={{ textAlign: 'center', mt: 4 }}>
      <Typography variant="h6" component="p">
        No schools yet
      </Typography>
      <Typography>
        {canAccess
          ? 'Add the schools of your district so people and positions can belong to them.'
          : 'Your HR office has not added schools yet.'}
      </Typography>
      {canAccess && <CreateButton sx={{ mt: 2 }} />}
    </Box>
  );
}

export function SchoolList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} actions={<Actions />} empty={<Empty />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <RowLinkField source="name" label="Name" />
        <TextField source="code" />
        <SelectField source="gradeBand" choices={GRADE_BANDS} />
        <DayField source="updatedAt" label="Last changed" />
      </Datagrid>
    </List>
  );
}
