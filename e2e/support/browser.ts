import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** E2E_SCREENSHOT_DIR when set (to keep and look at them); otherwise a temp dir, never the repo. */
export function screenshotDir(): string {
  const dir = process.env.E2E_SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'northstar-e2e-screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

export type GlyphCheck = { distinctGlyphs: boolean; differFromMissingGlyph: boolean; font: string };

// Plain JavaScript run in the page. It is a string because tsx compiles this file with esbuild's
// keepNames, whose __name() helper does not exist inside the browser.
const GLYPH_PROBE = `(selector, chars) => {
  const element = document.querySelector(selector);
  if (!element) throw new Error('no element ' + selector);
  const font = '400 32px ' + getComputedStyle(element).fontFamily;
  const canvas = document.createElement('canvas');
  canvas.width = 48;
  canvas.height = 48;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  function bitmap(ch) {
    ctx.clearRect(0, 0, 48, 48);
    ctx.font = font;
    ctx.fillStyle = '#000';
    ctx.textBaseline = 'top';
    ctx.fillText(ch, 4, 4);
    const data = ctx.getImageData(0, 0, 48, 48).data;
    let out = '';
    for (let i = 3; i < data.length; i += 4) out += data[i].toString(16);
    return out;
  }
  const missing = bitmap("\\u0378");
  const glyphs = [...new Set([...chars].filter((c) => /\\p{Script=Han}/u.test(c)))].map(bitmap);
  return {
    distinctGlyphs: glyphs.length > 1 && new Set(glyphs).size === glyphs.length,
    differFromMissingGlyph: glyphs.length > 0 && glyphs.every((g) => g !== missing),
    font,
  };
}`;

/**
 * Whether the CJK characters of `text` are drawn with real glyphs in the element's font. Without a
 * CJK font, every such character is drawn as the same missing-glyph box, so: all characters must
 * produce different bitmaps from each other, and from a codepoint no font has (U+0378,
 * unassigned). Width alone would not do: a box and a CJK glyph are both about 1em wide.
 */
export async function checkCjkGlyphs(page: Page, selector: string, text: string): Promise<GlyphCheck> {
  return page.evaluate(`(${GLYPH_PROBE})(${JSON.stringify(selector)}, ${JSON.stringify(text)})`) as Promise<GlyphCheck>;
}
