package report

import "strings"

// OnlineMethods are the payment method keys that count as paid online (thanh toán trực
// tuyến) for the figures and the Decision 766 index. The pay command takes the method as
// free text today; forms and API clients should send one of these keys for an online
// payment. Compared trimmed and case-insensitively.
var OnlineMethods = []string{
	"online",           // any online payment
	"portal",           // through this system's online payment page
	"payment-platform", // the national portal's payment platform (nền tảng thanh toán)
}

// OnlineMethod reports whether a recorded payment method is an online payment.
func OnlineMethod(method string) bool {
	m := strings.ToLower(strings.TrimSpace(method))
	for _, k := range OnlineMethods {
		if m == k {
			return true
		}
	}
	return false
}
