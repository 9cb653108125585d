import { ExportSlots } from './export-slots';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe(ExportSlots.name, () => {
  it('lets one through at a time, the others in the order they came', async () => {
    const slots = new ExportSlots(1, 60_000);
    const order: string[] = [];
    const first = await slots.take();
    const second = slots.take().then((release) => (order.push('second'), release));
    const third = slots.take().then((release) => (order.push('third'), release));
    await tick();
    expect(order).toEqual([]);
    expect(slots.state()).toEqual({ busy: 1, waiting: 2 });
    first();
    first(); // a second release gives nothing more back
    const releaseSecond = await second;
    await tick();
    expect(order).toEqual(['second']);
    expect(slots.state()).toEqual({ busy: 1, waiting: 1 });
    releaseSecond();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(slots.state()).toEqual({ busy: 0, waiting: 0 });
  });

  it('lets a request go ahead once it has waited long enough, without taking a slot', async () => {
    jest.useFakeTimers();
    try {
      const slots = new ExportSlots(1, 1_000);
      const first = await slots.take();
      let late: (() => void) | undefined;
      void slots.take().then((release) => (late = release));
      await jest.advanceTimersByTimeAsync(999);
      expect(late).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1);
      expect(late).toBeDefined();
      expect(slots.state()).toEqual({ busy: 1, waiting: 0 });
      late?.(); // held no slot: gives none back
      expect(slots.state()).toEqual({ busy: 1, waiting: 0 });
      first();
      expect(slots.state()).toEqual({ busy: 0, waiting: 0 });
    } finally {
      jest.useRealTimers();
    }
  });
});
