// Package fonts embeds the Unicode typeface used in printed documents. Noto Serif covers
// every Vietnamese precomposed letter and looks close to the Times New Roman of official
// forms; it is under the SIL Open Font License (see OFL.txt, which must ship with it).
package fonts

import _ "embed"

// SerifRegular, SerifBold and SerifItalic are the TrueType files of Noto Serif.
var (
	//go:embed NotoSerif-Regular.ttf
	SerifRegular []byte
	//go:embed NotoSerif-Bold.ttf
	SerifBold []byte
	//go:embed NotoSerif-Italic.ttf
	SerifItalic []byte
)

// License is the text of the font licence, to be shown wherever the fonts are credited.
//
//go:embed OFL.txt
var License string
