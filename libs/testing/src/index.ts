export { uniqueName } from './unique-names';
export { TestTopics, testBrokers, testKafka } from './test-kafka';
export { startSchemaRegistry, deleteSchemaTopics, type SchemaRegistryProcess, type StartSchemaRegistryOptions } from './schema-registry-process';
