import {
  Datagrid,
  List,
  maxLength,
  minValue,
  NumberField,
  NumberInput,
  regex,
  required,
  SearchInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
} from 'react-admin';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';
import { formPages } from '../forms';

function DistrictInputs() {
  return (
    <>
      <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput
        source="slug"
        label="Short name"
        validate={[required(), maxLength(60), regex(/^[a-z0-9-]+$/, 'Lower-case letters, digits and dashes')]}
      />
      <NumberInput
        source="smallCellThreshold"
        label="Small-cell threshold"
        defaultValue={10}
        validate={minValue(5)}
        helperText="Counts of people below this are hidden in reports (at least 5)"
      />
    </>
  );
}

export const DistrictList = () => (
  <List empty={<ListEmpty />} filters={[<SearchInput key="q" source="q" alwaysOn />]}>
    <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={false}>
      <RowLinkField source="name" label="Name" />
      <TextField source="slug" label="Short name" />
      <NumberField source="smallCellThreshold" label="Small-cell threshold" />
    </Datagrid>
  </List>
);

export const DistrictShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="slug" label="Short name" />
      <NumberField source="smallCellThreshold" label="Small-cell threshold" />
    </SimpleShowLayout>
  </Show>
);

export const { create: DistrictCreate, edit: DistrictEdit } = formPages(DistrictInputs);
