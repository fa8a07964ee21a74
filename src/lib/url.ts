/** Site-internal URL for `path` (no leading slash), honouring the configured base (`--base /plans/`). */
export function url(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/u, '/');
  return `${base}${path.replace(/^\//u, '')}`;
}

/** URL of a plan page, or of a section of it. */
export function planUrl(slug: string, anchor?: string): string {
  return url(`plans/${slug}/${anchor ? `#${anchor}` : ''}`);
}
