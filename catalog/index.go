package catalog

import (
	"slices"
	"strings"
	"time"

	"github.com/motcua/motcua/textfold"
)

// Index is an immutable search index over the published catalog. It is built wholesale
// from all procedures whenever the catalog changes, and the store swaps it in behind an
// atomic pointer, so any number of readers may search it at once without locks.
//
// Folded words are kept in one sorted list whose positions are the word ids; the words
// that start with a prefix are then a contiguous id range, so a prefix query is a range
// check instead of a scan.
type Index struct {
	docs     []doc      // sorted by code; a doc's id is its position
	words    []string   // sorted folded words; a word's id is its position
	postings [][]uint32 // word id → ids of the docs holding the word anywhere
	inName   [][]uint32 // word id → ids of the docs holding the word in the name
	codes    []codeKey  // sorted compact codes, for code lookups
	fields   []FieldCount
	count    int

	// Frequent words and short prefixes as ready doc sets: uniting their long posting
	// lists on every keystroke would dominate the search time.
	dense  map[uint32]docSets
	prefix map[string]docSets

	// Filters as precomputed doc sets, so a filtered search is one intersection.
	all, live bitset
	levels    map[Level]bitset
	byField   map[string]bitset // field code, and "\x00" + folded field name
	byAgency  map[string]bitset // folded agency
}

// Hit is one procedure found, with what a result list shows.
type Hit struct {
	Code        string      `json:"code"`
	Name        string      `json:"name"`
	Field       Field       `json:"field"`
	Level       Level       `json:"level"`
	Agency      string      `json:"agency"`
	OnlineLevel OnlineLevel `json:"online_level"`
	Version     int         `json:"version"`
	Abolished   bool        `json:"abolished,omitempty"`
	Sample      []string    `json:"sample,omitempty"`
}

// FieldCount is a field with the number of procedures in force in it.
type FieldCount struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

type doc struct {
	hit    Hit
	name   []uint32 // word ids of the name, in order
	field  string   // folded field name
	agency string   // folded agency
}

type codeKey struct {
	compact string
	doc     uint32
}

// NewIndex indexes the published version of each procedure. A procedure abolished on the
// day of at is kept but marked, and searches skip it unless asked; a store whose catalog
// has abolitions dated in the future should rebuild the index when that day comes.
func NewIndex(ps []Procedure, at time.Time) *Index {
	today := dateAt(at)
	type entry struct {
		doc
		v *Version
	}
	var es []entry
	for i := range ps {
		p := &ps[i]
		v := p.Latest()
		if v == nil {
			continue
		}
		es = append(es, entry{doc{hit: Hit{
			Code: p.Code, Name: v.Name, Field: v.Field, Level: v.Level, Agency: v.Agency,
			OnlineLevel: v.OnlineLevel, Version: v.Number, Abolished: p.AbolishedAt(today),
			Sample: slices.Clone(v.Sample),
		}}, v})
	}
	slices.SortStableFunc(es, func(a, b entry) int { return strings.Compare(a.hit.Code, b.hit.Code) })
	ix := &Index{docs: make([]doc, len(es))}
	texts := make([]docText, len(es))
	for i, e := range es {
		ix.docs[i], texts[i] = e.doc, textOf(e.v, e.hit.Code)
	}
	ix.buildWords(texts)
	ix.buildCodes()
	ix.buildFields()
	ix.buildFilters()
	ix.buildDense()
	return ix
}

// docText is the folded text of one doc, split into the name and everything else.
type docText struct{ name, other []string }

func textOf(v *Version, code string) docText {
	other := textfold.Tokens(code)
	for _, s := range []string{v.Field.Name, v.Agency, v.CompetentAuthority, v.Result.Name} {
		other = append(other, textfold.Tokens(s)...)
	}
	for _, d := range v.Documents {
		other = append(other, textfold.Tokens(d.Name)...)
	}
	return docText{name: textfold.Tokens(v.Name), other: other}
}

func (ix *Index) buildWords(texts []docText) {
	seen := map[string]struct{}{}
	for _, t := range texts {
		for _, w := range t.name {
			seen[w] = struct{}{}
		}
		for _, w := range t.other {
			seen[w] = struct{}{}
		}
	}
	ix.words = make([]string, 0, len(seen))
	for w := range seen {
		ix.words = append(ix.words, w)
	}
	slices.Sort(ix.words)
	id := make(map[string]uint32, len(ix.words))
	for i, w := range ix.words {
		id[w] = uint32(i)
	}
	ix.postings = make([][]uint32, len(ix.words))
	ix.inName = make([][]uint32, len(ix.words))
	for d, t := range texts {
		doc := &ix.docs[d]
		doc.field, doc.agency = textfold.Fold(doc.hit.Field.Name), textfold.Fold(doc.hit.Agency)
		doc.name = make([]uint32, len(t.name))
		for i, w := range t.name {
			doc.name[i] = id[w]
			appendDoc(&ix.inName[id[w]], uint32(d))
			appendDoc(&ix.postings[id[w]], uint32(d))
		}
		for _, w := range t.other {
			appendDoc(&ix.postings[id[w]], uint32(d))
		}
	}
}

// appendDoc adds d to a posting list. Docs are visited in id order, so a repeat is
// always the last entry.
func appendDoc(p *[]uint32, d uint32) {
	if n := len(*p); n == 0 || (*p)[n-1] != d {
		*p = append(*p, d)
	}
}

func (ix *Index) buildCodes() {
	ix.codes = make([]codeKey, len(ix.docs))
	for i, d := range ix.docs {
		ix.codes[i] = codeKey{compactCode(d.hit.Code), uint32(i)}
	}
	slices.SortFunc(ix.codes, func(a, b codeKey) int { return strings.Compare(a.compact, b.compact) })
}

// compactCode drops the dots and dashes of a code so that "2.000648" and "2000648" meet.
func compactCode(s string) string { return strings.ReplaceAll(textfold.Fold(s), " ", "") }

func (ix *Index) buildFields() {
	at := map[string]int{}
	for _, d := range ix.docs {
		if d.hit.Abolished {
			continue
		}
		ix.count++
		key := d.hit.Field.Code
		if key == "" {
			key = "\x00" + d.field
		}
		i, ok := at[key]
		if !ok {
			i = len(ix.fields)
			at[key] = i
			ix.fields = append(ix.fields, FieldCount{Code: d.hit.Field.Code, Name: d.hit.Field.Name})
		}
		ix.fields[i].Count++
	}
	slices.SortFunc(ix.fields, func(a, b FieldCount) int {
		return strings.Compare(textfold.Fold(a.Name), textfold.Fold(b.Name))
	})
}

func (ix *Index) buildFilters() {
	n := len(ix.docs)
	ix.all, ix.live = newBitset(n), newBitset(n)
	ix.levels, ix.byField, ix.byAgency = map[Level]bitset{}, map[string]bitset{}, map[string]bitset{}
	add := func(m map[string]bitset, key string, d uint32) {
		if m[key] == nil {
			m[key] = newBitset(n)
		}
		m[key].add(d)
	}
	for i, doc := range ix.docs {
		d := uint32(i)
		ix.all.add(d)
		if !doc.hit.Abolished {
			ix.live.add(d)
		}
		if ix.levels[doc.hit.Level] == nil {
			ix.levels[doc.hit.Level] = newBitset(n)
		}
		ix.levels[doc.hit.Level].add(d)
		if doc.hit.Field.Code != "" {
			add(ix.byField, doc.hit.Field.Code, d)
		}
		add(ix.byField, "\x00"+doc.field, d)
		add(ix.byAgency, doc.agency, d)
	}
}

// Fields lists the fields with the number of procedures in force in each, by name.
func (ix *Index) Fields() []FieldCount { return slices.Clone(ix.fields) }

// Count is the number of procedures in force.
func (ix *Index) Count() int { return ix.count }
