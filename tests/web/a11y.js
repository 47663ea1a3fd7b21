#!/usr/bin/env node
// tests/web/a11y.js [--screenshots DIR] PAGE.html|FOLDER...: the web team's checks of csdoc's pages.
//
// Opens every page (folders searched to any depth) in headless Debian
// Chromium through puppeteer-core (/usr/bin/chromium, never a downloaded
// browser), at a desktop (1280x900) and a phone (375x800) width, one browser
// for all pages, and checks:
//  - axe-core at WCAG 2.1 A and AA, and axe's best practices;
//  - keyboard: pressing Tab from the top reaches every visible link, and
//    everything it focuses shows a focus indicator;
//  - reflow (WCAG 1.4.10): at the phone width the page does not scroll
//    sideways (a wide table scrolls in its own region).
// Prints every problem (page, width, rule, impact, target) and exits 1 if
// there is any; 2 if the checker itself cannot run.  --screenshots DIR
// also saves a full-page picture of each page at each width.
//
// Environment: CSDOC_WEB_MODULES, the node_modules holding puppeteer-core and
// axe-core (default build/web/node_modules); CHROMIUM, the browser (default
// /usr/bin/chromium); CSDOC_WEB_JOBS, pages checked at once (default 3).
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const root = path.resolve(__dirname, '../..');
const modules = path.resolve(process.env.CSDOC_WEB_MODULES || path.join(root, 'build/web/node_modules'));
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 800, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
];
// WCAG 2.1 A and AA, and axe's best practices (landmarks named apart,
// headings in order, one main, one h1)
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const JOBS = Number(process.env.CSDOC_WEB_JOBS) || 3;

function usage(msg) {
  if (msg) console.error(`a11y.js: ${msg}`);
  console.error('usage: a11y.js [--screenshots DIR] PAGE.html|FOLDER...');
  process.exit(2);
}

// Every .html under the arguments, folders searched to any depth, in order.
function collect(args) {
  const pages = [];
  const walk = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    } else if (p.endsWith('.html')) {
      pages.push(path.resolve(p));
    }
  };
  for (const a of args) {
    if (!fs.existsSync(a)) usage(`no such file or folder: ${a}`);
    walk(a);
  }
  return pages;
}

// In the page: give every focusable candidate and every visible link an
// index, so that what Tab reaches can be compared with what should be
// reached.
function markLinks() {
  const visible = (el) => {
    if (typeof el.checkVisibility === 'function' &&
        !el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) return false;
    return el.getClientRects().length > 0;
  };
  const links = [];
  document.querySelectorAll('a[href]').forEach((a, i) => {
    a.setAttribute('data-a11y-link', String(i));
    if (visible(a)) links.push(String(i));
  });
  const focusable = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex], area[href], iframe').length;
  return { links, focusable };
}

// In the page: what has focus now, and whether it shows that it has.
function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const cs = getComputedStyle(el);
  const shown =
    (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && cs.outlineColor !== 'transparent' &&
     !/rgba\(.*, 0\)$/.test(cs.outlineColor)) ||
    (cs.boxShadow && cs.boxShadow !== 'none') ||
    el.matches(':focus-visible') && cs.backgroundColor !== 'rgba(0, 0, 0, 0)';
  let desc = el.tagName.toLowerCase();
  if (el.id) desc += `#${el.id}`;
  else if (el.getAttribute('href')) desc += `[href="${el.getAttribute('href')}"]`;
  else if (el.className) desc += `.${String(el.className).split(/\s+/).join('.')}`;
  return { link: el.getAttribute('data-a11y-link'), desc, shown: !!shown };
}

function describeLink(i) {
  const a = document.querySelector(`[data-a11y-link="${i}"]`);
  const text = (a.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
  return `a[href="${a.getAttribute('href')}"] "${text}"`;
}

async function main() {
  const argv = process.argv.slice(2);
  let shots = null;
  if (argv[0] === '--screenshots') {
    shots = argv[1];
    if (!shots) usage();
    argv.splice(0, 2);
    fs.mkdirSync(shots, { recursive: true });
  }
  if (argv.length === 0) usage();
  const pages = collect(argv);
  if (pages.length === 0) usage('no .html pages found');

  let puppeteer, axeSource;
  try {
    puppeteer = require(path.join(modules, 'puppeteer-core'));
    axeSource = fs.readFileSync(require.resolve(path.join(modules, 'axe-core/axe.min.js')), 'utf8');
  } catch (e) {
    console.error(`a11y.js: puppeteer-core and axe-core are not installed in ${modules} (${e.message})`);
    process.exit(2);
  }
  if (!fs.existsSync(chromium)) {
    console.error(`a11y.js: no browser at ${chromium}`);
    process.exit(2);
  }

  const args = ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--hide-scrollbars'];
  if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args });
  const problems = [];
  const report = (page, vp, what) => {
    problems.push(`${path.relative(process.cwd(), page)} [${vp.name}] ${what}`);
  };

  // one page, both widths, in TAB
  const checkPage = async (tab, file) => {
    const url = pathToFileURL(file).href;
    for (const vp of VIEWPORTS) {
      await tab.setViewport(vp);
      await tab.goto(url, { waitUntil: 'load' });

      // axe-core at WCAG 2.1 A and AA
      await tab.evaluate(axeSource);
      const result = await tab.evaluate(async (tags) => {
        const r = await window.axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        });
        return r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          bp: !v.tags.some((t) => /^wcag2/.test(t)),
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
        }));
      }, TAGS);
      for (const v of result) {
        for (const n of v.nodes) {
          report(file, vp, `axe ${v.id} (${v.impact}${v.bp ? ', best practice' : ''}): ${v.help} -- ${n.target}\n    ${(n.summary || '').replace(/\n/g, '\n    ')}`);
        }
      }

      // reflow (WCAG 1.4.10): on a phone the page does not scroll
      // sideways; a wide table scrolls inside its own region
      if (vp.isMobile) {
        const wide = await tab.evaluate(() => {
          const w = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= w) return null;
          const out = [];
          for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            // the outermost too-wide elements, or anything placed
            // absolutely out of the column
            const pr = el.parentElement.getBoundingClientRect();
            if (r.width > 0 && r.right > w + 1 &&
                (pr.right <= w + 1 || getComputedStyle(el).position === 'absolute')) {
              out.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(/\s+/).join('.') : ''}`);
            }
          }
          return `${document.documentElement.scrollWidth}px wide for ${w}px: ${out.slice(-5).join(', ')}`;
        });
        if (wide) report(file, vp, `reflow: the page scrolls sideways, ${wide}`);
      }

      if (shots) {
        const name = `${path.basename(path.dirname(file))}--${path.basename(file, '.html')}.${vp.name}.png`;
        await tab.screenshot({ path: path.join(shots, name), fullPage: true });
      }

      // keyboard: Tab from the top reaches every visible link
      const { links, focusable } = await tab.evaluate(markLinks);
      await tab.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
      // what each Tab focuses is noted by the page itself (one round
      // trip per key, none per look)
      await tab.evaluate((fn) => {
        const f = new Function(`return (${fn})`)();
        window.__a11yFocus = [];
        document.addEventListener('focusin', () => { window.__a11yFocus.push(f()); });
      }, focusState.toString());
      for (let n = 0; n < focusable + 2; n++) await tab.keyboard.press('Tab');
      const steps = await tab.evaluate(() => window.__a11yFocus);
      const reached = new Set();
      const seen = new Set();
      const unshown = [];
      let first = null;
      for (const st of steps) {
        if (!st) continue;
        const key = st.link !== null ? `link:${st.link}` : st.desc;
        if (first === null) first = key;
        else if (key === first) break;  // wrapped round
        if (seen.has(key)) continue;
        seen.add(key);
        if (st.link !== null) reached.add(st.link);
        if (!st.shown) unshown.push(st.desc);
      }
      const missed = links.filter((i) => !reached.has(i));
      if (missed.length > 0) {
        const names = await tab.evaluate((ids, fn) => {
          const f = new Function(`return (${fn})`)();
          return ids.map(f);
        }, missed.slice(0, 10), describeLink.toString());
        report(file, vp, `keyboard: Tab does not reach ${missed.length} of ${links.length} links: ${names.join('; ')}`);
      }
      for (const d of unshown) report(file, vp, `keyboard: no visible focus indicator on ${d}`);
    }
  };

  try {
    // a few tabs at once; each behaves as the focused page, so that Tab
    // and :focus-visible work in all of them
    const queue = pages.slice();
    const worker = async () => {
      const tab = await browser.newPage();
      await tab.emulateFocusedPage(true);
      for (let file = queue.shift(); file; file = queue.shift()) await checkPage(tab, file);
      await tab.close();
    };
    await Promise.all(Array.from({ length: Math.min(JOBS, pages.length) }, worker));
  } finally {
    await browser.close();
  }

  problems.sort();  // pages are checked a few at a time: print in page order
  for (const p of problems) console.log(p);
  console.log(`a11y.js: ${pages.length} pages at ${VIEWPORTS.length} widths, ${problems.length} problems`);
  process.exit(problems.length > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(`a11y.js: ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});
