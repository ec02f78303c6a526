package sqlstore

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/report"
)

// Drill-down lists: the dossiers behind one figure of a period.
const (
	DrillReceived            = "received"             // received in the period
	DrillCarriedOver         = "carried_over"         // received before it, open at its start
	DrillResolved            = "resolved"             // resolved in it
	DrillResolvedEarly       = "resolved_early"       // of which early
	DrillResolvedOnTime      = "resolved_on_time"     // on time
	DrillResolvedLate        = "resolved_late"        // late
	DrillInProgress          = "in_progress"          // open at its end
	DrillLateOpen            = "late_open"            // open and late at its end
	DrillWithdrawn           = "withdrawn"            // withdrawn after receipt in it
	DrillStopped             = "stopped"              // stopped in it
	DrillRefused             = "refused"              // refused at receipt in it
	DrillWithdrawnUnreceived = "withdrawn_unreceived" // withdrawn before receipt in it
)

// Drills lists the drill-down names ReportDossiers accepts.
var Drills = []string{DrillReceived, DrillCarriedOver, DrillResolved, DrillResolvedEarly, DrillResolvedOnTime,
	DrillResolvedLate, DrillInProgress, DrillLateOpen, DrillWithdrawn, DrillStopped, DrillRefused, DrillWithdrawnUnreceived}

// receivedClasses are the report classes of dossiers that were received.
const receivedClasses = `report_class IN ('open', 'resolved_early', 'resolved_on_time', 'resolved_late', 'withdrawn', 'stopped')`

// ReportDossier is one line of a drill-down.
type ReportDossier struct {
	ID            int64          `json:"id"`
	Code          string         `json:"code,omitempty"`
	Status        dossier.Status `json:"status"`
	ProcedureCode string         `json:"procedure_code"`
	ProcedureName string         `json:"procedure_name"`
	Unit          string         `json:"unit"`
	Field         string         `json:"field"`
	Class         string         `json:"class"` // ReportClass
	ReceivedAt    time.Time      `json:"received_at,omitzero"`
	AppointmentAt time.Time      `json:"appointment_at,omitzero"`
	FinishedAt    time.Time      `json:"finished_at,omitzero"`
	LateFrom      time.Time      `json:"late_from,omitzero"`
}

// ReportDossiers lists the dossiers behind one figure (which, one of Drills) of the
// period, by id after the cursor after, at most limit (1..MaxDossierPage, default 50).
// next is the cursor of the following page, 0 at the end.
func (db *DB) ReportDossiers(ctx context.Context, p report.Period, f ReportFilter, which string, after int64,
	limit int) (out []ReportDossier, next int64, err error) {
	start, end := p.Start().UnixMilli(), p.End().UnixMilli()
	var cond string
	var args []any
	switch which {
	case DrillReceived:
		cond, args = `received_at >= ? AND received_at < ? AND `+receivedClasses, []any{start, end}
	case DrillCarriedOver:
		cond, args = `received_at < ? AND (finished_at IS NULL OR finished_at >= ?) AND `+receivedClasses, []any{start, start}
	case DrillInProgress:
		cond, args = `received_at < ? AND (finished_at IS NULL OR finished_at >= ?) AND `+receivedClasses, []any{end, end}
	case DrillLateOpen:
		cond, args = `late_from IS NOT NULL AND late_from < ? AND received_at < ? AND (finished_at IS NULL OR finished_at >= ?)`,
			[]any{end, end, end}
	case DrillResolved:
		cond, args = `finished_at >= ? AND finished_at < ? AND report_class LIKE 'resolved%'`, []any{start, end}
	case DrillResolvedEarly, DrillResolvedOnTime, DrillResolvedLate, DrillWithdrawn, DrillStopped, DrillRefused,
		DrillWithdrawnUnreceived:
		cond, args = `finished_at >= ? AND finished_at < ? AND report_class = ?`, []any{start, end, which}
	default:
		return nil, 0, motcua.Invalid("which", "danh sách phải là một trong: "+strings.Join(Drills, ", "),
			"which must be one of: "+strings.Join(Drills, ", "))
	}
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, MaxDossierPage)
	more, args := f.where("report_unit", "report_field", "procedure_code", args)
	rows, err := db.query(ctx, `SELECT id, COALESCE(code, ''), status, procedure_code, procedure_name, report_unit,
		report_field, report_class, received_at, appointment_at, finished_at, late_from FROM dossiers
		WHERE `+cond+more+` AND id > ? ORDER BY id LIMIT ?`, append(args, after, limit+1)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out = []ReportDossier{}
	for rows.Next() {
		var d ReportDossier
		var status int
		var received, appointment, finished, late sql.NullInt64
		if err := rows.Scan(&d.ID, &d.Code, &status, &d.ProcedureCode, &d.ProcedureName, &d.Unit, &d.Field, &d.Class,
			&received, &appointment, &finished, &late); err != nil {
			return nil, 0, err
		}
		d.Status = dossier.Status(status)
		d.ReceivedAt, d.AppointmentAt = fromMillis(received), fromMillis(appointment)
		d.FinishedAt, d.LateFrom = fromMillis(finished), fromMillis(late)
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	if len(out) > limit {
		out = out[:limit]
		next = out[limit-1].ID
	}
	return out, next, nil
}
