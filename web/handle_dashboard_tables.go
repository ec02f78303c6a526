package web

import (
	"fmt"
	"slices"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/sqlstore"
)

// dashCell is a number of a table with the list of dossiers behind it, when there is one.
type dashCell struct {
	Text, Href string
}

// dashTrendRow is one month of the trend table.
type dashTrendRow struct {
	Month                                 string
	CarriedOver, Received                 dashCell
	Early, OnTime, Late, WithdrawnStopped dashCell
	OpenAtEnd, Percent                    string
}

// trendRows writes the months, each number linked to the dossiers of that month (the
// first and last months cut to the period).
func trendRows(l lang, months []report.Month, p dashParams) []dashTrendRow {
	out := make([]dashTrendRow, 0, len(months))
	for _, m := range months {
		from, to := calendar.D(m.Year, m.Month, 1), calendar.D(m.Year, m.Month+1, 0)
		from, to = later(from, p.period.From), earlier(to, p.period.To)
		mp := p.withPeriod(from, to)
		c := m.Counters
		cell := func(n int, which string) dashCell { return linked(l, n, mp.drill(which)) }
		out = append(out, dashTrendRow{
			Month:       fmt.Sprintf("%02d/%d", m.Month, m.Year),
			CarriedOver: cell(m.CarriedOver, sqlstore.DrillCarriedOver), Received: cell(c.Received, sqlstore.DrillReceived),
			Early: cell(c.ResolvedEarly, sqlstore.DrillResolvedEarly), OnTime: cell(c.ResolvedOnTime, sqlstore.DrillResolvedOnTime),
			Late:             cell(c.ResolvedLate, sqlstore.DrillResolvedLate),
			WithdrawnStopped: dashCell{Text: fmtInt(l, c.Withdrawn+c.Stopped)},
			OpenAtEnd:        fmtInt(l, m.OpenAtEnd),
			Percent:          fmtRate(l, monthOnTime(c)),
		})
	}
	return out
}

// monthOnTime is the share of the month's resolved dossiers resolved early or on time.
// The published rate needs the late backlog at each month's end, which the trend does
// not carry.
func monthOnTime(c report.Counters) report.Rate {
	return report.RateOf(int64(c.ResolvedEarly+c.ResolvedOnTime), int64(c.Resolved()))
}

// linked is a count with its list; a zero needs none.
func linked(l lang, n int, href string) dashCell {
	if n == 0 {
		href = ""
	}
	return dashCell{fmtInt(l, n), href}
}

func later(a, b calendar.Date) calendar.Date {
	if a.Before(b) {
		return b
	}
	return a
}

func earlier(a, b calendar.Date) calendar.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// dashUnitRow is one handling unit's figures.
type dashUnitRow struct {
	Code, Name                                 string
	Received, CarriedOver, Early, OnTime, Late dashCell
	InProgress, InProgressLate, Refused        dashCell
	OnTimeRate                                 string
}

func unitRows(l lang, lines []report.Line, names map[string]string, p dashParams) []dashUnitRow {
	out := make([]dashUnitRow, 0, len(lines))
	for _, ln := range lines {
		up, s := p.withUnit(ln.Value), ln.Summary
		cell := func(n int, which string) dashCell { return linked(l, n, up.drill(which)) }
		out = append(out, dashUnitRow{Code: ln.Value, Name: unitName(l, names, ln.Value),
			Received: cell(s.Received, sqlstore.DrillReceived), CarriedOver: cell(s.CarriedOver, sqlstore.DrillCarriedOver),
			Early: cell(s.ResolvedEarly, sqlstore.DrillResolvedEarly), OnTime: cell(s.ResolvedOnTime, sqlstore.DrillResolvedOnTime),
			Late: cell(s.ResolvedLate, sqlstore.DrillResolvedLate), InProgress: cell(s.InProgress, sqlstore.DrillInProgress),
			InProgressLate: cell(s.InProgressLate, sqlstore.DrillLateOpen), Refused: cell(s.Refused, sqlstore.DrillRefused),
			OnTimeRate: fmtRate(l, s.OnTimeRate)})
	}
	return out
}

// dashStepRow is one internal step at one unit, the most late first.
type dashStepRow struct {
	Name, Unit, Finished, Late, LateRate string
}

func stepRows(l lang, steps []report.StepTally, names map[string]string) []dashStepRow {
	out := make([]dashStepRow, 0, len(steps))
	for _, st := range steps {
		unit := names[st.Unit]
		if unit == "" {
			unit = st.Unit
		}
		out = append(out, dashStepRow{Name: st.Name, Unit: unit, Finished: fmtInt(l, st.Finished),
			Late: fmtInt(l, st.Late), LateRate: fmtRate(l, st.LateRate)})
	}
	return out
}

// unitName names a handling unit. A dossier refused or withdrawn before receipt never
// reached one.
func unitName(l lang, names map[string]string, code string) string {
	if code == "" {
		return l.S("(chưa đến đơn vị giải quyết)", "(no handling unit)")
	}
	return nameOr(names, code)
}

// activeLines drops the units with nothing in the period: no dossier to process and none
// refused or withdrawn before receipt.
func activeLines(lines []report.Line) []report.Line {
	return slices.DeleteFunc(lines, func(ln report.Line) bool {
		s := ln.Summary
		return s.ToProcess == 0 && s.Refused == 0 && s.WithdrawnUnreceived == 0
	})
}
