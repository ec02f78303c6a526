package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/org"
)

// RevisionCalendar is bumped by every change of the official decisions so that each
// instance rebuilds its working-day calendar.
const RevisionCalendar = "calendar"

// CalendarDecision is an official decision kept in the database, with who added it and when.
type CalendarDecision struct {
	ID int64 `json:"id"`
	calendar.Decision
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by"` // username
}

// Decision dates stay within the years the lunar tables were checked for, and the free
// texts within what a document number and a remark need.
const (
	minDecisionYear, maxDecisionYear = 1900, 2199
	maxDecisionText, maxDecisionNote = 300, 2000
)

// CalendarDecisions lists the decisions in force, by date.
func (db *DB) CalendarDecisions(ctx context.Context) ([]CalendarDecision, error) {
	rows, err := db.query(ctx, `SELECT id, date, kind, name, source, rule, note, created_at, created_by_name
		FROM calendar_decisions WHERE deleted_at IS NULL ORDER BY date, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CalendarDecision
	for rows.Next() {
		var d CalendarDecision
		var date string
		var at int64
		if err := rows.Scan(&d.ID, &date, &d.Kind, &d.Name, &d.Source, &d.Rule, &d.Note, &at, &d.CreatedBy); err != nil {
			return nil, err
		}
		if d.Date, err = calendar.ParseDate(date); err != nil {
			return nil, fmt.Errorf("sqlstore: calendar decision %d: %w", d.ID, err)
		}
		d.CreatedAt = time.UnixMilli(at)
		out = append(out, d)
	}
	return out, rows.Err()
}

// AddCalendarDecision stores a decision after checking it against the built-in rules, and
// records who added it. A day already holding a decision in force is refused.
func (db *DB) AddCalendarDecision(ctx context.Context, d calendar.Decision, by org.Account) (int64, error) {
	d = trimDecision(d)
	if err := checkDecision(d); err != nil {
		return 0, err
	}
	var id int64
	err := db.InTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM calendar_decisions WHERE date = ? AND deleted_at IS NULL`,
			d.Date.String()).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return dayTaken(d.Date)
		}
		if err := tx.QueryRow(ctx, `INSERT INTO calendar_decisions (date, kind, name, source, rule, note,
			created_at, created_by, created_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			d.Date.String(), string(d.Kind), d.Name, d.Source, d.Rule, d.Note, time.Now().UnixMilli(),
			by.ID, by.Username).Scan(&id); err != nil {
			return err
		}
		if err := tx.audit(ctx, AuditEntry{AccountID: by.ID, Username: by.Username, Action: "calendar.decision.add",
			Object: fmt.Sprintf("calendar:decision:%d", id), Detail: decisionDetail(d)}); err != nil {
			return err
		}
		return tx.bumpRevision(ctx, RevisionCalendar)
	})
	return id, err
}

// RemoveCalendarDecision takes a decision out of force. Its row stays, marked with who
// removed it and when.
func (db *DB) RemoveCalendarDecision(ctx context.Context, id int64, by org.Account) error {
	return db.InTx(ctx, func(tx *Tx) error {
		var date, kind, name, source string
		err := tx.QueryRow(ctx, `UPDATE calendar_decisions SET deleted_at = ?, deleted_by = ?, deleted_by_name = ?
			WHERE id = ? AND deleted_at IS NULL RETURNING date, kind, name, source`,
			time.Now().UnixMilli(), by.ID, by.Username, id).Scan(&date, &kind, &name, &source)
		if errors.Is(err, sql.ErrNoRows) {
			return motcua.NotFound(fmt.Sprintf("không có quyết định số %d đang có hiệu lực", id),
				fmt.Sprintf("no decision %d in force", id))
		}
		if err != nil {
			return err
		}
		if err := tx.audit(ctx, AuditEntry{AccountID: by.ID, Username: by.Username, Action: "calendar.decision.remove",
			Object: fmt.Sprintf("calendar:decision:%d", id),
			Detail: fmt.Sprintf("%s %s %s (%s)", date, kind, name, source)}); err != nil {
			return err
		}
		return tx.bumpRevision(ctx, RevisionCalendar)
	})
}

func trimDecision(d calendar.Decision) calendar.Decision {
	d.Kind = calendar.Kind(strings.TrimSpace(string(d.Kind)))
	d.Name = strings.TrimSpace(d.Name)
	d.Source = strings.TrimSpace(d.Source)
	d.Rule = strings.TrimSpace(d.Rule)
	d.Note = strings.TrimSpace(d.Note)
	return d
}

// checkDecision validates d as the calendar package would inside the built-in rules, so a
// stored decision always builds a calendar. It also refuses a day the built-in decisions
// already settle.
func checkDecision(d calendar.Decision) error {
	switch {
	case !d.Date.IsZero() && (d.Date.Year < minDecisionYear || d.Date.Year > maxDecisionYear):
		return motcua.Invalid("date", fmt.Sprintf("năm phải từ %d đến %d", minDecisionYear, maxDecisionYear),
			fmt.Sprintf("the year must be %d to %d", minDecisionYear, maxDecisionYear))
	case len([]rune(d.Name)) > maxDecisionText:
		return tooLong("name", maxDecisionText)
	case len([]rune(d.Source)) > maxDecisionText:
		return tooLong("source", maxDecisionText)
	case len([]rune(d.Note)) > maxDecisionNote:
		return tooLong("note", maxDecisionNote)
	}
	rules := calendar.DefaultRules()
	if err := rules.WithDecisions(d).Validate(); err != nil {
		var fe *calendar.FieldError
		if !errors.As(err, &fe) {
			return err
		}
		field := fe.Field
		if i := strings.LastIndex(field, "]."); i >= 0 {
			field = field[i+2:]
		}
		vi, en, ok := strings.Cut(fe.Message, " / ")
		if !ok {
			en = vi
		}
		return motcua.Invalid(field, vi, en)
	}
	for _, b := range rules.Decisions {
		if b.Date == d.Date {
			return dayTaken(d.Date)
		}
	}
	return nil
}

func dayTaken(d calendar.Date) error {
	return &motcua.Error{Kind: motcua.KindConflict, Field: "date",
		VI: "ngày " + d.String() + " đã có một quyết định đang có hiệu lực; hãy gỡ quyết định đó trước",
		EN: "day " + d.String() + " already has a decision in force; remove that one first"}
}

func tooLong(field string, n int) error {
	return motcua.Invalid(field, fmt.Sprintf("dài quá %d ký tự", n), fmt.Sprintf("longer than %d characters", n))
}

func decisionDetail(d calendar.Decision) string {
	s := fmt.Sprintf("%s %s %s (%s)", d.Date, d.Kind, d.Name, d.Source)
	if d.Rule != "" {
		s += " rule=" + d.Rule
	}
	return s
}
