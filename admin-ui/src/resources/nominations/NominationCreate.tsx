import {
  AutocompleteInput,
  Create,
  minLength,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';

const educatorText = (r: { firstName: string; lastName: string; jobTitle?: string; schoolName?: string | null }) =>
  r
    ? `${r.firstName} ${r.lastName}${r.jobTitle ? ` — ${r.jobTitle}` : ''}${r.schoolName ? `, ${r.schoolName}` : ''}`
    : '';

/** Reached from the menu or an educator's page (which pre-fills the nominee). */
export function NominationCreate() {
  return (
    <Create redirect="show" title="Nominate an emerging leader">
      <SimpleForm>
        <ReferenceInput
          source="educatorId"
          reference="educators"
          sort={{ field: 'lastName', order: 'ASC' }}
          filter={{ status: 'active' }}
        >
          <AutocompleteInput
            label="Who are you nominating?"
            optionText={educatorText}
            filterToQuery={(q: string) => ({ q })}
            validate={required()}
            fullWidth
          />
        </ReferenceInput>
        <ReferenceInput source="targetRoleId" reference="leadership-roles" sort={{ field: 'title', order: 'ASC' }}>
          <SelectInput label="For which leadership role?" optionText="title" validate={required()} />
        </ReferenceInput>
        <TextInput
          source="rationale"
          label="Why this person? (the nominee sees this once approved)"
          multiline
          minRows={4}
          fullWidth
          validate={[required(), minLength(20, 'Say a little more: at least 20 characters')]}
        />
        <TextInput
          source="privateNote"
          label="Private note for HR (optional; the nominee never sees it)"
          multiline
          minRows={2}
          fullWidth
          parse={(v: string) => v || null}
        />
      </SimpleForm>
    </Create>
  );
}
