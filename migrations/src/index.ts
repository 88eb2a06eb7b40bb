import { InitialSchema1795691815524 } from './1795691815524-InitialSchema.js';

// The ordered list of migrations. `npm run db:migration:generate -- Name` rewrites it.
export const migrations: (new () => object)[] = [InitialSchema1795691815524];
