import { AutocompleteInput, DateInput, maxLength, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { formPages } from '../forms';

const educatorText = (r: { firstName: string; lastName: string; jobTitle?: string }) =>
  r ? `${r.firstName} ${r.lastName}${r.jobTitle ? ` — ${r.jobTitle}` : ''}` : '';

/** Shared by create and edit; the server checks the rest (one seat per person, status, dates). */
function PositionInputs() {
  return (
    <>
      <ReferenceInput source="roleId" reference="leadership-roles" sort={{ field: 'title', order: 'ASC' }}>
        <SelectInput optionText="title" label="Leadership role" validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
        <SelectInput
          optionText="name"
          label="School"
          emptyText="District office"
          parse={(v: string) => v || null}
          helperText="Leave empty for a district-office seat"
        />
      </ReferenceInput>
      <TextInput
        source="title"
        label="Seat title"
        validate={maxLength(200)}
        helperText="Leave empty for “Role, School”"
        fullWidth
      />
      <ReferenceInput
        source="incumbentEducatorId"
        reference="educators"
        sort={{ field: 'lastName', order: 'ASC' }}
        filter={{ status: 'active' }}
      >
        <AutocompleteInput
          label="Incumbent (empty: vacant)"
          optionText={educatorText}
          filterToQuery={(q: string) => ({ q })}
          parse={(v: string) => v || null}
        />
      </ReferenceInput>
      <DateInput
        source="projectedVacancyOn"
        label="Projected vacancy"
        parse={(v: string) => v || null}
        helperText="A known departure date of the incumbent; otherwise their retirement-eligible year counts"
      />
    </>
  );
}

export const { create: PositionCreate, edit: PositionEdit } = formPages(PositionInputs, { deletable: true });
