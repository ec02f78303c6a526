package report

import (
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
)

var (
	march = Period{From: calendar.D(2026, 3, 1), To: calendar.D(2026, 3, 31)}
	april = Period{From: calendar.D(2026, 4, 1), To: calendar.D(2026, 4, 30)}
)

func catalogNow() CatalogStats {
	return CatalogStatsOf([]*catalog.Procedure{marketLicence()}, now)
}

// summaryOf answers a period as the store would: sum of its days, carried over from the
// days before, late at the end from the indexed query.
func summaryOf(ss map[string]*story, p Period) Summary {
	days := buckets(ss)
	b := Backlog{CarriedOver: CarriedOver(sumBefore(days, p)), LateAtEnd: lateAt(ss, p.End())}
	return Summarize(sumDays(days, p), b, catalogNow())
}

func TestMarchFigures(t *testing.T) {
	ss := marchStories(t)
	s := summaryOf(ss, march)
	// Received A B C D E F G H J = 9 (I was refused, K withdrawn before receipt);
	// online A C D F H = 5, counter B E G J = 4.
	// Resolved A (early), B D E (on time), C (late) = 5; H withdrawn, J stopped.
	// In progress at the end: 9 − 5 − 1 − 1 = 2 (F on time, G late since 27/03).
	want := Summary{
		Received: 9, ReceivedOnline: 5, ReceivedCounter: 4, ToProcess: 9,
		Resolved: 5, ResolvedEarly: 1, ResolvedOnTime: 3, ResolvedLate: 1,
		InProgress: 2, InProgressOnTime: 1, InProgressLate: 1,
		Withdrawn: 1, Stopped: 1, Refused: 1, WithdrawnUnreceived: 1, Rated: 3,
	}
	if got := counts(s); got != counts(want) {
		t.Fatalf("counts\n got %+v\nwant %+v", got, counts(want))
	}
	// Late: C resolved late + G late in progress = 2 of 9 to process.
	// Published on-time rate = 100 − 2/9 × 100 = 100 − 22.22 = 77.78 %.
	wantRate(t, "late", s.LateRate, 2, 9, 22.22)
	wantRate(t, "on time (published)", s.OnTimeRate, 7, 9, 77.78)
	wantRate(t, "resolved on time", s.ResolvedOnTimeRate, 4, 5, 80)
	wantRate(t, "early", s.EarlyRate, 1, 5, 20)
	// Used 25 + 39.5 + 49 + 34 + 51 = 198.5 h over 5 → 39.7 h = 39 h 42 min; statute 40 h;
	// paused 16 h (D) over 5 = 3.2 h. Time saved = 1 − 198.5 / 200 = 0.75 %.
	if s.AvgUsed != 39*time.Hour+42*time.Minute || s.AvgStatutory != 40*time.Hour || s.AvgPaused != 3*time.Hour+12*time.Minute {
		t.Errorf("averages used %v statutory %v paused %v", s.AvgUsed, s.AvgStatutory, s.AvgPaused)
	}
	wantRate(t, "time saved", s.TimeSaved, 1.5*3600, 200*3600, 0.75)
	wantRate(t, "online", s.OnlineShare, 5, 9, 55.56)
	// With a fee: the online ones A C D F H; paid online: C. 1 / 5 = 20 %.
	wantRate(t, "paid online", s.PaidOnlineShare, 1, 5, 20)
	// Ratings A 5, B 3, D 4: satisfied (≥ 4) 2 of 3 = 66.67 %, average 12 / 3 = 4.00.
	wantRate(t, "satisfaction", s.Satisfaction, 2, 3, 66.67)
	if s.AvgScore != 4 {
		t.Errorf("average score %v", s.AvgScore)
	}
	if s.Catalog.Procedures != 1 || s.Catalog.Fields != 1 || s.Catalog.OnlinePartial != 1 || s.Catalog.FullContent != 1 {
		t.Errorf("catalog %+v", s.Catalog)
	}
	checkIdentity(t, s)
}

// A dossier received in March and finished in April is carried over into April.
func TestCarryOverIntoApril(t *testing.T) {
	ss := marchStories(t)
	s := summaryOf(ss, april)
	// Carried over: received 9 − closed 7 before 01/04 = 2 (F, G); the dossiers query
	// agrees.
	if s.CarriedOver != 2 || openAt(ss, april.Start()) != 2 {
		t.Fatalf("carried over %d, query %d", s.CarriedOver, openAt(ss, april.Start()))
	}
	// Nothing received; G resolved late on 01/04, F on time on 03/04; none left open.
	if s.Received != 0 || s.ToProcess != 2 || s.ResolvedLate != 1 || s.ResolvedOnTime != 1 ||
		s.InProgress != 0 || s.InProgressLate != 0 {
		t.Fatalf("april %+v", counts(s))
	}
	// Late 1 of 2: published on-time rate 50 %. Used G 58 h + F 39 h = 97 h against
	// 80 h: time saved 1 − 97 / 80 = −21.25 %.
	wantRate(t, "on time (published)", s.OnTimeRate, 1, 2, 50)
	wantRate(t, "time saved", s.TimeSaved, -17*3600, 80*3600, -21.25)
	// Ratings, payments and channels of March dossiers stay in March.
	if s.Rated != 0 || s.PaidOnlineShare.Defined || s.OnlineShare.Defined {
		t.Fatalf("april rates %+v", s)
	}
	checkIdentity(t, s)
}

// Two periods glued together give the same flows as the whole: day buckets are additive.
func TestPeriodsAdd(t *testing.T) {
	ss := marchStories(t)
	days := buckets(ss)
	spring := sumDays(days, Period{From: march.From, To: april.To})
	parts := sumDays(days, march)
	parts.Add(sumDays(days, april))
	if spring != parts {
		t.Fatalf("March–April %+v\nMarch + April %+v", spring, parts)
	}
}

func TestZeroPeriod(t *testing.T) {
	s := Summarize(Counters{}, Backlog{}, CatalogStats{})
	if s.OnTimeRate.Defined || s.TimeSaved.Defined || s.Satisfaction.Defined || s.AvgUsed != 0 || s.AvgScore != 0 {
		t.Fatalf("empty period %+v", s)
	}
}

func checkIdentity(t *testing.T, s Summary) {
	t.Helper()
	if s.ToProcess != s.Resolved+s.Withdrawn+s.Stopped+s.InProgress ||
		s.InProgress != s.InProgressOnTime+s.InProgressLate ||
		s.Received != s.ReceivedOnline+s.ReceivedCounter+s.ReceivedPostal {
		t.Fatalf("identities broken: %+v", counts(s))
	}
}

// counts is the summary without its rates, for comparison.
func counts(s Summary) Summary {
	return Summary{Received: s.Received, ReceivedOnline: s.ReceivedOnline, ReceivedCounter: s.ReceivedCounter,
		ReceivedPostal: s.ReceivedPostal, CarriedOver: s.CarriedOver, ToProcess: s.ToProcess,
		Resolved: s.Resolved, ResolvedEarly: s.ResolvedEarly, ResolvedOnTime: s.ResolvedOnTime,
		ResolvedLate: s.ResolvedLate, InProgress: s.InProgress, InProgressOnTime: s.InProgressOnTime,
		InProgressLate: s.InProgressLate, Withdrawn: s.Withdrawn, Stopped: s.Stopped, Refused: s.Refused,
		WithdrawnUnreceived: s.WithdrawnUnreceived, Rated: s.Rated}
}

func wantRate(t *testing.T, name string, r Rate, num, den int64, pct float64) {
	t.Helper()
	if r.Numerator != num || r.Denominator != den || r.Percent != pct || !r.Defined {
		t.Errorf("%s: %d / %d = %v %% (defined %v), want %d / %d = %v %%", name,
			r.Numerator, r.Denominator, r.Percent, r.Defined, num, den, pct)
	}
}
