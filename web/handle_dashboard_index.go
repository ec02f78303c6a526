package web

import "github.com/motcua/motcua/report"

// dashIndexRow is a group heading or an indicator of the Decision 766 table.
type dashIndexRow struct {
	Group                     bool
	Name, Measure             string
	Numerator, Denominator    string
	Ratio, Points, Attainable string
	Max                       string
	Unavailable               bool
	Missing                   string // the data that would feed an unavailable indicator
}

// dashIndex is the Decision 766 table: total over attainable, of 100.
type dashIndex struct {
	Rows                   []dashIndexRow
	Total, Attainable, Max string
}

func indexTable(l lang, x report.Index766) dashIndex {
	out := dashIndex{Total: fmtDec(l, x.Total), Attainable: fmtDec(l, x.Attainable), Max: fmtDec(l, x.Max)}
	for _, g := range x.Groups {
		out.Rows = append(out.Rows, dashIndexRow{Group: true, Name: l.S(g.Name, g.NameEN), Points: fmtDec(l, g.Points),
			Attainable: fmtDec(l, g.Attainable), Max: fmtDec(l, g.Max)})
		for _, i := range g.Indicators {
			row := dashIndexRow{Name: l.S(i.Name, i.NameEN), Measure: l.S(i.Measure, i.MeasureEN), Max: fmtDec(l, i.Max)}
			if !i.Available {
				row.Unavailable, row.Missing = true, l.S(i.MissingData, i.MissingDataEN)
			} else {
				row.Numerator, row.Denominator = fmtInt(l, i.Numerator), fmtInt(l, i.Denominator)
				row.Ratio, row.Points = fmtDec(l, i.Ratio*100)+" %", fmtDec(l, i.Points)
			}
			out.Rows = append(out.Rows, row)
		}
	}
	return out
}
