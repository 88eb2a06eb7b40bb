import { maxLength, required, SelectInput, TextInput } from 'react-admin';
import { formPages } from '../forms';
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

export const { create: SchoolCreate, edit: SchoolEdit } = formPages(SchoolInputs, { deletable: true });
