import type { ComponentType } from 'react';
import { Create, DeleteButton, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';

/** Save, and a delete that waits for the server (it may answer 409 with the alternative). */
function DeletableToolbar() {
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      <DeleteButton mutationMode="pessimistic" />
    </Toolbar>
  );
}

/**
 * Create and edit pages that share one set of inputs. Edits are pessimistic so server validation errors
 * show beside their fields and the PUT is sent at once; `deletable` adds a delete button to the edit page.
 */
export function formPages(Inputs: ComponentType, options: { deletable?: boolean } = {}) {
  const CreatePage = () => (
    <Create redirect="show">
      <SimpleForm>
        <Inputs />
      </SimpleForm>
    </Create>
  );
  const EditPage = () => (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm toolbar={options.deletable ? <DeletableToolbar /> : undefined}>
        <Inputs />
      </SimpleForm>
    </Edit>
  );
  return { create: CreatePage, edit: EditPage };
}
