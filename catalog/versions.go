package catalog

import (
	"fmt"
	"time"

	"github.com/motcua/motcua/calendar"
)

// vietnam is the zone in which an instant becomes a civil date; it has been UTC+7 since
// 1975, so a fixed zone needs no zone database.
var vietnam = time.FixedZone("ICT", 7*3600)

// dateAt is the Vietnamese civil date of t.
func dateAt(t time.Time) calendar.Date { return calendar.DateOf(t.In(vietnam)) }

// AddDraft starts a new draft numbered after every existing version. Only one draft may
// exist at a time, so two administrators cannot amend the same procedure in parallel.
func (p *Procedure) AddDraft(v Version) (int, error) {
	if p.AbolishedFrom != nil {
		return 0, ErrAbolished
	}
	if p.Draft() != nil {
		return 0, ErrDraftExists
	}
	if err := v.Validate(); err != nil {
		return 0, err
	}
	n := 0
	for _, w := range p.Versions {
		n = max(n, w.Number)
	}
	v.Number, v.Status, v.PublishedAt, v.SupersededAt = n+1, Draft, nil, nil
	p.Versions = append(p.Versions, v)
	return v.Number, nil
}

// UpdateDraft replaces the content of the draft, keeping its number and status.
func (p *Procedure) UpdateDraft(v Version) error {
	d := p.Draft()
	if d == nil {
		return ErrNoDraft
	}
	if err := v.Validate(); err != nil {
		return err
	}
	v.Number, v.Status, v.PublishedAt, v.SupersededAt = d.Number, Draft, nil, nil
	*d = v
	return nil
}

// DiscardDraft drops the draft; published history is never removed.
func (p *Procedure) DiscardDraft() error {
	for i, v := range p.Versions {
		if v.Status == Draft {
			p.Versions = append(p.Versions[:i:i], p.Versions[i+1:]...)
			return nil
		}
	}
	return ErrNoDraft
}

// Publish puts the draft in force at now and supersedes the version it replaces. It
// returns the published number. A draft that fails Publishable is refused with an error
// that matches both ErrNotPublishable and ValidationErrors.
func (p *Procedure) Publish(now time.Time) (int, error) {
	if p.AbolishedFrom != nil && !dateAt(now).Before(*p.AbolishedFrom) {
		return 0, ErrAbolished
	}
	d := p.Draft()
	if d == nil {
		return 0, ErrNoDraft
	}
	if err := d.Publishable(); err != nil {
		return 0, fmt.Errorf("%w: %w", ErrNotPublishable, err)
	}
	now = now.UTC()
	for i := range p.Versions {
		if w := &p.Versions[i]; w.Status == Published {
			w.Status, w.SupersededAt = Superseded, &now
		}
	}
	d.Status, d.PublishedAt = Published, &now
	return d.Number, nil
}

// Abolish ends the procedure from a date (inclusive) by a decision. The versions are kept
// so that dossiers filed before stay readable.
func (p *Procedure) Abolish(from calendar.Date, decision string) error {
	if p.AbolishedFrom != nil {
		return ErrAbolished
	}
	var es ValidationErrors
	if from.IsZero() {
		es.add("abolished_from", "cần ngày bãi bỏ", "abolition date is required")
	}
	if decision == "" {
		es.add("abolished_by", "cần số quyết định bãi bỏ", "abolishing decision is required")
	}
	if err := es.err(); err != nil {
		return err
	}
	p.AbolishedFrom, p.AbolishedBy = &from, decision
	return nil
}

// Current is the version in force at an instant, or nil when none was published yet or
// the procedure is abolished on that day. A published version without a publication time
// (imported from a source that does not say) counts as in force since ever.
func (p *Procedure) Current(at time.Time) *Version {
	if p.AbolishedFrom != nil && !dateAt(at).Before(*p.AbolishedFrom) {
		return nil
	}
	var cur *Version
	for i := range p.Versions {
		v := &p.Versions[i]
		if v.Status == Draft || (v.PublishedAt != nil && v.PublishedAt.After(at)) ||
			(v.SupersededAt != nil && !v.SupersededAt.After(at)) {
			continue
		}
		if cur == nil || v.Number > cur.Number {
			cur = v
		}
	}
	return cur
}

// Latest is the published version, ignoring abolition: the one a catalog page shows.
func (p *Procedure) Latest() *Version {
	return p.find(func(v *Version) bool { return v.Status == Published })
}

// Draft is the version being prepared, if any.
func (p *Procedure) Draft() *Version {
	return p.find(func(v *Version) bool { return v.Status == Draft })
}

// Version returns version n, or nil.
func (p *Procedure) Version(n int) *Version {
	return p.find(func(v *Version) bool { return v.Number == n })
}

// AbolishedAt reports whether the procedure can no longer be filed on day d.
func (p *Procedure) AbolishedAt(d calendar.Date) bool {
	return p.AbolishedFrom != nil && !d.Before(*p.AbolishedFrom)
}

func (p *Procedure) find(ok func(*Version) bool) *Version {
	for i := range p.Versions {
		if ok(&p.Versions[i]) {
			return &p.Versions[i]
		}
	}
	return nil
}
