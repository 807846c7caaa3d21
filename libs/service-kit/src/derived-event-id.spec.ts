import { derivedEventId } from './derived-event-id';

describe('derivedEventId', () => {
  it('is stable for the same cause and purpose', () => {
    expect(derivedEventId('a1', 'shipment')).toBe(derivedEventId('a1', 'shipment'));
  });
  it('differs by cause and by purpose', () => {
    expect(derivedEventId('a1', 'shipment')).not.toBe(derivedEventId('a2', 'shipment'));
    expect(derivedEventId('a1', 'shipment')).not.toBe(derivedEventId('a1', 'email'));
  });
  it('is a version-5 UUID', () => {
    expect(derivedEventId('x', 'y')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
