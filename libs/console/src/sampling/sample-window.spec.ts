import { SampleWindow } from './sample-window';

describe('SampleWindow', () => {
  it('keeps the samples of the last window, oldest first', () => {
    const window = new SampleWindow<number>(60_000);
    for (const at of [0, 20_000, 40_000, 70_000, 90_000]) window.add(at, at / 1000);
    expect(window.read(90_000).map((s) => s.value)).toEqual([40, 70, 90]);
  });

  it('forgets everything once the window has passed without samples', () => {
    const window = new SampleWindow<string>(1_000);
    window.add(0, 'a');
    expect(window.read(5_000)).toEqual([]);
  });

  it('keeps at most its capacity, dropping the oldest', () => {
    const window = new SampleWindow<number>(1_000_000, 3);
    for (let at = 0; at < 10; at += 1) window.add(at, at);
    expect(window.read(10).map((s) => s.value)).toEqual([7, 8, 9]);
  });

  it('does not reorder the series when the clock steps back', () => {
    const window = new SampleWindow<number>(60_000);
    window.add(10_000, 1);
    window.add(5_000, 2);
    expect(window.read(10_000).map((s) => s.at)).toEqual([10_000, 10_000]);
  });

  it('refuses a window without length', () => {
    expect(() => new SampleWindow(0)).toThrow(RangeError);
  });
});
