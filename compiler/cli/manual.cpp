#include "cli/manual.h"

#include <set>
#include <sstream>

namespace schemac::cli {
namespace {

/// Options as the manual and completions show them: named, not --help.
std::vector<const CLI::Option*> options_of(const CLI::App& app) {
    std::vector<const CLI::Option*> out;
    for (const CLI::Option* option : app.get_options())
        if (option->get_group() != "" && option->get_lnames() != std::vector<std::string>{"help"})
            out.push_back(option);
    return out;
}

/// The options every command takes (they are the program's own too).
std::set<std::string> global_names(const CLI::App& app) {
    std::set<std::string> out;
    for (const CLI::Option* option : options_of(app))
        if (option->nonpositional())
            out.insert(option->get_name());
    return out;
}

/// A command's own options: not the ones every command takes.
std::vector<const CLI::Option*> own_options(const CLI::App& app, const CLI::App& command) {
    auto global = global_names(app);
    std::vector<const CLI::Option*> out;
    for (const CLI::Option* option : options_of(command))
        if (!global.count(option->get_name()))
            out.push_back(option);
    return out;
}

/// Every spelling of an option: -v --verbose.
std::vector<std::string> spellings(const CLI::Option& option) {
    std::vector<std::string> out;
    for (const auto& name : option.get_snames())
        out.push_back("-" + name);
    for (const auto& name : option.get_lnames())
        out.push_back("--" + name);
    return out;
}

bool takes_value(const CLI::Option& option) {
    return option.get_expected_max() != 0;
}

/// Text for roff: backslashes, hyphens, and a leading dot or quote escaped.
std::string roff(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\''))
        out = "\\&" + out;
    return out;
}

void man_options(std::ostringstream& out, const std::vector<const CLI::Option*>& options) {
    for (const CLI::Option* option : options) {
        out << ".TP\n";
        if (!option->nonpositional()) {
            out << "\\fI" << roff(option->get_name(true)) << "\\fR\n";
        } else {
            std::string names;
            for (const auto& spelling : spellings(*option))
                names += (names.empty() ? "" : ", ") + ("\\fB" + roff(spelling) + "\\fR");
            out << names;
            if (takes_value(*option))
                out << " \\fI" << roff(option->get_type_name()) << "\\fR";
            out << "\n";
        }
        out << roff(option->get_description());
        if (!option->get_default_str().empty())
            out << " (default: " << roff(option->get_default_str()) << ")";
        out << "\n";
    }
}

/// A shell word list of a command's options.
std::string words(const std::vector<const CLI::Option*>& options) {
    std::string out;
    for (const CLI::Option* option : options)
        for (const auto& spelling : spellings(*option))
            if (spelling.starts_with("--"))
                out += (out.empty() ? "" : " ") + spelling;
    return out;
}

/// Text inside a zsh single-quoted _arguments spec: ' and ] and : escaped.
std::string zsh_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\'')
            out += "'\\''";
        else if (c == '[' || c == ']' || c == ':')
            out += std::string("\\") + c;
        else
            out += c;
    }
    return out;
}

} // namespace

std::string man_page(const CLI::App& app, const std::string& version) {
    std::ostringstream out;
    out << ".TH SCHEMAC 1 \"\" \"schemac " << version << "\" \"User Commands\"\n"
        << ".SH NAME\nschemac \\- declarative schema migrations for PostgreSQL\n"
        << ".SH SYNOPSIS\n.B schemac\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n"
        << ".SH DESCRIPTION\n"
           "schemac compares a tree of SQL files (the desired state) with a database or with "
           "its migration history, and writes the ordered forward and reverse migration that "
           "takes one to the other, proven on a shadow copy before it is printed.\n"
           ".PP\n"
           "Each command is described below with its own options; the options of\n"
           ".B OPTIONS OF EVERY COMMAND\n"
           "may be given to any of them.\n"
        << ".SH COMMANDS\n";
    for (const CLI::App* command : app.get_subcommands({})) {
        out << ".SS \"schemac " << command->get_name() << "\"\n"
            << roff(command->get_description()) << "\n";
        man_options(out, own_options(app, *command));
    }
    out << ".SH OPTIONS OF EVERY COMMAND\n";
    man_options(out, options_of(app));
    out << ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nPrint the help of schemac or of a command\n"
        << ".SH ENVIRONMENT\n"
           ".TP\n.B DATABASE_URL\n"
           "The database of apply, status, rollback, resolve and dump when --url is not given.\n"
           ".TP\n.B PGHOST, PGPORT, PGDATABASE, PGUSER, PGSERVICE, PGPASSWORD\n"
           "libpq's own defaults, used when neither --url nor DATABASE_URL names the "
           "database (~/.pgpass too).\n"
           ".TP\n.B SCHEMAC_DEV_URL\nThe server for shadow databases (--dev-url).\n"
           ".TP\n.B SCHEMAC_CACHE_DIR\nWhere clusters, replayed histories, the catalogs read "
           "and the verdicts of proofs are kept between runs.\n"
           ".TP\n.B SCHEMAC_PROGRESS\n0: no progress lines for slow stages.\n"
           ".SH FILES\n"
           ".TP\n.B schemac.toml\n"
           "The project's settings, found in the working directory or the nearest one above "
           "it: schema, dir, ignore, schemas, roles, dev_url, and [env.NAME] tables (url, "
           "dev_url, schemas, roles) chosen with --env. Command-line options override it.\n"
           ".TP\n.B .schemacignore\nObjects left alone: never diffed, dropped or created.\n"
           ".TP\n.B generated/schemac.sum\nThe sums of the migration history.\n"
           ".SH EXIT STATUS\n"
           "0 on success; 1 on an error; with \\-\\-exit\\-code, 2 when there are changes and 3 "
           "when a change needs approval.\n"
           ".SH SEE ALSO\n.BR psql (1),\n.BR pg_dump (1)\n";
    return out.str();
}

std::string bash_completion(const CLI::App& app) {
    std::ostringstream out;
    std::string commands;
    for (const CLI::App* command : app.get_subcommands({}))
        commands += (commands.empty() ? "" : " ") + command->get_name();
    std::string global = words(options_of(app));
    out << "# bash completion for schemac (generated by schemac --generate bash)\n"
        << "_schemac() {\n"
        << "    local cur=${COMP_WORDS[COMP_CWORD]} command=\"\" i words\n"
        << "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
        << "        case ${COMP_WORDS[i]} in\n"
        << "        " <<
        [&] {
            std::string alternatives = commands;
            for (auto& c : alternatives)
                if (c == ' ')
                    c = '|';
            return alternatives;
        }()
        << ") command=${COMP_WORDS[i]}; break ;;\n"
        << "        esac\n"
        << "    done\n"
        << "    case $command in\n"
        << "    \"\") words=\"" << commands << " " << global << " --help --version\" ;;\n";
    for (const CLI::App* command : app.get_subcommands({}))
        out << "    " << command->get_name() << ") words=\"" << words(own_options(app, *command))
            << " " << global << " --help\" ;;\n";
    out << "    esac\n"
        << "    if [[ -z $command || $cur == -* ]]; then\n"
        << "        COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
        << "    else\n"
        << "        COMPREPLY=()\n"
        << "    fi\n"
        << "}\n"
        << "complete -o default -F _schemac schemac\n";
    return out.str();
}

std::string zsh_completion(const CLI::App& app) {
    std::ostringstream out;
    auto specs = [](const std::vector<const CLI::Option*>& options) {
        std::string text;
        for (const CLI::Option* option : options) {
            if (!option->nonpositional())
                continue;
            for (const auto& spelling : spellings(*option)) {
                text +=
                    " \\\n        '" + spelling + "[" + zsh_text(option->get_description()) + "]";
                if (takes_value(*option))
                    text += ":" + zsh_text(option->get_type_name()) + ":_files";
                text += "'";
            }
        }
        return text;
    };
    out << "#compdef schemac\n"
        << "# zsh completion for schemac (generated by schemac --generate zsh)\n"
        << "_schemac() {\n"
        << "    local -a commands\n"
        << "    commands=(\n";
    for (const CLI::App* command : app.get_subcommands({}))
        out << "        '" << command->get_name() << ":" << zsh_text(command->get_description())
            << "'\n";
    out << "    )\n"
        << "    local -a global\n"
        << "    global=(" << specs(options_of(app)) << "\n    )\n"
        << "    if (( CURRENT == 2 )); then\n"
        << "        _describe 'command' commands\n"
        << "        return\n"
        << "    fi\n"
        << "    case $words[2] in\n";
    for (const CLI::App* command : app.get_subcommands({}))
        out << "    " << command->get_name() << ")\n        _arguments $global"
            << specs(own_options(app, *command)) << "\n        ;;\n";
    out << "    esac\n"
        << "}\n"
        << "_schemac \"$@\"\n";
    return out.str();
}

} // namespace schemac::cli
