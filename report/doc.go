// Package report is the arithmetic of the leaders' figures (báo cáo tình hình giải quyết
// TTHC) and of the Decision 766/QĐ-TTg service index. It imports no database and no HTTP:
// the store keeps the aggregates this package defines and answers the sums and the one
// query listed below; this package turns them into figures.
//
// Glossary: figures = số liệu, received = tiếp nhận, carried over = kỳ trước chuyển
// sang, resolved = đã giải quyết (early = trước hạn, on time = đúng hạn, late = quá hạn),
// in progress = đang giải quyết (on time = trong hạn, late = quá hạn), withdrawn = rút
// hồ sơ, stopped = dừng xử lý, refused = từ chối tiếp nhận, rating = đánh giá mức độ
// hài lòng, index = Bộ chỉ số phục vụ người dân, doanh nghiệp.
//
// # Facts
//
// FactOf reduces a dossier to what it contributes (Fact); Describe adds what the pinned
// catalog version knows (field, offered online); the national portal sync sets Synced.
// The store keeps the current fact of every dossier (a few columns, or JSON beside the
// dossier) and recomputes it in the transaction of every event.
//
// # The event-day model
//
// Each counter counts on one day, the Vietnam calendar day of its event:
//
//   - receipt day (ReceivedAt): Received and its channel split, and the dossier's
//     attributes — offered online / filed online, fee due / paid online, synced. An
//     attribute learnt later (a payment, the sync's acknowledgment) still counts on the
//     receipt day: "of the dossiers received in March, how many were paid online".
//   - finishing day (FinishedAt): resolved early / on time / late with their working,
//     paused and statutory seconds and the electronic result; withdrawn, stopped;
//     refused and withdrawn-before-receipt (these two were never received and never
//     enter the dossiers to process).
//   - rating day (Rating.At): rated, satisfied (score ≥ 4), score sum.
//
// Counters are additive, so the figures of any period are the sum of its days' buckets,
// and those of a field or the whole department the sum over keys.
//
// # What the store keeps
//
// A table of day buckets: (day, unit, field, procedure) → Counters, one column per
// counter. On every event it applies Diff(oldFact, newFact): subtract the old fact's
// contributions, add the new one's, both in the event's transaction; rows that fall to
// zero may be deleted. Because a contribution depends only on the dossier's state, never
// on the clock, nothing needs refreshing while time passes.
//
// A month roll-up with the same columns keyed by (month, unit, field, procedure),
// maintained by the same Diff, is required, not optional: a year at 20 units × 50
// procedures is up to 365,000 day rows, and summing them took 0.7 s on SQLite (1.4–2 s
// grouped by unit) against 7 ms (17 ms by unit) from the 12,000 month rows. A period
// reads its whole months from the roll-up and only its edge days from the day table.
// (Timings here come from a throwaway program on the pure-Go SQLite driver, 2 cores;
// the store's own benchmark is the one to trust.)
//
// Beside each dossier the store keeps late_from (Fact.LateFrom, NULL when zero) with a
// partial covering index, e.g. ON dossiers(late_from, received_at, finished_at, unit)
// WHERE late_from IS NOT NULL: the late-in-progress query below then took 8 ms over a
// million dossiers (5 % of them late), against 100 ms with an index on late_from alone.
//
// # What the store answers
//
// For a period [Start, End) (Period.Start and Period.End, both midnights in Vietnam),
// with the same filters (unit, field, procedure) as the buckets:
//
//  1. Counters of the period: SUM of each column over the period's whole months (roll-up)
//     and edge days (day table).
//  2. Carried over: CarriedOver(SUM over everything before Start) — received minus
//     closed, from the month roll-up plus the days of Start's month before it (1 ms for
//     half a year of months; 200 ms from day rows). Equivalently, on the dossiers:
//     received_at < Start AND (finished_at IS NULL OR finished_at >= Start) over
//     received dossiers.
//  3. Late in progress at End (Backlog.LateAtEnd): received_at < End AND
//     (finished_at IS NULL OR finished_at >= End) AND late_from IS NOT NULL AND
//     late_from < End, on the covering index above (Fact.LateOpenAt is the reference
//     predicate). It is exact for any past End because lateness, once reached,
//     lasts until the dossier finishes (see lateFrom).
//
// In progress at End is not queried: it is carried over + received − closed in the
// period (Summarize), and in progress on time is that minus the late ones.
//
// # Rates
//
// Rates are percentages with 2 decimals, rounded half away from zero on integers. A rate
// with a zero denominator is undefined (Rate.Defined false, shown "—"). The published
// on-time rate is 100 % − late rate, the late rate being (late resolved + late in
// progress at the end) / (received + carried over), per SPEC §3. A dossier on time
// thanks to an apology's new appointment is on time, as dossier.Outcome says: the law
// allows the appointment to be re-set once; the apology still costs it its time score.
// Time saved is 1 − average used / average statutory working time over the dossiers
// resolved in the period, time waiting on the applicant excluded.
//
// # Decision 766
//
// Compute766 scores the SPEC §5 table: each indicator's points are ratio × maximum, an
// empty denominator earns full points, 2 decimals. Indicators the system holds no data
// for are marked unavailable with the data that would feed them, and left out of the
// total, which is shown beside the maximum the measured indicators can reach (see
// Compute766 for why neither 0 nor full points).
package report
