package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/strategia-pl/strategia/render/doc"
	ref "github.com/strategia-pl/strategia/templates/docx"
)

// Options configures Render. The zero value renders a Polish strategy
// document with a title page.
type Options struct {
	// Footer is the footer text; "{page}" and "{pages}" become PAGE and
	// NUMPAGES fields. Empty means "Strona {page} z {pages}".
	Footer string
	// NoTitlePage omits the title page built from doc.Meta (project fiches).
	NoTitlePage bool
	// TOCPages gives the page number of a section, by its doc anchor, to
	// print in the pre-filled table of contents (for example the pages of
	// the PDF rendered from the same Document). Word recomputes them on
	// opening; LibreOffice and previews show them as given. Sections
	// missing here get an empty page number.
	TOCPages map[string]int
	// ColumnWidths gives the column widths (mm) of tables as the PDF laid
	// them out (pdf.Options.TableColumns), so that the DOCX's cells wrap
	// as the PDF's do; a table whose widths add up to more than the
	// portrait text width goes on a landscape section, as in the PDF.
	// Tables missing here get columns from doc.Table.Widths.
	ColumnWidths map[*doc.Table][]float64
}

// Page geometry in twips, from the reference parts.
const (
	textWidth  = ref.PageWidth - ref.MarginLeft - ref.MarginRight
	textHeight = ref.PageHeight - ref.MarginTop - ref.MarginBottom
	emuPerTwip = 635
)

// Relationship and content types.
const (
	nsRel   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctWML   = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	relsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	// nsAll declares the namespaces used by document, header, footer and
	// footnote parts.
	nsAll = ` xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
		` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"` +
		` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
		` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
		` xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`
)

// zipTime is the timestamp of every zip entry: the MS-DOS epoch, so
// listings show 1980-01-01 00:00:00 rather than an overflowed 1970.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Render writes d as a DOCX package to w.
func Render(w io.Writer, d *doc.Document, opt Options) error {
	if d == nil {
		return fmt.Errorf("docx: nil document")
	}
	r := newRenderer(d, opt)
	files, err := r.render()
	if err != nil {
		return err
	}
	return writePackage(w, files)
}

// writePackage zips the parts of a package to w.
func writePackage(w io.Writer, files []file) error {
	zw := zip.NewWriter(w)
	for _, f := range files {
		method := zip.Deflate
		if strings.HasPrefix(f.name, "word/media/") {
			method = zip.Store // PNG and JPEG are compressed already
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: method, Modified: zipTime})
		if err != nil {
			return fmt.Errorf("docx: %w", err)
		}
		if _, err := fw.Write(f.data); err != nil {
			return fmt.Errorf("docx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

// file is one part of the package.
type file struct {
	name string
	data []byte
}

// rel is one relationship of a part.
type rel struct {
	id, typ, target string
	external        bool
}

// part collects the relationships of the part being written (the main
// document or the footnotes) and looks them up by target.
type part struct {
	rels  []rel
	index map[string]string // typ+" "+target → id; lookups only, never ranged over
}

func newPart(fixed ...rel) *part {
	p := &part{index: map[string]string{}}
	for _, rl := range fixed {
		p.rels = append(p.rels, rl)
		p.index[rl.typ+" "+rl.target] = rl.id
	}
	return p
}

// rel returns the id of the relationship to target, adding it if new.
func (p *part) rel(typ, target string, external bool) string {
	key := typ + " " + target
	if id, ok := p.index[key]; ok {
		return id
	}
	id := "rId" + strconv.Itoa(len(p.rels)+1)
	p.rels = append(p.rels, rel{id: id, typ: typ, target: target, external: external})
	p.index[key] = id
	return id
}

func (p *part) xml() []byte {
	var b bytes.Buffer
	b.WriteString(relsXML)
	for _, rl := range p.rels {
		b.WriteString(`<Relationship Id="`)
		b.WriteString(rl.id)
		b.WriteString(`" Type="`)
		b.WriteString(nsRel)
		b.WriteString(rl.typ)
		b.WriteString(`" Target="`)
		escAttr(&b, rl.target)
		if rl.external {
			b.WriteString(`" TargetMode="External`)
		}
		b.WriteString(`"/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.Bytes()
}

// media is an image part.
type media struct {
	name, ext string
	data      []byte
}

// render produces every part of the package in its final order.
func (r *renderer) render() ([]file, error) {
	main, err := r.document()
	if err != nil {
		return nil, err
	}
	notes, err := r.footnotes()
	if err != nil {
		return nil, err
	}
	var files []file
	add := func(name string, data []byte) { files = append(files, file{name, data}) }
	add("[Content_Types].xml", r.contentTypes())
	add("_rels/.rels", []byte(relsXML+
		`<Relationship Id="rId1" Type="`+nsRel+`officeDocument" Target="word/document.xml"/>`+
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`+
		`<Relationship Id="rId3" Type="`+nsRel+`extended-properties" Target="docProps/app.xml"/>`+
		`</Relationships>`))
	add("docProps/core.xml", r.core())
	add("docProps/app.xml", r.app())
	add("word/document.xml", main)
	add("word/_rels/document.xml.rels", r.docPart.xml())
	add("word/styles.xml", []byte(r.styles()))
	add("word/numbering.xml", r.numbering())
	add("word/settings.xml", []byte(r.settings()))
	add("word/fontTable.xml", []byte(ref.FontTable))
	add("word/footnotes.xml", notes)
	if len(r.notePart.rels) > 0 {
		add("word/_rels/footnotes.xml.rels", r.notePart.xml())
	}
	add("word/header1.xml", r.header())
	add("word/footer1.xml", r.footer())
	if r.titlePage {
		add("word/header2.xml", []byte(xmlHeader+`<w:hdr`+nsAll+`>`+r.draftMark()+titleBands+`<w:p/></w:hdr>`))
		add("word/footer2.xml", r.titleFooter())
	}
	for _, m := range r.media {
		add("word/media/"+m.name, m.data)
	}
	return files, nil
}

func (r *renderer) contentTypes() []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	b.WriteString(`<Default Extension="jpeg" ContentType="image/jpeg"/>`)
	over := func(name, ct string) {
		b.WriteString(`<Override PartName="/` + name + `" ContentType="` + ct + `"/>`)
	}
	over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	over("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	over("word/document.xml", ctWML+"document.main+xml")
	over("word/styles.xml", ctWML+"styles+xml")
	over("word/numbering.xml", ctWML+"numbering+xml")
	over("word/settings.xml", ctWML+"settings+xml")
	over("word/fontTable.xml", ctWML+"fontTable+xml")
	over("word/footnotes.xml", ctWML+"footnotes+xml")
	over("word/header1.xml", ctWML+"header+xml")
	over("word/footer1.xml", ctWML+"footer+xml")
	if r.titlePage {
		over("word/header2.xml", ctWML+"header+xml")
		over("word/footer2.xml", ctWML+"footer+xml")
	}
	b.WriteString(`</Types>`)
	return b.Bytes()
}

// date returns Meta.Date as a W3CDTF timestamp, or "" when it is not a
// valid YYYY-MM-DD date.
func (r *renderer) date() string {
	t, err := time.Parse("2006-01-02", r.d.Meta.Date)
	if err != nil {
		return ""
	}
	return t.Format("2006-01-02") + "T00:00:00Z"
}

func (r *renderer) lang() string {
	if r.d.Meta.Language != "" {
		return r.d.Meta.Language
	}
	return "pl-PL"
}

func (r *renderer) core() []byte {
	m := r.d.Meta
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(name, v string) {
		if v == "" {
			return
		}
		b.WriteString("<" + name + ">")
		escText(&b, v)
		b.WriteString("</" + name + ">")
	}
	// The title alone; the subtitle is the subject (as in the PDF's
	// metadata) or, when the document has a subject, the description.
	elem("dc:title", m.Title)
	subject, description := m.Subject, ""
	if subject == "" {
		subject = m.Subtitle
	} else {
		description = m.Subtitle
	}
	elem("dc:subject", subject)
	elem("dc:creator", m.Author)
	elem("dc:description", description)
	elem("cp:keywords", strings.Join(m.Keywords, "; "))
	elem("dc:language", r.lang())
	elem("cp:lastModifiedBy", m.Author)
	if dt := r.date(); dt != "" {
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + dt + `</dcterms:created>`)
		b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + dt + `</dcterms:modified>`)
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.Bytes()
}

func (r *renderer) app() []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	b.WriteString(`<Application>strategia</Application><DocSecurity>0</DocSecurity>`)
	if r.d.Meta.Author != "" {
		b.WriteString(`<Company>`)
		escText(&b, r.d.Meta.Author)
		b.WriteString(`</Company>`)
	}
	b.WriteString(`</Properties>`)
	return b.Bytes()
}

func (r *renderer) styles() string {
	if l := r.lang(); l != "pl-PL" {
		return strings.Replace(ref.Styles, `<w:lang w:val="pl-PL"`, `<w:lang w:val="`+attrString(l)+`"`, 1)
	}
	return ref.Styles
}

func (r *renderer) settings() string {
	s := ref.Settings
	if !r.hasTOC {
		s = strings.Replace(s, "<w:updateFields w:val=\"true\"/>\n", "", 1)
	}
	if l := r.lang(); l != "pl-PL" {
		s = strings.Replace(s, `<w:themeFontLang w:val="pl-PL"/>`, `<w:themeFontLang w:val="`+attrString(l)+`"/>`, 1)
	}
	return s
}

// numbering appends one w:num per ordered list to the reference numbering.
func (r *renderer) numbering() []byte {
	const end = "</w:numbering>"
	base := strings.TrimRight(ref.Numbering, "\n")
	base = strings.TrimSuffix(base, end)
	var b bytes.Buffer
	b.WriteString(base)
	for i, n := range r.nums {
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride></w:num>`,
			firstListNum+i, n.level, n.start)
	}
	b.WriteString(end)
	return b.Bytes()
}

// header is the running header: Meta.Header, else the title.
func (r *renderer) header() []byte {
	text := r.d.Meta.Header
	if text == "" {
		text = r.d.Meta.Title
	}
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<w:hdr` + nsAll + `>` + r.draftMark() + `<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>`)
	if text != "" {
		r.run(&b, text, 0, "")
	}
	b.WriteString(`</w:p></w:hdr>`)
	return b.Bytes()
}

// titleBands are the title page's two colour bands, as in the PDF: 3 mm
// high across the whole page, 30 mm from its top and bottom edges. They
// are frames (framePr) anchored to the page in the title page's header,
// so the title page's text neither moves them nor wraps around them.
var titleBands = titleBand(1701) + titleBand(ref.PageHeight-1701-170)

func titleBand(y int) string {
	return `<w:p><w:pPr><w:pStyle w:val="TitlePageBand"/><w:framePr w:w="` + strconv.Itoa(ref.PageWidth) +
		`" w:h="170" w:hRule="exact" w:wrap="through" w:vAnchor="page" w:hAnchor="page" w:x="0" w:y="` + strconv.Itoa(y) +
		`"/></w:pPr></w:p>`
}

// draftMark is the paragraph of Meta.DraftMark (bold, red, centred) that
// heads every page header, the title page's included; "" when unset.
func (r *renderer) draftMark() string {
	if r.d.Meta.DraftMark == "" {
		return ""
	}
	var b bytes.Buffer
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val="C00000"/></w:rPr><w:t xml:space="preserve">`)
	escText(&b, r.d.Meta.DraftMark)
	b.WriteString(`</w:t></w:r></w:p>`)
	return b.String()
}

// footer is "Strona {page} z {pages}" with PAGE and NUMPAGES fields,
// then Meta.Footer (the version line) when there is one.
func (r *renderer) footer() []byte {
	f := r.opt.Footer
	if f == "" {
		f = "Strona {page} z {pages}"
	}
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<w:ftr` + nsAll + `><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>`)
	for f != "" {
		i := strings.IndexByte(f, '{')
		var lit, field string
		switch {
		case i < 0:
			lit, f = f, ""
		case strings.HasPrefix(f[i:], "{page}"):
			lit, field, f = f[:i], "PAGE", f[i+len("{page}"):]
		case strings.HasPrefix(f[i:], "{pages}"):
			lit, field, f = f[:i], "NUMPAGES", f[i+len("{pages}"):]
		default:
			lit, f = f[:i+1], f[i+1:]
		}
		if lit != "" {
			r.run(&b, lit, 0, "")
		}
		if field != "" {
			writeField(&b, field, "1", "")
		}
	}
	b.WriteString(`</w:p>`)
	if note := r.d.Meta.Footer; note != "" {
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>`)
		r.run(&b, note, 0, "")
		b.WriteString(`</w:p>`)
	}
	b.WriteString(`</w:ftr>`)
	return b.Bytes()
}

// writeField writes a complex field with instruction instr and cached
// result; rPr (may be empty) styles every run.
func writeField(b *bytes.Buffer, instr, result, rPr string) {
	b.WriteString(`<w:r>` + rPr + `<w:fldChar w:fldCharType="begin"/></w:r><w:r>` + rPr + `<w:instrText xml:space="preserve"> `)
	escText(b, instr)
	b.WriteString(` </w:instrText></w:r><w:r>` + rPr + `<w:fldChar w:fldCharType="separate"/></w:r>`)
	if result != "" {
		b.WriteString(`<w:r>` + rPr + `<w:t>`)
		escText(b, result)
		b.WriteString(`</w:t></w:r>`)
	}
	b.WriteString(`<w:r>` + rPr + `<w:fldChar w:fldCharType="end"/></w:r>`)
}
