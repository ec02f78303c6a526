package pdf

import "strings"

// cellLines wraps text to width w in the current font. Words wider than w, such as long
// dossier codes, are broken after a hyphen, slash or dot rather than at an arbitrary letter.
func (d *document) cellLines(text string, w float64) []string {
	inner := w - 2*d.GetCellMargin()
	var paragraphs []string
	for _, line := range strings.Split(text, "\n") {
		words := strings.Split(line, " ")
		for i, word := range words {
			if d.GetStringWidth(word) > inner {
				words[i] = d.breakWord(word, inner)
			}
		}
		paragraphs = append(paragraphs, strings.Join(words, " "))
	}
	return d.SplitText(strings.Join(paragraphs, "\n"), w)
}

// breakWord puts line breaks into word after punctuation so each piece fits in w when it
// can; a piece with no such place is left for SplitText to cut.
func (d *document) breakWord(word string, w float64) string {
	var pieces []string
	for word != "" {
		cut := -1
		for i, r := range word {
			if strings.ContainsRune("-/.", r) && d.GetStringWidth(word[:i+1]) <= w {
				cut = i + 1
			}
		}
		if cut <= 0 || d.GetStringWidth(word) <= w {
			pieces = append(pieces, word)
			break
		}
		pieces = append(pieces, word[:cut])
		word = word[cut:]
	}
	return strings.Join(pieces, "\n")
}
