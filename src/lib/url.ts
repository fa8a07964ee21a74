/** Site-internal URLs, under the configured base. */
import { basePath } from './site-config.ts';
import { viteBase } from './vite-env.ts';

/** Site-internal URL for `path` (no leading slash), honouring the configured base (`--base /plans/`). */
export function url(path = ''): string {
  // Outside Astro (scripts/site-files.ts) the same setting comes from the environment.
  const base = (viteBase() ?? basePath()).replace(/\/?$/u, '/');
  return `${base}${path.replace(/^\//u, '')}`;
}

/** URL of a plan page, or of a section of it. */
export function planUrl(slug: string, anchor?: string): string {
  return url(`plans/${slug}/${anchor ? `#${anchor}` : ''}`);
}
