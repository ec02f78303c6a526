package catalog

// A rank orders hits, lower first. Its bits, from the top:
//
//	tier (2 bits)    0 code starts with the query, 1 every word in the name,
//	                 2 some words in the name, 3 none (found only in field, agency,
//	                 result or documents)
//	scattered (1)    the words are not one phrase in the name
//	partial (1)      the last word matched only as the start of a longer word
//	rest (12)        name words the query did not cover, so the most complete match
//	                 comes first (tier 2: the number of query words missing)
//	position (8)     where the phrase, or the first word, starts in the name
//
// Hits of equal rank fall back to code order through the doc id. Everything but the
// position and the phrase is known from bit sets; those two need the name, so they are
// the last to be worked out and the least weighty.
const (
	tierShift      = 30
	scatteredShift = 29
	partialShift   = 28
	restShift      = 16
	restMax        = 1<<12 - 1
	positionMax    = 255
)

func (m *matcher) rank(d uint32) uint32 {
	r, exact := m.coarseRank(d)
	if exact {
		return r
	}
	return m.refine(d, r)
}

// coarseRank is the rank without the bits that need a look at the name, so a lower
// bound; exact says nothing is missing. It costs a few bit tests, so hits that cannot
// reach the page are discarded without reading their names.
func (m *matcher) coarseRank(d uint32) (r uint32, exact bool) {
	switch {
	case len(m.terms) == 0:
		return 0, true
	case m.code != nil && m.code.has(d):
		return 0, true
	case !m.allInName.has(d):
		missing := uint32(0)
		for _, s := range m.inName {
			if !s.has(d) {
				missing++
			}
		}
		if int(missing) == len(m.terms) {
			return 3 << tierShift, true
		}
		return 2<<tierShift | missing<<restShift, true
	}
	r = uint32(1)<<tierShift | uint32(min(max(len(m.ix.docs[d].name)-len(m.terms), 0), restMax))<<restShift
	if !m.lastWhole.has(d) {
		r |= 1 << partialShift
	}
	return r, false
}

// refine adds the position and phrase bits to a coarse rank of a doc with every term in
// its name.
func (m *matcher) refine(d uint32, r uint32) uint32 {
	pos, phrase := m.phrase(m.ix.docs[d].name)
	r |= uint32(min(pos, positionMax))
	if !phrase {
		r |= 1 << scatteredShift
	}
	return r
}

// phrase finds the first place where the terms follow each other in the name; failing
// that it reports where the first term first appears.
func (m *matcher) phrase(name []uint32) (pos int, ok bool) {
	first := -1
	t0 := m.terms[0]
	for i, w := range name {
		if !t0.has(w) {
			continue
		}
		if first < 0 {
			first = i
		}
		j := 1
		for j < len(m.terms) && i+j < len(name) && m.terms[j].has(name[i+j]) {
			j++
		}
		if j == len(m.terms) {
			return i, true
		}
	}
	return max(first, 0), false
}
