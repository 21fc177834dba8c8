#!/usr/bin/env node
// site-check.js: what a reader of an edition page meets, checked in
// headless Chromium (the Debian package through playwright-core) at a
// phone width (390 px) and a desk width (1280 px):
//   - the page does not scroll sideways, and no table is wider than the
//     box it sits in (every <details> opened first, so hidden tables count);
//   - tables stay readable: no cell in type under 14 px, no visible column
//     heading wrapped into more than three lines, and in a table whose
//     headings are out of sight (reflowed on a phone) every number shows
//     its column heading;
//   - every chapter ends with links to the chapter before and after it;
//   - every table has a caption with text;
//   - the first Tab lands on the skip link to the text (#inhoud);
//   - the page links its PDF, its numbers (cijfers.csv), its codebook and
//     the landing page, and each of those files exists;
//   - copying a paragraph gives the plain words (no soft hyphens).
// Prints every problem; exit 0 when there are none, 1 when there are, 2
// when the check could not run.
//
//   node site-check.js OUTDIR [EDITION...]   (default: every edition)
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

async function main() {
	const root = process.argv[2];
	if (!root) {
		console.error('usage: node site-check.js OUTDIR [EDITION...]');
		return 2;
	}
	const only = process.argv.slice(3);
	const pages = fs.readdirSync(root, { withFileTypes: true })
		.filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, 'index.html')))
		.filter((e) => !only.length || only.includes(e.name))
		.map((e) => path.resolve(root, e.name, 'index.html')).sort();
	if (only.length && pages.length !== only.length) {
		console.error('site-check: not every edition asked for is in ' + root);
		return 2;
	}
	if (!pages.length) {
		console.error('site-check: no edition pages in ' + root);
		return 2;
	}
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const problems = [];
	let checks = 0, reflowed = 0, chapters = 0;
	try {
		for (const width of [390, 1280]) {
			const context = await browser.newContext({ viewport: { width, height: 900 } });
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			for (const file of pages) {
				const name = path.relative(root, file) + ' @' + width;
				const page = await context.newPage();
				await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
				await page.keyboard.press('Tab');
				const first = await page.evaluate(() => {
					const a = document.activeElement;
					return a && a.tagName === 'A' ? a.getAttribute('href') + ' ' + a.className : String(a && a.tagName);
				});
				if (first !== '#inhoud skip')
					problems.push(`${name}: first Tab goes to ${first}, not the skip link`);
				const r = await page.evaluate(() => {
					for (const d of document.querySelectorAll('details'))
						d.open = true;
					const out = { overflow: [], captions: [], links: {} };
					const doc = document.documentElement;
					if (doc.scrollWidth > doc.clientWidth + 1)
						out.overflow.push(`page is ${doc.scrollWidth} px wide in a ${doc.clientWidth} px window`);
					const tables = [...document.querySelectorAll('table')];
					tables.forEach((t, i) => {
						const cap = t.querySelector('caption');
						const label = cap ? cap.textContent.trim().slice(0, 60) : `table ${i + 1}`;
						if (!cap || !cap.textContent.trim())
							out.captions.push(`table ${i + 1} (after "${(t.previousElementSibling || {}).textContent || ''}".slice(0, 40)) has no caption`);
						const box = t.parentElement.getBoundingClientRect();
						const tb = t.getBoundingClientRect();
						if (tb.width > box.width + 1 || tb.right > doc.clientWidth + 1)
							out.overflow.push(`table "${label}" is ${Math.round(tb.width)} px in a ${Math.round(box.width)} px box`);
						if (t.scrollWidth > t.clientWidth + 1)
							out.overflow.push(`table "${label}" scrolls: ${t.scrollWidth} px content in ${t.clientWidth} px`);
					});
					// Readable tables: no type shrunk below 14 px to make a
					// table fit, no column heading wrapped into a tower of
					// more than three lines, and where the column headings
					// are out of sight (a table reflowed into stacked rows)
					// every number shows its own column heading.
					const plain = (x) => x.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
					tables.forEach((t, i) => {
						const cap = t.querySelector('caption');
						const label = cap ? cap.textContent.trim().slice(0, 60) : `table ${i + 1}`;
						const small = [...t.querySelectorAll('th, td')].filter((c) =>
							c.getBoundingClientRect().width > 1 && parseFloat(getComputedStyle(c).fontSize) < 14);
						if (small.length)
							out.overflow.push(`table "${label}": ${small.length} cells in type under 14 px (${getComputedStyle(small[0]).fontSize})`);
						const heads = [...t.querySelectorAll('thead th')];
						const thead = t.querySelector('thead');
						const shown = thead && thead.getBoundingClientRect().width > 1 ? heads : [];
						for (const c of shown) {
							const lh = parseFloat(getComputedStyle(c).lineHeight) || 20;
							const rg = document.createRange();
							rg.selectNodeContents(c);
							const lines = Math.round(rg.getBoundingClientRect().height / lh);
							if (lines > 3)
								out.overflow.push(`table "${label}": column heading "${plain(c.textContent)}" wraps into ${lines} lines`);
						}
						if (heads.length && !shown.length) {
							out.reflowed = (out.reflowed || 0) + 1;
							const names = [...t.querySelector('thead tr').children].map((c) => plain(c.textContent));
							for (const r of t.querySelectorAll('tbody tr')) {
								[...r.children].forEach((c, k) => {
									// a reason ("te weinig gemeenten") or an empty cell stands unlabelled
									if (c.tagName !== 'TD' || c.classList.contains('reden') || !c.textContent.trim())
										return;
									const m = /^"((?:[^"\\]|\\.)*)"/.exec(getComputedStyle(c, '::before').content);
									if (!m || plain(m[1]) !== names[k])
										out.overflow.push(`table "${label}": a cell under "${names[k]}" is labelled ${m ? JSON.stringify(m[1]) : 'nothing'}`);
								});
							}
						}
					});
					// Chapter to chapter: every chapter ends with links to
					// the chapter before and after it.
					const chapters = [...document.querySelectorAll('main section.hoofdstuk')];
					const ids = chapters.map((c) => (c.querySelector('h2[id]') || {}).id);
					chapters.forEach((c, k) => {
						const get = (rel) => {
							const a = c.querySelector(`ul.bladeren a[rel="${rel}"]`);
							return a ? a.getAttribute('href') : null;
						};
						const want = { prev: k > 0 ? '#' + ids[k - 1] : null, next: k + 1 < chapters.length ? '#' + ids[k + 1] : null };
						for (const rel of ['prev', 'next'])
							if (get(rel) !== want[rel])
								out.overflow.push(`chapter ${ids[k]}: ${rel} link ${get(rel)}, expected ${want[rel]}`);
						const last = [...c.children].slice(-2).map((e) => e.className).join(' ');
						if (want.next && !/bladeren/.test(last))
							out.overflow.push(`chapter ${ids[k]}: the chapter links are not at its end (${last})`);
					});
					out.chapters = chapters.length;
					out.tables = tables.length;
					for (const a of document.querySelectorAll('a[href]'))
						out.links[a.getAttribute('href')] = true;
					return out;
				});
				checks += r.tables;
				reflowed += r.reflowed || 0;
				chapters += r.chapters;
				if (r.chapters < 2)
					problems.push(`${name}: ${r.chapters} chapters found`);
				for (const o of r.overflow)
					problems.push(`${name}: ${o}`);
				for (const c of r.captions)
					problems.push(`${name}: ${c}`);
				for (const want of ['rapport.pdf', 'cijfers.csv', 'codeboek.csv', '../index.html']) {
					if (!r.links[want])
						problems.push(`${name}: no link to ${want}`);
					else if (!fs.existsSync(path.resolve(path.dirname(file), want)))
						problems.push(`${name}: links ${want}, which is not there`);
				}
				// copy the first paragraph of the text as a reader would
				const copied = await page.evaluate(() => {
					const p = document.querySelector('main section p');
					const s = window.getSelection();
					s.removeAllRanges();
					const rg = document.createRange();
					rg.selectNodeContents(p);
					s.addRange(rg);
					return p.textContent;
				});
				await page.keyboard.press('Control+C');
				let clip = null;
				try {
					clip = await page.evaluate(() => navigator.clipboard.readText());
				} catch (e) {
					clip = null;
				}
				const text = clip === null ? copied : clip;
				if (/\u00ad/.test(text))
					problems.push(`${name}: copied text holds soft hyphens: ${JSON.stringify(text.slice(0, 60))}`);
				await page.close();
			}
			await context.close();
		}
	} finally {
		await browser.close();
	}
	for (const p of problems)
		console.log(p);
	console.log(`site-check: ${pages.length} pages at 390 and 1280 px, ${checks} tables (${reflowed} reflowed at 390 px), ${chapters} chapters with their links, ${problems.length} problems`);
	return problems.length ? 1 : 0;
}

main().then((rc) => process.exit(rc), (e) => {
	console.error('site-check: ' + (e && e.stack || e));
	process.exit(2);
});
