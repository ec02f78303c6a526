package catalog

import (
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/motcua/motcua/textfold"
)

// Query is a catalog search. Text is matched without diacritics or case, every word must
// be found and the last may be the start of a word. Field filters by field code or name,
// Agency by agency name; After is the Next cursor of the previous page.
type Query struct {
	Text             string
	Field            string
	Level            Level
	Agency           string
	IncludeAbolished bool
	After            string
	Limit            int
}

// Page is one page of hits, best first. Next is empty on the last page. Total counts
// every match of the query, on all pages.
type Page struct {
	Items []Hit  `json:"items"`
	Next  string `json:"next,omitempty"`
	Total int    `json:"total"`
}

// Page sizes: small enough to keep a page cheap, large enough for an export screen.
const (
	DefaultLimit = 20
	MaxLimit     = 100
	maxTerms     = 12
)

// Search runs q. An invalid cursor gives an empty page, never the first page again, so a
// client cannot loop; CheckCursor lets a handler answer it with 400 instead.
func (ix *Index) Search(q Query) Page {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	from := uint64(0)
	if q.After != "" {
		rank, code, err := decodeCursor(q.After)
		if err != nil {
			return Page{}
		}
		from = ix.keyAfter(rank, code)
	}
	m := ix.newMatcher(q)
	page := Page{Total: m.candidates.count()}
	var top []uint64
	var after int
	switch {
	case len(m.terms) > 0:
		top, after = m.best(from, limit)
	case from>>32 == 0: // every rank is 0 when nothing is typed
		top, after = m.candidates.firstFrom(uint32(from), limit)
	}
	page.Items = make([]Hit, len(top))
	for i, key := range top {
		page.Items[i] = ix.docs[uint32(key)].hit
	}
	if after > len(top) && len(top) > 0 {
		last := top[len(top)-1]
		page.Next = encodeCursor(uint32(last>>32), ix.docs[uint32(last)].hit.Code)
	}
	return page
}

// best returns the limit smallest keys from `from` on, and how many keys there are from
// there. A key is rank<<32 | doc id.
func (m *matcher) best(from uint64, limit int) (top []uint64, after int) {
	top = make([]uint64, 0, limit)
	worst := ^uint64(0)
	for i, word := range m.candidates {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &^= 1 << b
			d := uint32(i*64 + b)
			r, exact := m.coarseRank(d)
			key := uint64(r)<<32 | uint64(d)
			if !exact {
				if key >= from && key >= worst {
					after++ // the true key is no smaller: past the cursor, not on the page
					continue
				}
				key = uint64(m.refine(d, r))<<32 | uint64(d)
			}
			if key < from {
				continue
			}
			after++
			if key >= worst {
				continue
			}
			j, _ := slices.BinarySearch(top, key)
			if len(top) == limit {
				top = top[:limit-1]
			}
			top = slices.Insert(top, j, key)
			if len(top) == limit {
				worst = top[limit-1]
			}
		}
	}
	return top, after
}

// keyAfter turns a cursor into the smallest key that comes after it. Doc ids follow code
// order, so the position of the code stands for it even if the index was rebuilt since.
func (ix *Index) keyAfter(rank uint32, code string) uint64 {
	i, found := slices.BinarySearchFunc(ix.docs, code, func(d doc, c string) int { return strings.Compare(d.hit.Code, c) })
	if found {
		i++
	}
	return uint64(rank)<<32 | uint64(i)
}

// term is one query word as a range of word ids.
type term struct{ lo, hi uint32 }

func (t term) has(w uint32) bool { return t.lo <= w && w < t.hi }

// matcher holds the doc sets of one query.
type matcher struct {
	ix         *Index
	terms      []term
	candidates bitset   // docs to rank: filters passed, and text or code matched
	code       bitset   // docs whose code starts with the query
	inName     []bitset // per term, docs holding it in the name
	allInName  bitset   // docs holding every term in the name
	lastWhole  bitset   // docs holding the last term as a whole word in the name
}

func (ix *Index) newMatcher(q Query) *matcher {
	m := &matcher{ix: ix, candidates: ix.filter(q)}
	words := textfold.Tokens(q.Text)
	if len(words) > maxTerms {
		words = words[:maxTerms]
	}
	if len(words) == 0 {
		return m
	}
	n := len(ix.docs)
	matched := ix.all.clone()
	m.allInName = ix.all.clone()
	m.lastWhole = newBitset(n)
	for i, w := range words {
		last := i == len(words)-1
		t, whole := ix.term(w, last)
		m.terms = append(m.terms, t)
		sets := ix.termSets(w, t, last)
		matched.and(sets.anywhere)
		m.allInName.and(sets.inName)
		m.inName = append(m.inName, sets.inName)
		if last && whole >= 0 {
			m.lastWhole.addAll(ix.inName[whole])
		}
	}
	m.code = ix.codeMatches(textfold.Fold(q.Text), n)
	if m.code != nil {
		matched.or(m.code)
	}
	m.candidates.and(matched)
	return m
}

// filter is the set of docs that pass the query's filters; a fresh copy the caller owns.
func (ix *Index) filter(q Query) bitset {
	set := ix.live.clone()
	if q.IncludeAbolished {
		set = ix.all.clone()
	}
	// A missing set means nothing has that value.
	and := func(b bitset) {
		if b == nil {
			clear(set)
			return
		}
		set.and(b)
	}
	if q.Level != "" {
		and(ix.levels[q.Level])
	}
	if q.Field != "" {
		f := newBitset(len(ix.docs))
		for _, key := range []string{q.Field, "\x00" + textfold.Fold(q.Field)} {
			if b := ix.byField[key]; b != nil {
				f.or(b)
			}
		}
		set.and(f)
	}
	if q.Agency != "" {
		and(ix.byAgency[textfold.Fold(q.Agency)])
	}
	return set
}

// term finds the word ids a query word stands for; a prefix term covers every word that
// starts with it. whole is the id of the word itself, or -1.
func (ix *Index) term(w string, prefix bool) (t term, whole int) {
	lo, found := slices.BinarySearch(ix.words, w)
	t, whole = term{uint32(lo), uint32(lo)}, -1
	if found {
		t.hi, whole = uint32(lo+1), lo
	}
	if prefix {
		t.hi = uint32(lo + sort.Search(len(ix.words)-lo, func(i int) bool { return !strings.HasPrefix(ix.words[lo+i], w) }))
	}
	return t, whole
}

// codeMatches is the set of docs whose code starts with the query, when the query looks
// like a code (codes always hold digits); nil otherwise.
func (ix *Index) codeMatches(folded string, n int) bitset {
	c := strings.ReplaceAll(folded, " ", "")
	if len(c) < 2 || !strings.ContainsAny(c, "0123456789") {
		return nil
	}
	lo, _ := slices.BinarySearchFunc(ix.codes, c, func(k codeKey, c string) int { return strings.Compare(k.compact, c) })
	var set bitset
	for i := lo; i < len(ix.codes) && strings.HasPrefix(ix.codes[i].compact, c); i++ {
		if set == nil {
			set = newBitset(n)
		}
		set.add(ix.codes[i].doc)
	}
	return set
}
