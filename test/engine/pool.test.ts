import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/engine/pool.js';

describe('WorkerPool', () => {
  const pool = new WorkerPool<number, number>(new URL('./pool-worker.fixture.ts', import.meta.url), 2);
  afterAll(() => pool.close());

  it('runs every task once and returns its own result', async () => {
    const inputs = Array.from({ length: 40 }, (_, i) => i);
    expect(await Promise.all(inputs.map((n) => pool.run(n)))).toEqual(inputs);
  });
  it('delivers a broadcast to every worker before later tasks', async () => {
    await pool.broadcast(10);
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => pool.run(n)));
    expect(results).toEqual([10, 20, 30, 40, 50, 60]);
  });
  it('rejects a failing task with its message and keeps working', async () => {
    await expect(pool.run(-1)).rejects.toThrow(/negative input -1/);
    expect(await pool.run(2)).toBe(20);
  });
});
