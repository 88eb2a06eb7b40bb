import type { ComponentType } from 'react';
import { Create, Edit, SimpleForm } from 'react-admin';

/**
 * Create and edit pages that share one set of inputs. Edits are pessimistic so server validation errors
 * show beside their fields and the PUT is sent at once.
 */
export function formPages(Inputs: ComponentType) {
  const CreatePage = () => (
    <Create redirect="show">
      <SimpleForm>
        <Inputs />
      </SimpleForm>
    </Create>
  );
  const EditPage = () => (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <Inputs />
      </SimpleForm>
    </Edit>
  );
  return { create: CreatePage, edit: EditPage };
}
