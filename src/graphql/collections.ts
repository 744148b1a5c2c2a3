/** Read-model collections the API reads (named after their projections). */
export const CASE_SUMMARY = 'case-summary';
export const PATIENT_SUMMARY = 'patient-summary';
