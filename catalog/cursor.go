package catalog

import (
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
)

// ErrBadCursor means a paging cursor was not made by this index.
var ErrBadCursor = errors.New("con trỏ phân trang không hợp lệ / invalid page cursor")

// A cursor is opaque to clients: base64url of "1:<rank>:<code>". The version prefix lets
// the format change without misreading old links.
func encodeCursor(rank uint32, code string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("1:" + strconv.FormatUint(uint64(rank), 36) + ":" + code))
}

func decodeCursor(s string) (rank uint32, code string, err error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return 0, "", ErrBadCursor
	}
	rest, ok := strings.CutPrefix(string(b), "1:")
	if !ok {
		return 0, "", ErrBadCursor
	}
	r, code, ok := strings.Cut(rest, ":")
	n, err := strconv.ParseUint(r, 36, 32)
	if !ok || err != nil || code == "" {
		return 0, "", ErrBadCursor
	}
	return uint32(n), code, nil
}

// CheckCursor reports whether s is a cursor that Search can continue from.
func CheckCursor(s string) error {
	if s == "" {
		return nil
	}
	_, _, err := decodeCursor(s)
	return err
}
