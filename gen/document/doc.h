/* doc.h: the document tree: the one structure between the templates and the
 * writers.
 *
 * The template evaluator (template.c) turns templates plus data into this
 * tree, with every number already computed and formatted as text. The resolve
 * pass (doc_resolve.c) then numbers chapters, sections, figures and
 * footnotes, and fills in the text of cross-references. After that the tree
 * is read-only: the HTML writer (doc_html.c), the PDF typesetter
 * (doc_pdf.c) and the tree dump (doc_dump.c) each walk it and never compute
 * a number.
 *
 * Shape (like cmark): a node has a type, children and siblings. Block nodes
 * hang under DOC_DOCUMENT in reading order; inline nodes hang under
 * paragraphs, headings, list items, table cells, captions.
 *
 *   DOC_DOCUMENT
 *     DOC_TITLEPAGE          drawn from doc->meta
 *     DOC_TOC                contents list, generated from the headings
 *     DOC_HEADING level 1    "1 Kern" (flag DOC_ANNEX: "Bijlage A ...")
 *     DOC_HEADING level 2    "1.1 Inleiding"
 *     DOC_HEADING level 3    unnumbered run-in subheading in capitals
 *     DOC_PARAGRAPH          inlines
 *     DOC_LIST               ordered or not; children DOC_ITEM
 *       DOC_ITEM             inlines, or blocks (DOC_PARAGRAPH, DOC_LIST)
 *     DOC_PANEL              boxed panel (<aside>): title in ->text, child blocks
 *     DOC_QUOTE              block quotation: child blocks
 *     DOC_FIGURE             numbered figure ("Figuur 2.2"): children are
 *       DOC_CAPTION          inlines, without the "Figuur 2.2:" prefix
 *       DOC_TABLE            either the figure's content (a text table such as
 *                            2.1), or, with flag DOC_DATA_TABLE, the numbers
 *                            behind the chart for the HTML <details>
 *     DOC_TABLE              rows: DOC_TABLE_ROW (flag DOC_HEADER_ROW), cells:
 *                            ->text: its caption, where the generator knows one
 *                            (annex tables); the site names other tables by
 *                            their figure, panel or heading
 *       DOC_TABLE_CELL       inlines or blocks
 *
 *   inlines: DOC_TEXT (->text, plain UTF-8, never markup), DOC_EMPH,
 *     DOC_STRONG, DOC_LINEBREAK, DOC_VALUE (->text: a computed value; same as
 *     text for a reader), DOC_XREF (->target: id of a heading, figure,
 *     panel; ->text filled by resolve, e.g. "figuur 2.2"), DOC_FOOTNOTE
 *     (the footnote's own inlines are its children; ->number filled by
 *     resolve), DOC_CLAIM (a claim that no longer holds: children are the
 *     statement, ->text the reason for the editor, ->src_file/src_line where
 *     the template says it), DOC_LANG (a passage in another language than
 *     the report's: children are its inlines, ->lang its BCP 47 tag, "en";
 *     the HTML writer makes it <span lang>, the PDF a Span with /Lang).
 *
 * Strings in the tree are plain text; each writer escapes for its format.
 */
#ifndef DOC_H
#define DOC_H

#include <stddef.h>

struct chart;

typedef enum {
	/* blocks */
	DOC_DOCUMENT,
	DOC_TITLEPAGE,
	DOC_TOC,
	DOC_HEADING,
	DOC_PARAGRAPH,
	DOC_LIST,
	DOC_ITEM,
	DOC_PANEL,
	DOC_QUOTE,
	DOC_FIGURE,
	DOC_CAPTION,
	DOC_TABLE,
	DOC_TABLE_ROW,
	DOC_TABLE_CELL,
	/* inlines */
	DOC_TEXT,
	DOC_EMPH,
	DOC_STRONG,
	DOC_LINEBREAK,
	DOC_VALUE,
	DOC_XREF,
	DOC_FOOTNOTE,
	DOC_CLAIM,
	DOC_LANG,
	DOC_NTYPES
} doc_type;

enum {
	DOC_ORDERED = 1 << 0,    /* DOC_LIST: numbered */
	DOC_UNNUMBERED = 1 << 1, /* DOC_HEADING: no number (run-in subheads, annex intro) */
	DOC_ANNEX = 1 << 2,      /* DOC_HEADING level 1: an annex, numbered A, B, ... */
	DOC_HEADER_ROW = 1 << 3, /* DOC_TABLE_ROW: header row, repeated after a page break */
	DOC_DATA_TABLE = 1 << 4, /* DOC_TABLE under DOC_FIGURE: numbers behind a chart */
	DOC_NEW_PAGE = 1 << 5,   /* block starts a new page in print (chapters) */
	DOC_DASH_LIST = 1 << 6,  /* DOC_LIST: en-dash bullets, as the report prints them */
	DOC_NUMERIC = 1 << 7,    /* DOC_TABLE_CELL: right-aligned number (tabular figures) */
	DOC_INTRO = 1 << 8,      /* DOC_PARAGRAPH: the research question that opens a chapter */
	DOC_ISOLATE = 1 << 15,   /* DOC_TEXT: untrusted text (respondents, register), bidi-isolated */
};

typedef struct doc_node doc_node;
struct doc_node {
	doc_type type;
	int flags;
	int level;           /* DOC_HEADING: 1..3 */
	char *text;          /* DOC_TEXT/DOC_VALUE text; DOC_PANEL title; DOC_CLAIM reason; DOC_XREF resolved text */
	char *id;            /* anchor: headings, figures, panels, footnotes (set by template or resolve) */
	char *number;        /* resolved number: "2", "3.1", "A", "2.2" (figure), "1" (footnote) */
	char *target;        /* DOC_XREF: id it points to */
	struct chart *chart; /* DOC_FIGURE: the chart, or NULL for a table figure; owned by the node */
	char *alt;           /* DOC_FIGURE: alt text of the chart */
	char *question;      /* DOC_FIGURE drawn from data: the question's id (its number is checked against it) */
	char *legend;        /* DOC_TABLE: what the signs in its cells mean ("x = weggelaten ..."), or NULL */
	char *lang;          /* DOC_LANG: language of the passage, a well-formed BCP 47 tag ("en") */
	char *src_file;      /* template file and line this node came from (claims, errors) */
	int src_line;
	doc_node *parent, *first, *last, *prev, *next;
};

/* Report metadata for the title page, the PDF info dictionary and <head>. */
typedef struct {
	char *doctype;    /* "Rapportage" */
	char *title;      /* "De ‘doe-democratie’" */
	char *title_lines[4]; /* the title as printed on the title page, line by line (NULL-terminated) */
	char *subtitle;
	char *client;     /* "Het ministerie van Binnenlandse Zaken en Koninkrijksrelaties" */
	char *authors[8]; /* NULL-terminated */
	char *place;      /* "Vught" */
	char *date;       /* "5 juni 2013", as printed */
	char *date_iso;   /* "2013-06-05": PDF creation date, for byte-identical output */
	char *area;       /* "Nederland", "Gelderland": the variant's area */
	char *variant;    /* "nederland", "gelderland" */
	char *edition;    /* "Editie provincie Gelderland", "Editie Noord-Nederland (landsdeel)": from
	                     the kind of <uitgave> in rapport.xml; NULL for the whole country */
	char *keywords;
	char *lang;       /* "nl" */
	char *publisher;  /* "Partners+Pröpper": colofon, landing page (optional) */
	char *licence;    /* licence and source line of the colofon (optional) */
	char *source;     /* what the figures' source line names: "online enquête onder gemeenten" (optional) */
	char *fieldwork_from, *fieldwork_to; /* ISO dates of the fieldwork: the data date */
} doc_meta;

/* Frees the strings of m (not m itself). */
void doc_meta_free(doc_meta *m);

/* The source line printed under every figure ("Bron: online enquête onder
 * gemeenten, Partners+Pröpper (2013)"), from the report's metadata, the
 * same in HTML and PDF. malloc'd. */
char *doc_figure_source(const doc_meta *m);

/* Every data-dependent piece of text the evaluator decided: each statement
 * (<bewering>) it checked, held or not, and each wording chosen by the data
 * (<kies>, <keuze>). Written per variant as beweringen.csv, so a new run can
 * say which statements and wordings changed (changes.c). New kinds or
 * reasons (e.g. a value that was suppressed) get a new enum value and, if
 * needed, a new field at the end; readers match on kind. */
typedef enum {
	DOC_CLAIM_STATEMENT, /* <bewering test>: holds or not */
	DOC_CLAIM_CHOICE     /* <kies>/<keuze>: which branch the data chose */
} doc_claim_kind;

typedef struct {
	doc_claim_kind kind;
	char *file;
	int line;
	int holds;        /* statement: 1 holds, 0 does not, -1 not checked: it reads a suppressed number */
	int branch;       /* choice: 1-based index of the <als> taken, 0 for <anders>, -1 for none */
	char *text;       /* the statement, or the chosen wording, as printed */
	char *test;       /* the test(s) evaluated: a choice's tests up to the one taken, joined by "; " */
	char *values;     /* what the tests read: "pct(a) = 47; pct(b) = 50" */
	/* where the text stands in the tree (NULL: not printed, or moved):
	 * the nodes from..to, siblings; joined: blocks, read with a space
	 * between them. doc_claims_refresh reads text again from them once
	 * cross-references are resolved ("figuur 2.1", not "()"). */
	const doc_node *from, *to;
	int joined;
} doc_claim;

typedef struct {
	doc_node *root;   /* DOC_DOCUMENT */
	doc_meta meta;
	int nclaims_failed;
	int nclaims;
	doc_claim *claims;
} doc;

doc *doc_new(void);
void doc_free(doc *d);

doc_node *doc_node_new(doc_type type);
/* Appends child under parent; returns child. */
doc_node *doc_append(doc_node *parent, doc_node *child);
/* Convenience: appends a DOC_TEXT with a copy of text. */
doc_node *doc_append_text(doc_node *parent, const char *text);
/* Appends untrusted text (an open answer, a gemeente name) as a DOC_TEXT
 * with DOC_ISOLATE, its every paragraph wrapped in U+2068 FSI ... U+2069
 * PDI and its own isolates balanced, so a stray bidi control (U+202E
 * right-to-left override) cannot reorder the text around it in any writer.
 * The HTML writer adds <bdi> around it as well. */
doc_node *doc_append_isolated(doc_node *parent, const char *text);
/* The isolated form of text (see doc_append_isolated). malloc'd. */
char *bidi_isolate(const char *text);
/* Convenience for generated tables: a row (DOC_HEADER_ROW if header), and a
 * cell holding text (DOC_NUMERIC if numeric). */
doc_node *doc_append_row(doc_node *table, int header);
doc_node *doc_append_cell(doc_node *row, const char *text, int numeric);
void doc_node_free(doc_node *n); /* frees the subtree; does not unlink */
int doc_is_block(doc_type t);
const char *doc_type_name(doc_type t);

/* Walks the tree in document order with enter and exit events, as cmark's
 * iterator does. Leaf nodes (DOC_TEXT, DOC_VALUE, DOC_LINEBREAK, DOC_TOC,
 * DOC_TITLEPAGE) get only an enter event. */
typedef enum { DOC_EV_NONE, DOC_EV_ENTER, DOC_EV_EXIT } doc_event;
typedef struct {
	doc_node *root, *cur;
	doc_event ev;
} doc_iter;
void doc_iter_init(doc_iter *it, doc_node *root);
doc_event doc_iter_next(doc_iter *it); /* DOC_EV_NONE at the end */

/* Concatenated plain text of a subtree's inlines (for bookmarks, TOC
 * entries, alt attributes). malloc'd. */
char *doc_plain_text(const doc_node *n);
/* Reads every claim's text again from its nodes (after doc_resolve). */
void doc_claims_refresh(doc *d);

/* The resolve pass: numbers headings (1, 1.1; annexes A, B), figures
 * (chapter.k), footnotes (1, 2, ... through the whole document), gives every
 * heading, figure and footnote an id if it has none, and sets the text of
 * every DOC_XREF ("figuur 2.2", "paragraaf 3.1", "bijlage A"). Returns 0, or
 * -1 with msg naming the template file and line of an xref whose target does
 * not exist. */
int doc_resolve(doc *d, char *msg, size_t msglen);
/* Finds a node by id (after resolve). */
doc_node *doc_find_id(doc *d, const char *id);

/* Tree dump for tests: one node per line, indented, with type, flags,
 * number, id and text. malloc'd. */
char *doc_dump(const doc *d);

#endif
