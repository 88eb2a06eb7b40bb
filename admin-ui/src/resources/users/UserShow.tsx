import {
  BooleanField,
  ChipField,
  EditButton,
  EmailField,
  ReferenceArrayField,
  SelectField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { DayField } from '../../layout/dates';
import { PasswordLink } from './PasswordLink';
import { ROLE_CHOICES } from './roles';
import { SignInLinks } from './SignInLinks';

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit' });
  return <TopToolbar>{canAccess && <EditButton />}</TopToolbar>;
}

export function UserShow() {
  const { canAccess: canManage } = useCanAccess({ resource: 'users', action: 'edit' });
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <EmailField source="email" />
        <SelectField source="role" choices={ROLE_CHOICES} />
        <ReferenceArrayField source="schoolIds" reference="schools" label="Schools led">
          <SingleFieldList linkType={false}>
            <ChipField source="name" />
          </SingleFieldList>
        </ReferenceArrayField>
        <BooleanField source="active" />
        <DayField source="lastLoginAt" showTime label="Last sign-in" emptyText="never" />
        {canManage && <PasswordLink />}
        <SignInLinks canManage={!!canManage} />
      </SimpleShowLayout>
    </Show>
  );
}
