import { describe, expect, it } from 'vitest';
import { ageOf, epochMsFromRfc3339, humanDuration } from '../../src/info';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (k8s.io/apimachinery/pkg/util/duration.HumanDuration)', () => {
  it.each([
    // The cases of k8s' own duration_test.go.
    [S, '1s'],
    [70 * S, '70s'],
    [190 * S, '3m10s'],
    [70 * M, '70m'],
    [47 * H, '47h'],
    [49 * H, '2d1h'],
    [(8 * 24 + 2) * H, '8d'],
    [367 * D, '367d'],
    [(365 * 2 * 24 + 25) * H, '2y1d'],
    [(365 * 8 * 24 + 2) * H, '8y'],
    // Every threshold, both sides.
    [0, '0s'],
    [999, '0s'],
    [1999, '1s'],
    [-1000, '0s'],
    [-1999, '0s'],
    [-2000, '<invalid>'],
    [59 * S, '59s'],
    [60 * S, '60s'],
    [119 * S, '119s'],
    [120 * S, '2m'],
    [150 * S, '2m30s'],
    [5 * M + 30 * S, '5m30s'],
    [10 * M - S, '9m59s'],
    [10 * M, '10m'],
    [10 * M + 59 * S, '10m'],
    [3 * H - S, '179m'],
    [3 * H, '3h'],
    [4 * H - S, '3h59m'],
    [8 * H - S, '7h59m'],
    [8 * H, '8h'],
    [48 * H - S, '47h'],
    [48 * H, '2d'],
    [7 * D, '7d'],
    [8 * D - S, '7d23h'],
    [8 * D, '8d'],
    [730 * D - S, '729d'],
    [730 * D, '2y'],
    [8 * 365 * D - S, '7y364d'],
    [30 * 365 * D, '30y'],
  ])('%d ms reads %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('epochMsFromRfc3339', () => {
  it.each([
    ['1970-01-01T00:00:00Z', 0],
    ['2019-10-28T04:52:26Z', Date.UTC(2019, 9, 28, 4, 52, 26)],
    ['2024-02-29T23:59:59.999Z', Date.UTC(2024, 1, 29, 23, 59, 59, 999)],
    ['2019-10-28T06:52:26+02:00', Date.UTC(2019, 9, 28, 4, 52, 26)],
    ['2019-10-27T23:52:26.5-05:00', Date.UTC(2019, 9, 28, 4, 52, 26, 500)],
    ['1969-12-31T23:59:59Z', -1000],
    ['0001-01-01T00:00:00Z', -62_135_596_800_000],
  ])('%s', (text, ms) => {
    expect(epochMsFromRfc3339(text)).toBe(ms);
  });

  it.each([
    '',
    'yesterday',
    '2019-10-28',
    '2019-10-28 04:52:26Z',
    '2019-13-01T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2019-10-28T24:00:00Z',
  ])('rejects %j', (text) => {
    expect(epochMsFromRfc3339(text)).toBeUndefined();
  });
});

describe('ageOf', () => {
  it('is the human duration since creation', () => {
    expect(ageOf('2024-03-01T12:00:00Z', Date.UTC(2024, 2, 8, 12))).toBe('7d');
    expect(ageOf('2024-03-01T12:00:00Z', Date.UTC(2024, 2, 1, 12, 5, 30))).toBe('5m30s');
  });

  it('reads a missing or broken timestamp as Go zero time, saturated like time.Sub', () => {
    expect(ageOf(undefined, Date.UTC(2024, 0, 1))).toBe('292y');
    expect(ageOf('garbage', Date.UTC(2024, 0, 1))).toBe('292y');
  });
});
