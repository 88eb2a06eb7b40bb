import {
  BooleanField,
  BooleanInput,
  Datagrid,
  DateField,
  EmailField,
  List,
  SearchInput,
  SelectField,
  SelectInput,
} from 'react-admin';
import { RowLinkField } from '../../layout/RowLinkField';
import { ROLE_CHOICES } from './roles';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" />,
  <SelectInput key="role" source="role" choices={ROLE_CHOICES} />,
  <BooleanInput key="active" source="active" label="Active" />,
];

export function UserList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <RowLinkField source="name" label="Name" />
        <EmailField source="email" />
        <SelectField source="role" choices={ROLE_CHOICES} />
        <BooleanField source="active" />
        <DateField source="lastLoginAt" label="Last sign-in" emptyText="never" />
      </Datagrid>
    </List>
  );
}
