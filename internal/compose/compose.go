package compose

import (
	"bytes"
	"github.com/strategia-pl/strategia/internal/refdata"
	"image"
	_ "image/jpeg" // decoders for DecodeConfig of maps
	_ "image/png"
	"regexp"
	"strconv"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/internal/tmpl"
	"github.com/strategia-pl/strategia/render/doc"
	"github.com/yuin/goldmark"
)

// Rule IDs of the diagnostics compose reports.
const (
	// RuleMarkdown: a Markdown construct the documents cannot express.
	RuleMarkdown = "MD-01"
	// RuleListDepth: a Markdown list nested deeper than Word can show.
	RuleListDepth = "MD-02"
	// RuleImage: a map or image file cannot be read or is not PNG/JPEG.
	RuleImage = "FILE-04"
)

// Options are the inputs of composing besides the content.
type Options struct {
	// Date is the document date, "YYYY-MM-DD" (from SOURCE_DATE_EPOCH or
	// the sources; never the wall clock).
	Date string
	// ReadFile reads a file of the partnership folder by its
	// partnership-relative slash path (maps and images). The build
	// supplies one confined to the folder.
	ReadFile func(rel string) ([]byte, error)
	// Revision is the short git commit the sources come from ("" when not
	// built from git); Dirty says the partnership folder had uncommitted
	// changes. Both go on the title page and in the running footer.
	Revision string
	Dirty    bool
	// Templates are the document templates (the built-in set with the
	// workspace's overrides); nil means the built-in set.
	Templates *tmpl.Set
}

// composer holds the state of composing one document.
type composer struct {
	s   *model.Strategy
	x   *model.Index
	f   *model.Facts
	opt Options
	l   *diag.List
	d   *doc.Document
	md  goldmark.Markdown
	tpl *tmpl.Set
	tok tokens
	// proseTok holds the block tokens of Markdown already converted for a
	// template (see prose).
	proseTok map[*model.Markdown]string
	// front is the front matter of the strategy (contents, lists of
	// tables and figures, abbreviations), filled once it is assembled.
	front []doc.Block

	tables, maps, figs, fns int
	anchors                 map[string]bool        // anchors in use
	targets                 map[string]bool        // link targets the document will contain
	placed                  map[string]*doc.Figure // map ID → its figure
	labels                  map[*doc.Text]string   // caption labels to number after assembly: "Tabela", "Mapa", "Rycina"
	seeMaps                 []mapRef               // "Zob. mapa N." texts of maps placed before
	images                  map[string]*doc.Figure
	mapRefs                 []mapRef // inline {{map:…}} texts to fill once maps are numbered
}

type mapRef struct {
	id string
	t  *doc.Text
}

func newComposer(s *model.Strategy, x *model.Index, f *model.Facts, opt Options) *composer {
	if x == nil {
		x = model.NewIndex(s)
	}
	if f == nil {
		f = model.Derive(s, x)
	}
	t := opt.Templates
	if t == nil {
		t = tmpl.Default()
	}
	return &composer{s: s, x: x, f: f, opt: opt, l: &diag.List{}, d: &doc.Document{}, tpl: t,
		md: newMarkdown(), anchors: map[string]bool{}, targets: map[string]bool{},
		placed: map[string]*doc.Figure{}, labels: map[*doc.Text]string{}, images: map[string]*doc.Figure{}}
}

// finish numbers the captions, fills the references to maps and sorts
// the diagnostics.
func (c *composer) finish() (*doc.Document, *diag.List) {
	n := c.numberCaptions()
	for _, r := range c.mapRefs {
		if k, ok := n[c.placed[r.id]]; ok {
			r.t.Text = "mapa" + plfmt.NBSP + strconv.Itoa(k)
		}
	}
	for _, r := range c.seeMaps {
		if k, ok := n[c.placed[r.id]]; ok {
			r.t.Text = "Zob. mapa" + plfmt.NBSP + strconv.Itoa(k) + "."
		}
	}
	describeColumns(c.d)
	c.l.Sort()
	return c.d, c.l
}

// label is the caption label of a numbered table or figure; its number
// is given by numberCaptions once the document is assembled, so numbers
// never skip a table or figure that was built and then left out.
func (c *composer) label(kind string) *doc.Text {
	t := &doc.Text{Text: kind + plfmt.NBSP + "?. "}
	c.labels[t] = kind
	return t
}

// numberCaptions numbers the labelled captions of the document in
// reading order, each kind on its own (Tabela 1…, Mapa 1…, Rycina 1…),
// and returns the number of every figure.
func (c *composer) numberCaptions() map[*doc.Figure]int {
	count := map[string]int{}
	figs := map[*doc.Figure]int{}
	num := func(caption []doc.Inline) int {
		if len(caption) == 0 {
			return 0
		}
		t, ok := caption[0].(*doc.Text)
		if !ok {
			return 0
		}
		kind, ok := c.labels[t]
		if !ok {
			return 0
		}
		count[kind]++
		t.Text = kind + plfmt.NBSP + strconv.Itoa(count[kind]) + ". "
		return count[kind]
	}
	visit := func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if !entering {
			return doc.WalkContinue, nil
		}
		switch n := n.(type) {
		case *doc.Table:
			num(n.Caption)
		case *doc.Figure:
			if k := num(n.Caption); k > 0 {
				figs[n] = k
			}
		}
		return doc.WalkContinue, nil
	}
	_ = doc.Walk(c.d, visit)
	for _, f := range c.d.Footnotes {
		for _, b := range f.Blocks {
			_ = doc.Walk(b, visit)
		}
	}
	return figs
}

// ---- anchors ----

// Anchors of entities, the targets of internal links.
func anchorGoal(id string) string    { return "cel-" + id }
func anchorDir(id string) string     { return "kd-" + id }
func anchorProject(id string) string { return "projekt-" + id }
func anchorOSI(id string) string     { return "osi-" + id }
func anchorMap(id string) string     { return "mapa-" + id }

// anchor returns a, registered as used; a second use gets "" so anchors
// stay unique.
func (c *composer) anchor(a string) string {
	if a == "" || c.anchors[a] {
		return ""
	}
	c.anchors[a] = true
	return a
}

// ---- inline helpers ----

// tx returns a text run of plain YAML text with Polish typography.
func tx(s string) *doc.Text { return &doc.Text{Text: plfmt.Text(s)} }

// raw returns a text run as is (already formatted).
func raw(s string) *doc.Text { return &doc.Text{Text: s} }

func bold(s string) *doc.Text { return &doc.Text{Text: plfmt.Text(s), Style: doc.Bold} }

func italic(s string) *doc.Text { return &doc.Text{Text: plfmt.Text(s), Style: doc.Italic} }

func ins(in ...doc.Inline) []doc.Inline { return in }

// para is a body paragraph of plain text.
func para(s string) *doc.Paragraph { return &doc.Paragraph{Inlines: ins(tx(s))} }

func paraIn(in ...doc.Inline) *doc.Paragraph { return &doc.Paragraph{Inlines: in} }

func note(in ...doc.Inline) *doc.Paragraph { return &doc.Paragraph{Style: doc.ParaNote, Inlines: in} }

// labelled is a paragraph "Label: value".
func labelled(lbl string, value ...doc.Inline) *doc.Paragraph {
	return &doc.Paragraph{Inlines: append(ins(bold(lbl+": ")), value...)}
}

func section(level int, anchor, title string, blocks ...doc.Block) *doc.Section {
	return &doc.Section{Level: level, Anchor: anchor, Title: ins(tx(title)), Blocks: blocks}
}

// link is an internal link to anchor a when the document contains it,
// else the inlines themselves.
func (c *composer) link(a string, in ...doc.Inline) []doc.Inline {
	if c.targets[a] {
		return ins(&doc.Link{Anchor: a, Inlines: in})
	}
	return in
}

// entityLink is "ID „Title”", linked to the entity's anchor.
func (c *composer) entityLink(a, id, title string) []doc.Inline {
	s := id
	if title != "" {
		s += plfmt.NBSP + plfmt.Quote(plfmt.Text(title))
	}
	return c.link(a, raw(s))
}

// refLinks lists IDs as links (goals, directions, projects, OSI) or plain
// IDs, separated by commas.
func (c *composer) refLinks(ids []string) []doc.Inline {
	var out []doc.Inline
	for i, id := range ids {
		if i > 0 {
			out = append(out, raw(", "))
		}
		out = append(out, c.idLink(id)...)
	}
	return out
}

// idLink links a bare ID to whatever entity it names.
func (c *composer) idLink(id string) []doc.Inline {
	switch {
	case c.x.Goals[id] != nil:
		return c.link(anchorGoal(id), raw(id))
	case c.x.OpGoals[id] != nil:
		return c.link(anchorGoal(id), raw(id))
	case c.x.Directions[id] != nil:
		return c.link(anchorDir(id), raw(id))
	case c.x.Projects[id] != nil:
		return c.link(anchorProject(id), raw(id))
	case c.x.OSI[id] != nil:
		return c.link(anchorOSI(id), raw(id))
	}
	return ins(raw(id))
}

// memberName is a member's name with its kind where names repeat (Kolno
// the town and Kolno the rural gmina).
func (c *composer) memberName(teryt string) string {
	m := c.x.Members[teryt]
	if m == nil {
		return teryt
	}
	name := m.Name
	if m.Kind == "powiat" && !strings.HasPrefix(strings.ToLower(name), "powiat") {
		name = "Powiat " + name
	}
	// qualify a name shared with another member (by type), and a name
	// shared by type with another member or another gmina of the TERC
	// register (by type and powiat): "Kolno (gmina wiejska, pow. olsztyński)"
	sameName, sameType := false, len(refdata.TERC().Namesakes(teryt)) > 0
	for _, o := range c.s.Partnership.Members {
		if o != m && o.Name == m.Name {
			sameName = true
			sameType = sameType || c.memberType(o) == c.memberType(m)
		}
	}
	switch {
	case sameType && m.Kind != "powiat":
		if pw, ok := refdata.TERC().Powiat(teryt); ok && !pw.IsCityWithPowiatRights() {
			return name + " (" + c.memberType(m) + ", pow. " + pw.Name + ")"
		}
		return name + " (" + c.memberType(m) + ", " + teryt + ")"
	case sameName:
		return name + " (" + c.memberType(m) + ")"
	}
	return name
}

// memberType is "gmina miejska", "gmina wiejska", "powiat", …
func (c *composer) memberType(m *model.Member) string {
	if m.Kind == "gmina" || m.Kind == "" {
		gt := m.GminaType
		if gt == 0 && len(m.Teryt.ID) == 7 {
			gt = int(m.Teryt.ID[6] - '0')
		}
		if t, ok := gminaTypes[gt]; ok {
			return t
		}
		return "gmina"
	}
	return label(memberKinds, m.Kind)
}

// memberNames lists members by name; a powiat after the first item is
// in lower case ("Grabowo, Turośl, powiat kolneński"), as running text
// writes it.
func (c *composer) memberNames(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = c.memberName(id)
		if m := c.x.Members[id]; i > 0 && m != nil && m.Kind == "powiat" {
			names[i] = plfmt.LowerFirst(names[i])
		}
	}
	return strings.Join(names, ", ")
}

// ---- tables ----

// cell helpers
func hcell(s string) *doc.Cell {
	return &doc.Cell{Shade: doc.ShadeHeader, Bold: true, Align: doc.AlignCenter, Blocks: []doc.Block{paraIn(tx(s))}}
}

func tcell(s string) *doc.Cell { return &doc.Cell{Blocks: []doc.Block{paraIn(tx(s))}} }

func icell(in ...doc.Inline) *doc.Cell { return &doc.Cell{Blocks: []doc.Block{paraIn(in...)}} }

func ncell(s string) *doc.Cell {
	return &doc.Cell{Align: doc.AlignRight, Blocks: []doc.Block{paraIn(raw(s))}}
}

func ccell(s string) *doc.Cell {
	return &doc.Cell{Align: doc.AlignCenter, Blocks: []doc.Block{paraIn(raw(s))}}
}

func bcell(blocks ...doc.Block) *doc.Cell { return &doc.Cell{Blocks: blocks} }

func row(cells ...*doc.Cell) *doc.Row { return &doc.Row{Cells: cells} }

func headerRow(labels ...string) *doc.Row {
	r := &doc.Row{}
	for _, l := range labels {
		r.Cells = append(r.Cells, hcell(l))
	}
	return r
}

// table returns a numbered table: "Tabela N. caption" (numbered once
// the document is assembled).
func (c *composer) table(caption string, widths []float64, header int, rows ...*doc.Row) *doc.Table {
	return &doc.Table{
		Caption:    ins(c.label("Tabela"), tx(caption)),
		Widths:     widths,
		HeaderRows: header,
		Rows:       rows,
	}
}

// captionTable numbers a Markdown table like every other table of the
// document and gives it the caption text; a trailing "Źródło: …" becomes
// the table's note, as for the tables compose builds itself.
// Sentences after the caption's first (a legend: "Znak „.” oznacza dane
// niedostępne.") go to the note too, before the source: the caption is
// what the list of tables repeats.
func (c *composer) captionTable(t *doc.Table, text string) {
	caption, source, hasSource := strings.Cut(text, "Źródło:")
	caption, legend := splitCaption(caption)
	t.Caption = ins(c.label("Tabela"), tx(captionText(caption)))
	var note []string
	if legend != "" {
		note = append(note, legend)
	}
	if hasSource {
		note = append(note, "Źródło: "+strings.TrimSpace(source))
	}
	if len(note) > 0 {
		t.Note = ins(tx(strings.Join(note, " ")))
	}
}

// sentenceEnd matches the end of a caption's first sentence: a full stop,
// a space and a capital.
var sentenceEnd = regexp.MustCompile(`(\S+)\.[ \x{a0}]+[\p{Lu}„]`)

// splitCaption cuts a caption after its first sentence (not after an
// abbreviation that never ends one: "m.in. Kolno", "ok. 5"); the rest is
// "" for a one-sentence caption.
func splitCaption(s string) (caption, rest string) {
	s = strings.TrimSpace(s)
	for _, m := range sentenceEnd.FindAllStringSubmatchIndex(s, -1) {
		switch strings.TrimLeft(s[m[2]:m[3]], "(") {
		case "ok", "tzw", "m.in", "np", "pkt", "ust", "art", "nr", "jw", "tys", "mln", "mld", "ul", "al", "im", "św", "gm", "pow", "woj":
			continue
		}
		end := m[3] + 1 // after the full stop
		return strings.TrimSpace(s[:end]), strings.TrimSpace(s[end:])
	}
	return s, ""
}

// captionAbbrev matches a caption's last word that is an abbreviation
// ending in a full stop ("w 2022 r.").
var captionAbbrev = regexp.MustCompile(`(?:^|[\s\x{a0}(])(?:r|tys|ok|itd|itp|m\.in|pkt|ust|art|nr|jw|tzw)\.$`)

// captionText is a caption as Polish captions are set: without a full
// stop at the end of a one-phrase caption (one that ends in an
// abbreviation, or holds more than one sentence, keeps it).
func captionText(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") && !strings.Contains(strings.TrimSuffix(s, "."), ". ") && !captionAbbrev.MatchString(s) {
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

func sourceNote(s string) []doc.Inline { return ins(tx("Źródło: " + s)) }

// ---- figures ----

// mapFigure places map id as a numbered figure; a map placed before gives
// a cross-reference paragraph instead. pos is where the map was asked for.
func (c *composer) mapFigure(id string, pos diag.Pos) doc.Block {
	m := c.x.Maps[id]
	if m == nil {
		c.l.Errorf(pos, "REF-12", "map %s is not defined in spatial.yaml", id)
		return nil
	}
	if _, ok := c.placed[id]; ok {
		t := raw("Zob. mapa.")
		c.seeMaps = append(c.seeMaps, mapRef{id: id, t: t})
		return &doc.Paragraph{Style: doc.ParaNote, Inlines: c.link(anchorMap(id), t)}
	}
	data, format, w, h, ok := c.readImage(m.File, m.At("file"))
	if !ok {
		return nil
	}
	c.maps++
	f := &doc.Figure{
		Anchor:  c.anchor(anchorMap(id)),
		Name:    id + "." + ext(format),
		Format:  format,
		Data:    data,
		WidthPx: w, HeightPx: h,
		Alt:     plfmt.Text(m.Alt),
		Caption: ins(c.label("Mapa"), tx(m.Title)),
	}
	c.placed[id] = f
	if f.Alt == "" {
		f.Alt = plfmt.Text(m.Title)
	}
	src := m.Source
	// the TERC edition, unless the source already names the register
	if ed := m.TerytEdition; (ed != "" || c.s.Partnership.TerytEdition != "") && !strings.Contains(src, "TERC") {
		if ed == "" {
			ed = c.s.Partnership.TerytEdition
		}
		if src != "" {
			src = strings.TrimRight(src, ". ") + "; "
		}
		src += "granice jednostek według rejestru TERC, stan na " + plfmt.Date(ed)
	}
	if src != "" {
		f.Source = sourceNote(strings.TrimRight(src, ".") + ".")
	}
	return f
}

// readImage reads a PNG or JPEG file of the partnership folder.
func (c *composer) readImage(rel string, pos diag.Pos) (data []byte, format string, w, h int, ok bool) {
	if rel == "" {
		c.l.Errorf(pos, RuleImage, "no file given for the image")
		return nil, "", 0, 0, false
	}
	if c.opt.ReadFile == nil {
		c.l.Errorf(pos, RuleImage, "cannot read %s: no file access was given to compose", rel)
		return nil, "", 0, 0, false
	}
	data, err := c.opt.ReadFile(rel)
	if err != nil {
		c.l.Errorf(pos, RuleImage, "cannot read image %s: %v", rel, err)
		return nil, "", 0, 0, false
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || format != "png" && format != "jpeg" {
		c.l.Errorf(pos, RuleImage, "image %s is not a PNG or JPEG file", rel)
		return nil, "", 0, 0, false
	}
	return data, format, cfg.Width, cfg.Height, true
}

// ---- values ----

// decimals returns an indicator's decimals: as given, else 0 for a count
// (persons, pieces: "12 szt.", never "12,0 szt.") and 1 for a measure.
func decimals(in *model.Indicator) int {
	if in != nil && in.Decimals != nil {
		return *in.Decimals
	}
	if in != nil && countUnits[strings.ToLower(strings.TrimSpace(in.Unit))] {
		return 0
	}
	return 1
}

// valueIn formats v of an indicator given with its own unit (a fiche's
// indicator may name a unit, or have no catalogue entry): decimals as the
// catalogue gives them, else 0 for a count unit and 1 for a measure.
func valueIn(in *model.Indicator, unit string, v float64) string {
	if in != nil && in.Decimals != nil {
		return plfmt.Number(v, *in.Decimals)
	}
	if in != nil && unit == "" {
		unit = in.Unit
	}
	if countUnits[strings.ToLower(strings.TrimSpace(unit))] {
		return plfmt.Number(v, 0)
	}
	return plfmt.Number(v, 1)
}

// countUnits are units of counted things, printed as whole numbers.
var countUnits = map[string]bool{
	"szt.": true, "szt": true, "sztuk": true, "osoby": true, "osób": true, "os.": true, "osoba": true,
	"liczba": true, "podmioty": true, "podmiotów": true, "obiekty": true, "obiektów": true,
	"miejsca": true, "miejsc": true, "przedsiębiorstwa": true, "gospodarstwa": true,
	"wydarzenia": true, "wydarzeń": true, "projekty": true, "projektów": true, "jednostki": true,
}

// indValue formats a value of indicator in with its decimals.
func indValue(in *model.Indicator, v float64) string { return plfmt.Number(v, decimals(in)) }

// indValueUnit formats a value with the indicator's unit.
func indValueUnit(in *model.Indicator, v float64) string {
	if in == nil {
		return plfmt.Number(v, 1)
	}
	return withUnit(indValue(in, v), countNoun(in.Unit, v, decimals(in)))
}

// money formats an amount in the framework's currency.
func (c *composer) money(v float64) string {
	if cur := c.s.Finance.Currency; cur != "" && cur != "PLN" {
		return plfmt.Number(v, 0) + plfmt.NBSP + cur
	}
	return plfmt.Money(v)
}

func ext(format string) string {
	if format == "jpeg" {
		return "jpg"
	}
	return format
}

func itoa(n int) string { return strconv.Itoa(n) }
