package catalog

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/textfold"
)

func csvIndex(t *testing.T) *Index {
	return NewIndex(importRealCSV(t), at(2026, 1, 1, 0))
}

func names(p Page) []string {
	out := make([]string, len(p.Items))
	for i, h := range p.Items {
		out[i] = h.Name
	}
	return out
}

func TestSearchIgnoresMarksAndCase(t *testing.T) {
	ix := csvIndex(t)
	cases := []struct{ query, word string }{
		{"ruou", "rượu"}, {"RƯỢU", "rượu"}, {"xang dau", "xăng dầu"}, {"dang ky", "đăng ký"},
		{"Hoá chất", "hóa chất"}, {"hoa chat", "hoá chất"},
	}
	for _, c := range cases {
		p := ix.Search(Query{Text: c.query, Limit: MaxLimit})
		if len(p.Items) == 0 {
			t.Errorf("%q found nothing", c.query)
		}
		for _, h := range p.Items {
			if !strings.Contains(textfold.Fold(h.Name+" "+h.Field.Name), textfold.Fold(c.word)) {
				t.Errorf("%q found %q", c.query, h.Name)
			}
		}
	}
	if a, b := ix.Search(Query{Text: "đ", Limit: MaxLimit}), ix.Search(Query{Text: "d", Limit: MaxLimit}); !slices.Equal(names(a), names(b)) || a.Total == 0 {
		t.Errorf("đ and d differ: %d vs %d", a.Total, b.Total)
	}
	if p := ix.Search(Query{Text: "ruou", Limit: MaxLimit}); p.Total != 5 {
		t.Errorf("ruou: %d hits %q", p.Total, names(p))
	}
}

func TestSearchAllWordsLastMayBePrefix(t *testing.T) {
	ix := csvIndex(t)
	// "ch" also starts "chứng", so the tanker station matches too, but after the phrase.
	if p := ix.Search(Query{Text: "tram nap lpg vao ch"}); len(p.Items) != 3 || !strings.HasSuffix(p.Items[1].Name, "vào chai") {
		t.Errorf("prefix: %q", names(p))
	}
	if p := ix.Search(Query{Text: "ch lpg"}); p.Total != 0 {
		t.Errorf("only the last word is a prefix, got %q", names(p))
	}
	if p := ix.Search(Query{Text: "xang dau khong"}); p.Total != 0 {
		t.Errorf("every word must match, got %q", names(p))
	}
}

func TestSearchRanking(t *testing.T) {
	mk := func(code, name, field string) Procedure {
		v := retailTobacco()
		v.Status, v.Name, v.Field = Published, name, Field{Name: field}
		return Procedure{Code: code, Versions: []Version{v}}
	}
	ix := NewIndex([]Procedure{
		mk("A5", "Cấp Giấy phép tư vấn đường dây", "Điện"),                         // only the field
		mk("A4", "Cấp thẻ kiểm tra viên điện lực", "Điện"),                         // name, position 5
		mk("A3", "Điện lực: cấp giấy phép hoạt động", "Khác"),                      // name, position 0
		mk("A2", "Cấp lại thẻ an toàn điện", "Điện"),                               // name, position 5, shorter
		mk("A1", "Cấp lại thẻ an toàn điện", "Điện"),                               // same: code breaks the tie
		mk("B1", "Cấp giấy phép điện lực cho điện mặt trời mái nhà", "Năng lượng"), // position 3
	}, at(2026, 1, 1, 0))
	got := names(ix.Search(Query{Text: "dien"}))
	want := []string{"Cấp lại thẻ an toàn điện", "Cấp lại thẻ an toàn điện", "Điện lực: cấp giấy phép hoạt động",
		"Cấp thẻ kiểm tra viên điện lực", "Cấp giấy phép điện lực cho điện mặt trời mái nhà", "Cấp Giấy phép tư vấn đường dây"}
	if !slices.Equal(got, want) {
		t.Errorf("order\n got %q\nwant %q", got, want)
	}
	if p := ix.Search(Query{Text: "dien"}); p.Items[0].Code != "A1" {
		t.Errorf("tie not broken by code: %s", p.Items[0].Code)
	}
	// A phrase beats the same words apart; a whole word beats the start of one.
	got = names(ix.Search(Query{Text: "giay phep dien"}))
	if len(got) < 2 || got[0] != "Cấp giấy phép điện lực cho điện mặt trời mái nhà" || got[1] != "Điện lực: cấp giấy phép hoạt động" {
		t.Errorf("phrase: %q", got)
	}
	p := ix.Search(Query{Text: "the an t"})
	if p.Total != 2 || p.Items[0].Code != "A1" {
		t.Errorf("the an t: %v", p.Items)
	}
	exact, partial := ix.rankOf(t, "cap lai the", "A1"), ix.rankOf(t, "cap lai th", "A1")
	if exact >= partial {
		t.Errorf("whole word rank %x not before prefix rank %x", exact, partial)
	}
}

func TestSearchByCode(t *testing.T) {
	ix := csvIndex(t)
	for _, q := range []string{"2.000648", "2000648", "2.000648.000.00.00.H50"} {
		p := ix.Search(Query{Text: q})
		if len(p.Items) == 0 || p.Items[0].Code != "2.000648.000.00.00.H50" {
			t.Errorf("%q: %v", q, p.Items)
		}
	}
	p := ix.Search(Query{Text: "2.000", Limit: MaxLimit})
	for i, h := range p.Items {
		if !strings.HasPrefix(h.Code, "2.000") {
			t.Errorf("hit %d %s does not start with the code", i, h.Code)
		}
	}
}

func TestSearchFilters(t *testing.T) {
	ps := importRealCSV(t)
	ps[0].Versions[0].Level = LevelCommune
	ps[1].Versions[0].Agency = "Phòng Kinh tế"
	ix := NewIndex(ps, at(2026, 1, 1, 0))
	if p := ix.Search(Query{Level: LevelCommune}); p.Total != 1 || p.Items[0].Code != ps[0].Code {
		t.Errorf("level: %v", p.Items)
	}
	if p := ix.Search(Query{Agency: "phong kinh te"}); p.Total != 1 {
		t.Errorf("agency: %v", p.Items)
	}
	byName := ix.Search(Query{Field: "Hoá chất"})
	byCode := ix.Search(Query{Field: "hoa-chat"})
	if byName.Total != 2 || !slices.Equal(names(byName), names(byCode)) {
		t.Errorf("field: %q vs %q", names(byName), names(byCode))
	}
	if p := ix.Search(Query{Text: "the", Field: "Điện"}); p.Total != 4 {
		t.Errorf("field and text: %d", p.Total)
	}
}

func TestSearchAbolished(t *testing.T) {
	ps := importRealCSV(t)
	gone := calendar.D(2025, 7, 1)
	ps[0].AbolishedFrom, ps[0].AbolishedBy = &gone, "1/QĐ"
	later := calendar.D(2030, 1, 1)
	ps[1].AbolishedFrom, ps[1].AbolishedBy = &later, "2/QĐ"
	ix := NewIndex(ps, at(2026, 1, 1, 0))
	if ix.Count() != 40 {
		t.Errorf("Count = %d", ix.Count())
	}
	if p := ix.Search(Query{Text: ps[0].Code}); p.Total != 0 {
		t.Errorf("abolished found: %v", p.Items)
	}
	if p := ix.Search(Query{Text: ps[0].Code, IncludeAbolished: true}); p.Total != 1 || !p.Items[0].Abolished {
		t.Errorf("abolished not found on request: %v", p.Items)
	}
	if p := ix.Search(Query{Text: "ban buon ruou"}); p.Total != 1 {
		t.Errorf("procedure abolished in the future is hidden: %v", p.Items)
	}
}

func TestSearchKeysetPaging(t *testing.T) {
	ix := NewIndex(syntheticCatalog(t, 2000), at(2026, 1, 1, 0))
	for _, q := range []Query{{Text: "cap giay"}, {Text: "d"}, {}, {Text: "2.0"}} {
		all := ix.Search(Query{Text: q.Text, Limit: MaxLimit})
		var paged []Hit
		q.Limit = 7
		for pages := 0; ; pages++ {
			p := ix.Search(q)
			if p.Total != all.Total {
				t.Fatalf("%q: total %d then %d", q.Text, all.Total, p.Total)
			}
			paged = append(paged, p.Items...)
			if p.Next == "" || len(paged) >= MaxLimit {
				break
			}
			q.After = p.Next
		}
		n := min(len(all.Items), len(paged))
		if !slices.EqualFunc(all.Items[:n], paged[:n], func(a, b Hit) bool { return a.Code == b.Code }) {
			t.Errorf("%q: pages differ from one long page", q.Text)
		}
	}
	if p := ix.Search(Query{Text: "cap", After: "garbage!"}); len(p.Items) != 0 || p.Next != "" {
		t.Errorf("bad cursor gave %d items", len(p.Items))
	}
	if CheckCursor("garbage!") == nil || CheckCursor(ix.Search(Query{Text: "cap"}).Next) != nil {
		t.Error("CheckCursor")
	}
}

func TestLastPageHasNoCursor(t *testing.T) {
	ix := csvIndex(t)
	p := ix.Search(Query{Text: "ruou", Limit: 4})
	if p.Next == "" || len(p.Items) != 4 {
		t.Fatalf("first page %d items, next %q", len(p.Items), p.Next)
	}
	p = ix.Search(Query{Text: "ruou", Limit: 4, After: p.Next})
	if p.Next != "" || len(p.Items) != 1 {
		t.Fatalf("second page %d items, next %q", len(p.Items), p.Next)
	}
}

// The index must find exactly what a plain scan finds: every word somewhere in the text
// (the last as a prefix), or a code that starts with the query.
func TestSearchMatchesLinearScan(t *testing.T) {
	ps := syntheticCatalog(t, 1500)
	ix := NewIndex(ps, at(2026, 1, 1, 0))
	for _, q := range benchQueries {
		if q.Field != "" || q.Agency != "" || q.Level != "" {
			continue
		}
		want := 0
		for _, p := range ps {
			if p.AbolishedFrom == nil && scanMatches(p, q.Text) {
				want++
			}
		}
		if got := ix.Search(q).Total; got != want {
			t.Errorf("%q: index %d, scan %d", q.Text, got, want)
		}
	}
}

func scanMatches(p Procedure, text string) bool {
	words := textfold.Tokens(text)
	if len(words) == 0 {
		return true
	}
	if c := compactCode(text); strings.ContainsAny(c, "0123456789") && len(c) >= 2 && strings.HasPrefix(compactCode(p.Code), c) {
		return true
	}
	v := p.Versions[0]
	all := textOf(&v, p.Code)
	hay := append(all.name, all.other...)
	for i, w := range words {
		if !slices.ContainsFunc(hay, func(h string) bool {
			return h == w || (i == len(words)-1 && strings.HasPrefix(h, w))
		}) {
			return false
		}
	}
	return true
}

func TestSearchConcurrentReaders(t *testing.T) {
	ix := NewIndex(syntheticCatalog(t, 500), at(2026, 1, 1, 0))
	want := make([]Page, len(benchQueries))
	for i, q := range benchQueries {
		want[i] = ix.Search(q)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for i, q := range benchQueries {
				if got := ix.Search(q); got.Total != want[i].Total || !slices.Equal(names(got), names(want[i])) {
					t.Errorf("%q differs under concurrency", q.Text)
				}
			}
		})
	}
	wg.Wait()
}

// rankOf is the rank the query gives the procedure with code.
func (ix *Index) rankOf(t *testing.T, text, code string) uint32 {
	m := ix.newMatcher(Query{Text: text})
	for d := range ix.docs {
		if ix.docs[d].hit.Code == code {
			return m.rank(uint32(d))
		}
	}
	t.Fatalf("no %s", code)
	return 0
}
