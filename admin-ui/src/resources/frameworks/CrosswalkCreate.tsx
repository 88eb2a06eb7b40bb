import { Typography } from '@mui/material';
import { AutocompleteInput, Create, ReferenceInput, required, SelectInput, SimpleForm, useGetOne } from 'react-admin';
import { useLocation } from 'react-router-dom';
import type { FrameworkNode } from './types';
import { LINK_KINDS } from './types';

const nodeText = (r: FrameworkNode) => (r ? `${r.frameworkShortName} ${r.code}: ${r.title}` : '');

/** Links a node of the district's framework to a node of another framework (reached from the browser). */
export function CrosswalkCreate() {
  const search = new URLSearchParams(useLocation().search);
  const fromId = search.get('fromId');
  const frameworkId = search.get('frameworkId');
  const { data: from } = useGetOne<FrameworkNode>('competencies', { id: fromId ?? '' }, { enabled: !!fromId });
  return (
    <Create
      title="Add a crosswalk link"
      redirect={() => `competency-frameworks/${frameworkId}/show?node=${fromId}`}
      record={{ fromId, kind: 'exact' }}
    >
      <SimpleForm>
        <Typography>From: {from ? nodeText(from) : '…'}</Typography>
        <ReferenceInput source="toId" reference="competencies" sort={{ field: 'code', order: 'ASC' }}>
          <AutocompleteInput
            label="Linked node (any framework you use)"
            optionText={nodeText}
            filterToQuery={(q: string) => ({ q })}
            validate={required()}
            fullWidth
          />
        </ReferenceInput>
        <SelectInput source="kind" choices={LINK_KINDS} validate={required()} />
      </SimpleForm>
    </Create>
  );
}
