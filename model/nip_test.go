package model

import (
	"strings"
	"testing"
)

func TestParseNIP(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr string // the whole message; "" for success
	}{
		{name: "plain", in: "197403091993111001", want: "197403091993111001"},
		{name: "grouped", in: "19740309 199311 1 001", want: "197403091993111001"},
		{name: "surrounding space", in: "  197403091993111001 ", want: "197403091993111001"},
		{name: "woman", in: "198512312010122045", want: "198512312010122045"},
		{name: "leap day", in: "198002292005011001", want: "198002292005011001"},
		{name: "appointed at 15", in: "197403091989011001", want: "197403091989011001"},

		{name: "empty", in: " ", wantErr: "NIP kosong; hapus kunci nip untuk pejabat tanpa NIP"},
		{name: "17 digits", in: "19740309199311100", wantErr: `NIP "19740309199311100" harus 18 angka, bukan 17`},
		{name: "19 digits", in: "1974030919931110011", wantErr: `NIP "1974030919931110011" harus 18 angka, bukan 19`},
		{name: "letters", in: "19740309199311100A", wantErr: `NIP "19740309199311100A" hanya boleh berisi angka (dan spasi pengelompokan "19740309 199311 1 001")`},
		{name: "dots", in: "19740309.199311.1.001", wantErr: "hanya boleh berisi angka"},
		{name: "full-width digits", in: "１９７４０３０９１９９３１１１００１", wantErr: "hanya boleh berisi angka"},
		{name: "month 13 of birth", in: "197413091993111001", wantErr: `NIP "197413091993111001": 8 angka pertama harus tanggal lahir yang mungkin (TTTTBBHH), bukan 19741309`},
		{name: "30 February", in: "197402301993111001", wantErr: "8 angka pertama harus tanggal lahir yang mungkin (TTTTBBHH), bukan 19740230"},
		{name: "not a leap year", in: "197502291993111001", wantErr: "bukan 19750229"},
		{name: "born before 1940", in: "193903091960111001", wantErr: "bukan 19390309"},
		{name: "appointment month 13", in: "197403091993131001", wantErr: `NIP "197403091993131001": angka 13–14 harus bulan pengangkatan 01–12, bukan 13`},
		{name: "appointment month 00", in: "197403091993001001", wantErr: "bulan pengangkatan 01–12, bukan 00"},
		{name: "appointed at 14", in: "197403091988111001", wantErr: `NIP "197403091988111001": tahun pengangkatan 1988 tidak mungkin untuk kelahiran 1974; pengangkatan paling cepat pada usia 15 tahun (1989)`},
		{name: "appointed after 2100", in: "197403092101111001", wantErr: `NIP "197403092101111001": angka 9–12 harus tahun pengangkatan, bukan 2101`},
		{name: "sex digit 3", in: "197403091993113001", wantErr: `NIP "197403091993113001": angka ke-15 (jenis kelamin) harus 1 atau 2, bukan 3`},
		{name: "sex digit 0", in: "197403091993110001", wantErr: "harus 1 atau 2, bukan 0"},
		{name: "sequence 000", in: "197403091993111000", wantErr: `NIP "197403091993111000": nomor urut (3 angka terakhir) tidak boleh 000`},
		{name: "grouping 7+11", in: "1974030 91993111001", wantErr: `NIP "1974030 91993111001" dikelompokkan salah; tulis rapat (18 angka) atau seperti "19740309 199311 1 001"`},
		{name: "grouping 8+6+4", in: "19740309 199311 1001", wantErr: "dikelompokkan salah"},
		{name: "grouping 8+10", in: "19740309 1993111001", wantErr: "dikelompokkan salah"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseNIP(tt.in)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("parseNIP(%q) = %q, want error %q", tt.in, got, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("parseNIP(%q) error\n got %q\nwant %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("parseNIP(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestGroupNIP(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"197403091993111001", "19740309 199311 1 001"},
		{"198512312010122045", "19851231 201012 2 045"},
		{"", ""},                                 // no NIP: nothing to group
		{"1974030919931110", "1974030919931110"}, // not 18 characters: unchanged
		{"19740309 199311 1 001", "19740309 199311 1 001"}, // already grouped: unchanged
	}
	for _, tt := range tests {
		if got := GroupNIP(tt.in); got != tt.want {
			t.Errorf("GroupNIP(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Grouping and parsing are inverse on valid NIPs.
	for _, nip := range []string{"197403091993111001", "198512312010122045"} {
		if got, err := parseNIP(GroupNIP(nip)); err != nil || got != nip {
			t.Errorf("parseNIP(GroupNIP(%q)) = %q, %v", nip, got, err)
		}
	}
}
