package load

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"go.yaml.in/yaml/v3"
)

// RuleCSV: a comments CSV file cannot be read as a table.
const RuleCSV = "CSV-01"

// loadComments reads the consultation's comments from the one of
// model.CommentsFiles the partnership has (none is fine: the consultation
// report is then not built). A CSV file becomes the same YAML tree that
// consultation/comments.yaml holds, with every cell's position, so the
// schema and the rules check both alike.
func (ld *loader) loadComments() {
	var found []string
	for _, name := range model.CommentsFiles {
		if _, err := fs.Stat(ld.fsys, name); err == nil {
			found = append(found, name)
		}
	}
	if len(found) == 0 {
		return
	}
	if len(found) > 1 {
		d := ld.l.Errorf(diag.Pos{File: ld.file(found[1])}, RuleFile,
			"the consultation's comments are in %s and in %s: keep one of them", found[0], found[1])
		d.With(diag.Pos{File: ld.file(found[0])}, "the other file")
		return
	}
	name := found[0]
	data, err := fs.ReadFile(ld.fsys, name)
	if err != nil {
		ld.l.Errorf(diag.Pos{File: ld.file(name)}, RuleFile, "cannot read %s: %v", name, unwrapPathError(err))
		return
	}
	var f model.CommentsFile
	if path.Ext(name) == ".csv" {
		ld.s.Files = append(ld.s.Files, name)
		file := ld.file(name)
		root := commentsCSV(file, data, &ld.l)
		if root == nil {
			ld.s.Unreadable = append(ld.s.Unreadable, name)
			return
		}
		ld.decodeNode(file, model.KindComments, root, &f)
	} else if !ld.decode(name, model.KindComments, data, &f) {
		return
	}
	ld.s.Comments, ld.s.CommentsFile = f.Comments, name
}

// csvColumns maps the header names a comments CSV may use to the keys of
// consultation/comments.yaml: the keys themselves and the Polish column
// names of a typical consultation form (compared in lower case).
var csvColumns = map[string]string{
	"number": "number", "nr": "number", "lp": "number", "lp.": "number", "numer": "number",
	"date": "date", "data": "date", "data wpływu": "date", "data zgłoszenia": "date",
	"channel": "channel", "kanał": "channel", "forma zgłoszenia": "channel", "sposób zgłoszenia": "channel",
	"party": "party", "kategoria": "party", "kategoria zgłaszającego": "party",
	"author": "author", "zgłaszający": "author", "podmiot zgłaszający": "author",
	"refers_to": "refers_to", "dotyczy": "refers_to", "część strategii": "refers_to",
	"comment": "comment", "uwaga": "comment", "treść uwagi": "comment",
	"response": "response", "rozstrzygnięcie": "response", "sposób rozpatrzenia": "response",
	"justification": "justification", "uzasadnienie": "justification",
}

// csvValues maps the Polish words a form or a spreadsheet uses for the
// enumerated columns to their keys (compared in lower case); a key itself
// is always accepted, and anything else is left for the schema to refuse.
var csvValues = map[string]map[string]string{
	"response": {
		"uwzględniona": model.ResponseAccepted, "częściowo uwzględniona": model.ResponsePartial,
		"nieuwzględniona": model.ResponseRejected, "nie uwzględniona": model.ResponseRejected,
		"wyjaśnienie": model.ResponseExplained,
	},
	"channel": {
		"formularz": "formularz_online", "formularz internetowy": "formularz_online", "formularz online": "formularz_online",
		"e-mail": "email", "poczta elektroniczna": "email", "pismo": "poczta", "list": "poczta",
		"osobiście": "osobiscie", "spotkanie konsultacyjne": "spotkanie", "punkt konsultacyjny": "punkt_konsultacyjny",
	},
	"party": {
		"mieszkaniec": model.PartyResidents, "mieszkanka": model.PartyResidents, "osoba prywatna": model.PartyResidents,
		"organizacja pozarządowa": "ngo", "przedsiębiorca": "business", "gmina sąsiednia": "neighbouring_gminy",
		"jst partnerstwa": "member_jst", "instytucja publiczna": "public_institutions", "uczelnia": "science",
		"młodzież": "youth", "seniorzy": "seniors", "inny": "other", "inna": "other",
	},
}

var polishDate = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)

// commentsCSV reads a comments CSV into the YAML tree of comments.yaml.
// The file is UTF-8 (a BOM is allowed), comma- or semicolon-separated (the
// header row decides: spreadsheets with Polish settings write semicolons),
// with a header row naming the columns. Anything else is a positioned
// error that says how to fix the file; nothing is guessed. It returns nil
// when the file cannot be read as a table.
func commentsCSV(file string, data []byte, l *diag.List) *yaml.Node {
	at := func(line, col int) diag.Pos { return diag.Pos{File: file, Line: line, Col: col} }
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		l.Errorf(at(1, 1), RuleUTF8, "the file is UTF-16 (Excel's \"Unicode text\"): save it as \"CSV UTF-8 (rozdzielany przecinkami)\"")
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !checkText(file, data, l) {
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		l.Errorf(at(1, 1), RuleEmpty, "the file is empty: the first row names the columns (number, date, channel, party, refers_to, comment, response, justification)")
		return nil
	}
	lines := strings.Split(string(data), "\n")
	header := strings.TrimRight(lines[0], "\r")
	delim := ','
	switch {
	case strings.ContainsRune(header, ','):
	case strings.ContainsRune(header, ';'):
		delim = ';'
	case strings.ContainsRune(header, '\t'):
		l.Errorf(at(1, 1), RuleCSV, "the columns are separated by tabs: save the file as CSV, separated by commas or semicolons")
		return nil
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delim
	r.ReuseRecord = false
	// charCol turns the byte column csv reports into a character column.
	charCol := func(line, col int) int {
		if line < 1 || line > len(lines) {
			return col
		}
		ln := lines[line-1]
		if col-1 > len(ln) {
			return utf8.RuneCountInString(ln) + 1
		}
		return utf8.RuneCountInString(ln[:col-1]) + 1
	}
	csvError := func(err error) {
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			l.Errorf(at(1, 1), RuleCSV, "cannot read the CSV file: %v", err)
			return
		}
		p := at(pe.Line, charCol(pe.Line, pe.Column))
		switch {
		case errors.Is(pe.Err, csv.ErrQuote) && pe.Line >= len(lines)-1 && pe.StartLine != pe.Line:
			l.Errorf(at(pe.StartLine, 1), RuleCSV, "a quoted value that starts in this row is never closed: add the closing \" (the file ends on line %d)", pe.Line)
		case errors.Is(pe.Err, csv.ErrQuote):
			l.Errorf(p, RuleCSV, "a \" inside a quoted value must be doubled (\"\"), or the quote closed before the next %q", string(delim))
		case errors.Is(pe.Err, csv.ErrBareQuote):
			l.Errorf(p, RuleCSV, "a \" in an unquoted value: put the whole value in quotes and double the quote inside (\"…\"\"…\"\"…\")")
		case errors.Is(pe.Err, csv.ErrFieldCount):
			l.Errorf(at(pe.StartLine, 1), RuleCSV, "this row has a different number of values than the header row: a value holding %q must be in quotes", string(delim))
		default:
			l.Errorf(p, RuleCSV, "%v", pe.Err)
		}
	}
	names, err := r.Read()
	if err != nil {
		csvError(err)
		return nil
	}
	keys := make([]string, len(names))
	cols := make([]int, len(names))
	seen := map[string]int{}
	bad := false
	for i, n := range names {
		line, col := r.FieldPos(i)
		cols[i] = charCol(line, col)
		k, ok := csvColumns[strings.ToLower(strings.TrimSpace(n))]
		if !ok {
			msg := fmt.Sprintf("unknown column %q", n) + diag.DidYouMean(strings.ToLower(n), slices.Sorted(maps.Keys(csvColumns)))
			if len(names) == 1 {
				msg += ": the header row has a single column; separate the columns with commas or semicolons"
			}
			l.Errorf(at(1, cols[i]), RuleCSV, "%s", msg)
			bad = true
			continue
		}
		if j, dup := seen[k]; dup {
			l.Errorf(at(1, cols[i]), RuleCSV, "column %q repeats column %q (both are %s)", n, names[j], k)
			bad = true
			continue
		}
		seen[k], keys[i] = i, k
	}
	var missing []string
	for _, k := range []string{"number", "date", "channel", "party", "refers_to", "comment", "response", "justification"} {
		if _, ok := seen[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		l.Errorf(at(1, 1), RuleCSV, "the header row lacks %s: %s; the columns are number, date, channel, party, author (optional), refers_to, comment, response, justification",
			map[bool]string{true: "a column", false: "columns"}[len(missing) == 1], strings.Join(missing, ", "))
		bad = true
	}
	if bad {
		return nil
	}

	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: 2, Column: 1}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			csvError(err)
			return nil
		}
		line, _ := r.FieldPos(0)
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue // a blank row, as spreadsheets leave at the end
		}
		row := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: 1}
		for i, v := range rec {
			v = strings.TrimSpace(v)
			if v == "" || keys[i] == "" {
				continue
			}
			fl, fc := r.FieldPos(i)
			c := charCol(fl, fc)
			tag := "!!str"
			switch keys[i] {
			case "number":
				if _, err := strconv.Atoi(v); err == nil {
					tag = "!!int"
				}
			case "date":
				if m := polishDate.FindStringSubmatch(v); m != nil {
					d, _ := strconv.Atoi(m[1])
					mo, _ := strconv.Atoi(m[2])
					v = fmt.Sprintf("%s-%02d-%02d", m[3], mo, d)
				}
			default:
				if vals := csvValues[keys[i]]; vals != nil {
					if k, ok := vals[strings.ToLower(v)]; ok {
						v = k
					}
				}
			}
			row.Content = append(row.Content,
				&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: keys[i], Line: fl, Column: c},
				&yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v, Line: fl, Column: c})
		}
		list.Content = append(list.Content, row)
	}
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: "comments", Line: 1, Column: 1}, list,
	}}
}
