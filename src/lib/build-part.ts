/**
 * A large library is rendered by several `astro build` processes at once, one per core (scripts/build.ts): Astro
 * renders on one thread, and at 10,000 plans rendering is most of a build. Each process is told its part in
 * `BUILD_PART` ("i/k", counting from 0) and renders, of every route with parameters, the pages whose parameters fall
 * in its part; routes without parameters (the home page, search) are rendered by every part, identically, and the
 * build keeps one. Which part a page falls in depends only on its parameters, so a page and its English twin, which
 * share them, are rendered by the same process. Without `BUILD_PART` every page is rendered, as always.
 */

import { fnv1a } from './fnv1a.ts';

/** This process's part of the pages: `index` of `count`. */
export interface BuildPart {
  index: number;
  count: number;
}

/** The part named in the environment, or null (render everything). */
export function buildPart(env: NodeJS.ProcessEnv = process.env): BuildPart | null {
  const raw = env.BUILD_PART;
  if (raw === undefined || raw === '') return null;
  const m = /^(\d+)\/(\d+)$/u.exec(raw);
  const part = m ? { index: Number(m[1]), count: Number(m[2]) } : null;
  if (!part || part.count < 1 || part.index >= part.count) throw new Error(`BUILD_PART must be "i/k" with 0 ≤ i < k, got "${raw}"`);
  return part;
}

/** The part (0 … count − 1) a page with these parameters falls in: FNV-1a of its parameters, so parts come out even. */
export function partOf(params: Readonly<Record<string, string | number | undefined>>, count: number): number {
  const key = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k] ?? ''}`)
    .join('&');
  return fnv1a(key) % count;
}

/**
 * Does the page with these parameters fall in this process's part (always, without `BUILD_PART`)? For a route whose
 * props are costly per page, to skip computing them for the other parts' pages; `inThisPart` filters the rest.
 */
export function isInThisPart(params: Readonly<Record<string, string | number | undefined>>, env: NodeJS.ProcessEnv = process.env): boolean {
  const part = buildPart(env);
  return part === null || partOf(params, part.count) === part.index;
}

type Paths = { params: Readonly<Record<string, string | number | undefined>> }[];

/**
 * A route's getStaticPaths, giving only the pages of this process's part (all of them without `BUILD_PART`).
 * One that takes no arguments is computed once per process: an English route re-exports its Chinese twin's
 * getStaticPaths and Astro calls it once per route, which computed every plan page's props twice and kept both
 * copies for the whole build. One that takes arguments runs per call (hence the list routes paginate with
 * src/lib/page-sizes.ts `paginated`, not with Astro's `paginate` argument).
 */
export function inThisPart<A extends unknown[], R extends Paths>(getStaticPaths: (...args: A) => R | Promise<R>, env: NodeJS.ProcessEnv = process.env): (...args: A) => Promise<R> {
  const part = buildPart(env);
  const compute = async (...args: A) => {
    const paths = await getStaticPaths(...args);
    return part ? (paths.filter((p) => partOf(p.params, part.count) === part.index) as R) : paths;
  };
  if (getStaticPaths.length > 0) return compute;
  let once: Promise<R> | undefined;
  // A fresh array per route: Astro keys the paths by the route's own pattern on the array it is given.
  return async (...args: A) => [...(await (once ??= compute(...args)))] as unknown as R;
}
