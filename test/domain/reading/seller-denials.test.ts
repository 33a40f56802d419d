import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/domain/reading/extract.js';

const TODAY = '2026-11-28';
const facts = (text: string) => extractFacts(text, TODAY).facts;

describe('what the seller says of their own product and rights', () => {
  it.each([
    'Complaint on 1005002222222222, utility patent on the folding mechanism. Our hinge works differently.',
    'my clamp operates completely differently',
    'design patent complaint, our product has a different shape and handle',
    'Our bottle has a totally different silhouette',
    'our lamp uses a different mechanism',
    'it looks nothing like theirs',
    'tiktok shop product got taken down for copyright, it’s our own original design',
    'the photos are ours, we shot them ourselves',
    'we took the product photos ourselves',
    'we photographed them in our studio',
    '亚马逊投诉 B0R7878787 版权 图片是我们自己拍的',
    '照片都是我们自己拍摄的',
  ])('usesTheirIp no: %s', (text) => {
    expect(facts(text).usesTheirIp).toBe('no');
  });

  it.each([
    'it’s not our own design',
    'the photos are not ours',
    'we took the photos from their website',
    'their hinge works differently from the old model',
    'our product has a different colour',
    '图片不是我们自己拍的',
    'is it different from theirs?',
  ])('no usesTheirIp=no: %s', (text) => {
    expect(facts(text).usesTheirIp).not.toBe('no');
  });

  it.each([
    'our product has a different shape but the same logo',
    'our hinge works differently, but the handle is identical',
  ])('a mixed answer is never read for the seller: %s', (text) => {
    expect(facts(text).usesTheirIp).toBe('unsure');
  });

  it.each([
    'listing removed. i dont think we copied anything but honestly not sure',
    'I don’t think it infringes, though not 100% sure',
  ])('usesTheirIp unsure: %s', (text) => {
    expect(facts(text).usesTheirIp).toBe('unsure');
  });

  it.each([
    'we do sell sunnyco branded goods, bought from their official distributor',
    'we sell genuine Nike-branded shoes',
  ])('usesTheirIp yes (goods bearing their brand): %s', (text) => {
    expect(facts(text).usesTheirIp).toBe('yes');
  });

  it.each(['we sell our own branded goods', 'we sell unbranded goods', 'we sell private-branded items'])(
    'not their brand: %s',
    (text) => {
      expect(facts(text).usesTheirIp).not.toBe('yes');
    },
  );

  it.each([
    'They sent a takedown for B0S1313131 but we are the brand owner, registered trademark in US',
    'we’re the trademark owner',
    'I am the owner of the trademark',
  ])('rights own: %s', (text) => {
    expect(facts(text).rights).toBe('own');
  });

  it.each([
    'we are not the brand owner',
    'we are the brand owner’s distributor',
    'the brand owner complained',
  ])('not rights own: %s', (text) => {
    expect(facts(text).rights).not.toBe('own');
  });

  it.each([
    'copyright claim over the product photos. we bought the photos license from a stock site',
    'we purchased a commercial license for the images',
    'we licensed the photos from Shutterstock',
  ])('rights authorized (a licence bought): %s', (text) => {
    expect(facts(text).rights).toBe('authorized');
  });

  it.each(['do we need to buy a license?', 'we never bought a license', 'we have no license for the photos'])(
    'no licence held: %s',
    (text) => {
      expect(facts(text).rights).not.toBe('authorized');
    },
  );

  it.each([
    ['We have not contacted the complainant yet', 'not_tried'],
    ["haven't contacted them", 'not_tried'],
    ["we haven't contacted Amazon support yet", undefined],
    ['we did not contact our lawyer', undefined],
    ['not yet contacted the supplier', undefined],
  ])('complainantContact: %s', (text, value) => {
    expect(facts(text).complainantContact).toBe(value);
  });
});
