// What an uploaded image may cost, from its header: the pixel rule, its message, and the
// wait a refused upload is told.
import { checkPixels, exampleSize, inWan, pixelsOf, retryAfterSeconds } from '../../src/lib/upload-limits';

const LIMIT = 50_000_000;

test('an image is measured in the pixels processing decodes: every frame of an animation', () => {
  expect(pixelsOf({ width: 8000, height: 6000 })).toBe(48_000_000);
  expect(pixelsOf({ width: 1000, height: 1000, pages: 60, pageHeight: 1000 })).toBe(60_000_000);
  // A multi-page header without pageHeight: the height is one page's.
  expect(pixelsOf({ width: 1000, height: 500, pages: 3 })).toBe(1_500_000);
  expect(pixelsOf({})).toBe(0);
});

test('at the limit passes, one pixel over is refused', () => {
  expect(checkPixels('a.png', { width: 10_000, height: 5_000 }, LIMIT)).toBeNull();
  expect(checkPixels('a.png', { width: 10_000, height: 5_000 }, LIMIT - 1)).not.toBeNull();
  expect(checkPixels('photo.jpg', { width: 6000, height: 4000 }, LIMIT)).toBeNull();
});

test('the refusal names the file, its size and the limit, in Chinese with English after', () => {
  const refusal = checkPixels('会场.png', { width: 16_000, height: 16_000 }, LIMIT)!;
  expect(refusal.message).toMatch(
    /^图片「会场\.png」为 16000×16000 像素（25600 万像素），超过本站上限 5000 万像素：请缩小到 8100×6100 以内后重新上传/
  );
  expect(refusal.message).toContain('256,000,000 pixels, over the limit of 50,000,000');
  expect(refusal.details).toEqual({ file: '会场.png', width: 16_000, height: 16_000, pages: 1, pixels: 256_000_000, maxPixels: LIMIT });
  const animated = checkPixels('动图.gif', { width: 2000, height: 2000, pages: 20, pageHeight: 2000 }, LIMIT)!;
  expect(animated.message).toContain('2000×2000 像素 × 20 帧（8000 万像素）');
});

test('the example size is within the limit', () => {
  for (const limit of [1_000_000, 12_000_000, LIMIT, 100_000_000]) {
    const [w, h] = exampleSize(limit).split('×').map(Number);
    expect(w * h).toBeLessThanOrEqual(limit);
    expect(w * h).toBeGreaterThan(limit * 0.85);
  }
  expect(exampleSize(LIMIT)).toBe('8100×6100');
  expect(inWan(LIMIT)).toBe('5000 万像素');
});

test('a refused upload waits for the images ahead at their average time, 1 to 120 s', () => {
  expect(retryAfterSeconds(0, null)).toBe(5);
  expect(retryAfterSeconds(3, 2_000)).toBe(8);
  expect(retryAfterSeconds(8, 10)).toBe(1);
  expect(retryAfterSeconds(100, 30_000)).toBe(120);
});
