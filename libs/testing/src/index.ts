export { uniqueName } from './unique-names';
export { TestTopics, testBrokers, testKafka } from './test-kafka';
