// What an uploaded image may cost, decided from its header alone (before anything decodes
// it), and how long a refused upload should wait. Pure: no Strapi, no I/O (unit-tested in
// tests/unit/upload-limits.test.ts).

/** What an image's header says (sharp's metadata(), which reads no pixels). */
export type ImageHeader = { width?: number; height?: number; pages?: number; pageHeight?: number };

export type PixelRefusal = {
  message: string;
  details: { file: string; width: number; height: number; pages: number; pixels: number; maxPixels: number };
};

/**
 * Pixels the upload's image processing decodes: every page of an animated GIF or WebP
 * (Strapi resizes them with `animated: true`), each `pageHeight` high.
 */
export const pixelsOf = (header: ImageHeader) => {
  const pages = Math.max(1, header.pages ?? 1);
  const pageHeight = header.pages && header.pages > 1 && header.pageHeight ? header.pageHeight : (header.height ?? 0);
  return (header.width ?? 0) * pageHeight * pages;
};

/** 50,000,000 → "5000 万像素". */
export const inWan = (pixels: number) => `${Math.round(pixels / 10_000)} 万像素`;

/** A 4:3 size within the limit, in round hundreds, for the message: 50 MP → 8100×6100. */
export const exampleSize = (maxPixels: number) => {
  const unit = Math.sqrt(maxPixels / 12);
  const round = (value: number) => (value >= 200 ? Math.floor(value / 100) * 100 : Math.floor(value));
  return `${round(unit * 4)}×${round(unit * 3)}`;
};

/** Why an image this large is refused, or null when it is within the limit. */
export const checkPixels = (file: string, header: ImageHeader, maxPixels: number): PixelRefusal | null => {
  const pixels = pixelsOf(header);
  if (pixels <= maxPixels) return null;
  const width = header.width ?? 0;
  const height = header.height ?? 0;
  const pages = Math.max(1, header.pages ?? 1);
  const size = pages > 1 ? `${width}×${header.pageHeight ?? height} 像素 × ${pages} 帧` : `${width}×${height} 像素`;
  return {
    message:
      `图片「${file}」为 ${size}（${inWan(pixels)}），超过本站上限 ${inWan(maxPixels)}：` +
      `请缩小到 ${exampleSize(maxPixels)} 以内后重新上传，未保存任何内容` +
      `（The image is ${pixels.toLocaleString('en')} pixels, over the limit of ${maxPixels.toLocaleString('en')}: resize it and upload again; nothing was saved）`,
    details: { file, width, height, pages, pixels, maxPixels },
  };
};

/**
 * Seconds a refused upload should wait: the images ahead of it at the recent average time
 * each (5 s until one was measured), between 1 and 120.
 */
export const retryAfterSeconds = (ahead: number, averageMs: number | null) =>
  Math.min(120, Math.max(1, Math.ceil(((ahead + 1) * (averageMs ?? 5_000)) / 1_000)));
