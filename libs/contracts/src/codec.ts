import { create, fromBinary, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { topics, type MessageOf, type SchemaOf, type TopicName } from './topics';

export type MessageInit<T extends TopicName> = MessageInitShape<SchemaOf<T>>;

export function createMessage<T extends TopicName>(name: T, init: MessageInit<T>): MessageOf<T> {
  return create(topics[name].schema as SchemaOf<T>, init as never) as MessageOf<T>;
}

export function encodeMessage<T extends TopicName>(name: T, message: MessageOf<T>): Uint8Array {
  return toBinary(topics[name].schema as SchemaOf<T>, message as never);
}

/** Throws when the bytes are not a valid message of the topic's type. */
export function decodeMessage<T extends TopicName>(name: T, bytes: Uint8Array): MessageOf<T> {
  return fromBinary(topics[name].schema as SchemaOf<T>, bytes) as MessageOf<T>;
}

export function keyOf<T extends TopicName>(name: T, message: MessageOf<T>): string {
  return (topics[name].key as (m: MessageOf<T>) => string)(message);
}
