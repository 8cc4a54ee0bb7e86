export type { FieldCipher } from './field.cipher';
export { FieldKeyring, type FieldKey, type FieldKeyringOptions } from './field.keyring';
export { parseFieldKeyring, type FieldKeyringConfig } from './field-keyring.parser';
export { generateFieldKey } from './field-key.generator';
export { FieldDecryptionError, type FieldDecryptionReason } from './field-decryption.error';
export { FieldKeyringError } from './field-keyring.error';
export { isFieldEnvelope } from './field.envelope';
export { fieldContext } from './field.context';
export { fieldKeyringShape, fieldCipherFromConfig, DEV_ONLY_FIELD_KEYRING, type FieldKeyringVariables } from './field-keyring.config';
