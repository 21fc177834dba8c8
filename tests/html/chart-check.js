#!/usr/bin/env node
// chart-check.js: checks the charts of generated edition pages as a reader
// sees them, in headless Chromium (playwright-core, /usr/bin/chromium).
//
//   node chart-check.js [--shots DIR] PAGE.html...
//
// For every chart (<figure class="grafiek"> with a <picture>):
//   - at 390 px wide the narrow SVG is chosen and every text in it renders
//     at 12 CSS px or more (font-size in SVG units, attribute or CSS, x
//     rendered width / viewBox width); at 1280 px the wide SVG is chosen;
//   - the SVG files have real <text>, a <title> and no glyph <symbol>;
//   - the download links (CSV, SVG, PNG) point at files that exist.
// With --shots, a screenshot of the first chart of each page at both
// widths is written to DIR for a person to look at.
// Exit 0 when all holds, 1 with one line per problem, 2 when it cannot run.
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');
const { chromium } = require('playwright-core');

function svgFacts(file) {
	const s = fs.readFileSync(file, 'utf8');
	const vb = /viewBox="0 0 ([0-9.]+) ([0-9.]+)"/.exec(s);
	// sizes as attributes or in the drawing's <style> (one class per text style)
	const sizes = [...s.matchAll(/font-size(?:="|:)([0-9.]+)/g)].map(m => parseFloat(m[1]));
	return {
		width: vb ? parseFloat(vb[1]) : NaN,
		minFont: sizes.length ? Math.min(...sizes) : NaN,
		texts: (s.match(/<text[ >]/g) || []).length,
		title: /<title[ >]/.test(s),
		symbol: /<symbol[ >]/.test(s),
	};
}

async function main() {
	let args = process.argv.slice(2), shots = null;
	if (args[0] === '--shots') {
		shots = args[1];
		args = args.slice(2);
		fs.mkdirSync(shots, { recursive: true });
	}
	if (!args.length) {
		console.error('usage: node chart-check.js [--shots DIR] PAGE.html...');
		return 2;
	}
	const problems = [];
	let charts = 0;
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
	});
	try {
		for (const page of args) {
			const file = path.resolve(page);
			const name = path.relative(process.cwd(), file);
			for (const width of [390, 1280]) {
				const ctx = await browser.newContext({ viewport: { width, height: 900 } });
				const p = await ctx.newPage();
				await p.goto(pathToFileURL(file).href, { waitUntil: 'load' });
				const found = await p.$$eval('figure.grafiek picture img', imgs => imgs.map(i => ({
					src: i.currentSrc, w: i.getBoundingClientRect().width,
					id: i.closest('figure').id,
					links: [...i.closest('figure').querySelectorAll('p.downloads a')].map(a => a.href),
				})));
				if (!found.length)
					problems.push(`${name}: no charts found`);
				for (const f of found) {
					const svg = fileURLToPath(f.src);
					if (!fs.existsSync(svg)) {
						problems.push(`${name} #${f.id}: ${svg} missing`);
						continue;
					}
					const narrow = /-smal\.svg$/.test(svg);
					if (width === 390 && !narrow)
						problems.push(`${name} #${f.id}: at 390 px the wide chart ${path.basename(svg)} is shown`);
					if (width === 1280 && narrow)
						problems.push(`${name} #${f.id}: at 1280 px the narrow chart is shown`);
					const k = svgFacts(svg);
					if (!k.texts || !k.title || k.symbol)
						problems.push(`${name} #${f.id}: ${path.basename(svg)}: ${k.texts} <text>, title ${k.title}, symbol ${k.symbol}`);
					const px = k.minFont * f.w / k.width;
					if (width === 390) {
						charts++;
						if (!(px >= 12))
							problems.push(`${name} #${f.id}: smallest chart text ${px.toFixed(1)} px at 390 px (${k.minFont} in ${k.width} shown ${f.w.toFixed(0)} px)`);
					}
					if (f.links.length !== 3)
						problems.push(`${name} #${f.id}: ${f.links.length} download links, expected CSV, SVG, PNG`);
					for (const l of f.links)
						if (!fs.existsSync(fileURLToPath(l)))
							problems.push(`${name} #${f.id}: download ${l} missing`);
				}
				if (shots && found.length) {
					const el = await p.$('figure.grafiek');
					await el.screenshot({ path: path.join(shots, `${path.basename(path.dirname(file))}-${width}.png`) });
				}
				await ctx.close();
			}
		}
	} finally {
		await browser.close();
	}
	for (const m of problems)
		console.log(m);
	console.log(`chart-check: ${charts} charts on ${args.length} pages, ${problems.length} problems`);
	return problems.length ? 1 : 0;
}

main().then(rc => process.exit(rc), e => { console.error(e); process.exit(2); });
