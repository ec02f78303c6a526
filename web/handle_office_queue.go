package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

// officeQueueData is one page of a queue of the console.
type officeQueueData struct {
	Queue    string
	Tabs     []officeQueueTab
	Filter   officeQueueFilter
	Statuses []dossier.Status
	Rows     []officeQueueRow
	NextURL  string
	Error    string
	// Scanned is how many dossiers a name search looked through (0 without a search).
	Scanned int
	CanFile bool
	CanBook bool
}

// officeQueueFilter is the filter form as typed, so the page shows it back.
type officeQueueFilter struct {
	Procedure, Status, From, To, Q string
}

type officeQueueTab struct {
	Name, VI, EN string
	Count        string // "7", or "100+" past the cap
	URL          string
	Active       bool
}

// officeQueueRow is a dossier of the list with its deadline and who holds it.
type officeQueueRow struct {
	sqlstore.DossierRow
	Progress dossier.Progress
	StepRole org.Role
	UnitName string
	Holder   string
	// ProcedureURL filters the queue by the row's procedure.
	ProcedureURL string
	// The row as the page prints it, in the page's language: fifty rows of template
	// calls cost more than the query behind them.
	StatusText, ReceivedText, SubmittedText, AppointmentText string
	BadgeClass, BadgeText                                    string // BadgeClass "": no deadline
	StepText                                                 string // role · unit, "" when no one holds it
}

const (
	officePageSize = 50
	// officeCountCap bounds the per-queue counts: a count costs one page of an indexed query,
	// never a scan of every dossier.
	officeCountCap = 100
	// officeSearchWindow is how many dossiers of the queue a name search reads.
	officeSearchWindow = 1000
)

func (s *Server) officeQueuePage(w http.ResponseWriter, r *http.Request) {
	l := requestLang(r)
	data, f, err := s.officeQueueRequest(r)
	if err == nil {
		var id int64
		if id, err = s.officeCodeSearch(r, data); err == nil && id != 0 {
			http.Redirect(w, r, officeDossierPath(id), http.StatusSeeOther)
			return
		}
	}
	if err == nil {
		err = s.fillQueue(r, data, f)
	}
	status := http.StatusOK
	if err != nil {
		p, ok := officeProblemOf(l, err)
		if !ok {
			s.pageFail(w, r, err)
			return
		}
		data.Error, status = p.Message, http.StatusBadRequest
	}
	s.render(w, r, status, "office_queue", l.S("Xử lý hồ sơ", "Dossier desk"), data)
}

// officeQueueRequest reads the queue and filters of the request; a queue the role does not
// work is an invalid request.
func (s *Server) officeQueueRequest(r *http.Request) (*officeQueueData, sqlstore.DossierFilter, error) {
	a, q := account(r), r.URL.Query()
	data := &officeQueueData{Queue: q.Get("queue"), Statuses: dossier.Statuses[1:],
		CanFile: a.Role.Can(org.PermDossierReceive), CanBook: a.Role.Can(org.PermDossierBook),
		Filter: officeQueueFilter{Procedure: strings.TrimSpace(q.Get("procedure")), Status: q.Get("status"),
			From: q.Get("from"), To: q.Get("to"), Q: strings.TrimSpace(q.Get("q"))}}
	queues := officeQueues[a.Role]
	if data.Queue == "" {
		data.Queue = queues[0]
	}
	f, err := s.officeStoreFilter(r, data)
	if err == nil && !slices.Contains(queues, data.Queue) {
		err = motcua.Invalid("queue", "hàng đợi này không dành cho vai trò của bạn", "this queue is not for your role")
	}
	return data, f, err
}

// officeCodeSearch opens a dossier searched by its full code: one lookup in the unique
// index. A code not found (or not visible) is said so and the queue is listed.
func (s *Server) officeCodeSearch(r *http.Request, data *officeQueueData) (int64, error) {
	code, err := dossier.ParseCode(data.Filter.Q)
	if err != nil {
		return 0, nil
	}
	id, err := s.officeFindByCode(r, code.String())
	if err == nil && id == 0 {
		data.Error = requestLang(r).S("Không có hồ sơ mã "+data.Filter.Q+" trong phạm vi bạn được xem.",
			"No dossier "+data.Filter.Q+" that you may see.")
		data.Filter.Q = ""
	}
	return id, err
}

// fillQueue counts the tabs and lists the page of the queue, or the matches of a name search.
func (s *Server) fillQueue(r *http.Request, data *officeQueueData, f sqlstore.DossierFilter) error {
	queues := officeQueues[account(r).Role]
	var err error
	if data.Tabs, err = s.officeQueueTabs(r, f, queues, data.Queue); err != nil {
		return err
	}
	f.Queue = data.Queue
	var rows []sqlstore.DossierRow
	next := ""
	switch {
	case identityNumber(data.Filter.Q):
		// An ID card or a phone number: an exact match on an indexed column, every page.
		f.Applicant = data.Filter.Q
		rows, next, err = s.db.ListDossiers(r.Context(), f)
	case data.Filter.Q != "":
		rows, next, data.Scanned, err = s.officeSearch(r.Context(), f, data.Filter.Q)
	default:
		rows, next, err = s.db.ListDossiers(r.Context(), f)
	}
	if err != nil {
		return err
	}
	if data.Rows, err = s.officeQueueRows(r.Context(), rows, requestLang(r)); err != nil {
		return err
	}
	for i := range data.Rows {
		data.Rows[i].ProcedureURL = officeQueueURL(r.URL.Query(), map[string]string{"procedure": data.Rows[i].ProcedureCode, "after": ""})
	}
	if next != "" {
		data.NextURL = officeQueueURL(r.URL.Query(), map[string]string{"after": next})
	}
	return nil
}

// officeStoreFilter turns the query into a store filter without the queue; the page's own
// problems (a bad date) are invalid errors.
func (s *Server) officeStoreFilter(r *http.Request, data *officeQueueData) (sqlstore.DossierFilter, error) {
	q := r.URL.Query()
	now := s.cfg.Now()
	f := sqlstore.DossierFilter{ProcedureCode: data.Filter.Procedure, After: q.Get("after"), Limit: officePageSize,
		Now: now, DueBy: s.workCalendar().Due(now, calendar.Days(1))}
	visibleTo(&f, account(r))
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > sqlstore.MaxDossierPage {
			return f, motcua.Invalid("limit", "số dòng mỗi trang phải từ 1 đến 200", "rows per page must be 1 to 200")
		}
		f.Limit = n
	}
	if data.Filter.Status != "" {
		i := slices.IndexFunc(dossier.Statuses, func(st dossier.Status) bool { return st.Key() == data.Filter.Status })
		if i < 0 {
			return f, motcua.Invalid("status", "trạng thái không hợp lệ", "invalid status")
		}
		f.Statuses = []dossier.Status{dossier.Statuses[i]}
	}
	var err error
	if f.ReceivedFrom, err = officeFormDay(data.Filter.From, "from", 0); err != nil {
		return f, err
	}
	if f.ReceivedTo, err = officeFormDay(data.Filter.To, "to", 1); err != nil {
		return f, err
	}
	return f, nil
}

// officeFormDay reads a YYYY-MM-DD field as the start of that day in Vietnam, plus days.
func officeFormDay(v, field string, plus int) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	d, err := calendar.ParseDate(v)
	if err != nil {
		return time.Time{}, motcua.Invalid(field, "ngày phải có dạng YYYY-MM-DD", "dates must look like YYYY-MM-DD")
	}
	return d.AddDays(plus).In(calendar.Vietnam), nil
}
