package sqlstore_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestPostgresOverTLS: with sslmode=verify-full in the URL the store talks to PostgreSQL
// over TLS; a server whose certificate the given CA did not sign is refused, and the
// refusal does not print the URL's password.
func TestPostgresOverTLS(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	secure := sqlstoretest.PostgresTLS(t, dsn, "")
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, secure)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.QueryForTest(ctx, `SELECT CAST(ssl AS TEXT) || ' ' || version FROM pg_stat_ssl WHERE pid = pg_backend_pid()`)
	if err != nil || len(got) != 1 || !strings.HasPrefix(got[0], "true TLSv1.") {
		t.Fatalf("connection: %v %v, want TLS", got, err)
	}

	other := filepath.Join(t.TempDir(), "other-ca.pem")
	if err := os.WriteFile(other, selfSignedCA(t), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = sqlstore.Open(ctx, sqlstoretest.PostgresTLS(t, dsn, other))
	if err == nil || !strings.Contains(err.Error(), "certificate") || strings.Contains(err.Error(), "mat-khau-bi-mat") {
		t.Fatalf("a server signed by another CA: %v", err)
	}
}

// selfSignedCA is the PEM of a new CA certificate that signed nothing.
func selfSignedCA(t *testing.T) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "another CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true,
		BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}
