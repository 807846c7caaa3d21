export { uniqueName } from './unique-names';
export { TestTopics, testBrokers, testKafka } from './test-kafka';
export { startSchemaRegistry, deleteSchemaTopics, type SchemaRegistryProcess, type StartSchemaRegistryOptions } from './schema-registry-process';
export { launchBrowser, openPage, type LaunchBrowserOptions, type OpenedPage } from './browser/browser';
export { chromiumPath, chromiumArgs, ChromiumMissingError, DEFAULT_CHROMIUM_PATH } from './browser/chromium-path';
