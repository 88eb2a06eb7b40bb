import { BooleanField, Datagrid, FunctionField, List, SearchInput, TextField } from 'react-admin';
import { ListEmpty } from '../../layout/ListEmpty';

interface Mentor {
  id: string;
  capacity: number;
  taken: number;
  level: string;
}
const LEVELS: Record<string, string> = { classroom: 'Classroom', school: 'School', district: 'District' };

/** The district's mentors and their room; hr marks mentors on the educator's page. */
export function MentorList() {
  return (
    <List
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      sort={{ field: 'lastName', order: 'ASC' }}
      empty={<ListEmpty />}
    >
      <Datagrid rowClick={(id) => `/educators/${id}/show`} bulkActionButtons={false}>
        <FunctionField
          label="Name"
          sortBy="lastName"
          render={(m: { firstName: string; lastName: string }) => `${m.firstName} ${m.lastName}`}
        />
        <TextField source="jobTitle" label="Title" emptyText="—" sortable={false} />
        <TextField source="schoolName" label="School" emptyText="District office" sortable={false} />
        <FunctionField label="Level" sortable={false} render={(m: Mentor) => LEVELS[m.level] ?? m.level} />
        <FunctionField label="Mentees" sortBy="taken" render={(m: Mentor) => `${m.taken} of ${m.capacity}`} />
        <BooleanField source="active" label="Taking mentees" sortable={false} />
      </Datagrid>
    </List>
  );
}
