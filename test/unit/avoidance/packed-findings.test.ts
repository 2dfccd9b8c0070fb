import fc from 'fast-check';
import { packFindings, unpackFindings } from '../../../src/avoidance/packed-findings';
import { AVOIDANCE_RULES, AvoidanceFindingData } from '../../../src/avoidance/rules/model';

/** Findings packed in a worker come back equal, whatever their strings and paths. */
const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const msg = fc.record({ zh: text, en: text });
const id = fc.constantFrom('p1', 'p2', 'u1', 'u2', '', '张伟');
const step = fc.record({ label: msg, personId: id, unitId: id }, { requiredKeys: ['label'] });
const finding: fc.Arbitrary<AvoidanceFindingData> = fc.record({
  rule: fc.constantFrom(...AVOIDANCE_RULES),
  severity: fc.constantFrom('HARD' as const, 'SOFT' as const),
  personId: id,
  unitId: id,
  explanation: msg,
  path: fc.array(step, { maxLength: 5 }),
  publicExplanation: msg,
  publicPath: fc.array(step, { maxLength: 3 }),
  waived: fc.boolean(),
});

test('unpack(pack(findings)) gives the findings back', () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 30 }), (findings) => {
      expect(unpackFindings(packFindings(findings))).toEqual(findings);
    }),
  );
});

test('each repeated id or label is stored once', () => {
  const f: AvoidanceFindingData = {
    rule: 'KIN_IN_TARGET', severity: 'HARD', personId: 'p1', unitId: 'u1', waived: false,
    explanation: { zh: '说明', en: 'why' },
    path: [{ label: { zh: '本人', en: 'self' }, personId: 'p1' }, { label: { zh: '局长', en: 'director' }, unitId: 'u1' }],
    publicExplanation: { zh: '公开说明', en: 'public why' },
    publicPath: [{ label: { zh: '本人', en: 'self' }, personId: 'p1' }],
  };
  const packed = packFindings(Array.from({ length: 100 }, () => f));
  expect(packed.numbers).toBeInstanceOf(Int32Array);
  // rule, severity, p1, u1, 本人, self, 局长, director, the public sentence in two languages; and
  // 100 explanations in each language.
  expect(packed.strings).toHaveLength(10 + 200);
});
