#!/usr/bin/env node
// axe-check.js: runs axe-core on every HTML page of a generated site in
// headless Chromium (the Debian package, driven by playwright-core) and
// prints each violation. Exit 0 when there are none, 1 when there are, 2
// when the check itself could not run.
//
//   node axe-check.js OUTDIR [more pages or dirs...]
//
// Pages are opened as file:// URLs, as a reader opens a downloaded copy.
// Chromium is launched without network features: the site must work
// offline, and a request to the outside would show up as a failed load.
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// A page's name in messages: relative to the working directory when it is
// inside it, else absolute.
function shown(file) {
	const rel = path.relative(process.cwd(), file);
	return rel.startsWith('..') ? file : rel;
}

function htmlFiles(p) {
	const st = fs.statSync(p);
	if (st.isFile())
		return [path.resolve(p)];
	const out = [];
	for (const e of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		const full = path.join(p, e.name);
		if (e.isDirectory())
			out.push(...htmlFiles(full));
		else if (/\.html?$/.test(e.name))
			out.push(path.resolve(full));
	}
	return out;
}

async function main() {
	const args = process.argv.slice(2);
	if (!args.length) {
		console.error('usage: node axe-check.js OUTDIR|PAGE...');
		return 2;
	}
	const pages = args.flatMap(htmlFiles);
	if (!pages.length) {
		console.error('axe-check: no HTML pages found');
		return 2;
	}
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	let total = 0;
	const external = [];
	try {
		const context = await browser.newContext();
		for (const file of pages) {
			const page = await context.newPage();
			page.on('request', (req) => {
				const u = req.url();
				if (!u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('about:'))
					external.push(`${shown(file)}: requests ${u}`);
			});
			await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
			await page.addScriptTag({ content: axeSource });
			// Every rule axe runs by default: WCAG 2.x A and AA plus its
			// best practices.
			const result = await page.evaluate(async () => {
				const r = await window.axe.run(document, { resultTypes: ['violations'] });
				return r.violations.map((v) => ({
					id: v.id, impact: v.impact, help: v.help,
					nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
				}));
			});
			const rel = shown(file);
			for (const v of result) {
				total += v.nodes.length;
				console.log(`${rel}: ${v.id} (${v.impact}): ${v.help}`);
				for (const n of v.nodes.slice(0, 5))
					console.log(`    ${n.target}: ${(n.summary || '').replace(/\s+/g, ' ')}`);
				if (v.nodes.length > 5)
					console.log(`    ... and ${v.nodes.length - 5} more`);
			}
			await page.close();
		}
	} finally {
		await browser.close();
	}
	for (const e of external)
		console.log(e);
	console.log(`axe-check: ${pages.length} pages, ${total} violations, ${external.length} external requests`);
	return total || external.length ? 1 : 0;
}

main().then((rc) => process.exit(rc), (err) => {
	console.error('axe-check: ' + (err && err.stack || err));
	process.exit(2);
});
