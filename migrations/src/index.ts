import { InitialSchema1795691270838 } from './1795691270838-InitialSchema.js';
// The ordered list of migrations. `npm run db:migration:generate -- Name` appends to it.
export const migrations: (new () => object)[] = [InitialSchema1795691270838];
