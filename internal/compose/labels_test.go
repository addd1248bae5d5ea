package compose

import (
	"testing"

	"go.yaml.in/yaml/v3"

	refdatafs "github.com/strategia-pl/strategia/templates/refdata"
)

// Every table of labels.yaml is used by compose, and compose asks for no
// table it lacks (package initialisation would have panicked); each
// label is a non-empty string or list of forms.
func TestLabelTables(t *testing.T) {
	used := map[string]bool{}
	for name, n := range map[string]int{
		"docKind": len(docKind), "docKindInstr": len(docKindInstr), "programmes": len(programmes), "osiTypes": len(osiTypes),
		"legalForms": len(legalForms), "docStatus": len(docStatus), "memberKinds": len(memberKinds), "gminaTypes": len(gminaTypes),
		"roles": len(roles), "dimensions": len(dimensions), "dimensionTitles": len(dimensionTitles), "frequencies": len(frequencies),
		"opinionResults": len(opinionResults), "instruments": len(instruments), "surveyTypes": len(surveyTypes),
		"evaluationTypes": len(evaluationTypes), "partnerGroups": len(partnerGroups), "channels": len(channels),
		"soosModes": len(soosModes), "indicatorKinds": len(indicatorKinds), "osiOrigins": len(osiOrigins),
		"elementTypes": len(elementTypes), "selectionModes": len(selectionModes), "selectionInstruments": len(selectionInstruments),
		"projectStatus": len(projectStatus), "projectPriority": len(projectPriority), "projectKinds": len(projectKinds),
		"readinessStages": len(readinessStages), "landRights": len(landRights), "docStatuses": len(docStatuses),
		"envDecisions": len(envDecisions), "externalTypes": len(externalTypes), "contributions": len(contributions),
		"commentChannels": len(commentChannels), "commentParties": len(commentParties),
	} {
		used[name] = true
		if n == 0 {
			t.Errorf("labels.yaml: table %s is empty", name)
		}
	}
	b, err := refdatafs.FS.ReadFile("labels.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]map[string]any
	if err := yaml.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	for name, tab := range all {
		if !used[name] {
			t.Errorf("labels.yaml: table %s is not used by compose", name)
		}
		for k, v := range tab {
			switch v := v.(type) {
			case string:
				if v == "" {
					t.Errorf("labels.yaml: %s.%s is empty", name, k)
				}
			case []any:
				for _, f := range v {
					if s, ok := f.(string); !ok || s == "" {
						t.Errorf("labels.yaml: %s.%s has an empty or non-string form", name, k)
					}
				}
			default:
				t.Errorf("labels.yaml: %s.%s is %T, not a label", name, k, v)
			}
		}
	}
}
