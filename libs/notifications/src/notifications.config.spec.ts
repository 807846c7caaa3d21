import { notificationsConfig } from './notifications.config';

describe('notifications worker settings', () => {
  it('listens on 3201 alone, the same port npm start gives its first instance', () => {
    expect(notificationsConfig({})).toMatchObject({ port: 3201, groupId: 'notifications-worker' });
  });
});
