/**
 * How many items a list page shows (issue 15: no page a reader opens grows with the corpus). Every paginated or
 * split page takes its size from here. `SITE_PAGE_SIZE` (environment, read at build time) sets them all, so that
 * a test can page a small synthetic corpus without building hundreds of plans.
 *
 * Each size × the largest item it counts keeps a page under 150 KB brotli at any corpus size (README, "Page sizes").
 */
const override = Number(process.env.SITE_PAGE_SIZE ?? '') || null;
const size = (n: number) => override ?? n;

export const PAGE_SIZE = {
  /** Plans per list page: home, /browse/, a region (one table row or list item per plan). */
  plans: size(100),
  /** Plan columns per /compare/ page (a column is one cell per indicator). */
  comparePlans: size(20),
  /** Rows per list of registry-like things that grow with the corpus: cited documents, reuse shares. */
  rows: size(100),
  /** Plans per page of a department, cited document, theme, instrument or indicator (each plan with its places). */
  plansPerEntry: size(50),
  /** Plans named in one cell before “等N份” (a cited document's row, a matrix over plans). */
  namesPerCell: size(10),
} as const;

/** Pages of `n` items at `perPage` a page (at least one, so an empty list still has its page). */
export function pageCount(n: number, perPage: number): number {
  return Math.max(1, Math.ceil(n / perPage));
}

/** Items of page `page` (1-based). */
export function pageSlice<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}

/** The URL path of page `n` of a list whose first page is at `first` (ending in `/`): `first`, `first2/`, … */
export function pageHref(first: string, n: number): string {
  return n === 1 ? first : `${first}${n}/`;
}

/** Every page path of a list of `n` items whose first page is `first` (for the sitemap). */
export function pagePaths(first: string, n: number, perPage: number): string[] {
  return Array.from({ length: pageCount(n, perPage) }, (_, i) => pageHref(first, i + 1));
}

/** The page (1-based) item `index` of a list is on. */
export function pageOfIndex(index: number, perPage: number): number {
  return Math.floor(index / perPage) + 1;
}

/**
 * One page of a paginated list, as its page reads it (`props.page`). Not the length of the whole list, which Astro's
 * `Page` has: a page's key digests its props (src/lib/page-keys.ts), and a count every page carried would render
 * every page of a list again whenever one item joins it, those before the new item's place too. A page that shows
 * the count gets it as a prop of its own.
 */
export interface ListPage<T> {
  /** The items on this page. */
  data: T[];
  /** This page's number, from 1. */
  currentPage: number;
  lastPage: number;
}

/**
 * The paths of a `[...page]` route showing `items` `pageSize` a page: page 1 without a `page` parameter, page n with
 * `"n"` (the parameters Astro's `paginate` gives), each with `props` and its `page` (`ListPage`). Ours rather than Astro's
 * `paginate`, which Astro hands to each route's getStaticPaths: paths that take no argument are computed once per
 * process (src/lib/build-part.ts `inThisPart`), so the English twin of a route, which re-exports them, does not
 * compute its views again (at 10,000 plans every list route computed them twice in each rendering process).
 */
export function paginated<T, const Params extends Record<string, string> = Record<never, never>, Props extends object = Record<never, never>>(
  items: readonly T[],
  { pageSize, params, props }: { pageSize: number; params?: Params; props?: Props },
): { params: Params & { page: string | undefined }; props: Props & { page: ListPage<T> } }[] {
  const lastPage = pageCount(items.length, pageSize);
  return Array.from({ length: lastPage }, (_, i) => ({
    params: { ...(params ?? ({} as Params)), page: i === 0 ? undefined : String(i + 1) },
    props: { ...(props ?? ({} as Props)), page: { data: pageSlice(items, i + 1, pageSize), currentPage: i + 1, lastPage } },
  }));
}
