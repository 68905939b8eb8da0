#include "cli/kept_states.h"

#include "runtime/sha256.h"
#include "shadow/kept.h"

namespace schemac::cli {
namespace {

constexpr const char* k_folder = "catalogs";
/// A verdict is a few bytes: the last plans' worth.
constexpr const char* k_proofs = "proofs";
constexpr std::size_t k_kept_proofs = 64;
/// At 5,000 tables a read is about 12 MB: the tree's last few versions and
/// the history's.
constexpr std::size_t k_kept = 8;

/// Each text with its length before it: no two lists read the same.
void add(std::string& out, std::string_view text) {
    out += std::to_string(text.size()) + ":";
    out += text;
    out += " ";
}

std::string context_text(const KeptContext& context) {
    std::string out = context.identity + "\nroles ";
    for (const auto& role : context.roles)
        add(out, role);
    out += "\nschemas ";
    for (const auto& schema : context.schemas)
        add(out, schema);
    return out + "\n";
}

/// The written texts as rows (kind, schema, parent, name, text), kept as
/// one more recorded result.
runtime::Rows written_rows(const KeptDesired& kept) {
    runtime::Rows::Values values;
    for (const auto& [key, text] : kept.written)
        values.push_back(
            {key.kind == catalog::Kind::Index ? "i" : "c", key.schema, key.parent, key.name, text});
    return runtime::Rows({"kind", "schema", "parent", "name", "written"}, std::move(values));
}

template <class Map>
void take_written(const Map& objects, std::map<catalog::ObjectKey, std::string>& out) {
    for (const auto& [key, object] : objects)
        if (!object.written.empty())
            out.emplace(key, object.written);
}

} // namespace

std::string desired_key(const KeptContext& context, const load::Tree& tree) {
    std::string text = "desired 1\n" + context_text(context);
    for (const auto& file : tree.files)
        text += std::to_string(file->path().size()) + ":" + file->path() + " " +
                std::to_string(file->text().size()) + ":" + file->text();
    return runtime::sha256_hex(text);
}

std::string current_key(const KeptContext& context, const std::string& sum,
                        const std::string& context_sql) {
    return runtime::sha256_hex("current 1\n" + context_text(context) + sum + "\n" + context_sql);
}

std::string proof_key(const std::string& current, const std::string& desired,
                      const introspect::Options& options,
                      const std::vector<const std::vector<steps::Step>*>& scripts) {
    std::string text = "proof 1\n" + current + "\n" + desired + "\nschemas ";
    for (const auto& schema : options.schemas)
        add(text, schema);
    text += options.sizes ? "\nsizes\nroles " : "\nroles ";
    if (options.roles)
        for (const auto& role : *options.roles)
            add(text, role);
    else
        text += "all";
    text += "\nignore ";
    for (const auto& rules : {&options.ignore, &options.scope.stubs}) {
        for (const auto& rule : *rules) {
            add(text, rule.kind);
            add(text, rule.name);
        }
        text += "\n";
    }
    text += "scope ";
    if (options.scope.schemas)
        for (const auto& schema : *options.scope.schemas)
            add(text, schema);
    else
        text += "all";
    text += "\nkeep ";
    for (const auto& key : options.scope.keep)
        add(text, catalog::describe(key));
    for (const auto* script : scripts) {
        text += "\nscript ";
        for (const auto& step : *script) {
            text += "\nstep ";
            add(text, step.transactional ? "t" : "n");
            for (const auto& statement : step.statements)
                add(text, statement);
        }
    }
    return runtime::sha256_hex(text);
}

bool proven_before(const std::string& key) {
    auto bytes = shadow::kept_file(k_proofs, key);
    return bytes && *bytes == "proven\n";
}

void keep_proven(const std::string& key) {
    shadow::keep_file(k_proofs, key, "proven\n", k_kept_proofs);
}

KeptDesired KeptDesired::of(introspect::Recording read, const catalog::Catalog& desired) {
    KeptDesired kept{std::move(read), {}};
    take_written(desired.constraints, kept.written);
    take_written(desired.indexes, kept.written);
    return kept;
}

void KeptDesired::give_written(catalog::Catalog& desired) const {
    for (const auto& [key, text] : written) {
        if (key.kind == catalog::Kind::Index) {
            if (auto index = desired.indexes.find(key); index != desired.indexes.end())
                index->second.written = text;
        } else if (auto constraint = desired.constraints.find(key);
                   constraint != desired.constraints.end()) {
            constraint->second.written = text;
        }
    }
}

std::optional<KeptDesired> find_desired(const std::string& key) {
    auto bytes = shadow::kept_file(k_folder, key);
    if (!bytes)
        return std::nullopt;
    auto read = introspect::Recording::parse(*bytes);
    if (!read || read->results.empty())
        return std::nullopt;
    // The written texts are the last result.
    runtime::Rows written = std::move(read->results.back().second);
    read->results.pop_back();
    if (written.names() != std::vector<std::string>{"kind", "schema", "parent", "name", "written"})
        return std::nullopt;
    KeptDesired kept{std::move(*read), {}};
    for (auto row : written) {
        catalog::ObjectKey object;
        if (row.text("kind") == "c")
            object.kind = catalog::Kind::Constraint;
        else if (row.text("kind") == "i")
            object.kind = catalog::Kind::Index;
        else
            return std::nullopt;
        object.schema = row.text("schema");
        object.parent = row.text("parent");
        object.name = row.text("name");
        kept.written.emplace(std::move(object), row.text("written"));
    }
    return kept;
}

void keep_desired(const std::string& key, const KeptDesired& kept) {
    introspect::Recording with_written = kept.read;
    with_written.results.emplace_back(0, written_rows(kept));
    shadow::keep_file(k_folder, key, with_written.serialize(), k_kept);
}

std::optional<introspect::Recording> find_current(const std::string& key) {
    auto bytes = shadow::kept_file(k_folder, key);
    if (!bytes)
        return std::nullopt;
    return introspect::Recording::parse(*bytes);
}

void keep_current(const std::string& key, const introspect::Recording& read) {
    shadow::keep_file(k_folder, key, read.serialize(), k_kept);
}

} // namespace schemac::cli
