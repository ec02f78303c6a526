package report

import (
	"cmp"
	"slices"
)

// Dimension is what a breakdown groups by.
type Dimension string

const (
	ByUnit      Dimension = "unit"
	ByField     Dimension = "field"
	ByProcedure Dimension = "procedure"
)

// Value is k's value along the dimension.
func (dim Dimension) Value(k Key) string {
	switch dim {
	case ByUnit:
		return k.Unit
	case ByField:
		return k.Field
	}
	return k.Procedure
}

// Row is a bucket row as the store returns it for a period: a key and its summed
// counters (GROUP BY unit, field, procedure).
type Row struct {
	Key Key `json:"key"`
	Counters
}

// Line is one line of a breakdown.
type Line struct {
	Value   string  `json:"value"` // unit code, field code or procedure code
	Summary Summary `json:"summary"`
}

// Breakdown sums rows along dim and summarises each value with its own backlog (the
// store answers the carried-over and late-at-end queries grouped the same way; a value
// missing from backlogs has none). Lines come sorted by value.
func Breakdown(rows []Row, dim Dimension, backlogs map[string]Backlog) []Line {
	sums := map[string]*Counters{}
	for _, r := range rows {
		v := dim.Value(r.Key)
		if sums[v] == nil {
			sums[v] = &Counters{}
		}
		sums[v].Add(r.Counters)
	}
	for v := range backlogs { // a value with only a backlog still has a line
		if sums[v] == nil {
			sums[v] = &Counters{}
		}
	}
	out := make([]Line, 0, len(sums))
	for v, c := range sums {
		out = append(out, Line{Value: v, Summary: Summarize(*c, backlogs[v], CatalogStats{})})
	}
	slices.SortFunc(out, func(a, b Line) int { return cmp.Compare(a.Value, b.Value) })
	return out
}
