/** The API's clock (a port, so tests can fix "now"): () => the current instant. */
export const API_CLOCK = Symbol('va:broker-api-clock');
export type ApiClock = () => Date;

/** The field cipher (@va/data) that seals dates of birth and member IDs of created clients. */
export const API_FIELD_CIPHER = Symbol('va:broker-api-field-cipher');
