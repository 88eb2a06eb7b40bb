import { ArrayInput, Create, Edit, maxLength, required, SimpleForm, SimpleFormIterator, TextInput } from 'react-admin';
import type { RubricLevel } from './types';

const DEFAULT_RUBRIC = ['Emerging', 'Developing', 'Proficient', 'Exemplary'].map((label, i) => ({
  level: i + 1,
  label,
}));

// Levels are numbered by their order in the form: the API wants 1..n.
const numberLevels = (data: Record<string, unknown>) => ({
  ...data,
  rubric: ((data.rubric as RubricLevel[] | undefined) ?? []).map((r, i) => ({ level: i + 1, label: r.label })),
});

function FrameworkInputs() {
  return (
    <>
      <TextInput source="title" validate={[required(), maxLength(300)]} fullWidth />
      <TextInput source="shortName" label="Short name" validate={[required(), maxLength(40)]} />
      <TextInput source="description" multiline minRows={2} fullWidth />
      <TextInput source="source" label="Publisher and where the full text lives" fullWidth />
      <ArrayInput
        source="rubric"
        label="Rubric levels, lowest first (2 to 20). Evidence already recorded keeps its level: a rubric cannot shrink below a level in use."
      >
        <SimpleFormIterator inline disableReordering disableClear getItemLabel={(index) => `Level ${index + 1}`}>
          <TextInput source="label" label="Label" validate={[required(), maxLength(100)]} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}

export function FrameworkCreate() {
  return (
    <Create redirect="show" transform={numberLevels} record={{ rubric: DEFAULT_RUBRIC }} title="New framework">
      <SimpleForm>
        <FrameworkInputs />
      </SimpleForm>
    </Create>
  );
}

export function FrameworkEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={numberLevels}>
      <SimpleForm>
        <FrameworkInputs />
      </SimpleForm>
    </Edit>
  );
}
