package model

import (
	"math"
	"reflect"
	"testing"
)

func fp(v float64) *float64 { return &v }

func val(unit string, year int, v float64) *Value {
	return &Value{Unit: Ref{ID: unit}, Year: year, Value: fp(v)}
}

func factsStrategy() *Strategy {
	member := func(code string, pop float64, year int, area float64) *Member {
		m := &Member{Teryt: Ref{ID: code}, AreaKm2: area}
		if year != 0 {
			m.Population = &Observed{Value: pop, Year: year}
		}
		return m
	}
	return &Strategy{
		Partnership: Partnership{Members: []*Member{
			member("2006011", 10000, 2022, 25),
			member("2006032", 8000, 2022, 250),
			member("2006053", 6000, 2021, 170), // another year: not summed
			member("2006", 38000, 2022, 940),   // a powiat: never summed
		}},
		Indicators: []*Indicator{
			{ID: "pop", Aggregation: &Aggregation{Method: "sum"}, Values: []*Value{
				val("2006011", 2022, 10000), val("2006032", 2022, 8000), val("2006053", 2022, 6000),
				val("2006", 2022, 24000), val("partnership", 2022, 24000),
				val("2006011", 2019, 10300),
			}},
			{ID: "old", Aggregation: &Aggregation{Method: "sum"}, Values: []*Value{
				val("2006011", 2022, 2000), val("2006032", 2022, 2000), val("2006053", 2022, 1000),
			}},
			{ID: "old_share", Unit: "%", Aggregation: &Aggregation{Method: "ratio", Numerator: Ref{ID: "old"}, Denominator: Ref{ID: "pop"}},
				Values: []*Value{val("2006011", 2022, 20), val("2006032", 2022, 25), val("2006053", 2022, 16.7)}},
			{ID: "wm", Aggregation: &Aggregation{Method: "weighted_mean", Weight: Ref{ID: "pop"}},
				Values: []*Value{val("2006011", 2022, 1), val("2006032", 2022, 2), val("2006053", 2022, 3)}},
			{ID: "exam", Aggregation: &Aggregation{Method: "none"},
				Values: []*Value{val("2006011", 2022, 50), val("partnership", 2022, 55)}},
		},
		StrategicGoals: []*StrategicGoal{
			{ID: "CS1", Directions: []*Direction{{ID: "KD1.1"}}},
			{ID: "CS2", OperationalGoals: []*OperationalGoal{{ID: "CS2.1", Directions: []*Direction{{ID: "KD2.1.1"}}}}},
			{ID: "CS3"},
		},
		Finance: FinancialFramework{Total: 100,
			ByGoal:   []*GoalAmount{{Goal: Ref{ID: "CS1"}, Amount: 60}, {Goal: Ref{ID: "CS2"}, Amount: 40}},
			BySource: []*SourceAmount{{Source: Ref{ID: "kpo"}, Amount: 70}, {Source: Ref{ID: "budzet_jst"}, Amount: 20}},
			ByYear:   []*YearAmount{{Year: 2025, Amount: 50}, {Year: 2026, Amount: 50}},
		},
		Projects: []*Project{
			{ID: "P01", Status: "accepted", Links: ProjectLinks{Goals: []*GoalLink{
				{Ref: Ref{ID: "KD2.1.1"}, Contribution: "primary"}, {Ref: Ref{ID: "CS1"}, Contribution: "secondary"}}},
				Budget: &Budget{Total: 30, Sources: []*SourceAmount{{Source: Ref{ID: "kpo"}, Amount: 20}, {Source: Ref{ID: "budzet_jst"}, Amount: 10}}}},
			{ID: "P02", Status: "proposed", Links: ProjectLinks{Goals: []*GoalLink{{Ref: Ref{ID: "CS2.1"}, Contribution: "primary"}}},
				Budget: &Budget{Total: 5, Sources: []*SourceAmount{{Source: Ref{ID: "rfil"}, Amount: 5}}}},
			{ID: "P03", Status: "dropped", Links: ProjectLinks{Goals: []*GoalLink{{Ref: Ref{ID: "KD1.1"}, Contribution: "primary"}}},
				Budget: &Budget{Total: 1000}},
			{ID: "P04", Links: ProjectLinks{Goals: []*GoalLink{{Ref: Ref{ID: "nope"}, Contribution: "primary"}}},
				Budget: &Budget{Total: 7}},
		},
	}
}

func TestDerive(t *testing.T) {
	s := factsStrategy()
	f := Derive(s, NewIndex(s))

	if want := []string{"2006011", "2006032", "2006053"}; !reflect.DeepEqual(f.Gminy, want) {
		t.Errorf("Gminy = %v, want %v", f.Gminy, want)
	}
	if f.Population.Value != 18000 || f.Population.Year != 2022 || f.Population.Complete() ||
		!reflect.DeepEqual(f.Population.Missing, []string{"2006053"}) {
		t.Errorf("Population = %+v, want 18000 in 2022 without 2006053 (powiat not added)", f.Population)
	}
	if f.AreaKm2 != 445 {
		t.Errorf("AreaKm2 = %v, want 445 (powiat not added)", f.AreaKm2)
	}
	if f.Finance.SumGoal != 100 || f.Finance.SumSource != 90 || f.Finance.SumYear != 100 || f.Finance.Total != 100 {
		t.Errorf("Finance = %+v", f.Finance)
	}
	if want := []Amount{{"CS1", 0}, {"CS2", 35}, {"CS3", 0}}; !reflect.DeepEqual(f.ProjectByGoal, want) {
		t.Errorf("ProjectByGoal = %v, want %v", f.ProjectByGoal, want)
	}
	if f.ProjectTotal != 42 || f.ProjectUnlinked != 7 {
		t.Errorf("ProjectTotal = %v, ProjectUnlinked = %v; want 42, 7 (dropped P03 not counted)", f.ProjectTotal, f.ProjectUnlinked)
	}
	if want := []Amount{{"kpo", 20}, {"budzet_jst", 10}, {"rfil", 5}}; !reflect.DeepEqual(f.ProjectBySource, want) {
		t.Errorf("ProjectBySource = %v, want %v", f.ProjectBySource, want)
	}
	if got := f.ProjectMatrix.At("CS2", "kpo"); got != 20 {
		t.Errorf("matrix CS2×kpo = %v, want 20", got)
	}
	if got := f.ProjectMatrix.At("CS1", "kpo"); got != 0 {
		t.Errorf("matrix CS1×kpo = %v, want 0", got)
	}
	wantCoh := []GoalProjects{
		{Goal: "CS1", Projects: []ProjectContribution{{"P01", false}, {"P03", true}}},
		{Goal: "CS2", Projects: []ProjectContribution{{"P01", true}, {"P02", true}}},
		{Goal: "CS3"},
	}
	if !reflect.DeepEqual(f.Coherence, wantCoh) {
		t.Errorf("Coherence = %+v, want %+v", f.Coherence, wantCoh)
	}

	pop := f.Indicator("pop").Year(2022)
	if *pop.Computed != 24000 || !pop.Complete || *pop.Explicit != 24000 {
		t.Errorf("pop 2022 = %+v", pop)
	}
	if y := f.Indicator("pop").Year(2019); *y.Computed != 10300 || y.Complete {
		t.Errorf("pop 2019 = %+v, want incomplete 10300", y)
	}
	share := f.Indicator("old_share").Year(2022)
	if math.Abs(*share.Computed-5000.0/24000*100) > 1e-9 || !share.Complete {
		t.Errorf("old_share 2022 = %v, want ratio of sums × 100", *share.Computed)
	}
	wm := f.Indicator("wm").Year(2022)
	if want := (1*10000 + 2*8000 + 3*6000) / 24000.0; math.Abs(*wm.Computed-want) > 1e-9 {
		t.Errorf("wm = %v, want %v", *wm.Computed, want)
	}
	ex := f.Indicator("exam").Year(2022)
	if ex.Computed != nil || *ex.Explicit != 55 || *ex.Value() != 55 {
		t.Errorf("exam = %+v, want only the explicit 55", ex)
	}
}

func TestUnitScale(t *testing.T) {
	for _, tc := range []struct {
		unit  string
		scale float64
	}{{"%", 100}, {"‰", 1000}, {"podmioty na 10 tys. ludności", 10000}, {"osoby na 1000 ludności", 1000}, {"zł", 1}} {
		if got := UnitScale(&Indicator{Unit: tc.unit}); got != tc.scale {
			t.Errorf("UnitScale(%q) = %v, want %v", tc.unit, got, tc.scale)
		}
	}
	if got := UnitScale(&Indicator{Unit: "%", Aggregation: &Aggregation{Scale: 1}}); got != 1 {
		t.Errorf("explicit scale ignored: %v", got)
	}
}

func TestDeriveDeterministic(t *testing.T) {
	s := factsStrategy()
	a, b := Derive(s, NewIndex(s)), Derive(s, NewIndex(s))
	if !reflect.DeepEqual(a, b) {
		t.Error("Derive is not deterministic")
	}
}
