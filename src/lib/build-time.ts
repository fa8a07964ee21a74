/**
 * The instant of this build, the one date the site states of itself (the feed's fallback `updated`, the printed
 * "built on", the open data's date). scripts/build.ts sets `BUILD_TIME` once for all the `astro build` processes of
 * a build rendered in parts, so that every part writes the same date; without it, the time this process started.
 */
export const BUILT_AT: Date = (() => {
  const raw = process.env.BUILD_TIME;
  const at = raw ? new Date(raw) : new Date();
  if (Number.isNaN(at.getTime())) throw new Error(`BUILD_TIME must be an ISO date and time, got "${raw}"`);
  return at;
})();
