import { ApiRequestError, codeOf, errorFromBody, messageOf } from './api-error';

describe('API errors as the pages show them', () => {
  it("takes the server's code, sentence and detail", () => {
    const error = errorFromBody(409, { error: { code: 'GROUP_ACTIVE', message: 'the group has 2 active members', detail: { members: ['a', 'b'] } } }, 'Conflict');
    expect(error).toBeInstanceOf(ApiRequestError);
    expect([error.status, error.code, error.message, error.detail]).toEqual([409, 'GROUP_ACTIVE', 'the group has 2 active members', { members: ['a', 'b'] }]);
  });

  it.each([null, 'Bad Gateway', { message: 'no code' }, { error: { code: 1 } }])('says the status for a body that is not the API shape (%j)', (body) => {
    expect(errorFromBody(502, body, 'Bad Gateway')).toMatchObject({ code: 'BAD_ANSWER', message: 'The console answered 502 Bad Gateway' });
  });

  it("reads a job's plain ApiError too", () => {
    expect(codeOf({ code: 'UNKNOWN_TOPIC', message: 'no topic x' })).toBe('UNKNOWN_TOPIC');
    expect(messageOf({ code: 'UNKNOWN_TOPIC', message: 'no topic x' })).toBe('no topic x');
    expect(codeOf(new Error('plain'))).toBeNull();
  });
});
