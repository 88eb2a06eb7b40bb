import { AutocompleteInput, Edit, ReferenceInput, SimpleForm, TextInput } from 'react-admin';

const educatorText = (r: { firstName: string; lastName: string; jobTitle?: string }) =>
  r ? `${r.firstName} ${r.lastName}${r.jobTitle ? ` — ${r.jobTitle}` : ''}` : '';

/** Mentor and notes only: the stage moves from the candidate page. */
export function CandidateEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <ReferenceInput source="mentorEducatorId" reference="educators" sort={{ field: 'lastName', order: 'ASC' }}>
          <AutocompleteInput
            label="Mentor"
            optionText={educatorText}
            filterToQuery={(q: string) => ({ q })}
            parse={(v: string) => v || null}
          />
        </ReferenceInput>
        <TextInput source="notes" multiline minRows={4} fullWidth />
      </SimpleForm>
    </Edit>
  );
}
