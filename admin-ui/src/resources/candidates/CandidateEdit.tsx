import { Edit, SimpleForm, TextInput } from 'react-admin';

/** Notes only: the stage moves from the candidate page, and a mentor is asked from the plan tab. */
export function CandidateEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <TextInput source="notes" multiline minRows={4} fullWidth />
      </SimpleForm>
    </Edit>
  );
}
