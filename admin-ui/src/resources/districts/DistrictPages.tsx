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
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';
import { IdentityProviderSection } from '../../pages/IdentityProviderSection';
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

/** The district's sign-in, which the platform administrator may set up for it (hr does it from District settings). */
function SignInSection() {
  const record = useRecordContext<{ id: string }>();
  const { canAccess } = useCanAccess({ resource: 'identity-provider', action: 'edit' });
  if (!record || !canAccess) return null;
  return <IdentityProviderSection districtId={record.id} />;
}

export const DistrictShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="slug" label="Short name" />
      <NumberField source="smallCellThreshold" label="Small-cell threshold" />
      <SignInSection />
    </SimpleShowLayout>
  </Show>
);

export const { create: DistrictCreate, edit: DistrictEdit } = formPages(DistrictInputs);
