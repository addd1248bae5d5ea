// Package grammar gives the declined Polish forms the generated sentences
// need: voivodeships ("województwa podlaskiego", "w województwach
// opolskim i wielkopolskim"), kinds of local government unit with their
// gender ("gmina miejsko-wiejska", "powiat"), units named in running text
// ("gmina Grabowo", "powiat kolneński") and the councils that adopt a
// strategy ("Rada Miejska w Stawiskach", "Rady Gminy Kolno").
//
// The forms are data, not code: templates/refdata/grammar.yaml, with the
// source of each table. This package parses it once (it is embedded) and
// answers by name and case; it never guesses an ending it has no row for
// (a place missing from the table is an error naming the place).
//
// grammar imports only the embedded data and the YAML decoder; compose,
// the templates' functions and the procedure documents import it.
package grammar

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	data "github.com/strategia-pl/strategia/templates/refdata"
	"go.yaml.in/yaml/v3"
)

// Case is a grammatical case.
type Case int

// The cases, in the order of the data's form lists.
const (
	Nom Case = iota // mianownik
	Gen             // dopełniacz
	Dat             // celownik
	Acc             // biernik
	Ins             // narzędnik
	Loc             // miejscownik
)

var caseNames = [...][2]string{
	{"mianownik", "nom"}, {"dopełniacz", "gen"}, {"celownik", "dat"},
	{"biernik", "acc"}, {"narzędnik", "ins"}, {"miejscownik", "loc"},
}

// ParseCase reads a case by its Polish name ("dopełniacz") or its short
// English one ("gen").
func ParseCase(s string) (Case, error) {
	for i, n := range caseNames {
		if s == n[0] || s == n[1] {
			return Case(i), nil
		}
	}
	return 0, fmt.Errorf("unknown case %q (want one of mianownik, dopełniacz, celownik, biernik, narzędnik, miejscownik, or nom, gen, dat, acc, ins, loc)", s)
}

// String is the case's Polish name.
func (c Case) String() string {
	if c < 0 || int(c) >= len(caseNames) {
		return fmt.Sprintf("Case(%d)", int(c))
	}
	return caseNames[c][0]
}

// Forms are the six singular (or plural) forms of a word or phrase.
type Forms [6]string

// In is the form in case c.
func (f Forms) In(c Case) string {
	if c < 0 || int(c) >= len(f) {
		return f[Nom]
	}
	return f[c]
}

// Phrase is a declinable phrase: every case of its singular.
type Phrase struct{ Forms }

// String is the nominative.
func (p Phrase) String() string { return p.Forms[Nom] }

// Gender is m, f or n.
type Gender string

// Noun is a common noun.
type Noun struct {
	Gender Gender
	Sg, Pl Forms
}

type unitType struct {
	Noun       string   `yaml:"noun"`
	Adjective  []string `yaml:"adjective"`
	Complement string   `yaml:"complement"`
	Name       string   `yaml:"name"`
}

type council struct {
	Head        string `yaml:"head"`
	Adjective   string `yaml:"adjective"`
	Complement  string `yaml:"complement"`
	WithoutSeat string `yaml:"without_seat"`
}

type ending struct {
	Ending string   `yaml:"ending"`
	M      []string `yaml:"m"`
	F      []string `yaml:"f"`
	N      []string `yaml:"n"`
}

type file struct {
	Cases []string `yaml:"cases"`
	Nouns map[string]struct {
		Gender string   `yaml:"gender"`
		Sg     []string `yaml:"sg"`
		Pl     []string `yaml:"pl"`
	} `yaml:"nouns"`
	Endings      []ending              `yaml:"adjective_endings"`
	Voivodeships map[string][]string   `yaml:"voivodeships"`
	UnitTypes    map[string]unitType   `yaml:"unit_types"`
	Councils     map[string]council    `yaml:"councils"`
	Places       map[string]placeForms `yaml:"places"`
	PowiatSeats  map[string]string     `yaml:"powiat_seats"`
	DocTypes     map[string]struct {
		Name   string `yaml:"name"`
		Gender string `yaml:"gender"`
	} `yaml:"document_types"`
	GenderEndings []struct {
		Ending string `yaml:"ending"`
		Gender string `yaml:"gender"`
	} `yaml:"gender_by_ending"`
}

type placeForms struct {
	Gen string `yaml:"gen"`
	Loc string `yaml:"loc"`
}

// Grammar is the parsed grammar.yaml.
type Grammar struct {
	nouns        map[string]Noun
	endings      []ending
	voivodeships map[string]Forms
	unitTypes    map[string]unitType
	councils     map[string]council
	places       map[string]placeForms
	seats        map[string]string
	docTypes     map[string]docType
	genderEnds   [][2]string
}

type docType struct {
	name   string
	gender Gender
}

var (
	once    sync.Once
	std     *Grammar
	loadErr error
)

// Default is the grammar strategia ships. It panics only if the embedded
// file is broken, which the package's tests rule out.
func Default() *Grammar {
	once.Do(func() {
		b, err := data.FS.ReadFile("grammar.yaml")
		if err == nil {
			std, err = Parse(b)
		}
		loadErr = err
	})
	if loadErr != nil {
		panic("grammar: embedded grammar.yaml: " + loadErr.Error())
	}
	return std
}

func forms(list []string, what string) (Forms, error) {
	var f Forms
	if len(list) != len(f) {
		return f, fmt.Errorf("%s: %d forms, want 6 (one per case)", what, len(list))
	}
	copy(f[:], list)
	return f, nil
}

// Parse reads a grammar file.
func Parse(b []byte) (*Grammar, error) {
	var f file
	if err := yaml.Unmarshal(b, &f); err != nil {
		return nil, err
	}
	g := &Grammar{nouns: map[string]Noun{}, endings: f.Endings, voivodeships: map[string]Forms{},
		unitTypes: f.UnitTypes, councils: f.Councils, places: f.Places, seats: f.PowiatSeats,
		docTypes: map[string]docType{}}
	for k, d := range f.DocTypes {
		if d.Gender != "m" && d.Gender != "f" && d.Gender != "n" {
			return nil, fmt.Errorf("document type %s: gender %q, want m, f or n", k, d.Gender)
		}
		g.docTypes[k] = docType{d.Name, Gender(d.Gender)}
	}
	for _, e := range f.GenderEndings {
		g.genderEnds = append(g.genderEnds, [2]string{e.Ending, e.Gender})
	}
	for k, n := range f.Nouns {
		sg, err := forms(n.Sg, "noun "+k+" sg")
		if err != nil {
			return nil, err
		}
		pl, err := forms(n.Pl, "noun "+k+" pl")
		if err != nil {
			return nil, err
		}
		g.nouns[k] = Noun{Gender: Gender(n.Gender), Sg: sg, Pl: pl}
	}
	for k, v := range f.Voivodeships {
		fv, err := forms(v, "voivodeship "+k)
		if err != nil {
			return nil, err
		}
		g.voivodeships[k] = fv
	}
	for k, u := range f.UnitTypes {
		if _, ok := g.nouns[u.Noun]; !ok {
			return nil, fmt.Errorf("unit type %s: unknown noun %q", k, u.Noun)
		}
		if u.Adjective != nil {
			if _, err := forms(u.Adjective, "unit type "+k+" adjective"); err != nil {
				return nil, err
			}
		}
	}
	for k, c := range f.Councils {
		if _, ok := g.nouns[c.Head]; !ok {
			return nil, fmt.Errorf("council %s: unknown head noun %q", k, c.Head)
		}
	}
	return g, nil
}

// Noun returns a common noun of the table.
func (g *Grammar) Noun(name string) (Noun, bool) {
	n, ok := g.nouns[name]
	return n, ok
}

// Voivodeship is the adjective of voivodeship code ("20" → podlaskie,
// podlaskiego, …).
func (g *Grammar) Voivodeship(code string) (Forms, bool) {
	f, ok := g.voivodeships[code]
	return f, ok
}

// Voivodeships names the voivodeships of codes with the noun in case c:
// one gives "województwa podlaskiego" (Gen), two or more take the plural
// noun with the adjectives in the singular, joined by "i": "województwach
// opolskim i wielkopolskim" (Loc). Unknown codes are left out; none known
// gives "".
func (g *Grammar) Voivodeships(codes []string, c Case) string {
	var adj []string
	seen := map[string]bool{}
	for _, code := range codes {
		if f, ok := g.voivodeships[code]; ok && !seen[code] {
			seen[code] = true
			adj = append(adj, f.In(c))
		}
	}
	n := g.nouns["województwo"]
	switch len(adj) {
	case 0:
		return ""
	case 1:
		return n.Sg.In(c) + " " + adj[0]
	}
	return n.Pl.In(c) + " " + Join(adj)
}

// Join lists words the Polish way: "a", "a i b", "a, b i c".
func Join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " i " + items[len(items)-1]
}

// UnitTypeKey names the type of a unit for the tables: kind is
// gmina|powiat|miasto_na_prawach_powiatu, gminaType the TERC RODZ digit
// (1 miejska, 2 wiejska, 3 miejsko-wiejska, 0 unknown).
func UnitTypeKey(kind string, gminaType int) string {
	switch kind {
	case "powiat", "miasto_na_prawach_powiatu":
		return kind
	}
	switch gminaType {
	case 1:
		return "gmina_miejska"
	case 2:
		return "gmina_wiejska"
	case 3:
		return "gmina_miejsko_wiejska"
	}
	return "gmina"
}

// UnitType is the kind of a unit with its adjective: "gmina
// miejsko-wiejska", "powiat", "miasto na prawach powiatu", in every case.
func (g *Grammar) UnitType(kind string, gminaType int) Phrase {
	key := UnitTypeKey(kind, gminaType)
	u := g.unitTypes[key]
	n := g.nouns[u.Noun]
	var p Phrase
	for c := range p.Forms {
		s := n.Sg[c]
		if len(u.Adjective) == 6 {
			s += " " + u.Adjective[c]
		}
		if u.Complement != "" {
			s += " " + u.Complement
		}
		p.Forms[c] = s
	}
	return p
}

// Unit names a unit in running text: "gmina Grabowo", "powiat
// kolneński"; withType adds the type's adjective ("gmina miejska Kolno"),
// which a name repeated within a partnership needs. A powiat's name is
// the adjective as in TERC ("kolneński"); a name that already starts with
// the noun ("Powiat kolneński", "Gmina Kolno") is not doubled.
func (g *Grammar) Unit(kind string, gminaType int, name string, withType bool) Phrase {
	key := UnitTypeKey(kind, gminaType)
	u := g.unitTypes[key]
	n := g.nouns[u.Noun]
	if rest, ok := cutNoun(name, n.Sg[Nom]); ok {
		name = rest
	}
	var p Phrase
	typ := g.UnitType(kind, gminaType)
	for c := range p.Forms {
		head := n.Sg[c]
		if withType {
			head = typ.Forms[c]
		}
		rest := name
		if kind == "powiat" {
			// the powiat's adjective agrees with the noun
			if f, ok := g.adjective(name, "m"); ok {
				rest = f[c]
			}
		}
		p.Forms[c] = strings.TrimSpace(head + " " + rest)
	}
	return p
}

// cutNoun removes a leading noun (any capitalisation) from name.
func cutNoun(name, noun string) (string, bool) {
	if len(name) > len(noun) && strings.EqualFold(name[:len(noun)], noun) && name[len(noun)] == ' ' {
		return name[len(noun)+1:], true
	}
	return name, false
}

// adjective declines a regular adjective of gender by its ending (the
// table adjective_endings), keeping its capital letter.
func (g *Grammar) adjective(word, gender string) (Forms, bool) {
	var f Forms
	for _, e := range g.endings {
		list := map[string][]string{"m": e.M, "f": e.F, "n": e.N}[gender]
		if len(list) != 6 || !strings.HasSuffix(word, e.Ending) {
			continue
		}
		stem := strings.TrimSuffix(word, e.Ending)
		for c := range f {
			f[c] = stem + list[c]
		}
		return f, true
	}
	return f, false
}

// DocumentType names a kind of project document and gives its gender
// ("studium_wykonalnosci" → "studium wykonalności", n).
func (g *Grammar) DocumentType(key string) (string, Gender) {
	if d, ok := g.docTypes[key]; ok {
		return d.name, d.gender
	}
	name := strings.ReplaceAll(key, "_", " ")
	return name, g.GenderOf(name)
}

// GenderOf is the gender of a common noun by the ending of its first word.
func (g *Grammar) GenderOf(noun string) Gender {
	w, _, _ := strings.Cut(strings.TrimSpace(noun), " ")
	for _, e := range g.genderEnds {
		if strings.HasSuffix(w, e[0]) {
			return Gender(e[1])
		}
	}
	return "m"
}

// Agree picks the form of an adjective (given for m, f, n) that agrees
// with gender.
func Agree(gender Gender, forms [3]string) string {
	switch gender {
	case "f":
		return forms[1]
	case "n":
		return forms[2]
	}
	return forms[0]
}

// Place is the genitive and locative of a place name of the table.
func (g *Grammar) Place(name string) (gen, loc string, ok bool) {
	p, ok := g.places[name]
	return p.Gen, p.Loc, ok
}

// PowiatSeat is the seat of powiat code (4 digits), if the table has it.
func (g *Grammar) PowiatSeat(code string) (string, bool) {
	s, ok := g.seats[code]
	return s, ok
}

// CouncilOf describes the unit whose council is named.
type CouncilOf struct {
	Kind      string // gmina | powiat | miasto_na_prawach_powiatu
	GminaType int    // TERC RODZ digit of a gmina (1, 2, 3), else 0
	Name      string // the unit's name as in TERC ("Kolno", "kolneński")
	Teryt     string // its TERC code (a powiat's seat is looked up by it)
	Seat      string // a powiat's seat when known otherwise (a member gmina marked as the seat)
}

// Council is the name of the unit's council in every case: "Rada Gminy
// Kolno", "Rada Miasta Kolno", "Rada Miejska w Stawiskach", "Rada Powiatu
// w Kolnie". An error names the place whose form the table lacks.
func (g *Grammar) Council(u CouncilOf) (Phrase, error) {
	key := UnitTypeKey(u.Kind, u.GminaType)
	cn, ok := g.councils[key]
	if !ok {
		return Phrase{}, fmt.Errorf("no council name for unit type %s", key)
	}
	name := u.Name
	if rest, ok := cutNoun(name, g.nouns[g.unitTypes[key].Noun].Sg[Nom]); ok {
		name = rest
	}
	comp := cn.Complement
	var missing string
	place := func(n string, gen bool) string {
		gf, lf, ok := g.Place(n)
		if !ok {
			missing = n
			return n
		}
		if gen {
			return gf
		}
		return lf
	}
	if strings.Contains(comp, "{seat.loc}") {
		seat := u.Seat
		if seat == "" && len(u.Teryt) >= 4 {
			seat, _ = g.PowiatSeat(u.Teryt[:4])
		}
		if _, _, ok := g.Place(seat); seat == "" || !ok {
			if cn.WithoutSeat == "" {
				return Phrase{}, fmt.Errorf("no seat known for powiat %s (%s); add it to powiat_seats and places in grammar.yaml", u.Name, u.Teryt)
			}
			comp = cn.WithoutSeat
		} else {
			comp = strings.ReplaceAll(comp, "{seat.loc}", place(seat, false))
		}
	}
	if strings.Contains(comp, "{adj.gen}") {
		f, ok := g.adjective(strings.ToLower(name[:1])+name[1:], "m")
		if !ok {
			return Phrase{}, fmt.Errorf("cannot decline the adjective %q", name)
		}
		comp = strings.ReplaceAll(comp, "{adj.gen}", upperFirst(f[Gen]))
	}
	if strings.Contains(comp, "{name.loc}") {
		comp = strings.ReplaceAll(comp, "{name.loc}", place(name, false))
	}
	if strings.Contains(comp, "{name.gen}") {
		comp = strings.ReplaceAll(comp, "{name.gen}", place(name, true))
	}
	comp = strings.ReplaceAll(comp, "{name}", name)
	if missing != "" {
		return Phrase{}, fmt.Errorf("the declined forms of %q are not in grammar.yaml (places); add its genitive and locative", missing)
	}
	head := g.nouns[cn.Head]
	var adj Forms
	if cn.Adjective != "" {
		a, ok := g.adjective(cn.Adjective, string(head.Gender))
		if !ok {
			return Phrase{}, fmt.Errorf("cannot decline the adjective %q", cn.Adjective)
		}
		adj = a
	}
	var p Phrase
	for c := range p.Forms {
		p.Forms[c] = strings.Join(slices.DeleteFunc([]string{head.Sg[c], adj[c], comp}, func(s string) bool { return s == "" }), " ")
	}
	return p, nil
}

// CouncilGenitive puts a council's name as written in the content into
// the genitive ("Rada Miejska w Stawiskach" → "Rady Miejskiej w
// Stawiskach", "Zgromadzenie Związku …" → "Zgromadzenia Związku …"): the
// leading noun and its adjective decline, the rest stays.
func (g *Grammar) CouncilGenitive(body string) string {
	for nom, gen := range map[string]string{"Rada": "Rady", "Zgromadzenie": "Zgromadzenia", "Zarząd": "Zarządu",
		"Walne Zebranie": "Walnego Zebrania", "Komitet": "Komitetu", "Sejmik": "Sejmiku"} {
		rest, ok := strings.CutPrefix(body, nom+" ")
		if !ok {
			continue
		}
		if nom == "Rada" {
			if w, tail, _ := strings.Cut(rest, " "); w != "" {
				if f, ok := g.adjective(w, "f"); ok && (w == "Miejska" || w == "Gminna" || w == "Powiatowa") {
					rest = strings.TrimSpace(f[Gen] + " " + tail)
				}
			}
		}
		return gen + " " + rest
	}
	return body
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
