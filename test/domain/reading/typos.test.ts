import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/domain/reading/extract.js';
import { mendTypos } from '../../../src/domain/reading/typos.js';

const TODAY = '2026-11-28';

describe('misspelt key words', () => {
  it('reads a message with typos in every key word', () => {
    const f = extractFacts(
      'got a trademrk complant on B0C7654321 yesterdy, they say we use there logo',
      TODAY,
    ).facts;
    expect(f).toMatchObject({ notice: 'platform_complaint', ipType: 'trademark', noticeDate: '2026-11-27' });
    expect(f.usesTheirIp).toBeUndefined();
  });

  it.each([
    ['Copywrite compalint on our listng', 'copyright complaint on our listing'],
    ['design patant infringment', 'design patent infringement'],
    ['we recieved a counterfiet claim', 'we received a counterfeit claim'],
    ['they say we copied there design', 'they say we copied their design'],
  ])('%s', (text, mended) => {
    expect(mendTypos(text).toLowerCase()).toBe(mended.toLowerCase());
  });

  it.each([
    'our product is compliant with EU rules',
    'is there logo on it?',
    'there is a layer of paint',
    'over there product photos',
  ])('leaves real words alone: %s', (text) => {
    expect(mendTypos(text)).toBe(text);
  });
});
