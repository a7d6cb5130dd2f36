package model

import (
	"os"
	"strings"
	"testing"
)

// sixMistakesFixes corrects each mistake of testdata/invalid/six-mistakes.toml,
// by line: what a user writes after reading the message about that line.
var sixMistakesFixes = map[int]string{
	4:  `tempat = "Jakarta"`,
	5:  `tanggal = 2024-02-28`,
	12: `nip = "197403091993111001"`,
	28: `uraian = "Indeks Kepuasan Layanan"`,
	30: `target = { tw1 = "N/A", tw2 = 86.75, tw3 = "N/A", tw4 = 87, tahunan = 87 }`,
	37: `kode = "IK-02"`,
}

// checkRounds runs check on a file the way a user does: read the errors,
// fix the lines they name, run again, until the file is valid. It returns
// the number of runs.
func checkRounds(t *testing.T, name string, fixes map[int]string) int {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for run := 1; run <= 10; run++ {
		doc, probs := Parse(name, []byte(strings.Join(lines, "\n")))
		if doc != nil {
			return run
		}
		fixed := 0
		for _, p := range probs.Errors() {
			if fix, ok := fixes[p.Line]; ok && lines[p.Line-1] != fix {
				lines[p.Line-1] = fix
				fixed++
			}
		}
		if fixed == 0 {
			t.Fatalf("run %d: errors name no line the fixes know: %v", run, probs.Errors())
		}
	}
	t.Fatal("still invalid after 10 runs")
	return 0
}

// TestSixMistakesInOneRun: a file with six typical mistakes needs one run
// of check to show them all and a second to confirm it valid (it needed 6
// runs when the first syntax error hid everything else; README, check).
func TestSixMistakesInOneRun(t *testing.T) {
	t.Parallel()
	if got := checkRounds(t, "testdata/invalid/six-mistakes.toml", sixMistakesFixes); got != 2 {
		t.Errorf("%d runs of check, want 2", got)
	}
}
