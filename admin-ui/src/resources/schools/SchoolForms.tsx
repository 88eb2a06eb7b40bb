import {
  Create,
  DeleteButton,
  Edit,
  maxLength,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
} from 'react-admin';
import { GRADE_BANDS } from './gradeBands';

/** Shared by create and edit; the server validates too and its messages show beside the field. */
function SchoolInputs() {
  return (
    <>
      <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput
        source="code"
        validate={[required(), maxLength(20)]}
        helperText="The district's own code for the school, unique in the district"
      />
      <SelectInput source="gradeBand" choices={GRADE_BANDS} validate={required()} />
    </>
  );
}

function EditToolbar() {
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      <DeleteButton mutationMode="pessimistic" />
    </Toolbar>
  );
}

export function SchoolCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <SchoolInputs />
      </SimpleForm>
    </Create>
  );
}

export function SchoolEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm toolbar={<EditToolbar />}>
        <SchoolInputs />
      </SimpleForm>
    </Edit>
  );
}
