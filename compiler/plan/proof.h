#pragma once

#include "catalog/catalog.h"
#include "introspect/introspect.h"
#include "runtime/result.h"
#include "shadow/server.h"
#include "steps/step.h"

#include <functional>
#include <string>
#include <vector>

namespace schemac::plan {

/// Where the proof starts: a shadow database already in the current state (it
/// is copied with CREATE DATABASE ... TEMPLATE), or none, in which case the
/// current catalog is rebuilt from nothing in a fresh database first.
struct ProofStart {
    std::string template_db;
    /// Run in the fresh database before the current state is rebuilt in it:
    /// the context the tree stubs (`-- schemac:external`), which the
    /// catalogs leave out. A template database has it already.
    std::function<Status(const std::string& db)> prepare;
};

/// The current state after `steps`, as PostgreSQL reads it back: they run on
/// a shadow copy of the current state, which is dropped afterwards. Renames
/// go through here, so every definition that names a renamed object (an
/// index's table, a foreign key's columns) is PostgreSQL's own text.
Result<catalog::Catalog> state_after(shadow::Server& server, const ProofStart& start,
                                     const catalog::Catalog& current,
                                     const std::vector<steps::Step>& steps,
                                     const introspect::Options& options);

/// Runs `forward` on a shadow copy of the current state and re-introspects: it
/// must equal `desired`; then `reverse` must bring it back to `current`.
/// When `fingerprint_after` is given, it receives the runtime fingerprint
/// (SHA-256) of the database as the forward script left it.
Status prove(shadow::Server& server, const ProofStart& start, const catalog::Catalog& current,
             const catalog::Catalog& desired, const std::vector<steps::Step>& forward,
             const std::vector<steps::Step>& reverse, const introspect::Options& options,
             std::string* fingerprint_after = nullptr);

} // namespace schemac::plan
