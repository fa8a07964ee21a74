// Progressive enhancement for plan pages. Everything works without it; with it: a print button, the current
// section highlighted in the contents, copy-on-click section links, the cite line following the reader, the
// print date filled in at print time. No network requests, no dependencies.
(() => {
  // The button is shown by CSS wherever scripts run (plan.css), so that showing it moves nothing after load.
  document.querySelector('[data-print]')?.addEventListener('click', () => window.print());

  const dateSlot = document.querySelector('[data-print-date]');
  window.addEventListener('beforeprint', () => {
    if (dateSlot) dateSlot.textContent = new Date().toISOString().slice(0, 10);
  });

  // Current section in the contents.
  const tocLinks = new Map();
  for (const a of document.querySelectorAll('.toc a[href^="#"]')) tocLinks.set(a.getAttribute('href').slice(1), a);
  const headings = [...document.querySelectorAll('.plan-text :is(h2, h3, h4, h5)[id]')].filter((h) => tocLinks.has(h.id));
  let current = null;
  const mark = (id) => {
    if (current === id) return;
    if (current) tocLinks.get(current)?.removeAttribute('aria-current');
    current = id;
    tocLinks.get(id)?.setAttribute('aria-current', 'location');
  };
  if ('IntersectionObserver' in window && headings.length > 0) {
    const visible = new Set();
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) (e.isIntersecting ? visible.add(e.target.id) : visible.delete(e.target.id));
        const first = headings.find((h) => visible.has(h.id));
        if (first) mark(first.id);
      },
      { rootMargin: '0px 0px -70% 0px' },
    );
    for (const h of headings) io.observe(h);
  }

  // A heading's own words: without the site's marks inside it (the 校 repair note, the ¶ link: all `data-ui`).
  const headingText = (heading) => {
    const copy = heading.cloneNode(true);
    for (const ui of copy.querySelectorAll('[data-ui]')) ui.remove();
    return copy.textContent.replace(/[#¶]$/u, '').trim();
  };

  // Cite line follows the section or paragraph in the address bar.
  const cite = document.getElementById('cite-text');
  const base = cite?.textContent ?? '';
  const planUrl = cite?.dataset.planUrl ?? '';
  const updateCite = () => {
    if (!cite) return;
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target || !target.closest('.plan-text')) {
      cite.textContent = base;
      return;
    }
    const heading = target.matches('h2, h3, h4, h5') ? target : null;
    const label = heading ? headingText(heading) : `${id}段`;
    cite.textContent = base.replace(planUrl, `${planUrl}#${id}`) + `（${label}）`;
  };
  window.addEventListener('hashchange', updateCite);
  updateCite();

  // Clicking a section or paragraph link also copies its address.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.self-link') : null;
    if (!link || !navigator.clipboard) return;
    const href = new URL(link.getAttribute('href'), location.href).href;
    navigator.clipboard.writeText(href).then(
      () => {
        link.dataset.copied = '已复制';
        setTimeout(() => delete link.dataset.copied, 1500);
      },
      () => {},
    );
  });
})();
