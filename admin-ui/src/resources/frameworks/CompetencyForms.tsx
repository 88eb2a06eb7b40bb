import {
  AutocompleteInput,
  Create,
  Edit,
  maxLength,
  minValue,
  NumberInput,
  type RaRecord,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { useLocation } from 'react-router-dom';
import type { FrameworkNode } from './types';
import { NODE_KINDS } from './types';

const nodeText = (r: FrameworkNode) => (r ? `${r.code}: ${r.title}` : '');
const backToTree = (_resource?: string, id?: unknown, data?: Partial<RaRecord>) =>
  `competency-frameworks/${String(data?.frameworkId)}/show?node=${String(id ?? data?.id ?? '')}`;

function NodeInputs({ frameworkId }: { frameworkId: string | null | undefined }) {
  return (
    <>
      <ReferenceInput
        source="parentId"
        reference="competencies"
        filter={{ frameworkId }}
        sort={{ field: 'code', order: 'ASC' }}
      >
        <AutocompleteInput
          label="Parent (leave empty for a top-level node)"
          optionText={nodeText}
          filterToQuery={(q: string) => ({ q })}
          parse={(v: string) => v || null}
          fullWidth
        />
      </ReferenceInput>
      <SelectInput source="kind" choices={NODE_KINDS} validate={required()} />
      <TextInput source="code" validate={[required(), maxLength(40)]} />
      <TextInput source="title" validate={[required(), maxLength(400)]} fullWidth />
      <TextInput source="description" multiline minRows={2} fullWidth />
      <NumberInput source="position" label="Position among siblings (0 first)" validate={minValue(0)} />
    </>
  );
}

/** Reached from the framework browser, which passes the framework, the parent and the kind. */
export function CompetencyCreate() {
  const search = new URLSearchParams(useLocation().search);
  const frameworkId = search.get('frameworkId');
  return (
    <Create
      title="Add a node"
      redirect={backToTree}
      record={{ frameworkId, parentId: search.get('parentId'), kind: search.get('kind') ?? 'domain' }}
    >
      <SimpleForm>
        <NodeInputs frameworkId={frameworkId} />
      </SimpleForm>
    </Create>
  );
}

function EditForm() {
  const record = useRecordContext<FrameworkNode>();
  return (
    <SimpleForm>
      <NodeInputs frameworkId={record?.frameworkId} />
    </SimpleForm>
  );
}

export function CompetencyEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect={backToTree} title="Edit a node">
      <EditForm />
    </Edit>
  );
}
