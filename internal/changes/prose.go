package changes

import (
	"maps"
	"strings"

	"github.com/strategia-pl/strategia/internal/model"
)

// chapter is the prose of one part of the document.
type chapter struct {
	key  string // "diagnosis D1", "vision", "goals", "project P01" …
	name string // its title where it has one
	text []string
}

// chapters gathers a version's prose by the chapter it appears in: each
// diagnosis chapter, then the document's other parts, then each project.
func chapters(s *model.Strategy) []chapter {
	var out []chapter
	md := func(ms ...*model.Markdown) []string {
		var t []string
		for _, m := range ms {
			if m != nil && m.Text != "" {
				t = append(t, m.Text)
			}
		}
		return t
	}
	d := &s.Diagnosis
	out = append(out, chapter{key: "diagnosis", text: md(&d.Summary, &d.FunctionalLinks)})
	for _, ch := range d.Chapters {
		if ch != nil && ch.ID != "" {
			out = append(out, chapter{key: "diagnosis " + ch.ID, name: ch.Title, text: md(&ch.Body)})
		}
	}
	for _, sv := range d.Surveys {
		if sv != nil {
			out[0].text = append(out[0].text, md(&sv.Report)...)
		}
	}
	out = append(out, chapter{key: "vision", text: append([]string{s.Vision.Text}, md(&s.Mission)...)})
	goals := chapter{key: "goals"}
	dirs := func(ds []*model.Direction) {
		for _, x := range ds {
			if x != nil {
				goals.text = append(goals.text, md(&x.Description)...)
			}
		}
	}
	for _, g := range s.StrategicGoals {
		if g == nil {
			continue
		}
		goals.text = append(goals.text, md(&g.Description)...)
		for _, og := range g.OperationalGoals {
			if og != nil {
				goals.text = append(goals.text, md(&og.Description)...)
				dirs(og.Directions)
			}
		}
		dirs(g.Directions)
	}
	out = append(out, goals)
	spatial := chapter{key: "spatial"}
	for _, o := range s.Spatial.OSI {
		if o != nil {
			spatial.text = append(spatial.text, md(&o.Description, &o.Scope)...)
		}
	}
	if m := s.Spatial.ModelFSP; m != nil {
		spatial.text = append(spatial.text, md(&m.Description)...)
		for _, e := range m.Elements {
			if e != nil {
				spatial.text = append(spatial.text, md(&e.Description)...)
			}
		}
	}
	out = append(out, spatial)
	impl := chapter{key: "implementation", text: md(&s.Implementation.UpdateRules, &s.IntegratedApproach)}
	if m := s.Implementation.Monitoring; m != nil {
		impl.text = append(impl.text, md(&m.Description)...)
	}
	for _, e := range s.Implementation.Evaluation {
		if e != nil {
			impl.text = append(impl.text, md(&e.Report)...)
		}
	}
	out = append(out, impl)
	part := chapter{key: "participation", text: md(&s.Participation.Description)}
	if cs := s.Participation.Consultation; cs != nil {
		part.text = append(part.text, md(&cs.Report)...)
	}
	out = append(out, part, chapter{key: "finance", text: md(&s.Finance.Assumptions)})
	for _, p := range sortedProjects(s.Projects) {
		pc := chapter{key: "project " + p.ID, name: p.Title, text: md(&p.Problem, &p.Description, &p.Sustainability)}
		if in := p.Integration; in != nil {
			pc.text = append(pc.text, md(&in.PartnerCharacter, &in.IntegratedCharacter)...)
		}
		out = append(out, pc)
	}
	return out
}

// paragraphs splits prose into paragraphs (blank-line separated), with
// whitespace normalised so re-wrapping a paragraph is no change.
func paragraphs(texts []string) []string {
	var out []string
	for _, t := range texts {
		for _, p := range strings.Split(strings.ReplaceAll(t, "\r\n", "\n"), "\n\n") {
			if p = norm(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func (c *cmpr) prose(old, new *model.Strategy) {
	oc := map[string]chapter{}
	for _, ch := range chapters(old) {
		oc[ch.key] = ch
	}
	seen := map[string]bool{}
	count := func(key, name string, o, n []string) {
		p := countParagraphs(paragraphs(o), paragraphs(n))
		if p != (Paragraphs{}) {
			c.add(Change{Area: AreaProse, ID: key, Name: name, Op: Changed, Paragraphs: &p})
		}
	}
	for _, ch := range chapters(new) {
		seen[ch.key] = true
		count(ch.key, ch.name, oc[ch.key].text, ch.text)
	}
	for _, ch := range chapters(old) {
		if !seen[ch.key] {
			count(ch.key, ch.name, ch.text, nil)
		}
	}
}

// countParagraphs aligns two paragraph lists (longest common subsequence)
// and counts the rest: within each gap between matched paragraphs, as
// many as both sides have are "changed", the surplus added or removed. A
// paragraph that only moved (the same text unmatched on both sides) is no
// change.
func countParagraphs(o, n []string) Paragraphs {
	gs := gaps(o, n)
	unmatched := map[string]int{} // text → unmatched in o minus unmatched in n
	for _, g := range gs {
		for _, s := range o[g.oi : g.oi+g.o] {
			unmatched[s]++
		}
		for _, s := range n[g.ni : g.ni+g.n] {
			unmatched[s]--
		}
	}
	moved := map[string]int{} // text → how many moved
	for _, g := range gs {
		for _, s := range o[g.oi : g.oi+g.o] {
			if unmatched[s] <= 0 {
				moved[s]++
			}
		}
	}
	var p Paragraphs
	skipO, skipN := maps.Clone(moved), maps.Clone(moved)
	for _, g := range gs {
		no, nn := 0, 0
		for _, s := range o[g.oi : g.oi+g.o] {
			if skipO[s] > 0 {
				skipO[s]--
				continue
			}
			no++
		}
		for _, s := range n[g.ni : g.ni+g.n] {
			if skipN[s] > 0 {
				skipN[s]--
				continue
			}
			nn++
		}
		ch := min(no, nn)
		p.Changed += ch
		p.Removed += no - ch
		p.Added += nn - ch
	}
	return p
}

// gap is a run of unmatched items: o of a from oi, n of b from ni.
type gap struct{ oi, o, ni, n int }

// gaps returns the runs of unmatched items between the matches of the
// longest common subsequence of a and b.
func gaps(a, b []string) []gap {
	m := lcs(len(a), len(b), func(i, j int) bool { return a[i] == b[j] })
	var out []gap
	i, j := 0, 0
	for _, pr := range append(m, [2]int{len(a), len(b)}) {
		if g := (gap{i, pr[0] - i, j, pr[1] - j}); g.o > 0 || g.n > 0 {
			out = append(out, g)
		}
		i, j = pr[0]+1, pr[1]+1
	}
	return out
}

// lcs returns the index pairs of a longest common subsequence of two
// sequences of lengths n and m, by dynamic programming (chapters hold at
// most a few hundred paragraphs).
func lcs(n, m int, eq func(i, j int) bool) [][2]int {
	// trim the common prefix and suffix first: most edits are local
	pre := 0
	for pre < n && pre < m && eq(pre, pre) {
		pre++
	}
	suf := 0
	for suf < n-pre && suf < m-pre && eq(n-1-suf, m-1-suf) {
		suf++
	}
	var out [][2]int
	for k := range pre {
		out = append(out, [2]int{k, k})
	}
	a, b := n-pre-suf, m-pre-suf
	t := make([][]int32, a+1)
	for i := range t {
		t[i] = make([]int32, b+1)
	}
	for i := a - 1; i >= 0; i-- {
		for j := b - 1; j >= 0; j-- {
			if eq(pre+i, pre+j) {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	for i, j := 0, 0; i < a && j < b; {
		switch {
		case eq(pre+i, pre+j):
			out = append(out, [2]int{pre + i, pre + j})
			i++
			j++
		case t[i+1][j] >= t[i][j+1]:
			i++
		default:
			j++
		}
	}
	for k := range suf {
		out = append(out, [2]int{n - suf + k, m - suf + k})
	}
	return out
}
