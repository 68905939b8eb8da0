#include "cli/kept_states.h"

#include "runtime/sha256.h"
#include "shadow/kept.h"

#include <iterator>

namespace schemac::cli {
namespace {

constexpr const char* k_folder = "catalogs";
/// At 5,000 tables a read is about 10 MB: the tree's last few versions and
/// the history's.
constexpr std::size_t k_kept = 8;

std::string context_text(const KeptContext& context) {
    std::string out = context.identity + "\nroles";
    for (const auto& role : context.roles)
        out += " " + std::to_string(role.size()) + ":" + role;
    out += "\nschemas";
    for (const auto& schema : context.schemas)
        out += " " + std::to_string(schema.size()) + ":" + schema;
    return out + "\n";
}

/// The written texts as rows (kind, position, text), kept as one more
/// recorded result.
runtime::Rows written_rows(const KeptDesired& kept) {
    runtime::Rows::Values values;
    for (const auto& [kind, list] :
         {std::pair{"c", &kept.checks}, std::pair{"i", &kept.predicates}})
        for (const auto& [at, text] : *list)
            values.push_back({kind, std::to_string(at), text});
    return runtime::Rows({"kind", "at", "written"}, std::move(values));
}

template <class Map>
void take_written(const Map& objects, std::vector<std::pair<std::size_t, std::string>>& out) {
    std::size_t at = 0;
    for (const auto& [key, object] : objects) {
        if (!object.written.empty())
            out.emplace_back(at, object.written);
        ++at;
    }
}

template <class Map>
void give(Map& objects, const std::vector<std::pair<std::size_t, std::string>>& written) {
    auto it = objects.begin();
    std::size_t at = 0;
    for (const auto& [position, text] : written) {
        if (position < at || position >= objects.size())
            return; // not this catalog's: the positions only grow
        std::advance(it, position - at);
        at = position;
        it->second.written = text;
    }
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

KeptDesired KeptDesired::of(introspect::Recording read, const catalog::Catalog& desired) {
    KeptDesired kept{std::move(read), {}, {}};
    take_written(desired.constraints, kept.checks);
    take_written(desired.indexes, kept.predicates);
    return kept;
}

void KeptDesired::give_written(catalog::Catalog& desired) const {
    give(desired.constraints, checks);
    give(desired.indexes, predicates);
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
    if (written.names() != std::vector<std::string>{"kind", "at", "written"})
        return std::nullopt;
    KeptDesired kept{std::move(*read), {}, {}};
    for (auto row : written) {
        auto& list = row.text("kind") == "c" ? kept.checks : kept.predicates;
        list.emplace_back(std::stoul(row.text("at")), row.text("written"));
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
