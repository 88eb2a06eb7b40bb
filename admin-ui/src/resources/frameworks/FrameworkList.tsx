import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';
import { useIsPhone } from '../../layout/useIsPhone';
import { FrameworkBadge } from './FrameworkBadge';
import type { Framework } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search titles" />,
  <SelectInput
    key="reference"
    source="reference"
    label="Kind"
    choices={[
      { id: true, name: 'Reference' },
      { id: false, name: 'Our district' },
    ]}
  />,
];

function Actions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'competency-frameworks', action: 'create' });
  const { canAccess: canImport } = useCanAccess({ resource: 'competency-frameworks', action: 'import' });
  return (
    <TopToolbar>
      <FilterButton />
      {canCreate && <CreateButton label="New framework" />}
      {canImport && (
        <Button component={Link} to="/competency-frameworks/import" size="small" startIcon={<UploadFileIcon />}>
          Import a framework file
        </Button>
      )}
    </TopToolbar>
  );
}

/** The shared reference frameworks and the district's own, each opening its browser (tree, rubric, crosswalk). */
export function FrameworkList() {
  const phone = useIsPhone();
  return (
    <List empty={<ListEmpty />} filters={filters} actions={<Actions />} sort={{ field: 'title', order: 'ASC' }}>
      <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={false}>
        <RowLinkField source="title" label="Title" />
        {!phone && <TextField source="shortName" label="Short name" />}
        <FunctionField<Framework>
          label="Kind"
          sortable={false}
          render={(r) => <FrameworkBadge reference={r.reference} />}
        />
        {!phone && <NumberField source="nodeCount" label="Nodes" sortable={false} />}
        {!phone && (
          <FunctionField<Framework>
            label="Rubric"
            sortable={false}
            render={(r) => `${r.rubric.length} levels: ${r.rubric.map((l) => l.label).join(', ')}`}
          />
        )}
      </Datagrid>
    </List>
  );
}
