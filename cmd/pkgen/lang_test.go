package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"pkgen/internal/testutil"
)

// The tests expect Indonesian unless they ask for English: the locale of
// the machine running them must not choose.
func init() { getenv = localeEnv(nil) }

// localeEnv is getenv with the locale variables of env only.
func localeEnv(env map[string]string) func(string) string {
	return func(k string) string {
		switch k {
		case "LC_ALL", "LC_MESSAGES", "LANG":
			return env[k]
		}
		return os.Getenv(k)
	}
}

// withLocale runs the test with the locale variables of env.
func withLocale(t *testing.T, env map[string]string) {
	t.Helper()
	getenv = localeEnv(env)
	t.Cleanup(func() { getenv = localeEnv(nil) })
}

// badFile is a PK with an error of type, a missing table and an unknown key.
func badFile(t *testing.T) string {
	t.Helper()
	bad := filepath.Join(t.TempDir(), "rusak.toml")
	testutil.WriteFile(t, bad, []byte("tahun = \"2023\"\ntempat = \"Jakarta\"\nkertass = \"A4\"\n"))
	return bad
}

func TestCheckLanguage(t *testing.T) {
	bad := badFile(t)
	// Indonesian, as pkgen has always printed it.
	code, out, errOut := runCLI("check", bad)
	if code != exitInvalid {
		t.Fatalf("exit %d", code)
	}
	wantID := bad + ":1: tahun: harus bilangan bulat tanpa tanda kutip, bukan teks\n" +
		bad + ":3: kertass: kunci \"kertass\" tidak dikenal; maksud Anda \"kertas\"?\n" +
		bad + ": instansi: wajib ada: tabel [instansi] atau instansi = { ... }\n" +
		bad + ": pihak_pertama: wajib ada: tabel [pihak_pertama] atau pihak_pertama = { ... }\n" +
		bad + ": sasaran: wajib ada: setidaknya satu [[sasaran]] dengan [[sasaran.indikator]]\n"
	if errOut != wantID || out != bad+": TIDAK SAH — 5 galat, 0 peringatan\n" {
		t.Errorf("Indonesian output changed:\n%s%s", out, errOut)
	}

	wantEN := bad + ":1: tahun: must be an integer without quotes, not text\n" +
		bad + ":3: kertass: unknown key \"kertass\"; did you mean \"kertas\"?\n" +
		bad + ": instansi: required: a table [instansi] or instansi = { ... }\n" +
		bad + ": pihak_pertama: required: a table [pihak_pertama] or pihak_pertama = { ... }\n" +
		bad + ": sasaran: required: at least one [[sasaran]] with [[sasaran.indikator]]\n"
	for _, args := range [][]string{
		{"--lang", "en", "check", bad},
		{"check", bad, "--lang", "en"},
		{"--lang=en", "check", bad},
		{"check", "--lang", "en_GB.UTF-8", bad},
	} {
		code, out, errOut = runCLI(args...)
		if code != exitInvalid || errOut != wantEN || out != bad+": INVALID — 5 error(s), 0 warning(s)\n" {
			t.Errorf("pkgen %v: exit %d\n%s%s", args, code, out, errOut)
		}
	}

	// The next run without --lang is Indonesian again.
	if _, _, errOut = runCLI("check", bad); errOut != wantID {
		t.Errorf("the language stuck after a --lang run:\n%s", errOut)
	}

	// Warnings and the summary of a valid file.
	_, out, errOut = runCLI("--lang", "en", "check", example)
	if !strings.Contains(out, ": valid — PK 2023, PIHAK PERTAMA Dhany Sukma, PIHAK KEDUA Heru Budi Hartono; 26 sasaran, 28 indicator(s); 4 warning(s)") {
		t.Errorf("English summary: %s", out)
	}
	if !strings.Contains(errOut, ": warning: sasaran[17].indikator[1].satuan: ") || strings.Contains(errOut, "peringatan") {
		t.Errorf("English warnings: %s", errOut)
	}
}

func TestLanguageFromEnvironment(t *testing.T) {
	bad := badFile(t)
	for _, c := range []struct {
		env     map[string]string
		english bool
	}{
		{map[string]string{"LANG": "en_US.UTF-8"}, true},
		{map[string]string{"LANG": "id_ID.UTF-8"}, false},
		{map[string]string{"LC_MESSAGES": "en_GB", "LANG": "id_ID.UTF-8"}, true},
		{map[string]string{"LC_ALL": "id_ID", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_US.UTF-8"}, false},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, false}, // the first set wins, even "C"
		{map[string]string{"LANG": "fr_FR.UTF-8"}, false},
		{nil, false},
	} {
		withLocale(t, c.env)
		_, out, _ := runCLI("check", bad)
		if got := strings.Contains(out, "INVALID"); got != c.english {
			t.Errorf("%v: English %v, want %v: %s", c.env, got, c.english, out)
		}
	}
	// --lang overrides the environment.
	withLocale(t, map[string]string{"LANG": "en_US.UTF-8"})
	if _, out, _ := runCLI("check", bad, "--lang", "id"); !strings.Contains(out, "TIDAK SAH") {
		t.Errorf("--lang id under LANG=en_US: %s", out)
	}
	withLocale(t, nil)
}

// The real environment, as main reads it.
func TestLanguageFromProcessEnvironment(t *testing.T) {
	getenv = os.Getenv
	t.Cleanup(func() { getenv = localeEnv(nil) })
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_US.UTF-8")
	if _, out, _ := runCLI("check", badFile(t)); !strings.Contains(out, "INVALID") {
		t.Errorf("LANG=en_US.UTF-8: %s", out)
	}
	t.Setenv("LANG", "id_ID.UTF-8")
	if _, out, _ := runCLI("check", badFile(t)); !strings.Contains(out, "TIDAK SAH") {
		t.Errorf("LANG=id_ID.UTF-8: %s", out)
	}
}

func TestLangFlagErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "fr", "check", example}, `bahasa "fr" tidak dikenal; pilih id atau en`},
		{[]string{"check", example, "--lang"}, "--lang memerlukan bahasa"},
		{[]string{"--lang", "en", "--lang", "xx", "check"}, `unknown language "xx"; choose id or en`},
	} {
		code, _, errOut := runCLI(c.args...)
		if code != exitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("pkgen %v: exit %d: %s", c.args, code, errOut)
		}
	}
	// After "--" it is an operand, not the flag.
	if code, _, errOut := runCLI("check", "--", "--lang"); code != exitInvalid || !strings.Contains(errOut, "--lang") {
		t.Errorf("--lang after --: exit %d: %s", code, errOut)
	}
}

// Every command answers --help (and -h) with its help, an example
// included, on stdout and with status 0, in both languages.
func TestEveryCommandHelp(t *testing.T) {
	for _, c := range commands {
		for _, lang := range []string{"id", "en"} {
			heading := map[string]string{"id": "\nContoh:\n", "en": "\nExample"}[lang]
			code, out, errOut := runCLI("--lang", lang, c.name, "--help")
			_, example, _ := strings.Cut(out, heading)
			if code != exitOK || errOut != "" || !strings.Contains(example, "pkgen "+c.name) || !strings.HasPrefix(out, "pkgen "+c.name) {
				t.Errorf("pkgen --lang %s %s --help: exit %d, stderr %q, stdout:\n%s", lang, c.name, code, errOut, out)
			}
			if _, again, _ := runCLI("--lang", lang, "help", c.name); again != out {
				t.Errorf("pkgen help %s differs from pkgen %s --help", c.name, c.name)
			}
			if code, h, _ := runCLI(c.name, "-h", "--lang", lang); code != exitOK || h != out {
				t.Errorf("pkgen %s -h: exit %d", c.name, code)
			}
		}
	}
	_, out, _ := runCLI("--lang", "en", "--help")
	if !strings.Contains(out, "Usage:") || !strings.Contains(out, "pkgen completion bash|zsh|fish|powershell") {
		t.Errorf("English usage:\n%s", out)
	}
	for _, c := range commands {
		if !strings.Contains(out, "pkgen "+c.name) {
			t.Errorf("the usage does not list %s", c.name)
		}
	}
	if code, _, errOut := runCLI("--lang", "en", "cetak"); code != exitUsage || !strings.HasPrefix(errOut, `pkgen: unknown command "cetak"`) {
		t.Errorf("unknown command in English: %s", errOut)
	}
}

func TestVersion(t *testing.T) {
	// This test binary's own build information.
	if code, out, _ := runCLI("version"); code != exitOK || !strings.HasPrefix(out, "pkgen ") || !strings.Contains(out, "\ngo1.") {
		t.Errorf("version: exit %d\n%s", code, out)
	}
	defer func(f func() (*debug.BuildInfo, bool)) { readBuildInfo = f }(readBuildInfo)
	readBuildInfo = func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Path: "pkgen", Version: "v1.2.3"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef"}, {Key: "vcs.time", Value: "2026-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: "true"}}}, true
	}
	code, out, _ := runCLI("version")
	if want := "pkgen v1.2.3\nrevisi 0123456789abcdef (diubah), 2026-01-02T03:04:05Z\ngo1.26.1 "; code != exitOK || !strings.HasPrefix(out, want) {
		t.Errorf("version: exit %d\n%s", code, out)
	}
	if _, out, _ = runCLI("--version", "--lang", "en"); !strings.Contains(out, "revision 0123456789abcdef (modified)") {
		t.Errorf("--version in English:\n%s", out)
	}

	readBuildInfo = func() (*debug.BuildInfo, bool) { return &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true }
	if _, out, _ = runCLI("version"); !regexp.MustCompile(`^pkgen \(devel\)\ngo[0-9.a-z]+ [a-z0-9]+/[a-z0-9]+\n$`).MatchString(out) {
		t.Errorf("devel version:\n%s", out)
	}
	readBuildInfo = func() (*debug.BuildInfo, bool) { return nil, false }
	if _, out, _ = runCLI("version"); !strings.HasPrefix(out, "pkgen (devel)\ngo") {
		t.Errorf("without build information:\n%s", out)
	}
	if code, _, _ := runCLI("version", "x"); code != exitUsage {
		t.Errorf("version x: exit %d", code)
	}
}

func TestCompletionScripts(t *testing.T) {
	for _, sh := range shells() {
		for _, lang := range []string{"id", "en"} {
			code, out, errOut := runCLI("completion", sh, "--lang", lang)
			if code != exitOK || errOut != "" {
				t.Fatalf("completion %s: exit %d: %s", sh, code, errOut)
			}
			for _, c := range commands {
				if !strings.Contains(out, c.name) {
					t.Errorf("%s script does not mention %s", sh, c.name)
				}
				for _, f := range c.flags {
					if !strings.Contains(out, strings.TrimLeft(f.name, "-")) {
						t.Errorf("%s script does not mention %s %s", sh, c.name, f.name)
					}
				}
			}
			if sh == "bash" {
				bashCheck(t, out)
			}
		}
	}
	if code, _, errOut := runCLI("completion", "tcsh"); code != exitUsage || !strings.Contains(errOut, `shell "tcsh" tidak dikenal`) {
		t.Errorf("completion tcsh: exit %d: %s", code, errOut)
	}
	if code, _, _ := runCLI("completion"); code != exitUsage {
		t.Errorf("completion without a shell: exit %d", code)
	}
}

// bashCheck has bash parse the script and complete a few command lines.
func bashCheck(t *testing.T, script string) {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Log("bash not found: the bash script is not run")
		return
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "pkgen.bash")
	testutil.WriteFile(t, file, []byte(script))
	if out, err := exec.Command(bash, "-n", file).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v\n%s", err, out)
	}
	for _, f := range []string{"pk.toml", "pk.pdf", "lkip.pdf", "data.xlsx"} {
		testutil.WriteFile(t, filepath.Join(dir, f), nil)
	}
	os.Mkdir(filepath.Join(dir, "arsip"), 0o755)
	for _, c := range []struct{ line, want string }{
		{"pkgen ", "baru capaian check completion diff docx ekstrak help impor kaskade pantau render version web xlsx"},
		{"pkgen re", "render"},
		{"pkgen -", "--help --lang --version"},
		{"pkgen --lang ", "en id"},
		{"pkgen --lang en ch", "check"},
		{"pkgen render ", "arsip pk.toml"},
		{"pkgen render pk.toml -o ", "arsip lkip.pdf pk.pdf"},
		{"pkgen render -d ", "arsip"},
		{"pkgen render --t", "--templat --timpa --tte"},
		{"pkgen impor ", "arsip data.xlsx"},
		{"pkgen baru --bentuk ", "beberapa-tabel dki eselon2 eselon3 eselon4 kementerian-eselon1 kementerian-eselon2 kepala-daerah unit-vertikal"},
		{"pkgen completion ", "bash fish powershell zsh"},
		{"pkgen help ver", "version"},
	} {
		prog := "source " + file + "\ncd " + dir + "\nCOMP_WORDS=(" + c.line + ")\n"
		if strings.HasSuffix(c.line, " ") {
			prog += "COMP_WORDS+=('')\n"
		}
		prog += "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n_pkgen\nprintf '%s\\n' \"${COMPREPLY[@]}\" | sort -u | paste -sd ' '\n"
		cmd := exec.Command(bash, "-c", prog)
		// A locale the machine lacks makes bash warn on stderr; keep it out.
		cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C")
		out, err := cmd.CombinedOutput()
		if got := strings.TrimSpace(string(out)); err != nil || got != c.want {
			t.Errorf("completing %q: %q (%v), want %q", c.line, got, err, c.want)
		}
	}
}
