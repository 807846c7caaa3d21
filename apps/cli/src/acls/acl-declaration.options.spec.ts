import { aclDeclarationOptions } from './acl-declaration.options';

describe('aclDeclarationOptions', () => {
  it.each<[string, { prefix?: string }, Record<string, string>, object]>([
    ['nothing set: the catalog names', {}, {}, { topicPrefix: '', groupIds: { fulfillmentWorker: undefined, notificationsWorker: undefined }, schemasTopic: undefined }],
    ['the apps’ prefix variable', {}, { EVENTLINE_TOPIC_PREFIX: 'staging.' }, { topicPrefix: 'staging.' }],
    ['--prefix over the variable', { prefix: 'run-7.' }, { EVENTLINE_TOPIC_PREFIX: 'staging.' }, { topicPrefix: 'run-7.' }],
    ['an empty --prefix over the variable', { prefix: '' }, { EVENTLINE_TOPIC_PREFIX: 'staging.' }, { topicPrefix: '' }],
    [
      'the workers’ group ids and the registry topic, as the apps read them',
      {},
      { FULFILLMENT_GROUP_ID: 'ff-blue', NOTIFICATIONS_GROUP_ID: 'nt-blue', SCHEMA_REGISTRY_TOPIC: 'team._schemas' },
      { groupIds: { fulfillmentWorker: 'ff-blue', notificationsWorker: 'nt-blue' }, schemasTopic: 'team._schemas' },
    ],
    ['empty variables: the defaults (as the apps do)', {}, { FULFILLMENT_GROUP_ID: '', SCHEMA_REGISTRY_TOPIC: ' ' }, { groupIds: { fulfillmentWorker: undefined, notificationsWorker: undefined }, schemasTopic: undefined }],
  ])('%s', (_case, flags, env, expected) => {
    expect(aclDeclarationOptions(flags, env)).toMatchObject(expected);
  });

  it.each([
    [{ prefix: 'my prefix' }, {}, '--prefix "my prefix" cannot start a topic name'],
    [{}, { EVENTLINE_TOPIC_PREFIX: 'a/b' }, 'EVENTLINE_TOPIC_PREFIX "a/b" cannot start a topic name'],
  ])('refuses a prefix no topic name can start with (%j %j)', (flags, env, message) => {
    expect(() => aclDeclarationOptions(flags, env)).toThrow(expect.objectContaining({ code: 'CLI_BAD_ARGUMENT', message: expect.stringContaining(message) }));
  });
});
