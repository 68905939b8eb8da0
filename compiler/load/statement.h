#pragma once

#include "catalog/object_key.h"
#include "load/source.h"

#include <optional>
#include <string>
#include <vector>

namespace schemac::load {

/// `-- schemac:renamed-from <old name>` above an object of the tree: the object
/// had `old_name` in the current state, so it is renamed rather than dropped
/// and created.
struct RenameIntent {
    catalog::ObjectKey object; ///< as the tree names it; for an enum value, its type
    std::string value;         ///< an enum value's name in the tree; empty otherwise
    std::string old_name;      ///< the name (or enum value) it had
    const SourceFile* file = nullptr;
    std::size_t offset = 0; ///< of the annotation

    /// `file:line:col: message` at the annotation.
    std::string diagnostic(std::string_view message) const {
        return file->diagnostic(offset, message);
    }
};

/// `-- schemac:using <expression>` above a column of the tree: when its type
/// changes, the expression converts its values (ALTER COLUMN ... TYPE ...
/// USING expression), in place of the cast schemac would write;
/// `-- schemac:using-reverse <expression>` converts them back in the
/// reverse script.
struct UsingIntent {
    catalog::ObjectKey column;
    std::string expression;
    bool reverse = false; ///< -- schemac:using-reverse
    const SourceFile* file = nullptr;
    std::size_t offset = 0; ///< of the annotation
};

/// One top-level statement of the tree, as libpg_query parsed it.
struct Statement {
    const SourceFile* file = nullptr;
    std::size_t offset = 0; ///< byte offset of its first token in the file
    std::string sql;        ///< its text, from the first token to the end (no ';')
    std::string node;       ///< parse-tree node: "CreateStmt", "IndexStmt", ...
    /// The object it creates, when it creates one (normalised for ordering:
    /// every relation is Kind::Table, every type Kind::Enum, see reference_key).
    std::optional<catalog::ObjectKey> creates;
    /// What it defines, for the duplicate check (a real kind, with arguments).
    std::optional<catalog::ObjectKey> defines;
    /// Extra keys it provides to others (a table's row type, "keys" of a table).
    std::vector<catalog::ObjectKey> provides;
    /// Keys of the objects it uses; those defined in the tree come first.
    std::vector<catalog::ObjectKey> references;
    /// `GRANT ... ON ALL <kind> IN SCHEMA s`: one key per kind it reaches
    /// (real kind, schema, no name). It runs after every statement that
    /// defines an object of that kind in that schema, so what it reaches does
    /// not depend on file names.
    std::vector<catalog::ObjectKey> after_all;
    /// Roles it names (GRANT ... TO r, policies TO r).
    std::vector<std::string> roles;
    /// The object an ALTER (or a DO block's ALTER) changes: the tree must
    /// create it, and the ALTERs of one object run in the order written.
    std::optional<catalog::ObjectKey> alters;
    /// An ALTER that changes the columns of what it alters (ADD COLUMN,
    /// ALTER COLUMN TYPE): what uses that relation runs after it.
    bool shapes = false;
    /// CREATE ... IF NOT EXISTS: a no-op when another statement creates the
    /// same object, so it is dropped rather than called a duplicate.
    bool if_not_exists = false;
    /// CREATE OR REPLACE: when another statement creates the same view or
    /// routine first (pg_dump's way out of a cycle: a stub view, replaced
    /// later), it replaces that one, after it, as an ALTER would.
    bool or_replace = false;
    /// The schemas an unqualified name resolves in, in order (the file's
    /// search_path where the statement stands, `$user` and pg_catalog left
    /// out). Keys built from unqualified names have an empty schema until
    /// the statements are ordered.
    std::vector<std::string> search_path{"public"};
    /// The session settings in effect where the statement stands (from the
    /// file's SET statements), which the shadow applies before running it.
    std::vector<std::pair<std::string, std::string>> settings;
    /// `DROP ... IF EXISTS`: what it would drop. Accepted only directly
    /// before the statement that creates it (the idempotent-script idiom),
    /// and then not run.
    std::vector<catalog::ObjectKey> drops;
    /// False for what is read but not run in the shadow: `OWNER TO` of a
    /// kind a superuser owns (a publication, an event trigger), a DO block
    /// that only creates roles (the shadow creates the roles the tree names).
    bool runs = true;
    /// CREATE MATERIALIZED VIEW that runs its query when created (without
    /// WITH NO DATA): the shadow creates it empty, running nothing.
    bool populates = false;
    /// CREATE INDEX CONCURRENTLY, which cannot run in the transaction the
    /// shadow builds the tree in: there it is built plainly (the index is the
    /// same; how a migration builds it is the plan's choice).
    bool concurrent = false;
    /// Marked `-- schemac:external` (above it, or as its file's first line):
    /// it stubs context, an object that exists in the target but is not the
    /// tree's (Supabase's `auth.users`). It runs in every shadow database
    /// before what the tree builds there, and what it creates is never
    /// diffed, created or dropped (Tree::context).
    bool external = false;
    /// Renames annotated on it or on its columns, constraints or values.
    std::vector<RenameIntent> renames;
    /// USING expressions annotated on its columns.
    std::vector<UsingIntent> usings;

    SourceLocation location() const { return file->locate(offset); }
    /// `file:line:col: message` with the line and a caret.
    std::string diagnostic(std::string_view message) const {
        return file->diagnostic(offset, message);
    }
};

} // namespace schemac::load
