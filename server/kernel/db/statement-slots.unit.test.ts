import { describe, expect, it } from 'vitest';
import { Slots } from './statement-slots.ts';

/** A task that runs until it is let go, noting how many tasks run alongside it. */
function gatedTasks() {
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const gates: Array<() => void> = [];
  const task =
    (id: number, fail = false) =>
    async () => {
      running += 1;
      most = Math.max(most, running);
      started.push(id);
      await new Promise<void>((resolve) => gates.push(resolve));
      running -= 1;
      if (fail) throw new Error(`task ${id} failed`);
      return id;
    };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { task, started, gates, settle, most: () => most };
}

describe('Slots', () => {
  it('runs at most its size at once, the others in the order they came', async () => {
    const slots = new Slots(2);
    const { task, started, gates, settle, most } = gatedTasks();
    const results = [1, 2, 3, 4, 5].map((id) => slots.run(task(id)));
    await settle();
    expect(started).toEqual([1, 2]);
    gates[1]?.();
    await settle();
    expect(started).toEqual([1, 2, 3]);
    for (let i = 0; i < 5; i++) {
      gates[i]?.();
      await settle();
    }
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5]);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(most()).toBe(2);
  });

  it('frees the place of a task that fails', async () => {
    const slots = new Slots(1);
    const { task, started, gates, settle } = gatedTasks();
    const failing = slots.run(task(1, true));
    const next = slots.run(task(2));
    await settle();
    expect(started).toEqual([1]);
    gates[0]?.();
    await expect(failing).rejects.toThrow('task 1 failed');
    await settle();
    expect(started).toEqual([1, 2]);
    gates[1]?.();
    expect(await next).toBe(2);
  });
});
