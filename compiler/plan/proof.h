#pragma once

#include "catalog/catalog.h"
#include "introspect/introspect.h"
#include "runtime/result.h"
#include "shadow/server.h"
#include "steps/step.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace schemac::plan {

/// Where the proof starts: a shadow database already in the current state (it
/// is copied with CREATE DATABASE ... TEMPLATE); else the database the tree
/// was materialized in, taken back to the current state by the reverse
/// script; else (or when the reverse script does not reach the current state
/// there) the current catalog rebuilt from nothing in a fresh database.
struct ProofStart {
    std::string template_db;
    /// A database in the desired state that the proof may use up: the
    /// proof then costs the change, not the whole current state.
    std::string desired_db;
    /// Run in the fresh database before the current state is rebuilt in it:
    /// the context the tree stubs (`-- schemac:external`), which the
    /// catalogs leave out. A template database has it already.
    std::function<Status(const std::string& db)> prepare;
    /// Run once the current state is rebuilt there: context that refers to
    /// it (a foreign key from a context table to a managed one).
    std::function<Status(const std::string& db)> finish;
    /// Makes a template in the current state when there is none and the
    /// proof needs one (the replayed history, when the desired state's
    /// database did not lead back to the current state).
    std::function<Result<std::string>()> make_template;
};

/// The current state after `steps`, as PostgreSQL reads it back: they run on
/// a shadow copy of the current state, which is dropped afterwards. Renames
/// and extensions' moves go through here, so every definition that names a
/// renamed or moved object (an index's table, a foreign key's columns, a
/// column of an extension's type) is PostgreSQL's own text.
Result<catalog::Catalog> state_after(shadow::Server& server, const ProofStart& start,
                                     const catalog::Catalog& current,
                                     const std::vector<steps::Step>& steps,
                                     const introspect::Options& options);

/// What the proof knows of rows before it seeds (plan/rows.h).
struct ProofRows {
    /// Tables known to hold no row (`--url`: without a page), by qualified
    /// name: not seeded, as nothing can fail on their rows.
    std::set<std::string> empty;
    /// The tables the data phase of each direction writes, by qualified
    /// name: their row counts may change.
    std::set<std::string> written_up, written_down;
};

/// A step that fails only because rows exist: it fails with the seeded rows,
/// and the proof passes without them.
struct FailedOnRows {
    bool reverse = false;
    std::size_t step = 0; ///< its index in the script
    std::string message;  ///< the server's
};

/// The database as the forward script left it, read for `diff --write`:
/// its runtime fingerprint (the sum records it), and its catalog as the
/// introspector read it, which is the catalog of the history with the
/// written migration replayed (the proof starts from a copy of the replayed
/// history, and the migration is the forward script).
struct AfterForward {
    std::string fingerprint;
    introspect::Recording read;
};

/// What the proof did with rows.
struct Proven {
    std::map<catalog::ObjectKey, long long> seeded;     ///< rows per table
    std::map<catalog::ObjectKey, std::string> unseeded; ///< why no row could be made
    std::optional<FailedOnRows> failed_on_rows;
    /// The proof started from the desired state (ProofStart::desired_db).
    bool from_desired = false;
};

/// Seeds the tables the plan touches (plan/rows.h), runs `forward` on a
/// shadow copy of the current state (from `start`: from the desired state,
/// the reverse script runs first and must reach `current`) and
/// re-introspects: it must equal `desired`, and every seeded table it keeps must keep its row count
/// (unless the data phase writes it); then `reverse` must bring it back to
/// `current`, the counts too. A step that fails with rows is run again
/// without them: when the proof then passes, the step is reported
/// (Proven::failed_on_rows), not an error. With no step either way, the
/// proof is `current` and `desired` compared as read: no database is made.
/// When `after` is given, it receives the database as the forward script
/// left it (see AfterForward).
Result<Proven> prove(shadow::Server& server, const ProofStart& start,
                     const catalog::Catalog& current, const catalog::Catalog& desired,
                     const std::vector<steps::Step>& forward,
                     const std::vector<steps::Step>& reverse, const introspect::Options& options,
                     const ProofRows& rows, AfterForward* after = nullptr);

/// Whether prove makes a database: not for a plan with no step either way
/// whose fingerprint is not asked for.
bool proof_needs_database(const std::vector<steps::Step>& forward,
                          const std::vector<steps::Step>& reverse, bool fingerprint_after);

/// The proof of a plan with no step either way: what the scripts would
/// leave is what was read, so `current` and `desired` must be equal as they
/// are (where the diff saw no change, a difference it missed still fails).
Status prove_unchanged(const catalog::Catalog& current, const catalog::Catalog& desired);

} // namespace schemac::plan
