export const GRADE_BANDS = [
  { id: 'elementary', name: 'Elementary' },
  { id: 'middle', name: 'Middle' },
  { id: 'high', name: 'High' },
  { id: 'k8', name: 'K-8' },
  { id: 'k12', name: 'K-12' },
  { id: 'other', name: 'Other' },
];
