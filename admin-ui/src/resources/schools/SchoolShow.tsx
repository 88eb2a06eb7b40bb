import { EditButton, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess } from 'react-admin';
import { DayField } from '../../layout/dates';
import { GRADE_BANDS } from './gradeBands';

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'schools', action: 'edit' });
  return <TopToolbar>{canAccess && <EditButton />}</TopToolbar>;
}

export function SchoolShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="code" />
        <SelectField source="gradeBand" choices={GRADE_BANDS} />
        <DayField source="createdAt" showTime label="Created" />
        <DayField source="updatedAt" showTime label="Last changed" />
      </SimpleShowLayout>
    </Show>
  );
}
