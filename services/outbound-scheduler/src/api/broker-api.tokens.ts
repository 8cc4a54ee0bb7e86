/** The field cipher (@va/data) that seals dates of birth and member IDs of created clients. */
export const API_FIELD_CIPHER = Symbol('va:broker-api-field-cipher');
