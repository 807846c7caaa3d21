import { filterKafkaJsTimeoutWarning } from './kafkajs-timeout-warning.filter';

describe('the kafkajs negative-timeout warning filter', () => {
  it('drops TimeoutNegativeWarning and passes every other warning on', () => {
    const seen: string[] = [];
    const before = process.listeners('warning');
    process.removeAllListeners('warning');
    process.on('warning', (w) => seen.push(w.name));
    try {
      filterKafkaJsTimeoutWarning();
      process.emit('warning', Object.assign(new Error('-1796127073153 is a negative number.'), { name: 'TimeoutNegativeWarning' }));
      process.emit('warning', Object.assign(new Error('something else'), { name: 'DeprecationWarning' }));
      expect(seen).toEqual(['DeprecationWarning']);
    } finally {
      process.removeAllListeners('warning');
      for (const listener of before) process.on('warning', listener);
    }
  });
});
