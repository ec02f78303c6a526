package sqlstore

import (
	"strings"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/report"
)

// counterColumns are the columns of report_days and report_months, in the order of
// counterFields.
var counterColumns = []string{
	"received", "received_online", "received_postal", "offered_online", "filed_online", "with_fee",
	"paid_online", "synced", "resolved_early", "resolved_on_time", "resolved_late", "electronic_result",
	"used_seconds", "paused_seconds", "statutory_seconds", "withdrawn", "stopped", "refused",
	"withdrawn_unreceived", "rated", "satisfied", "score_sum",
}

// counterFields points at c's counters in the order of counterColumns, for Scan.
func counterFields(c *report.Counters) []any {
	return []any{
		&c.Received, &c.ReceivedOnline, &c.ReceivedPostal, &c.OfferedOnline, &c.FiledOnline, &c.WithFee,
		&c.PaidOnline, &c.Synced, &c.ResolvedEarly, &c.ResolvedOnTime, &c.ResolvedLate, &c.ElectronicResult,
		&c.UsedSeconds, &c.PausedSeconds, &c.StatutorySeconds, &c.Withdrawn, &c.Stopped, &c.Refused,
		&c.WithdrawnUnreceived, &c.Rated, &c.Satisfied, &c.ScoreSum,
	}
}

// counterValues are c's counters in the order of counterColumns, for Exec.
func counterValues(c report.Counters) []any {
	ptrs := counterFields(&c)
	out := make([]any, len(ptrs))
	for i, p := range ptrs {
		switch v := p.(type) {
		case *int:
			out[i] = int64(*v)
		case *int64:
			out[i] = *v
		}
	}
	return out
}

// sumColumns is the SELECT list summing every counter; SUM of a BIGINT is NUMERIC on
// PostgreSQL, hence the cast.
var sumColumns = func() string {
	parts := make([]string, len(counterColumns))
	for i, c := range counterColumns {
		parts[i] = "CAST(COALESCE(SUM(" + c + "), 0) AS BIGINT)"
	}
	return strings.Join(parts, ", ")
}()

// dayKey and monthKey are the integer keys of the bucket tables: YYYYMMDD and YYYYMM.
func dayKey(d calendar.Date) int   { return d.Year*10000 + int(d.Month)*100 + d.Day }
func monthKey(d calendar.Date) int { return d.Year*100 + int(d.Month) }

func dateOfDayKey(k int) calendar.Date {
	return calendar.D(k/10000, time.Month(k/100%100), k%100)
}

func dateOfMonthKey(k int) calendar.Date { return calendar.D(k/100, time.Month(k%100), 1) }
