package report

// Measure is the data behind one indicator. Available is false when the system holds no
// data for it (see Indicator.MissingData); a zero Measure is unavailable.
type Measure struct {
	Numerator   int  `json:"numerator"`
	Denominator int  `json:"denominator"`
	Available   bool `json:"available"`
}

// Inputs766 holds the measure of each indicator by key (Key… constants); InputsFrom builds
// it from the figures. Indicators missing from the map are unavailable.
type Inputs766 map[string]Measure

// Indicator is one scored line of the index.
type Indicator struct {
	Key       string  `json:"key"`
	Name      string  `json:"name"`
	NameEN    string  `json:"name_en"`
	Measure   string  `json:"measure"` // numerator / denominator, in words
	MeasureEN string  `json:"measure_en"`
	Max       float64 `json:"max"`

	Numerator   int     `json:"numerator"`
	Denominator int     `json:"denominator"`
	Ratio       float64 `json:"ratio"`  // 0–1, 4 decimals; 1 for an empty denominator
	Points      float64 `json:"points"` // Ratio × Max, 2 decimals; 0 and not computed when unavailable

	// Available is false when the system holds no data for the indicator yet; its
	// points are then not computed and it is left out of the total and of Attainable.
	Available     bool   `json:"available"`
	MissingData   string `json:"missing_data,omitempty"` // which data would feed it
	MissingDataEN string `json:"missing_data_en,omitempty"`
}

// Group is one of the six groups.
type Group struct {
	Key        string      `json:"key"`
	Name       string      `json:"name"`
	NameEN     string      `json:"name_en"`
	Max        float64     `json:"max"`
	Points     float64     `json:"points"`     // sum of its available indicators' points
	Attainable float64     `json:"attainable"` // sum of its available indicators' maxima
	Indicators []Indicator `json:"indicators"`
}

// Index766 is the Decision 766 service index.
type Index766 struct {
	Groups []Group `json:"groups"`
	// Total is the points earned on the indicators the system can measure, 2 decimals.
	Total float64 `json:"total"`
	// Attainable is the most those indicators can earn; Max − Attainable are points the
	// system cannot measure yet. Pages show "Total / Attainable (of 100)".
	Attainable float64 `json:"attainable"`
	Max        float64 `json:"max"` // 100
}

// Compute766 scores the index: each indicator earns ratio × its maximum, an empty
// denominator earns full points, each rounded to 2 decimals; a group's points are the sum
// of its indicators', and the total the sum of the groups', rounded to 2 decimals.
//
// An indicator without data is neither given full points (that would reward missing
// data) nor 0 (that would report a failure nobody measured): it is marked unavailable,
// shown with the data it needs, and left out of the total, which is then reported
// beside the maximum it could reach. A numerator above its denominator (bad input) is
// held to the denominator so no indicator exceeds its maximum.
func Compute766(in Inputs766) Index766 {
	var x Index766
	for _, g := range table766 {
		grp := Group{Key: g.key, Name: g.name, NameEN: g.nameEN}
		for _, d := range g.indicators {
			ind := score(d, in[d.key])
			grp.Max += ind.Max
			if ind.Available {
				grp.Points += ind.Points
				grp.Attainable += ind.Max
			}
			grp.Indicators = append(grp.Indicators, ind)
		}
		grp.Points = round2(grp.Points)
		x.Groups = append(x.Groups, grp)
		x.Total += grp.Points
		x.Attainable += grp.Attainable
		x.Max += grp.Max
	}
	x.Total = round2(x.Total)
	return x
}

func score(d indicatorDef, m Measure) Indicator {
	ind := Indicator{Key: d.key, Name: d.name, NameEN: d.nameEN, Measure: d.measure,
		MeasureEN: d.measureEN, Max: float64(d.max), Available: m.Available}
	if !m.Available {
		ind.MissingData, ind.MissingDataEN = d.missing, d.missingEN
		if ind.MissingData == "" {
			ind.MissingData = "Chưa có dữ liệu cho kỳ này."
			ind.MissingDataEN = "No data for this period."
		}
		return ind
	}
	num, den := int64(max(m.Numerator, 0)), int64(max(m.Denominator, 0))
	num = min(num, den)
	ind.Numerator, ind.Denominator = int(num), int(den)
	if den == 0 {
		ind.Ratio, ind.Points = 1, ind.Max
		return ind
	}
	ind.Ratio = ratio4(num, den)
	ind.Points = scaledRound(num, d.max, den)
	return ind
}
