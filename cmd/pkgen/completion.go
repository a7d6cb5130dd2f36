package main

import (
	"fmt"
	"io"
	"strings"

	"pkgen/pesan"
)

// shells are the shells pkgen completion writes a script for.
func shells() []string { return []string{"bash", "zsh", "fish", "powershell"} }

// completionCmd prints the completion script of a shell, made from the
// command table (commands, globalFlags), with descriptions in the current
// language.
func completionCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		pesan.Fprintf(stderr, "pkgen completion: sebutkan satu shell: %s\n\n%s", strings.Join(shells(), ", "), helpText("completion"))
		return exitUsage
	}
	var script string
	switch args[0] {
	case "bash":
		script = bashScript()
	case "zsh":
		script = zshScript()
	case "fish":
		script = fishScript()
	case "powershell", "pwsh":
		script = powershellScript()
	default:
		pesan.Fprintf(stderr, "pkgen completion: shell %q tidak dikenal; pilih salah satu: %s\n", args[0], strings.Join(shells(), ", "))
		return exitUsage
	}
	io.WriteString(stdout, script)
	return exitOK
}

// allFlags are a command's flags and the global ones it takes (--version
// is a command of its own).
func allFlags(c *command) []flagSpec {
	out := append([]flagSpec{}, c.flags...)
	for _, f := range globalFlags {
		if f.name != "--version" {
			out = append(out, f)
		}
	}
	return out
}

func flagNames(fs []flagSpec) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

// takesValue reports a flag followed by a value.
func (v value) takesValue() bool { return v.files != "" || v.dir || v.text || v.choose != nil }

// bashScript completes commands, flags, flag values and operands; files
// are filtered by extension, folders always offered.
func bashScript() string {
	var b strings.Builder
	b.WriteString(`# bash completion for pkgen
#   source <(pkgen completion bash)

_pkgen_files() {
    local IFS=$'\n'
    if [[ $1 == '*' ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    else
        COMPREPLY=($(compgen -f -X "!$1" -- "$cur") $(compgen -d -- "$cur"))
    fi
}

_pkgen() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local cmd= i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --lang) ((i++)) ;;
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    COMPREPLY=()
    case $prev in
`)
	for _, f := range globalFlags {
		if f.value.takesValue() {
			fmt.Fprintf(&b, "        %s) %s; return ;;\n", f.name, bashValue(f.value))
		}
	}
	b.WriteString("    esac\n    case $cmd in\n")
	fmt.Fprintf(&b, "        '')\n            if [[ $cur == -* ]]; then\n                COMPREPLY=($(compgen -W %q -- \"$cur\"))\n", strings.Join(flagNames(globalFlags), " "))
	fmt.Fprintf(&b, "            else\n                COMPREPLY=($(compgen -W %q -- \"$cur\"))\n            fi ;;\n", strings.Join(commandNames(), " "))
	for i := range commands {
		c := &commands[i]
		fmt.Fprintf(&b, "        %s)\n", c.name)
		var valued []flagSpec
		for _, f := range c.flags {
			if f.value.takesValue() {
				valued = append(valued, f)
			}
		}
		if len(valued) > 0 {
			b.WriteString("            case $prev in\n")
			for _, f := range valued {
				fmt.Fprintf(&b, "                %s) %s; return ;;\n", f.name, bashValue(f.value))
			}
			b.WriteString("            esac\n")
		}
		fmt.Fprintf(&b, "            if [[ $cur == -* ]]; then\n                COMPREPLY=($(compgen -W %q -- \"$cur\"))\n",
			strings.Join(flagNames(allFlags(c)), " "))
		if c.args.takesValue() {
			fmt.Fprintf(&b, "            else\n                %s\n", bashValue(c.args))
		}
		b.WriteString("            fi ;;\n")
	}
	b.WriteString(`    esac
}

complete -o filenames -F _pkgen pkgen
`)
	return b.String()
}

func bashValue(v value) string {
	switch {
	case v.choose != nil:
		return `COMPREPLY=($(compgen -W "` + strings.Join(v.choose(), " ") + `" -- "$cur"))`
	case v.dir:
		return `COMPREPLY=($(compgen -d -- "$cur"))`
	case v.files != "":
		return "_pkgen_files '" + v.files + "'"
	}
	return "COMPREPLY=()"
}

// zshScript works both from $fpath (as _pkgen) and when sourced.
func zshScript() string {
	var b strings.Builder
	b.WriteString(`#compdef pkgen
# zsh completion for pkgen
#   pkgen completion zsh > $fpath[1]/_pkgen

_pkgen() {
    local curcontext=$curcontext state line
    local -a commands
    commands=(
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "        '%s:%s'\n", c.name, zshQuote(pesan.Text(c.summary)))
	}
	b.WriteString("    )\n    _arguments -C \\\n")
	for _, f := range globalFlags {
		fmt.Fprintf(&b, "        %s \\\n", zshFlag(f, true))
	}
	b.WriteString(`        '1: :->command' \
        '*:: :->args'
    case $state in
        command)
            _describe -t commands command commands ;;
        args)
            case $line[1] in
`)
	for i := range commands {
		c := &commands[i]
		fmt.Fprintf(&b, "                %s)\n                    _arguments \\\n", c.name)
		for _, f := range allFlags(c) {
			fmt.Fprintf(&b, "                        %s \\\n", zshFlag(f, false))
		}
		fmt.Fprintf(&b, "                        '*:%s' ;;\n", zshValue(c.args))
	}
	b.WriteString(`            esac ;;
    esac
}

if [ "$funcstack[1]" = "_pkgen" ]; then
    _pkgen "$@"
else
    compdef _pkgen pkgen
fi
`)
	return b.String()
}

// zshFlag is an _arguments spec; global help and version exclude the rest.
func zshFlag(f flagSpec, global bool) string {
	prefix := "*"
	if global && !f.value.takesValue() {
		prefix = "(- *)"
	}
	spec := prefix + f.name + "[" + zshQuote(pesan.Text(f.desc)) + "]"
	if f.value.takesValue() {
		spec += ":" + zshValue(f.value)
	}
	return "'" + spec + "'"
}

func zshValue(v value) string {
	switch {
	case v.choose != nil:
		return "value:(" + strings.Join(v.choose(), " ") + ")"
	case v.dir:
		return "folder:_files -/"
	case v.files == "*":
		return "file:_files"
	case v.files != "":
		return `file:_files -g "` + v.files + `"`
	case v.text:
		return "value: "
	}
	return " :"
}

// zshQuote makes a description safe inside '…' and the brackets of an
// _arguments spec.
func zshQuote(s string) string {
	return strings.NewReplacer(`'`, `'\''`, `[`, `\[`, `]`, `\]`).Replace(s)
}

func fishScript() string {
	var b strings.Builder
	names := strings.Join(commandNames(), " ")
	b.WriteString("# fish completion for pkgen\n#   pkgen completion fish > ~/.config/fish/completions/pkgen.fish\n\n")
	b.WriteString("complete -c pkgen -f\n")
	noCmd := "not __fish_seen_subcommand_from " + names
	for _, c := range commands {
		fmt.Fprintf(&b, "complete -c pkgen -n '%s' -a %s -d %s\n", noCmd, c.name, fishQuote(pesan.Text(c.summary)))
	}
	for _, f := range globalFlags {
		if f.name == "--version" {
			fmt.Fprintf(&b, "complete -c pkgen -n '%s' %s\n", noCmd, fishFlag(f))
			continue
		}
		fmt.Fprintf(&b, "complete -c pkgen %s\n", fishFlag(f))
	}
	for i := range commands {
		c := &commands[i]
		cond := "__fish_seen_subcommand_from " + c.name
		for _, f := range c.flags {
			fmt.Fprintf(&b, "complete -c pkgen -n '%s' %s\n", cond, fishFlag(f))
		}
		if a := fishArgs(c.args); a != "" {
			fmt.Fprintf(&b, "complete -c pkgen -n '%s' %s\n", cond, a)
		}
	}
	return b.String()
}

func fishFlag(f flagSpec) string {
	name := strings.TrimLeft(f.name, "-")
	opt := "-l " + name
	if !strings.HasPrefix(f.name, "--") {
		opt = "-o " + name // Go's single-dash flags: -o, -d
		if len(name) == 1 {
			opt = "-s " + name
		}
	}
	if v := fishArgs(f.value); v != "" {
		opt += " -r " + v
	}
	return opt + " -d " + fishQuote(pesan.Text(f.desc))
}

func fishArgs(v value) string {
	switch {
	case v.choose != nil:
		return "-x -a " + fishQuote(strings.Join(v.choose(), " "))
	case v.dir:
		return "-x -a '(__fish_complete_directories)'"
	case v.files == "*":
		return "-F"
	case v.files != "":
		return "-x -a '(__fish_complete_suffix " + strings.TrimPrefix(v.files, "*") + ")'"
	case v.text:
		return "-x"
	}
	return ""
}

func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// powershellScript completes commands, flags and fixed values; files,
// folders and free values are left to PowerShell's own completion.
func powershellScript() string {
	var b strings.Builder
	b.WriteString(`# PowerShell completion for pkgen
#   pkgen completion powershell | Out-String | Invoke-Expression

Register-ArgumentCompleter -Native -CommandName pkgen -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $commands = [ordered]@{
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "        %s = %s\n", psQuote(c.name), psQuote(pesan.Text(c.summary)))
	}
	b.WriteString("    }\n    $spec = @{\n")
	for i := range commands {
		c := &commands[i]
		fmt.Fprintf(&b, "        %s = @{ args = %s; flags = [ordered]@{", psQuote(c.name), psQuote(psKind(c.args)))
		for j, f := range c.flags {
			if j > 0 {
				b.WriteString(";")
			}
			fmt.Fprintf(&b, " %s = %s", psQuote(f.name), psQuote(psKind(f.value)))
		}
		b.WriteString(" } }\n")
	}
	b.WriteString("    }\n    $globals = [ordered]@{")
	for j, f := range globalFlags {
		if j > 0 {
			b.WriteString(";")
		}
		fmt.Fprintf(&b, " %s = %s", psQuote(f.name), psQuote(psKind(f.value)))
	}
	b.WriteString(` }
    $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.Extent.Text })
    if ($wordToComplete -ne '') { $words = @($words | Select-Object -SkipLast 1) }
    $cmd = $null
    $skip = $false
    foreach ($w in $words) {
        if ($skip) { $skip = $false; continue }
        if ($w -eq '--lang') { $skip = $true; continue }
        if (-not $w.StartsWith('-')) { $cmd = $w; break }
    }
    $prev = ''
    if ($words.Count -gt 0) { $prev = $words[-1] }
    $flags = [ordered]@{}
    foreach ($k in $globals.Keys) { $flags[$k] = $globals[$k] }
    if ($cmd -and $spec.Contains($cmd)) {
        foreach ($k in $spec[$cmd].flags.Keys) { $flags[$k] = $spec[$cmd].flags[$k] }
    }
    $list = @()
    $kind = ''
    if ($flags.Contains($prev) -and $flags[$prev] -ne '') { $kind = $flags[$prev] }
    elseif ($wordToComplete.StartsWith('-')) { $list = @($flags.Keys) }
    elseif (-not $cmd) { $list = @($commands.Keys) }
    elseif ($spec.Contains($cmd)) { $kind = $spec[$cmd].args }
    if ($kind -ne '') {
        if (-not $kind.StartsWith('!')) { return }
        $list = $kind.Substring(1).Split(' ')
    }
    $list | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
        $tip = $_
        if ($commands.Contains($_)) { $tip = $commands[$_] }
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $tip)
    }
}
`)
	return b.String()
}

// psKind encodes a value for the PowerShell script: "" none, "!a b" fixed
// words, anything else (a file pattern, "/", "=") left to PowerShell.
func psKind(v value) string {
	switch {
	case v.choose != nil:
		return "!" + strings.Join(v.choose(), " ")
	case v.dir:
		return "/"
	case v.files != "":
		return v.files
	case v.text:
		return "="
	}
	return ""
}

func psQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
