package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/motcua/motcua/portal"
)

// runFakePortal runs `motcua fake-portal`: a stand-in for the national portal for demos
// and end-to-end tests, until interrupted.
func runFakePortal(args []string, stdout io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveFakePortal(ctx, args, stdout)
}

// serveFakePortal serves until ctx ends. It prints the address it listens on first, so
// --addr 127.0.0.1:0 can be used and read back.
func serveFakePortal(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("fake-portal", flag.ContinueOnError)
	fs.SetOutput(stdout)
	addr := fs.String("addr", "127.0.0.1:8090", "địa chỉ lắng nghe / listen address")
	var opts portal.FakeOptions
	fs.IntVar(&opts.FailFirst, "fail-first", 0, "làm hỏng N lần gọi đầu / fail the first N service calls")
	fs.StringVar(&opts.FailMode, "fail-mode", portal.FailUnavailable,
		"cách hỏng / how they fail: 503, timeout (áp dụng rồi treo / applied, then the reply hangs), busy")
	fs.DurationVar(&opts.Delay, "delay", 0, "chờ trước mỗi trả lời / wait before every reply")
	fs.DurationVar(&opts.Stall, "stall", time.Minute, "thời gian treo khi --fail-mode timeout / how long a timeout hangs")
	fs.StringVar(&opts.Username, "user", "", "tài khoản chấp nhận (trống: mọi tài khoản) / accepted user (empty: any)")
	fs.StringVar(&opts.Password, "password", "", "mật khẩu chấp nhận / accepted password")
	record := fs.String("record", "", "ghi mọi yêu cầu vào tệp (JSON từng dòng) / append every request to FILE as JSON lines")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("đối số thừa / unexpected arguments: %v", fs.Args())
	}
	switch opts.FailMode {
	case portal.FailUnavailable, portal.FailTimeout, portal.FailBusy:
	default:
		return fmt.Errorf("--fail-mode phải là 503, timeout hoặc busy / must be 503, timeout or busy: %q", opts.FailMode)
	}
	if *record != "" {
		f, err := os.OpenFile(*record, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		opts.Record = f
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: portal.NewFakeServer(opts), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "cổng DVCQG giả lập / fake national portal: http://%s (POST /login, POST /service, GET /records)\n", ln.Addr())
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
