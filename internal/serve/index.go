package serve

import (
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"
)

// document is one document of a partnership with the formats built.
type document struct {
	Name  string // "Strategia", "Pakiet projektów", "Fiszka projektu P01"
	HTML  string // URL paths, "" when not built
	PDF   string
	DOCX  string
	order int
}

type indexPart struct {
	*partnership
	Label string
	Docs  []*document
}

// The editor links are the user's own template (vscode://…), which
// html/template would otherwise refuse as an unsafe URL scheme.
var indexTmpl = template.Must(template.New("index").Funcs(template.FuncMap{
	"editor": func(s string) template.URL { return template.URL(s) },
}).Parse(`<!DOCTYPE html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>strategia – podgląd dokumentów</title>
<link rel="stylesheet" href="/_strategia/index.css">
<link rel="stylesheet" href="/_strategia/live.css">
<script src="/_strategia/live.js" defer></script>
</head>
<body>
<main id="tresc">
<h1>Podgląd dokumentów</h1>
<p>Dokumenty przebudowują się po każdym zapisie plików partnerstwa. Otwarte strony odświeżają się same.</p>
{{if not .}}<p>Brak partnerstw w obszarze roboczym.</p>{{end}}
{{range .}}<section class="partnerstwo" aria-labelledby="p-{{.Slug}}">
<h2 id="p-{{.Slug}}">{{.Slug}}</h2>
<p class="status status-{{.Status}}">{{.Label}}</p>
{{if .Diags}}<details{{if eq .Status "errors" "failed"}} open{{end}}><summary>Komunikaty ({{len .Diags}})</summary>
<ul class="komunikaty">{{range .Diags}}<li class="{{.Severity}}">{{if .Href}}<a href="{{editor .Href}}">{{.File}}{{if .Line}}:{{.Line}}{{if .Col}}:{{.Col}}{{end}}{{end}}</a>{{else}}{{.File}}{{end}} {{.Severity}}{{if .Rule}}: {{.Rule}}{{end}}: {{.Msg}}{{if .Related}}<ul>{{range .Related}}<li>{{.Msg}}: {{if .Href}}<a href="{{editor .Href}}">{{.File}}{{if .Line}}:{{.Line}}{{if .Col}}:{{.Col}}{{end}}{{end}}</a>{{else}}{{.File}}{{end}}</li>{{end}}</ul>{{end}}</li>{{end}}</ul>
</details>{{end}}
{{if .Docs}}<table>
<caption>Dokumenty partnerstwa {{.Slug}}</caption>
<thead><tr><th scope="col">Dokument</th><th scope="col">HTML</th><th scope="col">PDF</th><th scope="col">DOCX</th></tr></thead>
<tbody>
{{range .Docs}}<tr><th scope="row">{{.Name}}</th><td>{{if .HTML}}<a href="{{.HTML}}">HTML<span class="wh"> – {{.Name}}</span></a>{{else}}–{{end}}</td><td>{{if .PDF}}<a href="{{.PDF}}">PDF<span class="wh"> – {{.Name}}</span></a>{{else}}–{{end}}</td><td>{{if .DOCX}}<a href="{{.DOCX}}">DOCX<span class="wh"> – {{.Name}}</span></a>{{else}}–{{end}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p>Nie zbudowano jeszcze żadnego dokumentu.</p>{{end}}
</section>
{{end}}</main>
</body>
</html>
`))

func (s *server) index(w http.ResponseWriter, r *http.Request) {
	s.st.mu.Lock()
	ps := s.st.list()
	s.st.mu.Unlock()
	var parts []indexPart
	for _, p := range ps {
		parts = append(parts, indexPart{partnership: p, Label: statusLabel(p), Docs: s.documents(p.Slug)})
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", pageCSP)
	if err := indexTmpl.Execute(w, parts); err != nil {
		http.Error(w, "500 template error", http.StatusInternalServerError)
	}
}

func statusLabel(p *partnership) string {
	plural := func(n int, one, few, many string) string {
		switch {
		case n == 1:
			return "1 " + one
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return strconv.Itoa(n) + " " + few
		}
		return strconv.Itoa(n) + " " + many
	}
	warn := ""
	if p.Warnings > 0 {
		warn = ", " + plural(p.Warnings, "ostrzeżenie", "ostrzeżenia", "ostrzeżeń")
	}
	switch p.Status {
	case statusBuilding:
		return "budowanie…"
	case statusErrors:
		return "Błędy w treści: " + plural(p.Errors, "błąd", "błędy", "błędów") + warn + " – pokazane są ostatnie poprawne dokumenty."
	case statusFailed:
		return "Budowanie nie powiodło się – pokazane są ostatnie poprawne dokumenty."
	}
	if warn != "" {
		return "Poprawne" + warn + "."
	}
	return "Poprawne, bez uwag."
}

// documents lists what the output folder holds for slug: PDF and DOCX
// files and HTML folders, grouped by document.
func (s *server) documents(slug string) []*document {
	if _, err := cleanPath("/" + slug); err != nil {
		return nil
	}
	byName := map[string]*document{}
	add := func(dir string) {
		entries, err := fs.ReadDir(s.root.FS(), dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			n := e.Name()
			if strings.HasPrefix(n, ".") {
				continue
			}
			url := "/" + path.Join(dir, n)
			base, kind := n, ""
			switch {
			case e.IsDir():
				if fi, err := fs.Stat(s.root.FS(), path.Join(dir, n, "index.html")); err != nil || !fi.Mode().IsRegular() {
					continue
				}
				kind, url = "html", url+"/"
			case strings.HasSuffix(n, ".pdf"):
				kind, base = "pdf", strings.TrimSuffix(n, ".pdf")
			case strings.HasSuffix(n, ".docx"):
				kind, base = "docx", strings.TrimSuffix(n, ".docx")
			default:
				continue
			}
			d := byName[path.Join(dir, base)]
			if d == nil {
				d = documentName(slug, base)
				byName[path.Join(dir, base)] = d
			}
			switch kind {
			case "html":
				d.HTML = url
			case "pdf":
				d.PDF = url
			case "docx":
				d.DOCX = url
			}
		}
	}
	add(slug)
	add(slug + "/fiszki")
	docs := make([]*document, 0, len(byName))
	for _, d := range byName {
		docs = append(docs, d)
	}
	sort.Slice(docs, func(i, j int) bool {
		if docs[i].order != docs[j].order {
			return docs[i].order < docs[j].order
		}
		return docs[i].Name < docs[j].Name
	})
	return docs
}

// documentName names a document by its file name.
func documentName(slug, base string) *document {
	rest := strings.TrimPrefix(base, slug+"-")
	switch {
	case rest == "strategia":
		return &document{Name: "Strategia", order: 0}
	case rest == "pakiet-projektow":
		return &document{Name: "Pakiet projektów", order: 1}
	case strings.HasPrefix(rest, "fiszka-"):
		return &document{Name: "Fiszka projektu " + strings.TrimPrefix(rest, "fiszka-"), order: 2}
	}
	return &document{Name: base, order: 3}
}
