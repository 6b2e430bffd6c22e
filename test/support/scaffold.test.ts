import { describe, expect, it } from 'vitest';
import { compareFindings, severityRank } from '../../src/engine/finding.js';

describe('severity', () => {
  it('ranks critical above low', () => {
    expect(severityRank('critical')).toBeGreaterThan(severityRank('low'));
    expect(typeof compareFindings).toBe('function');
  });
});
