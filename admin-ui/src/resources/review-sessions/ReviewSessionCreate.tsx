import {
  AutocompleteArrayInput,
  Create,
  DateInput,
  maxLength,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';

const userText = (u: { name: string; role: string }) => (u ? `${u.name} (${u.role})` : '');

/** Convenes a session: a role and/or a group of schools, a date, and the reviewers who know the people. */
export function ReviewSessionCreate() {
  return (
    <Create redirect="show" title="Convene a talent review">
      <SimpleForm defaultValues={{ schoolIds: [], reviewerUserIds: [] }}>
        <TextInput source="title" label="Title" validate={[required(), maxLength(200)]} fullWidth />
        <ReferenceInput source="roleId" reference="leadership-roles" sort={{ field: 'title', order: 'ASC' }}>
          <SelectInput
            optionText="title"
            label="Leadership role"
            emptyText="Every role (then choose schools)"
            parse={(v: string) => v || null}
            helperText="Whose readiness the session reviews"
          />
        </ReferenceInput>
        <ReferenceArrayInput source="schoolIds" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteArrayInput
            optionText="name"
            label="Schools"
            helperText="Only people working at these schools; leave empty for the whole district"
          />
        </ReferenceArrayInput>
        <DateInput source="meetsOn" label="Meets on" parse={(v: string) => v || null} />
        <ReferenceArrayInput
          source="reviewerUserIds"
          reference="users"
          filter={{ role: ['principal', 'coordinator'] }}
          sort={{ field: 'name', order: 'ASC' }}
        >
          <AutocompleteArrayInput
            optionText={userText}
            label="Reviewers"
            filterToQuery={(q: string) => ({ q })}
            helperText="Principals see their own schools' candidates; coordinators, the session's"
          />
        </ReferenceArrayInput>
      </SimpleForm>
    </Create>
  );
}
