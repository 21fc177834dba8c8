// pdf-words.mjs: how many of a PDF's words, as pdf.js (Firefox's reader)
// extracts them, are words of the edition's HTML (issue 20).
//
//   node pdf-words.mjs EDITION_DIR [MIN_PERCENT]
//
// Reads EDITION_DIR/rapport.pdf with pdfjs-dist's getTextContent, joins
// each page's items as a reader's copy would (an item that ends a line
// ends a word, except after a soft hyphen U+00AD, the mark of a hyphen
// added at a line break, which is dropped and the word joined), and counts
// the words (runs of letters, lower case) that occur in the text of
// EDITION_DIR/*.html (tags, scripts and styles left out, soft hyphens
// removed). Prints the share and the most frequent misses; exits 1 below
// MIN_PERCENT (default 98).
import fs from "node:fs";
import path from "node:path";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

const dir = process.argv[2];
const min = Number(process.argv[3] || 98);
if (!dir) {
	console.error("usage: node pdf-words.mjs EDITION_DIR [MIN_PERCENT]");
	process.exit(2);
}

const ENT = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", shy: "\u00ad" };
function htmlText(s) {
	s = s.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ");
	s = s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) =>
		e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
			: ENT[e] ?? m);
	return s.replace(/\u00ad/g, "");
}

const words = (s) => (s.toLowerCase().match(/\p{L}+/gu) || []);

const htmlWords = new Set();
for (const f of fs.readdirSync(dir)) {
	if (f.endsWith(".html"))
		for (const w of words(htmlText(fs.readFileSync(path.join(dir, f), "utf8"))))
			htmlWords.add(w);
}

const data = new Uint8Array(fs.readFileSync(path.join(dir, "rapport.pdf")));
const doc = await pdfjs.getDocument({ data, verbosity: 0, useSystemFonts: false }).promise;
let text = "";
for (let p = 1; p <= doc.numPages; p++) {
	const page = await doc.getPage(p);
	const tc = await page.getTextContent();
	for (const it of tc.items) {
		if (!("str" in it))
			continue;
		text += it.str;
		if (it.hasEOL)
			text += "\n";
	}
	text += "\n";
}
// a soft hyphen at a line's end joins the word over the break
text = text.replace(/\u00ad\s*\n\s*/g, "").replace(/\u00ad/g, "");
const pw = words(text);
let hit = 0;
const miss = new Map();
for (const w of pw) {
	if (htmlWords.has(w))
		hit++;
	else
		miss.set(w, (miss.get(w) || 0) + 1);
}
const pct = pw.length ? (100 * hit) / pw.length : 0;
const top = [...miss.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([w, n]) => `${w} (${n})`);
console.log(`pdf-words: ${dir}: ${hit} of ${pw.length} PDF words (${pct.toFixed(1)}%) are words of the HTML` +
	(top.length ? `; missing most: ${top.join(", ")}` : ""));
process.exit(pct >= min ? 0 : 1);
