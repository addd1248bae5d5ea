package hyph

import (
	"slices"
	"sync"
	"testing"
)

// Expected hyphenations computed from hyph-pl.pat.txt and checked by hand
// against TeX's output for the same patterns (lefthyphenmin=righthyphenmin=2).
func TestHyphenate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"województwo", "wo-je-wódz-two"},
		{"strategia", "stra-te-gia"},
		{"przedsiębiorczość", "przed-się-bior-czość"},
		{"infrastruktura", "in-fra-struk-tu-ra"},
		{"ponadlokalnego", "po-nad-lo-kal-ne-go"},
		{"gospodarczego", "go-spo-dar-cze-go"},
		{"mieszkańców", "miesz-kań-ców"},
		{"zrównoważonego", "zrów-no-wa-żo-ne-go"},
		{"samorządu", "sa-mo-rzą-du"},
		{"dziedzictwa", "dzie-dzic-twa"},
		{"Wielkopolska", "Wiel-ko-pol-ska"}, // case kept, ignored for matching
		{"ŻÓŁĆ", "ŻÓŁĆ"},                    // too short for 2+2 with a break
		// exceptions (hyph-pl.hyp.txt)
		{"bynajmniej", "by-naj-mniej"},
		{"nigdy", "ni-gdy"},
		{"Niechże", "Niech-że"},
		// not words: left alone
		{"na", "na"},
		{"2024", "2024"},
		{"e-mail", "e-mail"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Hyphenate(tt.in, "-"); got != tt.want {
			t.Errorf("Hyphenate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPointsMinima(t *testing.T) {
	for _, w := range []string{"infrastruktura", "przedsiębiorczość", "abakus", "oaza"} {
		n := len([]rune(w))
		for _, p := range Points(w) {
			if p < LeftMin || p > n-RightMin {
				t.Errorf("Points(%q) has %d outside [%d,%d]", w, p, LeftMin, n-RightMin)
			}
		}
	}
	if got := Points("strategia"); !slices.Equal(got, []int{4, 6}) {
		t.Errorf("Points(strategia) = %v", got)
	}
}

func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := Hyphenate("infrastruktura", "-"); got != "in-fra-struk-tu-ra" {
				t.Errorf("got %q", got)
			}
		})
	}
	wg.Wait()
}

func BenchmarkPoints(b *testing.B) {
	for b.Loop() {
		Points("przedsiębiorczość")
	}
}
