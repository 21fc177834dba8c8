/* pdf_layout.h: the measure pass of the PDF typesetter.
 *
 * Turns the resolved document tree into a vertical list of unbreakable
 * items (one per text line, table row, chart figure...), each with the draw
 * operations it needs relative to its own top, and then fills A4 pages with
 * them, paps-style: one PangoLayout per paragraph, its lines flattened into
 * the list, pages filled in order. Nothing is drawn here; doc_pdf.c walks
 * the finished pages and draws. Because every page number is known before
 * anything is drawn, the contents page and cross-references are exact.
 *
 * Units are points; x is from the left edge of the page, y of an operation
 * from the top of its item. */
#ifndef PDF_LAYOUT_H
#define PDF_LAYOUT_H

#include <pango/pangocairo.h>
#include "doc.h"
#include "hyphenate.h"

struct chart_layout;

/* A structure element of the tagged PDF. The measure pass builds the tree
 * (which table, row and cell, which list item, which paragraph each op
 * belongs to); the draw pass opens and closes the elements around the ops,
 * in page order, which makes reading order = structure order.
 *
 * cairo 1.16 writes marked content only for elements without child
 * elements: text of an element that also holds a link or a note, or that
 * runs over a page break, would be lost from the tree. Such an element
 * (`span`, decided after pagination) gets its text in anonymous Span
 * children, one per run between its links and notes and per page. */
typedef struct pdf_elem {
	const char *tag;         /* standard structure type: "P", "TD", "LBody"... */
	struct pdf_elem *parent; /* NULL: directly under Document */
	char *alt;               /* Figure: the text alternative (owned) */
	int scope;               /* TH: PDF_SCOPE_COLUMN or PDF_SCOPE_ROW */
	unsigned span : 1;       /* content goes into Span children (see above) */
	unsigned leaf : 1;       /* content goes into the element itself */
	int page;                /* last page with content of the element (pass state) */
} pdf_elem;

enum { PDF_SCOPE_COLUMN = 1, PDF_SCOPE_ROW = 2 };

/* Page geometry: A4 with a 10/14.5 pt text block of 455 pt. */
#define PDF_PAGE_W 595.276
#define PDF_PAGE_H 841.89
#define PDF_MARGIN_L 70.0
#define PDF_MARGIN_R 70.0
#define PDF_TEXT_W (PDF_PAGE_W - PDF_MARGIN_L - PDF_MARGIN_R)
#define PDF_BODY_TOP 82.0
#define PDF_BODY_BOTTOM (PDF_PAGE_H - 74.0)
#define PDF_BODY_H (PDF_BODY_BOTTOM - PDF_BODY_TOP)
#define PDF_HEADER_BASELINE 50.0
#define PDF_FOOTER_BASELINE (PDF_PAGE_H - 40.0)
#define PDF_FONT "Lato"
/* No standard ligatures in the PDF's text: cairo maps a glyph to the text
 * the font's cmap gives it, U+FB01 for "fi", and then writes every "fi" as
 * an /ActualText, after which poppler's reading of the structure tree
 * loses the rest of the element; search and copy would find "\uFB01". */
#define PDF_FONT_FEATURES "liga 0, clig 0"

typedef enum {
	PDF_OP_LINE,     /* one line of a PangoLayout; y is its baseline */
	PDF_OP_RECT,     /* filled rectangle in rgb */
	PDF_OP_CHART,    /* chart drawn with its top left at x, y */
	PDF_OP_LINK,     /* clickable rectangle to the destination `name` */
	PDF_OP_DEST,     /* named destination `name` at y */
	PDF_OP_TOCNUM,   /* contents entry: dot leader from x to the page number of `node`, baseline y */
	PDF_OP_TITLEPAGE /* the whole title page, drawn from doc->meta */
} pdf_op_kind;

typedef struct {
	pdf_op_kind kind;
	double x, y, w, h;
	double rgb[3];
	PangoLayoutLine *line;      /* PDF_OP_LINE; PDF_OP_LINK: the line whose text it covers
				     * (a reference is held) */
	int start, end;             /* PDF_OP_LINK: the bytes of line's layout text it covers */
	/* PDF_OP_LINE: a word hyphenated at the line's end, from byte
	 * word_from to the line's end, reads `word` (whole; owned) in the text
	 * layer; the line begins with the rest of a word hyphenated on the
	 * line before, up to byte cont_to (0: none), which reads as nothing */
	char *word;
	int word_from, cont_to;
	struct chart_layout *chart; /* PDF_OP_CHART (owned by the layout) */
	char *name;                 /* PDF_OP_LINK, PDF_OP_DEST */
	const doc_node *node;       /* PDF_OP_TOCNUM: heading whose page is printed */
	pdf_elem *el;               /* structure element of the content; NULL: an artifact
				     * (rules, backgrounds: PDF_OP_RECT is always one) */
} pdf_op;

typedef struct pdf_item_s {
	double h;            /* height on the page */
	double space_before; /* gap above; dropped at the top of a page */
	unsigned keep_with_next : 1; /* no page break between this item and the next */
	unsigned new_page : 1;       /* starts a new page */
	unsigned is_float : 1;       /* chart figure or panel: may move below following text */
	unsigned is_header : 1;      /* header row of table `table`, repeated after a break */
	unsigned full_page : 1;      /* the title page: a page of its own */
	int table;           /* table number (1-based) of a row, else 0 */
	int panel;           /* panel number (1-based) of an item inside a panel, else 0 */
	double panel_x, panel_w; /* background of the panel */
	int nops, capops;
	pdf_op *ops;
	int *notes;          /* footnotes referenced from this item (indexes into notes) */
	pdf_elem **note_els; /* the element holding each note's marker: the Note goes under it */
	int nnotes;
	const doc_node *anchor; /* heading, figure or panel that starts at this item */
	const char *tag;     /* structure element ("P", "H1", "Caption"), or NULL */
	int block;           /* items of one paragraph share this number */
	/* a panel under a heading, made one float: its items as they were
	 * (owned), for the page filling to break it after all (see paginate) */
	struct pdf_item_s *parts;
	int nparts;
} pdf_item;

/* A footnote as printed at the foot of a page: its lines, as one block. */
typedef struct {
	const doc_node *node;
	double h;
	int nops;
	pdf_op *ops;
} pdf_note;

typedef struct {
	int item;
	double y;   /* top of the item on the page */
	int repeat; /* a table header row repeated after a page break */
} pdf_place;

typedef struct {
	int nplace, capplace;
	pdf_place *place;
	int nnotes, capnotes;
	int *notes;               /* footnotes at the foot of this page */
	double notes_h;           /* their height, with the separating rule */
	const doc_node *chapter;  /* level-1 heading in force on this page */
	int is_title;
} pdf_page;

typedef struct pdf_layout {
	PangoContext *ctx;
	hyph *hy;
	int nitems, capitems;
	pdf_item *items;
	int nnotes, capnotes;
	pdf_note *notes;
	int npages, cappages;
	pdf_page *pages;
	int ntables, npanels, nblocks;
	int nelems, capelems;   /* every structure element, in creation order */
	pdf_elem **elems;
	int front;              /* pages before the first chapter (title, contents): numbered i, ii */
	int ndests, capdests;   /* destination names of nodes without an id */
	const doc_node **dest_nodes;
	char **dest_names;
	GPtrArray *layouts;     /* every PangoLayout whose lines the ops draw */
	GHashTable *cells;      /* unwrapped table cell layouts by style and text (pdf_layout.c) */
	/* state of the measure pass between blocks */
	double gap;             /* space asked for above the next block */
	char *label;            /* list label waiting for the item's first line */
	pdf_elem *label_el;     /* its Lbl element */
	double label_x;
	pdf_elem *parent;       /* container of the next block's elements (NULL: Document) */
	pdf_elem *el;           /* element of the ops being added */
	pdf_elem *para_el;      /* element the next paragraph uses instead of a new P (LBody, Hn) */
	int head_level;         /* level of the last heading's element */
	const doc_meta *meta;   /* the report's metadata (source line, colofon) */
	int colofon;            /* 1 + the colofon's first item (its page has no chapter), or 0 */
	int hwant[8], heff[8], hdepth; /* open headings: tree level and the Hn each got */
} pdf_layout;

/* A pango context for cr set up the way the typesetter measures: 72 dpi,
 * no metric hinting, Dutch. The caller unrefs it. */
PangoContext *pdf_context_new(cairo_t *cr);

/* Measures and paginates the document with layouts from ctx (its
 * resolution and font options decide the metrics: 72 dpi, no metric
 * hinting). hy may be NULL (no hyphenation). */
pdf_layout *pdf_layout_new(const doc *d, PangoContext *ctx, hyph *hy);
void pdf_layout_free(pdf_layout *l);

/* Fontconfig's configuration, the report's fonts and their faces, loaded
 * once in the parent before the edition workers fork (each would load them
 * on its own otherwise); kept alive until pdf_warm_free. */
typedef struct pdf_warm pdf_warm;
pdf_warm *pdf_warm_up(void);
void pdf_warm_free(pdf_warm *w);

/* 1-based page on which a node with an item of its own (heading, figure,
 * panel) starts, or 0 if it is not laid out. */
int pdf_layout_page_of(const pdf_layout *l, const doc_node *n);

/* Destination name of a node: its id, or a generated one ("pdf-dest-3",
 * numbered in document order so two runs give the same bytes). */
const char *pdf_dest_name(pdf_layout *l, const doc_node *n);

/* The page label of 1-based page n, as printed at its foot, in the
 * contents and in the viewer: "i", "ii" for the pages before the first
 * chapter, then "1", "2"... malloc'd. */
char *pdf_page_label(const pdf_layout *l, int n);

/* The contents: every heading of level 1 and 2 (and annexes) with its page,
 * in order. Fills up to max entries; returns how many there are. */
int pdf_toc_pages(const pdf_layout *l, const doc_node **heads, int *pages, int max);

/* The text a heading prints: "2.1 Inleiding", "Bijlage A Methode". malloc'd. */
char *pdf_heading_text(const doc_node *h);

#endif
