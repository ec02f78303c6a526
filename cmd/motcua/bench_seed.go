package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

// A seeded dossier follows the one-stop path through the real state machine and stops
// where its fate says, or earlier when its time runs into the present: a year of filings
// with old dossiers done and recent ones still under way. Every history chain verifies.
type fate uint8

const (
	fateReceiving  fate = iota // submitted online, not yet received
	fateRefused                // refused at the desk
	fateNew                    // received, not yet forwarded
	fateProcessing             // stuck at a division: the overdue queue
	fateWaiting                // waiting for the applicant's supplement
	fatePaying                 // waiting for the fee
	fateWithdrawn              // withdrawn by the applicant
	fateStopped                // stopped by the head of division
	fateReleasing              // result issued, not yet handed back
	fateDone                   // handed back
)

// fateWeights are per mille; most of a year's dossiers are done.
var fateWeights = []struct {
	f fate
	w int
}{{fateReceiving, 5}, {fateRefused, 20}, {fateNew, 5}, {fateProcessing, 15}, {fateWaiting, 30},
	{fatePaying, 15}, {fateWithdrawn, 10}, {fateStopped, 10}, {fateReleasing, 30}, {fateDone, 860}}

// seedPlan is one dossier to generate: when it is filed, how long each move waits, its
// fate and, for a received one, its code.
type seedPlan struct {
	start time.Time
	gaps  [14]time.Duration
	fate  fate
	code  string
	proc  int
	div   int
	seed  uint64
	flags uint8 // 1: asked for a supplement, 2: asked for the fee
}

// seedWorld is what the generator moves dossiers with.
type seedWorld struct {
	procs     []*catalog.Procedure
	citizenID int64
	desk      dossier.Actor
	leader    dossier.Actor
	clerk     dossier.Actor
	divisions []seedDivision
	deskIdent string
	cal       *calendar.Calendar
}

type seedDivision struct {
	code             string
	specialist, head dossier.Actor
}

var (
	seedFamily = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"}
	seedMiddle = []string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc"}
	seedGiven  = []string{"An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Thảo", "Trang", "Tuấn"}
)

// newSeedWorld prepares a demo database for seeding: it adds a specialist and a head to
// every division that has none, and keeps the procedures the generator's path fits.
func newSeedWorld(ctx context.Context, db *sqlstore.DB) (*seedWorld, error) {
	if _, err := demo.Seed(ctx, db); err != nil {
		return nil, err
	}
	w := &seedWorld{cal: calendar.Default()}
	accounts, err := db.Accounts(ctx)
	if err != nil {
		return nil, err
	}
	actor := func(a org.Account) dossier.Actor {
		return dossier.Actor{AccountID: a.ID, Name: a.DisplayName, Role: a.Role, UnitCode: a.UnitCode}
	}
	byRole := map[string]dossier.Actor{}
	for _, a := range accounts {
		byRole[string(a.Role)+"@"+a.UnitCode] = actor(a)
		if a.Username == "congdan" {
			w.citizenID = a.ID
		}
	}
	w.desk, w.leader, w.clerk = byRole["officer@MC"], byRole["leader@SCT"], byRole["clerk@VP"]
	hash := ""
	for _, div := range []string{"QLTM", "QLCN", "QLNL"} {
		d := seedDivision{code: div}
		for _, role := range []org.Role{org.RoleSpecialist, org.RoleHead} {
			a, ok := byRole[string(role)+"@"+div]
			if !ok {
				if hash == "" {
					if hash, err = org.HashPassword(demo.Password); err != nil {
						return nil, err
					}
				}
				acc := org.Account{Username: fmt.Sprintf("bench_%s_%s", role, div), DisplayName: fmt.Sprintf("%s %s", role.Label(), div),
					Role: role, UnitCode: div}
				if acc.ID, err = db.CreateAccount(ctx, acc, hash); err != nil {
					return nil, err
				}
				a = actor(acc)
			}
			if role == org.RoleSpecialist {
				d.specialist = a
			} else {
				d.head = a
			}
		}
		w.divisions = append(w.divisions, d)
	}
	u, err := db.Unit(ctx, "MC")
	if err != nil {
		return nil, err
	}
	w.deskIdent = u.Identifier
	procs, err := db.Procedures(ctx)
	if err != nil {
		return nil, err
	}
	probe := time.Now().AddDate(0, 0, -60)
	for i := range procs {
		p := &procs[i]
		plan := seedPlan{start: probe, fate: fateDone, code: "PROBE-000101-0001", flags: 3}
		for g := range plan.gaps {
			plan.gaps[g] = time.Hour
		}
		w.procs = append(w.procs, p)
		plan.proc = len(w.procs) - 1
		if _, _, err := w.generate(plan, probe.AddDate(1, 0, 0)); err != nil {
			w.procs = w.procs[:len(w.procs)-1] // the path does not fit this procedure
		}
	}
	if len(w.procs) == 0 {
		return nil, fmt.Errorf("no demo procedure fits the seeding path")
	}
	return w, nil
}

// plans draws n dossiers filed over the year before now, in filing order, and numbers
// the receipts of each day 1, 2, 3… as the desk would.
func (w *seedWorld) plans(n int, now time.Time, seed uint64) []seedPlan {
	rng := rand.New(rand.NewPCG(seed, 0x6d6f74637561))
	year := now.Sub(now.AddDate(-1, 0, 0))
	out := make([]seedPlan, n)
	for i := range out {
		p := &out[i]
		p.start = now.Add(-time.Duration(rng.Int64N(int64(year))))
		for g := range p.gaps {
			p.gaps[g] = time.Duration(30+rng.IntN(60*24*2)) * time.Minute // half an hour to two days
		}
		r, acc := rng.IntN(1000), 0
		for _, fw := range fateWeights {
			if acc += fw.w; r < acc {
				p.fate = fw.f
				break
			}
		}
		p.proc, p.div, p.seed = rng.IntN(len(w.procs)), rng.IntN(len(w.divisions)), rng.Uint64()
		if rng.IntN(100) < 15 || p.fate == fateWaiting {
			p.flags |= 1
		}
		if rng.IntN(100) < 40 || p.fate == fatePaying {
			p.flags |= 2
		}
	}
	slices.SortFunc(out, func(a, b seedPlan) int { return a.start.Compare(b.start) })
	perDay := map[calendar.Date]int{}
	for i := range out {
		p := &out[i]
		if p.fate == fateReceiving || p.fate == fateRefused {
			continue
		}
		received := p.start.Add(p.gaps[0])
		if received.After(now) {
			continue // still waiting for the desk
		}
		day := calendar.DateOf(received.In(calendar.Vietnam))
		perDay[day]++
		p.code = dossier.FormatCode(w.deskIdent, day, perDay[day])
	}
	return out
}

// generate runs plan through the state machine and returns the dossier and its history.
// Moves that would fall after limit (the present) are not taken.
func (w *seedWorld) generate(p seedPlan, limit time.Time) (*dossier.Dossier, []dossier.Event, error) {
	rng := rand.New(rand.NewPCG(p.seed, 1))
	name := seedFamily[rng.IntN(len(seedFamily))] + " " + seedMiddle[rng.IntN(len(seedMiddle))] + " " +
		seedGiven[rng.IntN(len(seedGiven))]
	applicant := dossier.Applicant{Name: name, IDNumber: fmt.Sprintf("%03d%09d", 1+rng.IntN(96), rng.IntN(1e9)),
		Phone: fmt.Sprintf("09%08d", rng.IntN(1e8)), Email: "congdan@example.vn"}
	d, err := dossier.NewDraft(dossier.DraftInput{Procedure: w.procs[p.proc], Channel: catalog.ChannelOnline,
		ApplicantType: catalog.Citizen, Applicant: applicant, OwnerAccountID: w.citizenID,
		Summary: "Hồ sơ mẫu đo tải / benchmark sample"}, p.start.Add(-time.Hour))
	if err != nil {
		return nil, nil, err
	}
	owner := dossier.Actor{AccountID: w.citizenID, Name: name, Role: org.RoleCitizen}
	div := w.divisions[p.div]
	var events []dossier.Event
	at := p.start
	g := 0
	step := func(c dossier.Command) (bool, error) {
		if at.After(limit) {
			return false, nil
		}
		e, err := d.Apply(c, at, w.cal)
		if err != nil {
			return false, fmt.Errorf("%s: %w", c.Action, err)
		}
		events = append(events, e)
		at = at.Add(p.gaps[g%len(p.gaps)])
		g++
		return true, nil
	}
	moves := []struct {
		c    dossier.Command
		skip bool
		stop bool
	}{
		{dossier.Command{Action: dossier.Submit, Actor: owner}, false, p.fate == fateReceiving},
		{dossier.Command{Action: dossier.Refuse, Actor: w.desk, Reason: "Thủ tục không thuộc thẩm quyền"}, p.fate != fateRefused, p.fate == fateRefused},
		{dossier.Command{Action: dossier.Receive, Actor: w.desk, Code: p.code}, p.fate == fateRefused, p.fate == fateNew},
		{dossier.Command{Action: dossier.Withdraw, Actor: owner, Reason: "Không còn nhu cầu"}, p.fate != fateWithdrawn, p.fate == fateWithdrawn},
		{dossier.Command{Action: dossier.Forward, Actor: w.desk, ToUnit: div.code}, false, p.fate == fateProcessing},
		{dossier.Command{Action: dossier.RequestSupplement, Actor: div.specialist, Missing: []string{"Bản sao giấy chứng nhận đăng ký doanh nghiệp"}}, p.flags&1 == 0, p.fate == fateWaiting},
		{dossier.Command{Action: dossier.SupplementAction, Actor: owner}, p.flags&1 == 0, false},
		{dossier.Command{Action: dossier.RequestPayment, Actor: div.specialist}, p.flags&2 == 0, p.fate == fatePaying},
		{dossier.Command{Action: dossier.Pay, Actor: owner, Method: "online", Reference: "BENCH"}, p.flags&2 == 0, false},
		{dossier.Command{Action: dossier.Forward, Actor: div.specialist, ToUnit: div.code}, false, false},
		{dossier.Command{Action: dossier.Stop, Actor: div.head, Reason: "Cơ sở không đủ điều kiện", Notice: "BENCH/TB"}, p.fate != fateStopped, p.fate == fateStopped},
		{dossier.Command{Action: dossier.Forward, Actor: div.head, ToUnit: "SCT"}, false, false},
		{dossier.Command{Action: dossier.Approve, Actor: w.leader}, false, false},
		{dossier.Command{Action: dossier.Forward, Actor: w.leader, ToUnit: "VP"}, false, false},
		{dossier.Command{Action: dossier.IssueResult, Actor: w.clerk, ResultNumber: "BENCH/GCN-SCT"}, false, p.fate == fateReleasing},
		{dossier.Command{Action: dossier.ReturnResult, Actor: w.desk}, false, true},
	}
	for _, m := range moves {
		if m.skip {
			continue
		}
		if m.c.Action == dossier.Pay && d.Payment == nil {
			continue // the procedure charges nothing
		}
		if m.c.Action == dossier.RequestPayment && !slices.Contains(dossier.AllowedActions(d, m.c.Actor), dossier.RequestPayment) {
			continue
		}
		ok, err := step(m.c)
		if err != nil {
			return nil, nil, err
		}
		if !ok || m.stop {
			break
		}
	}
	return d, events, nil
}

// seedDossiers stores n generated dossiers in db and reports progress to progress every
// 100,000. Generation runs on every core; one goroutine writes, in filing order.
func seedDossiers(ctx context.Context, db *sqlstore.DB, w *seedWorld, n int, progress func(done int)) error {
	now := time.Now()
	plans := w.plans(n, now, 20260101)
	const chunk = 2000
	chunks := (n + chunk - 1) / chunk
	results := make([]chan []sqlstore.BulkDossier, chunks)
	for i := range results {
		results[i] = make(chan []sqlstore.BulkDossier, 1)
	}
	workers := runtime.NumCPU()
	ahead := make(chan struct{}, 2*workers) // bounds the chunks generated but not written
	var next atomic.Int64
	var failed atomic.Value
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1)) - 1
				if k >= chunks {
					return
				}
				select {
				case ahead <- struct{}{}:
				case <-ctx.Done():
					return
				}
				part := plans[k*chunk : min((k+1)*chunk, n)]
				out := make([]sqlstore.BulkDossier, 0, len(part))
				for _, p := range part {
					d, events, err := w.generate(p, now)
					if err == nil {
						var b sqlstore.BulkDossier
						if b, err = sqlstore.PrepareBulk(d, events, w.citizenID); err == nil {
							out = append(out, b)
							continue
						}
					}
					failed.CompareAndSwap(nil, err)
					cancel()
					break
				}
				results[k] <- out
			}
		}()
	}
	var werr error
	for k := 0; k < chunks && werr == nil; k++ {
		select {
		case part := <-results[k]:
			werr = db.BulkInsertDossiers(ctx, part)
			<-ahead
			if done := min((k+1)*chunk, n); progress != nil && (done%100000 < chunk || done == n) {
				progress(done)
			}
		case <-ctx.Done():
			werr = ctx.Err()
		}
	}
	cancel()
	wg.Wait()
	if err, _ := failed.Load().(error); err != nil {
		return err
	}
	return werr
}
