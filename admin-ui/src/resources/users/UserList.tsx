import {
  BooleanField,
  BooleanInput,
  Datagrid,
  EmailField,
  List,
  SearchInput,
  SelectField,
  SelectInput,
} from 'react-admin';
import { DayField } from '../../layout/dates';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';
import { useIsPhone } from '../../layout/useIsPhone';
import { ROLE_CHOICES } from './roles';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" />,
  <SelectInput key="role" source="role" choices={ROLE_CHOICES} />,
  <BooleanInput key="active" source="active" label="Active" />,
];

export function UserList() {
  const phone = useIsPhone();
  return (
    <List empty={<ListEmpty />} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={false}>
        <RowLinkField source="name" label="Name" />
        {!phone && <EmailField source="email" />}
        <SelectField source="role" choices={ROLE_CHOICES} />
        {!phone && <BooleanField source="active" />}
        {!phone && <DayField source="lastLoginAt" label="Last sign-in" emptyText="never" />}
      </Datagrid>
    </List>
  );
}
