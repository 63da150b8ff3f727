# fish completion for listscan: subcommands, then the options `listscan help SUBCOMMAND` lists.
function __listscan_subcommands
    listscan --help 2>/dev/null | awk '/^Subcommands:/{on=1; next} on && NF {print $1}'
end
function __listscan_options
    set -l sub (commandline -opc)[2]
    listscan help $sub 2>/dev/null |
        string match -ar '(?:^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | string trim -c ' ,'
end
complete -c listscan -n __fish_use_subcommand -f -a '(__listscan_subcommands)'
complete -c listscan -n 'not __fish_use_subcommand' -a '(__listscan_options)'
