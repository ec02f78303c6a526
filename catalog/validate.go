package catalog

import (
	"fmt"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/textfold"
)

// Validate checks that a version is coherent enough to be stored, even as a draft.
// It reports every problem it finds, each with its field path.
func (v Version) Validate() error {
	var es ValidationErrors
	if v.Status != "" && !v.Status.Valid() {
		es.add("status", "trạng thái không hợp lệ", "unknown status")
	}
	if textfold.Fold(v.Name) == "" {
		es.add("name", "cần nhập tên thủ tục", "name is required")
	}
	if textfold.Fold(v.Field.Name) == "" {
		es.add("field.name", "cần chọn lĩnh vực", "field is required")
	}
	if !v.Level.Valid() {
		es.add("level", "cấp thực hiện không hợp lệ", "unknown level")
	}
	if !v.OnlineLevel.Valid() {
		es.add("online_level", "mức độ dịch vụ trực tuyến không hợp lệ", "unknown online level")
	}
	if v.Sets < 0 {
		es.add("sets", "số bộ hồ sơ không được âm", "number of sets must not be negative")
	}
	for i, t := range v.ApplicantTypes {
		if t == AnyApplicant || !t.Valid() {
			es.add(fmt.Sprintf("applicant_types[%d]", i), "đối tượng thực hiện không hợp lệ", "unknown applicant type")
		}
	}
	v.validateChannels(&es)
	for i, d := range v.Documents {
		d.validate(&es, fmt.Sprintf("documents[%d]", i))
	}
	v.validateInternalSteps(&es)
	validateLimit(&es, "supplement_within", v.SupplementWithin)
	validateLimit(&es, "reply_within", v.ReplyWithin)
	return es.err()
}

func (v Version) validateChannels(es *ValidationErrors) {
	if len(v.Channels) == 0 {
		es.add("channels", "cần ít nhất một cách thức thực hiện", "at least one channel is required")
	}
	seen := map[Channel]bool{}
	for i, c := range v.Channels {
		path := fmt.Sprintf("channels[%d]", i)
		switch {
		case !c.Channel.Valid():
			es.add(path+".channel", "cách thức thực hiện không hợp lệ", "unknown channel")
		case seen[c.Channel]:
			es.add(path+".channel", "cách thức thực hiện bị lặp", "channel listed twice")
		}
		seen[c.Channel] = true
		if c.Time.Value <= 0 || !knownUnit(c.Time.Unit) {
			es.add(path+".time", "thời hạn giải quyết phải lớn hơn 0 (vd. 15d, 4h, 30cd)", "statutory time must be greater than 0 (e.g. 15d, 4h, 30cd)")
		}
		c.validateFees(es, path)
	}
}

func (c ChannelTerms) validateFees(es *ValidationErrors, path string) {
	for j, f := range c.Fees {
		fp := fmt.Sprintf("%s.fees[%d]", path, j)
		if textfold.Fold(f.Name) == "" {
			es.add(fp+".name", "cần nhập tên phí, lệ phí", "fee name is required")
		}
		if f.Amount < 0 {
			es.add(fp+".amount", "mức phí không được âm", "amount must not be negative")
		}
		if !f.ApplicantType.Valid() {
			es.add(fp+".applicant_type", "đối tượng không hợp lệ", "unknown applicant type")
		}
		if f.EffectiveFrom.IsZero() {
			es.add(fp+".effective_from", "cần ngày bắt đầu áp dụng", "effective date is required")
		} else if f.EffectiveTo != nil && f.EffectiveTo.Before(f.EffectiveFrom) {
			es.add(fp+".effective_to", "ngày hết hiệu lực trước ngày bắt đầu", "effective end is before its start")
		}
		for k := range j {
			if g := c.Fees[k]; sameFeeKind(f, g) && overlaps(f, g) {
				es.add(fp+".effective_from",
					fmt.Sprintf("thời gian áp dụng trùng với phí thứ %d", k+1),
					fmt.Sprintf("effective period overlaps fee %d", k+1))
			}
		}
	}
}

// sameFeeKind reports whether two fees compete for the same applicant and area, so that
// only one of them may be in force on any day.
func sameFeeKind(f, g Fee) bool {
	return textfold.Fold(f.Name) == textfold.Fold(g.Name) && f.ApplicantType == g.ApplicantType &&
		textfold.Fold(f.Area) == textfold.Fold(g.Area)
}

func overlaps(f, g Fee) bool {
	return !endsBefore(f.EffectiveTo, g.EffectiveFrom) && !endsBefore(g.EffectiveTo, f.EffectiveFrom)
}

// endsBefore reports whether a range ending at end (nil: open) ends before day d.
func endsBefore(end *calendar.Date, d calendar.Date) bool { return end != nil && end.Before(d) }

func (d Document) validate(es *ValidationErrors, path string) {
	if textfold.Fold(d.Name) == "" {
		es.add(path+".name", "cần nhập tên giấy tờ", "document name is required")
	}
	if d.Originals < 0 || d.Copies < 0 {
		es.add(path+".originals", "số bản không được âm", "counts must not be negative")
	} else if !d.Optional && d.Originals+d.Copies < 1 {
		es.add(path+".originals", "cần ít nhất một bản chính hoặc bản sao", "at least one original or copy is required")
	}
}

func (v Version) validateInternalSteps(es *ValidationErrors) {
	for i, s := range v.InternalSteps {
		path := fmt.Sprintf("internal_steps[%d]", i)
		if textfold.Fold(s.Name) == "" {
			es.add(path+".name", "cần nhập tên bước", "step name is required")
		}
		if s.Role == "" {
			es.add(path+".role", "cần chọn vai trò thực hiện", "role is required")
		}
		if s.NormHours <= 0 {
			es.add(path+".norm_hours", "thời gian định mức phải lớn hơn 0", "norm hours must be greater than 0")
		}
	}
}

// validateProcessFit checks that the internal process fits the statutory time of every
// channel. A draft may break it while it is being worked on; publishing may not.
func (v Version) validateProcessFit(es *ValidationErrors) {
	var sum float64
	for _, s := range v.InternalSteps {
		sum += s.NormHours
	}
	for _, c := range v.Channels {
		if c.Time.Value <= 0 || !knownUnit(c.Time.Unit) {
			continue // already reported on the channel
		}
		if limit := WorkingHours(c.Time); sum > limit+1e-9 {
			es.add("internal_steps",
				fmt.Sprintf("tổng định mức %g giờ vượt thời hạn %g giờ làm việc của cách thức %s", sum, limit, c.Channel.Label()),
				fmt.Sprintf("norm hours total %g exceed the %g working hours of channel %s", sum, limit, c.Channel.LabelEn()))
		}
	}
}

func validateLimit(es *ValidationErrors, path string, s calendar.Span) {
	if s == (calendar.Span{}) {
		return
	}
	if s.Value < 0 || !knownUnit(s.Unit) {
		es.add(path, "thời hạn không hợp lệ (vd. 3d, 15d)", "invalid duration (e.g. 3d, 15d)")
	}
}

// Publishable checks what a version needs before citizens can file under it: it must be
// valid and complete enough for the one-stop desk to receive and route a dossier.
func (v Version) Publishable() error {
	var es ValidationErrors
	es.nest("", v.Validate())
	if textfold.Fold(v.Agency) == "" {
		es.add("agency", "cần nhập cơ quan thực hiện", "agency is required")
	}
	if textfold.Fold(v.Result.Name) == "" {
		es.add("result.name", "cần nhập kết quả thực hiện", "result is required")
	}
	v.validateProcessFit(&es)
	// Dossiers are routed along the internal process, so one must exist.
	if len(v.InternalSteps) == 0 {
		es.add("internal_steps", "cần quy trình nội bộ trước khi công bố", "an internal process is required to publish")
	}
	for i, s := range v.InternalSteps {
		if s.Role != "" && !org.Role(s.Role).IsStaff() {
			es.add(fmt.Sprintf("internal_steps[%d].role", i), "vai trò phải là cán bộ của Sở", "role must be a staff role")
		}
	}
	if v.OnlineLevel == OnlineFull || v.OnlineLevel == OnlinePartial {
		if !v.hasChannel(ChannelOnline) {
			es.add("channels", "dịch vụ trực tuyến cần cách thức trực tuyến", "an online service needs the online channel")
		}
	}
	return es.err()
}

func (v Version) hasChannel(c Channel) bool {
	for _, t := range v.Channels {
		if t.Channel == c {
			return true
		}
	}
	return false
}
