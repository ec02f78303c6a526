// Command motcua runs the one-stop-shop platform: the web server and its maintenance
// commands. `motcua help` lists them.
package main

import (
	"fmt"
	"io"
	"os"
)

type command struct {
	name string
	help string
	run  func(args []string, stdout io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "chạy máy chủ web / run the web server", runServe},
		{"migrate", "áp dụng các bản di trú cơ sở dữ liệu / apply database migrations", runMigrate},
		{"import", "nhập danh mục thủ tục từ tệp JSON hoặc CSV / import the catalog from JSON or CSV", runImport},
		{"export", "xuất danh mục thủ tục ra JSON / export the catalog as JSON", runExport},
		{"backup", "sao lưu cơ sở dữ liệu khi đang chạy / back up the database while it runs", runBackup},
		{"restore", "khôi phục từ bản sao lưu / restore from a backup", runRestore},
		{"documents", "tệp đính kèm trong kho lưu trữ: dọn, chép ra, đưa lên / attachments in the object store: sweep, export, import", runDocuments},
		{"verify-log", "kiểm tra chuỗi lịch sử hồ sơ / verify every dossier's history chain", runVerifyLog},
		{"copy-db", "chuyển dữ liệu từ tệp SQLite sang PostgreSQL / move the data from an SQLite file to PostgreSQL", runCopyDB},
		{"fake-portal", "cổng DVCQG giả lập để thử đồng bộ / fake national portal for sync tests", runFakePortal},
		{"bench", "đo hiệu năng so với mức nền / benchmarks against a same-run baseline", runBench},
		{"calendar", "lịch âm, ngày nghỉ, thời hạn làm việc / lunar calendar, holidays, working time", runCalendar},
		{"version", "bản dựng đang chạy và bản di trú mới nhất / this build and its newest migration", runVersion},
	}
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "motcua:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stdout, "motcua — hệ thống một cửa Sở Công Thương / one-stop shop of a Department of Industry and Trade")
		fmt.Fprintln(stdout, "\nCách dùng / usage: motcua <command> [flags]")
		for _, c := range commands() {
			fmt.Fprintf(stdout, "  %-10s %s\n", c.name, c.help)
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout)
		}
	}
	return fmt.Errorf("lệnh không có: %q / unknown command %q (motcua help)", args[0], args[0])
}
