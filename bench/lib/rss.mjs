// @ts-check
import { Worker } from 'node:worker_threads';

/**
 * Samples the process's resident set from a worker thread every ~0.2 ms, so the peak inside one
 * synchronous stretch of buildRequest is seen too (the main thread cannot sample itself while busy).
 * Phase 0 records the baseline, phase 1 the measurement, phase 2 stops.
 */
export function startRssSampler() {
  const shared = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const phase = new Int32Array(workerData);
     const peak = [0, 0];
     let samples = 0;
     parentPort.postMessage('ready');
     for (let now = Atomics.load(phase, 0); now < 2; now = Atomics.load(phase, 0)) {
       const rss = process.memoryUsage.rss();
       if (rss > peak[now]) peak[now] = rss;
       samples++;
       Atomics.wait(phase, 0, now, 0.2);
     }
     parentPort.postMessage({ baseline: peak[0], peak: peak[1], samples });`,
    { eval: true, workerData: shared.buffer },
  );
  const ready = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const result = ready.then(
    () =>
      new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  const setPhase = (value) => {
    Atomics.store(shared, 0, value);
    Atomics.notify(shared, 0);
  };
  return {
    /** Resolves once the worker samples (its own start-up must not land in either phase). */
    ready,
    measure: () => setPhase(1),
    /** @returns {Promise<{ baseline: number, peak: number, samples: number }>} */
    stop: async () => {
      setPhase(2);
      const value = await result;
      await worker.terminate();
      return /** @type {any} */ (value);
    },
  };
}
