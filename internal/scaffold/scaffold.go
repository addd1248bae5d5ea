// Package scaffold creates a new partnership folder (`strategia init`):
// every standard file with Polish comments on each field, members filled
// in from the TERC register, Markdown stubs and a placeholder map. The
// result validates with warnings (placeholders to replace) but no errors.
//
// Editor schema modelines (# yaml-language-server: $schema=…) point at
// the repository's schema/ folder when the new folder lies inside a
// checkout of strategia (an ancestor holds schema/partnership.schema.json);
// otherwise the schema files are written into the new folder's schema/
// subfolder — the same files `strategia schema -o DIR` writes — and the
// modelines point there.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/strategia-pl/strategia/internal/refdata"
	"github.com/strategia-pl/strategia/schema"
)

// Options describe the new partnership.
type Options struct {
	Name    string   // "Partnerstwo …"
	Members []string // TERC codes, the first is the leader
	Year    int      // the first year of the strategy period (0: the current year)
}

// UsageError is a problem with the arguments (unknown codes, an existing
// folder); the CLI exits with code 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// member is a member resolved in TERC.
type member struct {
	unit refdata.Unit
	kind string
}

// Resolve looks the codes up in TERC; unknown codes and units that are not
// local governments are refused with the nearest matches.
func Resolve(codes []string) ([]member, error) {
	reg := refdata.TERC()
	var out []member
	var problems []string
	seen := map[string]bool{}
	for _, raw := range codes {
		code := strings.TrimSpace(raw)
		if code == "" || seen[code] {
			continue
		}
		seen[code] = true
		u, ok := reg.Lookup(code)
		switch {
		case !ok:
			msg := fmt.Sprintf("%s is not in the TERC register (stan na %s)", code, reg.Edition())
			if strings.Trim(code, "0123456789") != "" {
				if hits := reg.Search(code, 5); len(hits) > 0 {
					msg += "; units named so: " + names(hits)
				}
			} else if near := reg.NearestCodes(code, 5); len(near) > 0 {
				msg += "; nearest codes: " + names(near)
			}
			problems = append(problems, msg)
			continue
		case len(code) == 2:
			problems = append(problems, fmt.Sprintf("%s is a voivodeship, not a member of a partnership", u))
			continue
		case len(code) == 7 && !u.IsGmina():
			msg := fmt.Sprintf("%s is not a local government", u)
			if u.Type == 4 || u.Type == 5 {
				if g, ok := reg.Lookup(code[:6] + "3"); ok {
					msg += "; the member is the whole gmina " + g.String()
				}
			}
			problems = append(problems, msg)
			continue
		}
		kind := "gmina"
		switch {
		case len(code) == 4:
			kind = "powiat"
			if u.IsCityWithPowiatRights() {
				g, _ := reg.Lookup(code + "011")
				problems = append(problems, fmt.Sprintf("%s is a city with powiat rights: give its gmina code %s", u, g.Code))
				continue
			}
		case u.IsCityWithPowiatRights():
			kind = "miasto_na_prawach_powiatu"
		}
		out = append(out, member{u, kind})
	}
	if len(problems) > 0 {
		return nil, &UsageError{"unknown or unsuitable member codes:\n  " + strings.Join(problems, "\n  ")}
	}
	if len(out) == 0 {
		return nil, &UsageError{"no members: give -members with TERC codes, e.g. -members 2006011,2006032"}
	}
	return out, nil
}

func names(us []refdata.Unit) string {
	s := make([]string, len(us))
	for i, u := range us {
		s[i] = u.String()
	}
	return strings.Join(s, ", ")
}

// Create writes a new partnership into dir, which must not exist or be empty.
func Create(dir string, o Options) ([]string, error) {
	if strings.TrimSpace(o.Name) == "" {
		return nil, &UsageError{"give the partnership's name with -name \"Partnerstwo …\""}
	}
	ms, err := Resolve(o.Members)
	if err != nil {
		return nil, err
	}
	var notes []string
	ms, notes = addWholePowiaty(ms)
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return nil, &UsageError{fmt.Sprintf("%s exists and is not empty: init never overwrites a folder", dir)}
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if o.Year == 0 {
		o.Year = time.Now().Year()
	}
	schemaDir, writeSchema := schemaDirFor(abs)
	files := render(o, ms, abs, schemaDir)
	if writeSchema {
		ents, _ := schema.FS.ReadDir(".")
		for _, e := range ents {
			b, _ := schema.FS.ReadFile(e.Name())
			files["schema/"+e.Name()] = b
		}
		notes = append(notes, "schema files written to "+filepath.Join(dir, "schema")+" (editor modelines point there)")
	}
	files["maps/m1.png"] = placeholderPNG()
	keys := make([]string, 0, len(files))
	for k := range files {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		p := filepath.Join(abs, filepath.FromSlash(k))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, files[k], 0o644); err != nil {
			return nil, err
		}
	}
	return notes, nil
}

// addWholePowiaty adds a powiat all of whose gminy are members (art. 10g
// ust. 2 pkt 1 usg requires it).
func addWholePowiaty(ms []member) ([]member, []string) {
	reg := refdata.TERC()
	have := map[string]bool{}
	for _, m := range ms {
		have[m.unit.Code] = true
	}
	var notes []string
	for _, m := range slices.Clone(ms) {
		if m.kind != "gmina" {
			continue
		}
		pp := m.unit.Code[:4]
		if have[pp] {
			continue
		}
		all := reg.GminyOf(pp)
		if slices.ContainsFunc(all, func(u refdata.Unit) bool { return !have[u.Code] }) {
			continue
		}
		p, _ := reg.Lookup(pp)
		ms = append(ms, member{p, "powiat"})
		have[pp] = true
		notes = append(notes, fmt.Sprintf("added powiat %s: all its gminy are members (art. 10g ust. 2 pkt 1 usg)", p))
	}
	return ms, notes
}

// schemaDirFor returns the folder of the schema files for a partnership
// at abs: the repository's schema/ when abs lies in a checkout, else
// abs/schema, which Create then writes.
func schemaDirFor(abs string) (string, bool) {
	for d := filepath.Dir(abs); ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "schema", "partnership.schema.json")); err == nil {
			return filepath.Join(d, "schema"), false
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return filepath.Join(abs, "schema"), true
}

func placeholderPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for y := range 300 {
		for x := range 400 {
			c := color.RGBA{235, 238, 240, 255}
			if x < 4 || y < 4 || x >= 396 || y >= 296 || (x-y)%40 == 0 {
				c = color.RGBA{160, 170, 180, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}
