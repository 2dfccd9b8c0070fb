import { solveOffThread, stopSolver } from '../../../src/composition/solver';
import { prepare } from '../../../src/composition/rules/proposal';
import { instance, SMALL } from './fixtures';
import { solveModel } from './solve';

afterAll(() => stopSolver());

test('the solver thread answers as the solver in this process does, one request after another', async () => {
  const inst = instance({
    teams: [{ id: 'A' }, { id: 'B' }],
    rules: SMALL,
    people: [
      { id: 'L1', pools: ['GROUP_LEADER'], fullTime: true },
      { id: 'L2', pools: ['GROUP_LEADER'], fullTime: true, history: { roundsInWindow: 1 } },
      { id: 'M1' },
      { id: 'M2', findings: [{ unitId: 'A-u', severity: 'SOFT' }] },
    ],
  });
  const model = prepare(inst).built!.model;
  const here = await solveModel(model);
  const [a, b] = await Promise.all([solveOffThread({ model, timeLimitSeconds: 5 }), solveOffThread({ model, timeLimitSeconds: 5 })]);
  for (const r of [a, b]) {
    expect(r.status).toBe('OPTIMAL');
    expect(r.objective).toBeCloseTo(here.objective!, 6);
    expect(r.colValue).toEqual(here.colValue);
  }
});
