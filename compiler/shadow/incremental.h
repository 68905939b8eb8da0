#pragma once

#include "load/load.h"
#include "runtime/result.h"
#include "shadow/server.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// The incremental shadow (DESIGN.md, Performance): a database that holds
/// one tree materialized is brought to another by dropping what changed, and
/// what depends on it, and running those statements again, instead of
/// materializing the whole tree anew.
///
/// The unit is an object: the statement that creates it and every statement
/// that alters it (COMMENT ON, GRANT, ALTER TABLE ... ADD CONSTRAINT), in
/// the tree's order. A unit whose statements changed is dirty, and so is
/// every unit with a statement that references a dirty one (a view over a
/// changed table, a table whose foreign key reaches it, the owned sequence
/// of a rebuilt table). Dirty units are dropped (RESTRICT, so a dependency
/// the loader did not see fails rather than cascades) and their statements
/// run again, all in one transaction. Where that cannot be done exactly the
/// update declines and the tree is materialized anew: stubs or free
/// statements that changed, a dirty extension, default privileges, GRANT ...
/// ON ALL, or a unit schemac does not know how to drop.
namespace schemac::shadow {

/// What a tree materialized in a database was built of, statement by
/// statement: what the next update compares.
struct Built {
    struct Statement {
        std::string id;   ///< what the statement runs (text, settings, search path)
        std::string unit; ///< the object it creates or alters ("" for none)
        /// It creates its unit: the DROP that removes it, or "" when the
        /// unit cannot be dropped here.
        bool creates = false;
        std::string drop;
        std::vector<std::string> provides;   ///< other keys it gives (a table's row type)
        std::vector<std::string> references; ///< keys of what it uses
        /// It runs and belongs to no unit, or changes what later
        /// statements create (default privileges, GRANT ... ON ALL): with
        /// one, a tree is updated only when nothing changed.
        bool blocks = false;
        /// It is about its unit, and changes the others it references too
        /// (GRANT ... ON a, b): they are made again together.
        bool tied = false;
    };
    std::vector<Statement> statements; ///< in the tree's order
    std::string stubs;                 ///< the statements marked -- schemac:external, by id

    static Built of(const load::Tree& tree);
    std::string serialize() const;
    static std::optional<Built> parse(std::string_view text);
};

/// What an update does: the drops, then the tree's statements that run
/// again, in its order.
struct Update {
    std::vector<std::string> drops;
    std::vector<const load::Statement*> statements;
    std::size_t dirty = 0; ///< units dropped or created
};

/// The update from `before` to `tree`, or why there is none (a reason to
/// materialize the tree anew, for -v).
std::variant<Update, std::string> plan_update(const Built& before, const load::Tree& tree);

/// Brings database `db` of `server`, which holds `before` materialized, to
/// `tree` in one transaction. Returns the update made, or why none was
/// (`db` is then as it was: materialize the tree anew).
std::variant<Update, std::string> update(Server& server, const std::string& db, const Built& before,
                                         const load::Tree& tree);

} // namespace schemac::shadow
