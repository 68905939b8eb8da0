#pragma once

#include <CLI/CLI.hpp>

#include <string>

/// The manual page and shell completions, written from the same CLI11
/// definitions `--help` prints, so they cannot disagree with it. The build
/// runs `schemac --generate man|bash|zsh` (a hidden option) and installs the
/// files.
namespace schemac::cli {

/// schemac(1) in roff (man -l reads it).
std::string man_page(const CLI::App& app, const std::string& version);

/// Bash completion: commands, then each command's options (files otherwise).
std::string bash_completion(const CLI::App& app);

/// Zsh completion (#compdef schemac), with each option's description.
std::string zsh_completion(const CLI::App& app);

} // namespace schemac::cli
