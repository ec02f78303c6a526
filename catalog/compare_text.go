package catalog

import (
	"strconv"
	"strings"

	"github.com/motcua/motcua/calendar"
)

// Summary describes the change in Vietnamese, e.g.
// "giảm 2 thành phần hồ sơ, giảm 5 ngày, giảm 100.000 đ".
func (c Comparison) Summary() string { return c.summary(viWords) }

// SummaryEn describes the change in English.
func (c Comparison) SummaryEn() string { return c.summary(enWords) }

func (c Comparison) summary(l lang) string {
	var parts []string
	if d := c.DocumentsDelta(); d != 0 {
		parts = append(parts, l.docs(d))
	}
	parts = append(parts, perChannel(c.Channels, l,
		func(ch ChannelChange) (string, bool) { return l.time(ch.TimeDelta), ch.TimeDelta.Value != 0 })...)
	parts = append(parts, perChannel(c.Channels, l,
		func(ch ChannelChange) (string, bool) { return l.money(ch.FeeDelta()), ch.FeeDelta() != 0 })...)
	for _, ch := range c.Channels {
		switch {
		case ch.Old == nil:
			parts = append(parts, l.added(ch.Channel))
		case ch.New == nil:
			parts = append(parts, l.removed(ch.Channel))
		}
	}
	if len(parts) == 0 {
		return l.unchanged
	}
	return strings.Join(parts, ", ")
}

// perChannel phrases one kind of change once when every channel changed alike, and once
// per channel otherwise.
func perChannel(chs []ChannelChange, l lang, phrase func(ChannelChange) (string, bool)) []string {
	var texts, labels []string
	all := true
	compared := 0
	for _, ch := range chs {
		if !ch.Compared() {
			continue
		}
		compared++
		t, changed := phrase(ch)
		if !changed {
			all = false
			continue
		}
		texts = append(texts, t)
		labels = append(labels, l.channel(ch.Channel))
	}
	if len(texts) == 0 {
		return nil
	}
	same := all && len(texts) == compared
	for _, t := range texts[1:] {
		same = same && t == texts[0]
	}
	if same {
		return texts[:1]
	}
	out := make([]string, len(texts))
	for i := range texts {
		out[i] = texts[i] + " (" + labels[i] + ")"
	}
	return out
}

// lang holds the words of one language for summaries.
type lang struct {
	docs      func(int) string
	time      func(calendar.Span) string
	money     func(int64) string
	channel   func(Channel) string
	added     func(Channel) string
	removed   func(Channel) string
	unchanged string
}

var viWords = lang{
	docs:      func(d int) string { return viMore(d) + " " + strconv.Itoa(abs(d)) + " thành phần hồ sơ" },
	time:      func(s calendar.Span) string { return viMore(int(sign(s.Value))) + " " + viSpan(s) },
	money:     func(d int64) string { return viMore(int(sign(float64(d)))) + " " + FormatVND(abs(d)) },
	channel:   Channel.Label,
	added:     func(c Channel) string { return "thêm cách thức " + c.Label() },
	removed:   func(c Channel) string { return "bỏ cách thức " + c.Label() },
	unchanged: "không thay đổi",
}

var enWords = lang{
	docs: func(d int) string {
		return strconv.Itoa(abs(d)) + " " + plural(abs(d), "document") + " " + enMore(d, "fewer", "more")
	},
	time: func(s calendar.Span) string {
		return enSpan(s) + " " + enMore(int(sign(s.Value)), "shorter", "longer")
	},
	money: func(d int64) string {
		return formatGrouped(abs(d), ',') + " VND " + enMore(int(sign(float64(d))), "cheaper", "dearer")
	},
	channel:   Channel.LabelEn,
	added:     func(c Channel) string { return "channel " + c.LabelEn() + " added" },
	removed:   func(c Channel) string { return "channel " + c.LabelEn() + " removed" },
	unchanged: "no change",
}

func viMore(d int) string {
	if d < 0 {
		return "giảm"
	}
	return "tăng"
}

func enMore(d int, less, more string) string {
	if d < 0 {
		return less
	}
	return more
}

func viSpan(s calendar.Span) string {
	n := strings.Replace(strconv.FormatFloat(abs(s.Value), 'f', -1, 64), ".", ",", 1)
	switch s.Unit {
	case calendar.WorkingHours:
		return n + " giờ"
	case calendar.CalendarDays:
		return n + " ngày (theo ngày lịch)"
	}
	return n + " ngày"
}

func enSpan(s calendar.Span) string {
	v := abs(s.Value)
	n := strconv.FormatFloat(v, 'f', -1, 64)
	switch s.Unit {
	case calendar.WorkingHours:
		return n + " " + plural(v, "working hour")
	case calendar.CalendarDays:
		return n + " " + plural(v, "calendar day")
	}
	return n + " " + plural(v, "working day")
}

// FormatVND writes an amount the Vietnamese way: "100.000 đ".
func FormatVND(n int64) string { return formatGrouped(n, '.') + " đ" }

func formatGrouped(n int64, sep byte) string {
	s := strconv.FormatInt(abs(n), 10)
	var b []byte
	if n < 0 {
		b = append(b, '-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, sep)
		}
		b = append(b, s[i])
	}
	return string(b)
}

func plural[N int | float64](n N, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func sign(f float64) float64 {
	switch {
	case f < 0:
		return -1
	case f > 0:
		return 1
	}
	return 0
}

func abs[N int | int64 | float64](n N) N {
	if n < 0 {
		return -n
	}
	return n
}
