import {
  DateField,
  EditButton,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
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
        <DateField source="createdAt" showTime label="Created" />
        <DateField source="updatedAt" showTime label="Last changed" />
      </SimpleShowLayout>
    </Show>
  );
}
