import { LoginThrottle } from './login-throttle';
import { SessionStore } from './session-store';

describe('the sign-in throttle', () => {
  it('lets five failures pass, then doubles the wait, and a success clears it', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 5; i++) {
      expect(throttle.waitMs('10.0.0.1')).toBe(0);
      throttle.failed('10.0.0.1');
    }
    expect(throttle.waitMs('10.0.0.1')).toBe(1000);
    throttle.failed('10.0.0.1');
    expect(throttle.waitMs('10.0.0.1')).toBe(2000);
    expect(throttle.waitMs('10.0.0.2')).toBe(0);
    now += 2000;
    expect(throttle.waitMs('10.0.0.1')).toBe(0);
    throttle.succeeded('10.0.0.1');
    throttle.failed('10.0.0.1');
    expect(throttle.waitMs('10.0.0.1')).toBe(0);
  });
});

describe('the session store', () => {
  it('forgets a session at its expiry and on delete', () => {
    let now = 0;
    const sessions = new SessionStore(1000, () => now);
    const session = sessions.create({ name: 'ada', role: 'operator', authMode: 'users', via: 'session' });
    expect(session.id).not.toBe(session.csrfToken);
    expect(sessions.get(session.id)).toBe(session);
    now = 999;
    expect(sessions.get(session.id)).toBe(session);
    now = 1000;
    expect(sessions.get(session.id)).toBeUndefined();
    const other = sessions.create({ name: 'ada', role: 'operator', authMode: 'users', via: 'session' });
    sessions.delete(other.id);
    expect(sessions.get(other.id)).toBeUndefined();
  });
});
