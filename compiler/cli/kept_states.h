#pragma once

#include "catalog/catalog.h"
#include "introspect/introspect.h"
#include "load/load.h"
#include "steps/step.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

/// The catalogs earlier runs read, kept in the user's cache for the next run
/// with the same inputs (DESIGN.md, Performance): the desired state, keyed by
/// the tree, and the replayed history, keyed by its sum. A run whose tree
/// and history are both kept, and whose plan has no step, starts no server.
/// Only the embedded server's reads are kept (a --dev-url server or a live
/// target may change between runs).
namespace schemac::cli {

/// What a read depends on besides its database: the embedded server and
/// schemac build that make and read it (shadow::embedded_identity), the
/// roles made in the cluster first, and the managed schemas.
struct KeptContext {
    std::string identity;
    std::set<std::string> roles;
    std::vector<std::string> schemas;
};

/// The key of the tree materialized: every file's path and text.
std::string desired_key(const KeptContext& context, const load::Tree& tree);
/// The key of the history replayed, by its sum and the context it was
/// replayed on (the tree's stubs).
std::string current_key(const KeptContext& context, const std::string& sum,
                        const std::string& context_sql);

/// A read of the desired state, and what materializing gave it beyond the
/// read: the tree's own text of definitions (Constraint::written,
/// Index::written), by object.
struct KeptDesired {
    introspect::Recording read;
    std::map<catalog::ObjectKey, std::string> written;

    /// The written texts of `desired`, read from it.
    static KeptDesired of(introspect::Recording read, const catalog::Catalog& desired);
    /// Gives `desired` (read again from `read`) its written texts.
    void give_written(catalog::Catalog& desired) const;
};

/// The key of a proof's verdict: the current and desired states (by their
/// keys above), what was read of them (`options`), and the scripts between
/// them, the data phases' statements included. A plan made again from the
/// same inputs is the same plan, and was proven.
std::string proof_key(const std::string& current, const std::string& desired,
                      const introspect::Options& options,
                      const std::vector<const std::vector<steps::Step>*>& scripts);
bool proven_before(const std::string& key);
void keep_proven(const std::string& key);

std::optional<KeptDesired> find_desired(const std::string& key);
void keep_desired(const std::string& key, const KeptDesired& kept);
std::optional<introspect::Recording> find_current(const std::string& key);
void keep_current(const std::string& key, const introspect::Recording& read);

} // namespace schemac::cli
