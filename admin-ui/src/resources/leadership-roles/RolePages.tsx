import { Box } from '@mui/material';
import {
  BooleanField,
  BooleanInput,
  Datagrid,
  List,
  maxLength,
  NumberField,
  NumberInput,
  required,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
} from 'react-admin';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';
import { LEVELS } from '../choices';
import { formPages } from '../forms';
import { RoleTargets } from './RoleTargets';

function RoleInputs() {
  return (
    <>
      <TextInput source="title" validate={[required(), maxLength(120)]} fullWidth />
      <SelectInput source="level" choices={LEVELS} validate={required()} />
      <TextInput source="description" multiline minRows={2} fullWidth />
      <BooleanInput
        source="requiresLicence"
        label="Requires a licence"
        helperText="Placing someone without a verified, current licence then warns"
      />
      <NumberInput
        source="internshipHoursTarget"
        label="Internship hours expected"
        helperText="Hours a candidate logs on assignments (e.g. a residency); empty: no target"
        min={1}
        max={5000}
      />
      <NumberInput
        source="mentoringHoursTarget"
        label="Mentoring hours expected"
        helperText="Hours of mentoring sessions; empty: no target"
        min={1}
        max={1000}
      />
    </>
  );
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search titles" />,
  <SelectInput key="level" source="level" choices={LEVELS} />,
];

export const RoleList = () => (
  <List empty={<ListEmpty />} filters={filters} sort={{ field: 'title', order: 'ASC' }}>
    <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={false}>
      <RowLinkField source="title" label="Title" />
      <SelectField source="level" choices={LEVELS} />
      <TextField source="description" />
    </Datagrid>
  </List>
);

export const RoleShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="title" />
      <SelectField source="level" choices={LEVELS} />
      <TextField source="description" />
      <BooleanField source="requiresLicence" label="Requires a licence" />
      <NumberField source="internshipHoursTarget" label="Internship hours expected" emptyText="No target" />
      <NumberField source="mentoringHoursTarget" label="Mentoring hours expected" emptyText="No target" />
    </SimpleShowLayout>
    <Box sx={{ px: 2, pb: 2 }}>
      <RoleTargets />
    </Box>
  </Show>
);

export const { create: RoleCreate, edit: RoleEdit } = formPages(RoleInputs);
