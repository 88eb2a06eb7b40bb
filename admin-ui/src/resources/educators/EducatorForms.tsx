import {
  DateInput,
  email,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { EDUCATOR_STATUSES, GENDERS, LEVELS, RACE_ETHNICITIES } from '../choices';
import { formPages } from '../forms';

function EducatorInputs() {
  return (
    <>
      <TextInput source="employeeNumber" label="Employee number" validate={[required(), maxLength(40)]} />
      <TextInput source="firstName" label="First name" validate={[required(), maxLength(100)]} />
      <TextInput source="lastName" label="Last name" validate={[required(), maxLength(100)]} />
      <TextInput source="email" type="email" validate={email()} parse={(v: string) => v || null} />
      <ReferenceInput source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
        <SelectInput
          optionText="name"
          label="School"
          emptyText="District office"
          parse={(v: string) => v || null}
          helperText="A transfer is an edit of the school"
        />
      </ReferenceInput>
      <TextInput source="jobTitle" label="Job title" validate={[required(), maxLength(120)]} />
      <SelectInput
        source="leadershipLevel"
        label="Current leadership level"
        choices={LEVELS}
        emptyText="None"
        parse={(v: string) => v || null}
      />
      <NumberInput source="yearsInEducation" label="Years in education" validate={[minValue(0), maxValue(70)]} />
      <NumberInput
        source="retirementEligibleYear"
        label="Retirement-eligible year"
        validate={[minValue(1950), maxValue(2100)]}
        helperText="Used when birth year or service start is missing; seen by hr and the superintendent only"
      />
      <NumberInput
        source="birthYear"
        label="Birth year"
        validate={[minValue(1900), maxValue(2100)]}
        helperText="With the service start and the district's pension rules, gives the retirement-eligible year"
      />
      <DateInput source="serviceStartOn" label="Service start" parse={(v: string) => v || null} />
      <SelectInput
        source="status"
        choices={EDUCATOR_STATUSES}
        defaultValue="active"
        helperText="Leavers become inactive; their login stops working"
      />
      <SelectInput
        source="gender"
        label="Gender (self-reported)"
        choices={GENDERS}
        emptyText="Not recorded"
        parse={(v: string) => v || null}
      />
      <SelectInput
        source="raceEthnicity"
        label="Race/ethnicity (self-reported)"
        choices={RACE_ETHNICITIES}
        emptyText="Not recorded"
        parse={(v: string) => v || null}
      />
    </>
  );
}

export const { create: EducatorCreate, edit: EducatorEdit } = formPages(EducatorInputs);
