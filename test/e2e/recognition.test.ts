import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFixtures, runFixture } from '../../scripts/lib/fixture-runner.mjs';
import { startSession } from './support/session';

// Every portal fixture, in every state it goes through, in headless Chromium with the built
// extension: each expected row found and marked with its code, each field bound, nothing else
// marked (precision and recall 100%). A drop on any layout fails the suite.

let session: Awaited<ReturnType<typeof startSession>>;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe.each(listFixtures())('recognition on $layout', ({ layout, expected }) => {
  it('finds every row and binds every field, and nothing else, in every state', async () => {
    const results = await runFixture(session.context, session.server.url, layout, expected);
    for (const { state, report } of results) {
      expect(report.problems, `${layout} / ${state}`).toEqual([]);
      expect(report.recall, `${layout} / ${state}`).toBe(1);
      expect(report.precision, `${layout} / ${state}`).toBe(1);
      expect(report.correctFields, `${layout} / ${state}`).toBe(report.expectedFields);
    }
  });
});
