#!/usr/bin/env node
// site-check.js: what a reader of an edition page meets, checked in
// headless Chromium (the Debian package through playwright-core) at a
// phone width (390 px) and a desk width (1280 px):
//   - the page does not scroll sideways, and no table is wider than the
//     box it sits in (every <details> opened first, so hidden tables count);
//   - every table has a caption with text;
//   - the first Tab lands on the skip link to the text (#inhoud);
//   - the page links its PDF, its numbers (cijfers.csv), its codebook and
//     the landing page, and each of those files exists;
//   - copying a paragraph gives the plain words (no soft hyphens).
// Prints every problem; exit 0 when there are none, 1 when there are, 2
// when the check could not run.
//
//   node site-check.js OUTDIR
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

async function main() {
	const root = process.argv[2];
	if (!root) {
		console.error('usage: node site-check.js OUTDIR');
		return 2;
	}
	const pages = fs.readdirSync(root, { withFileTypes: true })
		.filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, 'index.html')))
		.map((e) => path.resolve(root, e.name, 'index.html')).sort();
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
	let checks = 0;
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
					out.tables = tables.length;
					for (const a of document.querySelectorAll('a[href]'))
						out.links[a.getAttribute('href')] = true;
					return out;
				});
				checks += r.tables;
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
	console.log(`site-check: ${pages.length} pages at 390 and 1280 px, ${checks} tables, ${problems.length} problems`);
	return problems.length ? 1 : 0;
}

main().then((rc) => process.exit(rc), (e) => {
	console.error('site-check: ' + (e && e.stack || e));
	process.exit(2);
});
