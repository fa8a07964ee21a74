/**
 * The site's icon (public/favicon.svg, linked by PageHead.astro). A browser draws an SVG icon as a small document of
 * its own on the page's main thread after every load; with a character in a `<text>` element (it was 规) that
 * document lays the glyph out through the CJK font fallback: 25–45 ms in a Chromium trace of xinji's page, against
 * 8–13 ms for shapes alone (issue 12: blocking time on a phone). Shapes only, then, and nothing fetched.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const svg = readFileSync('public/favicon.svg', 'utf8');

test('the icon is an SVG drawn with shapes: no text, no font, nothing it loads', () => {
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">/u);
  expect(svg).toMatch(/<(rect|path)\b/u);
  expect(svg).not.toMatch(/<text\b|font-family|<style\b|<image\b|href=/u);
});
