export const en = {
  resources: {
    schools: {
      name: 'School |||| Schools',
      fields: { name: 'Name', code: 'Code', gradeBand: 'Grade band', q: 'Search', updatedAt: 'Last changed' },
      empty: 'No schools yet. Add the schools of your district so people and positions can belong to them.',
    },
    users: {
      name: 'User |||| Users',
      fields: {
        name: 'Name',
        email: 'Email',
        role: 'Role',
        schoolIds: 'Schools led',
        active: 'Active',
        lastLoginAt: 'Last sign-in',
        q: 'Search',
        districtId: 'District',
      },
    },
    districts: {
      name: 'District |||| Districts',
      fields: { name: 'Name', slug: 'Short name', smallCellThreshold: 'Small-cell threshold', q: 'Search' },
    },
  },
};
