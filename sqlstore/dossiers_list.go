package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
)

// Queues of the officers' console.
const (
	QueueAll       = "all"
	QueueToReceive = "to_receive" // submitted online, waiting for the desk (status 1)
	QueueMySteps   = "my_steps"   // the open step is the account's or its unit's
	QueueDueSoon   = "due_soon"   // appointment within DueBy, not finished, clock running
	QueueOverdue   = "overdue"    // appointment past, not finished, clock running
	QueueWaiting   = "waiting"    // waiting for the applicant's supplement (status 5)
)

// Queues lists the queue names ListDossiers accepts.
var Queues = []string{QueueAll, QueueToReceive, QueueMySteps, QueueDueSoon, QueueOverdue, QueueWaiting}

// DossierFilter selects and pages dossiers. Zero fields do not filter. The caller decides
// what an account may see and says so with OwnerID, UnitCode and WithDrafts.
type DossierFilter struct {
	Queue         string
	Statuses      []dossier.Status
	OwnerID       int64  // the applicant's own dossiers
	UnitCode      string // dossiers the unit received or held a step of
	WithDrafts    bool   // drafts are listed only to their owner
	ProcedureCode string
	// Applicant is the applicant's ID number or phone number, matched exactly (the phone
	// in any usual writing: "+84 912…", "0912.…").
	Applicant string
	// ReceivedFrom and ReceivedTo bound the receipt time: From ≤ received < To.
	ReceivedFrom, ReceivedTo time.Time

	// my_steps: the open step's unit, and an assignee that must be this account or none;
	// StepRoles, when set, limits the step's role.
	StepUnit   string
	AssigneeID int64
	StepRoles  []string
	// due_soon and overdue count from Now; due_soon ends at DueBy.
	Now, DueBy time.Time

	After string // cursor from the previous page
	Limit int    // 1..MaxDossierPage, default 50
}

// MaxDossierPage is the largest page ListDossiers returns.
const MaxDossierPage = 200

// DossierRow is a dossier as lists show it.
type DossierRow struct {
	ID             int64          `json:"id"`
	Code           string         `json:"code,omitempty"`
	Status         dossier.Status `json:"status"`
	ProcedureCode  string         `json:"procedure_code"`
	ProcedureName  string         `json:"procedure_name"`
	Channel        int            `json:"channel"`
	OwnerAccountID int64          `json:"owner_account_id,omitempty"`
	ReceivingUnit  string         `json:"receiving_unit,omitempty"`
	StepUnit       string         `json:"step_unit,omitempty"`
	StepRole       string         `json:"step_role,omitempty"`
	StepAssigneeID int64          `json:"step_assignee_id,omitempty"`
	ApplicantName  string         `json:"applicant_name"`
	SubmittedAt    time.Time      `json:"submitted_at,omitzero"`
	ReceivedAt     time.Time      `json:"received_at,omitzero"`
	AppointmentAt  time.Time      `json:"appointment_at,omitzero"`
	FinishedAt     time.Time      `json:"finished_at,omitzero"`
	UpdatedAt      time.Time      `json:"updated_at"`
}

const dossierRowColumns = `id, COALESCE(code, ''), status, procedure_code, procedure_name, channel,
	COALESCE(owner_account_id, 0), receiving_unit, step_unit, step_role, step_assignee_id, applicant_name,
	submitted_at, received_at, appointment_at, finished_at, updated_at`

// ListDossiers returns a page of dossiers and the cursor of the next page ("" at the end).
// Pages are cut by key — (sort column, id) — so a page costs the same at any depth and a
// dossier changing meanwhile is neither repeated nor skipped within one sort order.
func (db *DB) ListDossiers(ctx context.Context, f DossierFilter) ([]DossierRow, string, error) {
	q, err := buildDossierQuery(f, db.Engine)
	if err != nil {
		return nil, "", err
	}
	text, args := q.page()
	rows, err := db.query(ctx, text, args...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	var out []DossierRow
	var keys []int64
	for rows.Next() {
		var r DossierRow
		var sub, rec, app, fin sql.NullInt64
		var upd, key int64
		if err := rows.Scan(&r.ID, &r.Code, &r.Status, &r.ProcedureCode, &r.ProcedureName, &r.Channel,
			&r.OwnerAccountID, &r.ReceivingUnit, &r.StepUnit, &r.StepRole, &r.StepAssigneeID, &r.ApplicantName,
			&sub, &rec, &app, &fin, &upd, &key); err != nil {
			return nil, "", err
		}
		r.SubmittedAt, r.ReceivedAt, r.AppointmentAt, r.FinishedAt = fromMillis(sub), fromMillis(rec), fromMillis(app), fromMillis(fin)
		r.UpdatedAt = time.UnixMilli(upd)
		out = append(out, r)
		keys = append(keys, key)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	next := ""
	if len(out) > q.limit {
		out = out[:q.limit]
		last := out[len(out)-1]
		next = fmt.Sprintf("%d.%d", keys[q.limit-1], last.ID)
	}
	return out, next, nil
}

// CountDossiers counts the dossiers f selects, up to limit: more is set when there are
// more than limit. It reads no row, so a queue's tab can show its size cheaply.
func (db *DB) CountDossiers(ctx context.Context, f DossierFilter, limit int) (n int, more bool, err error) {
	f.After, f.Limit = "", 1
	q, err := buildDossierQuery(f, db.Engine)
	if err != nil {
		return 0, false, err
	}
	err = db.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM `+q.from+` WHERE `+strings.Join(q.where, " AND ")+
		` LIMIT ?) AS capped`, append(q.args, limit+1)...).Scan(&n)
	if n > limit {
		return limit, true, err
	}
	return n, false, err
}

// The partial indexes' conditions (migrations/0010_partial_dossier_indexes.sql), written
// out as they stand there: a query uses such an index only when its WHERE says so itself.
var (
	notDraft = fmt.Sprintf("status <> %d", dossier.Draft)
	hasStep  = "step_unit <> ''"
)

// A unit's dossiers, newest first: the unit's index walked backwards, each dossier fetched
// by key. SQLite plans the join that way. PostgreSQL merge-joins the two indexes instead,
// walking every newer dossier again on each page; the lateral subquery, fenced by OFFSET 0
// so that it is not merged back into a join, makes it fetch each dossier by key.
const (
	unitDossiers      = "dossier_units u JOIN dossiers ON dossiers.id = u.dossier_id"
	unitDossiersByKey = "dossier_units u CROSS JOIN LATERAL (SELECT * FROM dossiers WHERE dossiers.id = u.dossier_id OFFSET 0) AS dossiers"
)

type dossierQuery struct {
	from    string
	where   []string
	args    []any
	sortCol string
	idCol   string // the dossier id as the order and the cursor name it
	order   string
	limit   int
}

// page is the statement that reads a page: its rows, each with its sort key, and one more.
func (q *dossierQuery) page() (string, []any) {
	return `SELECT ` + dossierRowColumns + `, ` + q.sortCol + ` FROM ` + q.from + ` WHERE ` +
		strings.Join(q.where, " AND ") + ` ORDER BY ` + q.order + ` LIMIT ?`, append(q.args, q.limit+1)
}

func (q *dossierQuery) add(cond string, args ...any) {
	q.where = append(q.where, cond)
	q.args = append(q.args, args...)
}

func buildDossierQuery(f DossierFilter, engine Engine) (*dossierQuery, error) {
	q := &dossierQuery{from: "dossiers", where: []string{"1 = 1"}, limit: f.Limit, sortCol: "id", idCol: "id"}
	if q.limit <= 0 {
		q.limit = 50
	}
	if q.limit > MaxDossierPage {
		q.limit = MaxDossierPage
	}
	desc := false
	switch f.Queue {
	case "", QueueAll:
		desc = true
	case QueueToReceive:
		q.add("status = ?", int(dossier.Receiving))
	case QueueWaiting:
		q.add("status = ?", int(dossier.Waiting))
	case QueueMySteps:
		if f.StepUnit == "" {
			q.add("1 = 0")
			break
		}
		q.add(hasStep)
		q.add("step_unit = ? AND (step_assignee_id = 0 OR step_assignee_id = ?)", f.StepUnit, f.AssigneeID)
		if len(f.StepRoles) > 0 {
			q.add("step_role IN ("+placeholders(len(f.StepRoles))+")", anys(f.StepRoles)...)
		}
	case QueueDueSoon, QueueOverdue:
		q.sortCol = "appointment_at"
		q.add("finished_at IS NULL AND appointment_at IS NOT NULL AND status <> ?", int(dossier.Waiting))
		if f.Queue == QueueOverdue {
			q.add("appointment_at <= ?", f.Now.UnixMilli())
		} else {
			q.add("appointment_at > ? AND appointment_at <= ?", f.Now.UnixMilli(), f.DueBy.UnixMilli())
		}
	default:
		return nil, motcua.Invalid("queue", fmt.Sprintf("hàng đợi %q không tồn tại", f.Queue),
			fmt.Sprintf("unknown queue %q", f.Queue))
	}
	if len(f.Statuses) > 0 {
		codes := make([]any, len(f.Statuses))
		for i, s := range f.Statuses {
			codes[i] = int(s)
		}
		q.add("status IN ("+placeholders(len(codes))+")", codes...)
	}
	if !f.WithDrafts {
		q.add(notDraft)
	}
	if f.OwnerID != 0 {
		q.add("owner_account_id = ?", f.OwnerID)
	}
	switch {
	case f.UnitCode == "":
	case f.Queue == QueueMySteps && f.StepUnit == f.UnitCode:
		// A unit holding the open step is always among the dossier's units.
	case f.Queue == "" || f.Queue == QueueAll:
		// Every dossier the unit dealt with, newest first: walk the unit's own index
		// backwards and fetch each dossier by key, so a page reads its rows and no more.
		q.from = unitDossiers
		if engine == Postgres {
			q.from = unitDossiersByKey
		}
		q.sortCol, q.idCol = "u.dossier_id", "u.dossier_id"
		q.add("u.unit_code = ?", f.UnitCode)
	default:
		// EXISTS lets SQLite walk the queue's own index in order and probe the unit for
		// each row, instead of sorting every dossier the unit ever touched.
		q.add("EXISTS (SELECT 1 FROM dossier_units u WHERE u.unit_code = ? AND u.dossier_id = dossiers.id)", f.UnitCode)
	}
	if f.ProcedureCode != "" {
		q.add("procedure_code = ?", f.ProcedureCode)
	}
	if a := strings.ReplaceAll(strings.TrimSpace(f.Applicant), " ", ""); a != "" {
		either := "(applicant_id_number = ? OR applicant_phone = ?)"
		if !f.WithDrafts {
			// SQLite plans each side of an OR on its own, reading no condition beside it.
			either = "((applicant_id_number = ? AND " + notDraft + ") OR (applicant_phone = ? AND " + notDraft + "))"
		}
		q.add(either, a, dossier.NormalizePhone(a))
	}
	if !f.ReceivedFrom.IsZero() {
		q.add("received_at >= ?", f.ReceivedFrom.UnixMilli())
	}
	if !f.ReceivedTo.IsZero() {
		q.add("received_at < ?", f.ReceivedTo.UnixMilli())
	}
	op, dir := ">", "ASC"
	if desc {
		op, dir = "<", "DESC"
	}
	if f.After != "" {
		key, id, err := parseDossierCursor(f.After)
		if err != nil {
			return nil, err
		}
		if q.sortCol == q.idCol {
			q.add(q.idCol+" "+op+" ?", id)
		} else {
			q.add("("+q.sortCol+" "+op+" ? OR ("+q.sortCol+" = ? AND id "+op+" ?))", key, key, id)
		}
	}
	q.order = q.sortCol + " " + dir
	if q.sortCol != q.idCol {
		q.order += ", id " + dir
	}
	return q, nil
}

func parseDossierCursor(s string) (key, id int64, err error) {
	k, i, ok := strings.Cut(s, ".")
	key, err1 := strconv.ParseInt(k, 10, 64)
	id, err2 := strconv.ParseInt(i, 10, 64)
	if !ok || err1 != nil || err2 != nil {
		return 0, 0, motcua.Invalid("after", "con trỏ phân trang không hợp lệ", "invalid page cursor")
	}
	return key, id, nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// DossiersReceived loads the dossiers a unit received in [from, to), oldest first, at most
// limit of them: the tracking book (form 07).
func (db *DB) DossiersReceived(ctx context.Context, unit string, from, to time.Time, limit int) ([]*dossier.Dossier, error) {
	text, args := receivedQuery(unit, from, to, limit)
	rows, err := db.query(ctx, text, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*dossier.Dossier
	for rows.Next() {
		d, err := scanDossier(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// receivedQuery is DossiersReceived's statement.
func receivedQuery(unit string, from, to time.Time, limit int) (string, []any) {
	q := `SELECT id, body FROM dossiers WHERE received_at >= ? AND received_at < ?`
	args := []any{from.UnixMilli(), to.UnixMilli()}
	if unit != "" {
		q += ` AND receiving_unit = ?`
		args = append(args, unit)
	}
	return q + ` ORDER BY received_at, id LIMIT ?`, append(args, limit)
}
