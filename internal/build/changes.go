package build

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/strategia-pl/strategia/internal/changes"
	"github.com/strategia-pl/strategia/internal/compose"
	"github.com/strategia-pl/strategia/internal/versions"
	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/docx"
	"github.com/strategia-pl/strategia/render/pdf"
)

// ChangeDocuments writes what changed between the two versions of a
// partnership into out/<slug>/: the list of changes ("Zestawienie
// zmian") as <slug>-zestawienie-zmian.pdf and .docx, and the strategy's
// redline DOCX, <slug>-strategia-zmiany.docx (the newer strategy with
// tracked changes against the older). Each file is written atomically;
// the written paths are returned.
func ChangeDocuments(p *versions.Pair, r *changes.Report, out string) ([]string, error) {
	s := p.New.Strategy
	dir := filepath.Join(out, slug(s, s.Dir))
	newOpt, err := sideOptions(p.New)
	if err != nil {
		return nil, err
	}
	name := filepath.Join(dir, slug(s, s.Dir))
	var written []string
	write := func(path string, data []byte) error {
		if err := WriteAtomic(path, data); err != nil {
			return err
		}
		written = append(written, path)
		return nil
	}

	list, l := compose.Changes(r, s, newOpt)
	if l.HasErrors() {
		return nil, fmt.Errorf("the list of changes could not be composed: %v", l.Items()[0])
	}
	var pb, db bytes.Buffer
	if err := pdf.Render(&pb, list, pdf.Options{}); err != nil {
		return nil, err
	}
	if err := docx.Render(&db, list, docx.Options{}); err != nil {
		return nil, err
	}
	if err := write(name+"-zestawienie-zmian.pdf", pb.Bytes()); err != nil {
		return written, err
	}
	if err := write(name+"-zestawienie-zmian.docx", db.Bytes()); err != nil {
		return written, err
	}

	// The redline needs both strategies composed.
	oldOpt, err := sideOptions(p.Old)
	if err != nil {
		return written, err
	}
	older, err := strategyDoc(p.Old, oldOpt)
	if err != nil {
		return written, err
	}
	newer, err := strategyDoc(p.New, newOpt)
	if err != nil {
		return written, err
	}
	date, _ := time.Parse(time.DateOnly, newOpt.Date)
	var rb bytes.Buffer
	if err := docx.Redline(&rb, older, newer, docx.RedlineOptions{
		Options: docx.Options{TOCPages: tocPages(newer)}, OlderTOCPages: tocPages(older), Date: date}); err != nil {
		return written, err
	}
	return written, write(name+"-strategia-zmiany.docx", rb.Bytes())
}

// sideOptions are the compose options of one version: its date, its
// revision and its files.
func sideOptions(s *versions.Side) (compose.Options, error) {
	date := s.Version.Date
	if date == "" {
		d, err := SourceDate(s.Strategy.Dir, s.Strategy.Files)
		if err != nil {
			return compose.Options{}, err
		}
		date = d
	}
	fsys := s.FS
	return compose.Options{Date: date, Revision: s.Version.Commit, Dirty: s.Version.Dirty,
		ReadFile: func(rel string) ([]byte, error) { return fs.ReadFile(fsys, rel) }}, nil
}

func strategyDoc(s *versions.Side, opt compose.Options) (*doc.Document, error) {
	d, l := compose.Strategy(s.Strategy, nil, nil, opt)
	if l.HasErrors() || d == nil {
		return nil, fmt.Errorf("the strategy at %s does not compose, so no redline was made (run strategia validate on that version)", s.Version.Name)
	}
	return d, nil
}

// tocPages lays the document out as PDF for the page numbers the DOCX's
// table of contents is pre-filled with, as the build does.
func tocPages(d *doc.Document) map[string]int {
	var pages map[string]int
	_ = pdf.Render(io.Discard, d, pdf.Options{AnchorPages: func(m map[string]int) { pages = m }})
	return pages
}
