package report

import "testing"

func TestIndexOfMarch(t *testing.T) {
	ss := marchStories(t)
	c := sumDays(buckets(ss), march)
	x := Compute766(InputsFrom(c, catalogNow(), Sources{}))
	// progress      4/5 × 20 = 16.00  (A early, B D E on time, C late)
	// online        5/9 × 12 = 60/9 = 6.666… → 6.67
	// paid online   1/5 × 5  = 1.00   (procedures payable online: no data)
	// satisfied     2/3 × 6  = 4.00   (feedback on time, feedback satisfied: no module)
	// full content  1/1 × 2  = 2.00   (announced / updated on time: no dates; synced: no sync)
	// e-result      3/5 × 6  = 3.60   (A C D handed back online; others: no data)
	// total 16 + 6.67 + 1 + 4 + 2 + 3.6 = 33.27 of 20 + 12 + 5 + 6 + 2 + 6 = 51 attainable
	want := map[string]float64{
		KeyResolvedOnTime: 16, KeyFiledOnline: 6.67, KeyDossiersPaid: 1, KeyDossierSatisfied: 4,
		KeyFullContent: 2, KeyElectronicResult: 3.6,
	}
	for _, g := range x.Groups {
		for _, ind := range g.Indicators {
			w, ok := want[ind.Key]
			if ind.Available != ok || ind.Points != w {
				t.Errorf("%s: available %v points %v, want %v %v", ind.Key, ind.Available, ind.Points, ok, w)
			}
			if !ind.Available && (ind.MissingData == "" || ind.MissingDataEN == "") {
				t.Errorf("%s: unavailable without saying which data would feed it", ind.Key)
			}
		}
	}
	if x.Total != 33.27 || x.Attainable != 51 || x.Max != 100 {
		t.Fatalf("total %v attainable %v max %v", x.Total, x.Attainable, x.Max)
	}
	if g := group(x, "online"); g.Points != 6.67 || g.Indicators[0].Numerator != 5 ||
		g.Indicators[0].Denominator != 9 || g.Indicators[0].Ratio != 0.5556 {
		t.Fatalf("online group %+v", g)
	}
}

func TestIndexTable(t *testing.T) {
	x := Compute766(nil)
	wantMax := map[string]float64{"publicity": 18, "progress": 20, "online": 12, "payment": 10,
		"satisfaction": 18, "digitisation": 22}
	var indicators int
	for _, g := range x.Groups {
		if g.Max != wantMax[g.Key] {
			t.Errorf("group %s max %v, want %v", g.Key, g.Max, wantMax[g.Key])
		}
		indicators += len(g.Indicators)
	}
	// 4 + 1 + 1 + 2 + 3 + 7
	if len(x.Groups) != 6 || indicators != 18 || x.Max != 100 || x.Total != 0 || x.Attainable != 0 {
		t.Fatalf("%d groups, %d indicators, max %v total %v attainable %v", len(x.Groups), indicators, x.Max, x.Total, x.Attainable)
	}
}

func TestIndexArithmetic(t *testing.T) {
	cases := []struct {
		name     string
		key      string
		num, den int
		ratio    float64
		points   float64
	}{
		{"empty denominator earns full points", KeyResolvedOnTime, 0, 0, 1, 20},
		{"2/3 × 6", KeyDossierSatisfied, 2, 3, 0.6667, 4},
		{"1/3 × 20 rounds down", KeyResolvedOnTime, 1, 3, 0.3333, 6.67},
		{"2/3 × 20 rounds up", KeyResolvedOnTime, 2, 3, 0.6667, 13.33},
		{"1/8 × 6", KeyElectronicResult, 1, 8, 0.125, 0.75},
		{"1/16 × 2 rounds half up", KeyFullContent, 1, 16, 0.0625, 0.13},
		{"none of many", KeyFiledOnline, 0, 7, 0, 0},
		{"numerator above denominator is held", KeyDossiersPaid, 9, 4, 1, 5},
	}
	for _, c := range cases {
		x := Compute766(Inputs766{c.key: {c.num, c.den, true}})
		ind := indicator(x, c.key)
		if ind.Ratio != c.ratio || ind.Points != c.points || !ind.Available || ind.MissingData != "" {
			t.Errorf("%s: ratio %v points %v, want %v %v", c.name, ind.Ratio, ind.Points, c.ratio, c.points)
		}
		if x.Total != c.points || x.Attainable != ind.Max {
			t.Errorf("%s: total %v of %v", c.name, x.Total, x.Attainable)
		}
	}
}

// Every indicator measured with an empty denominator: 100 of 100.
func TestIndexAllEmpty(t *testing.T) {
	in := Inputs766{}
	for _, g := range table766 {
		for _, d := range g.indicators {
			in[d.key] = Measure{Available: true}
		}
	}
	if x := Compute766(in); x.Total != 100 || x.Attainable != 100 {
		t.Fatalf("total %v attainable %v", x.Total, x.Attainable)
	}
}

// Sums of rounded points are rounded again: 6.67 + 6.67 + 6.67 = 20.01, not 20.009999….
func TestIndexGroupRounding(t *testing.T) {
	x := Compute766(Inputs766{
		KeyDossierSatisfied:  {1, 9, true}, // 6/9 = 0.666… → 0.67
		KeyFeedbackOnTime:    {1, 9, true},
		KeyFeedbackSatisfied: {1, 9, true},
	})
	if g := group(x, "satisfaction"); g.Points != 2.01 || g.Attainable != 18 || x.Total != 2.01 {
		t.Fatalf("group %v of %v, total %v", g.Points, g.Attainable, x.Total)
	}
}

// The sync feeds its indicator only when it ran; an empty period then earns full points.
func TestSyncedNeedsTheSync(t *testing.T) {
	c := Counters{Received: 4, Synced: 3}
	if ind := indicator(Compute766(InputsFrom(c, CatalogStats{}, Sources{})), KeySynced); ind.Available {
		t.Fatalf("synced without the sync: %+v", ind)
	}
	// 3/4 × 6 = 4.50
	if ind := indicator(Compute766(InputsFrom(c, CatalogStats{}, Sources{NationalSync: true})), KeySynced); ind.Points != 4.5 {
		t.Fatalf("synced %+v", ind)
	}
	if ind := indicator(Compute766(InputsFrom(Counters{}, CatalogStats{}, Sources{NationalSync: true})), KeySynced); ind.Points != 6 {
		t.Fatalf("synced, nothing received: %+v", ind)
	}
	cat := CatalogStats{WithFees: 4, PayableOnline: 1, PayableKnown: true}
	// 1/4 × 5 = 1.25
	if ind := indicator(Compute766(InputsFrom(c, cat, Sources{})), KeyProceduresPayable); ind.Points != 1.25 {
		t.Fatalf("payable %+v", ind)
	}
}

func group(x Index766, key string) Group {
	for _, g := range x.Groups {
		if g.Key == key {
			return g
		}
	}
	return Group{}
}

func indicator(x Index766, key string) Indicator {
	for _, g := range x.Groups {
		for _, ind := range g.Indicators {
			if ind.Key == key {
				return ind
			}
		}
	}
	return Indicator{}
}
