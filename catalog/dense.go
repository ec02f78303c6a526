package catalog

import (
	"unicode/utf8"
)

// docSets are the docs holding a word (or any word of a prefix) anywhere, and in the name.
type docSets struct{ anywhere, inName bitset }

const (
	// denseShare: a word in at least 1/denseShare of the docs keeps a bitset, which is
	// united in |docs|/64 word operations instead of one per doc.
	denseShare = 32
	// prefixWords: a prefix of one or two letters covering more words than this keeps
	// a bitset; it is what people type first, and it covers the most lists.
	prefixWords = 16
)

func (ix *Index) buildDense() {
	n := len(ix.docs)
	ix.dense, ix.prefix = map[uint32]docSets{}, map[string]docSets{}
	for id, p := range ix.postings {
		if len(p)*denseShare >= n && len(p) > 64 {
			s := docSets{newBitset(n), newBitset(n)}
			s.anywhere.addAll(p)
			s.inName.addAll(ix.inName[id])
			ix.dense[uint32(id)] = s
		}
	}
	for _, w := range ix.words {
		for _, p := range shortPrefixes(w) {
			if _, done := ix.prefix[p]; done {
				continue
			}
			t, _ := ix.term(p, true)
			if t.hi-t.lo <= prefixWords {
				ix.prefix[p] = docSets{}
				continue
			}
			s := docSets{newBitset(n), newBitset(n)}
			ix.unite(t, s)
			ix.prefix[p] = s
		}
	}
	for p, s := range ix.prefix {
		if s.anywhere == nil {
			delete(ix.prefix, p)
		}
	}
}

// shortPrefixes are the one- and two-letter prefixes of w.
func shortPrefixes(w string) []string {
	_, a := utf8.DecodeRuneInString(w)
	if a == len(w) {
		return []string{w}
	}
	_, b := utf8.DecodeRuneInString(w[a:])
	return []string{w[:a], w[:a+b]}
}

// unite adds to s the docs of every word in range t.
func (ix *Index) unite(t term, s docSets) {
	for id := t.lo; id < t.hi; id++ {
		if d, ok := ix.dense[id]; ok {
			s.anywhere.or(d.anywhere)
			s.inName.or(d.inName)
			continue
		}
		s.anywhere.addAll(ix.postings[id])
		s.inName.addAll(ix.inName[id])
	}
}

// termSets returns the docs of a query term, from the prefix cache when it has them.
// The sets may be shared with the index: callers only read them.
func (ix *Index) termSets(w string, t term, prefix bool) docSets {
	if prefix && utf8.RuneCountInString(w) <= 2 {
		if s, ok := ix.prefix[w]; ok {
			return s
		}
	}
	n := len(ix.docs)
	s := docSets{newBitset(n), newBitset(n)}
	ix.unite(t, s)
	return s
}
