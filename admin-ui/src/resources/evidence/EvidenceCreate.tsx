import {
  AutocompleteInput,
  Create,
  DateInput,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { useLocation } from 'react-router-dom';
import { session } from '../../providers/session';
import { EVIDENCE_SOURCES } from '../choices';

const nodeText = (r: { code: string; title: string; frameworkShortName: string }) =>
  r ? `${r.frameworkShortName} ${r.code}: ${r.title}` : '';

/** Reached from a candidate's page, which pre-fills the candidate; returns there after saving. */
export function EvidenceCreate() {
  const location = useLocation();
  const candidateId =
    (location.state as { record?: { candidateId?: string } } | null)?.record?.candidateId ??
    new URLSearchParams(location.search).get('candidateId');
  const educator = session.user()?.role === 'educator';
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Create
      title="Add evidence"
      redirect={() => (candidateId ? `candidates/${candidateId}/show/profile` : '')}
      record={{ candidateId, source: educator ? 'self_reflection' : 'observation', observedOn: today }}
    >
      <SimpleForm>
        <ReferenceInput source="competencyId" reference="competencies" sort={{ field: 'code', order: 'ASC' }}>
          <AutocompleteInput
            label="Competency or indicator"
            optionText={nodeText}
            filterToQuery={(q: string) => ({ q })}
            validate={required()}
            fullWidth
          />
        </ReferenceInput>
        <NumberInput
          source="level"
          label="Rubric level (1 Emerging … 4 Exemplary on the default rubric)"
          validate={[required(), minValue(1), maxValue(20)]}
        />
        <SelectInput
          source="source"
          choices={educator ? EVIDENCE_SOURCES.filter((s) => s.id === 'self_reflection') : EVIDENCE_SOURCES}
          validate={required()}
        />
        <DateInput source="observedOn" label="Observed on" validate={required()} />
        <TextInput source="note" label="What you saw" multiline minRows={3} fullWidth />
        <TextInput source="link" label="Link to an artifact (optional)" fullWidth parse={(v: string) => v || null} />
      </SimpleForm>
    </Create>
  );
}
