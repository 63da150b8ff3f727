# bash completion for listscan: subcommands, then the options that `listscan help SUBCOMMAND`
# lists (so it never falls behind the binary), then file names.
_listscan() {
  local cur=${COMP_WORDS[COMP_CWORD]} sub="" word
  for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case $word in -*) ;; *) sub=$word; break ;; esac
  done
  if [ -z "$sub" ]; then
    mapfile -t COMPREPLY < <(compgen -W "$(listscan --help 2>/dev/null |
      awk '/^Subcommands:/{on=1; next} on && NF {print $1}') -h --help -V --version" -- "$cur")
    return
  fi
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(listscan help "$sub" 2>/dev/null |
      grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | tr -d ' ,')" -- "$cur")
    return
  fi
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}
complete -o filenames -F _listscan listscan
