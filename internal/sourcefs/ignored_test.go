package sourcefs

import "testing"

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"goals.yaml": false, "demografia.md": false, "P01.yaml": false,
		".goals.yaml.swp": true, "goals.yaml~": true, "4913": true, "#goals.yaml#": true,
		".#goals.yaml": true, "~$strategia.docx": true, ".strategia.pdf.tmp-123": true,
		"goals.yaml___jb_tmp___": true, ".~lock.x.docx#": true,
		".strategia-manifest.json": true, ".strategia-lock": true, ".goals.yaml.swo": true,
		"mapa.svg": false, ".#ankiety.md": true, "P01.yaml.bak": true,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}
