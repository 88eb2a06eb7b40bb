import {
  AutocompleteArrayInput,
  BooleanInput,
  Create,
  Edit,
  email,
  FormDataConsumer,
  maxLength,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useCanAccess,
  useRedirect,
} from 'react-admin';
import { session } from '../../providers/session';
import { freshLinks } from './PasswordLink';
import { ROLE_CHOICES, STAFF_ROLE_CHOICES } from './roles';

function SchoolsInput() {
  return (
    <FormDataConsumer<{ role?: string }>>
      {({ formData }) =>
        formData.role === 'principal' ? (
          <ReferenceArrayInput source="schoolIds" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteArrayInput
              optionText="name"
              label="Schools led"
              helperText="The schools this principal leads"
            />
          </ReferenceArrayInput>
        ) : null
      }
    </FormDataConsumer>
  );
}

export function UserCreate() {
  const platform = session.user()?.role === 'platform_admin';
  const redirect = useRedirect();
  return (
    <Create
      mutationOptions={{
        onSuccess: (data: { id: string; setPasswordPath?: string; setPasswordExpiresAt?: string }) => {
          if (data.setPasswordPath)
            freshLinks.set(data.id, { path: data.setPasswordPath, expiresAt: data.setPasswordExpiresAt ?? '' });
          redirect('show', 'users', data.id);
        },
      }}
      transform={(data: Record<string, unknown>) => ({
        ...data,
        schoolIds: data.role === 'principal' ? (data.schoolIds ?? []) : [],
      })}
    >
      <SimpleForm defaultValues={platform ? { role: 'hr' } : {}}>
        <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
        <TextInput source="email" type="email" validate={[required(), email()]} fullWidth />
        {platform ? (
          <ReferenceInput source="districtId" reference="districts">
            <SelectInput optionText="name" validate={required()} />
          </ReferenceInput>
        ) : null}
        <SelectInput
          source="role"
          choices={platform ? STAFF_ROLE_CHOICES.filter((r) => r.id === 'hr') : STAFF_ROLE_CHOICES}
          validate={required()}
        />
        <SchoolsInput />
      </SimpleForm>
    </Create>
  );
}

export function UserEdit() {
  const { canAccess } = useCanAccess({ resource: 'schools', action: 'list' });
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
        <TextInput source="email" type="email" validate={[required(), email()]} fullWidth />
        <SelectInput source="role" choices={ROLE_CHOICES} validate={required()} />
        {canAccess && <SchoolsInput />}
        <BooleanInput source="active" helperText="A deactivated user cannot sign in; their sessions end at once" />
      </SimpleForm>
    </Edit>
  );
}
