// The proof with no step either way (plan/proof.h): the two catalogs are
// compared as read, and no database is made. The proof with steps runs on a
// real server (the integration tests).

#include "plan/proof.h"

#include <doctest/doctest.h>

using namespace schemac;
using namespace schemac::catalog;

namespace {

/// A server no test may reach: any database it is asked for fails.
class Unreachable final : public shadow::Server {
  public:
    std::string conninfo(const std::string& db) const override {
        return "host=/nonexistent/schemac-unit dbname=" + db;
    }

  protected:
    std::string maintenance_database() const override { return "postgres"; }
};

Catalog with_table(const std::string& name) {
    Catalog c;
    Table t;
    t.key = relation_key(Kind::Table, "public", name);
    c.tables.emplace(t.key, t);
    return c;
}

} // namespace

TEST_CASE("with no step either way, the proof compares the catalogs as read and makes no "
          "database") {
    Unreachable server;
    plan::ProofStart start;
    start.desired_db = "never_used";
    auto same = plan::prove(server, start, with_table("t"), with_table("t"), {}, {}, {}, {});
    CHECK_MESSAGE(same.ok(), same.error().message);

    // A difference the diff did not turn into a step still fails the plan.
    auto missed = plan::prove(server, start, with_table("t"), with_table("u"), {}, {}, {}, {});
    REQUIRE_FALSE(missed.ok());
    CHECK(missed.error().message.starts_with(
        "proof failed: after the forward script the database does not match the desired "
        "state; what it would still take:"));

    // A fingerprint after the forward script needs a database: the server is asked.
    plan::AfterForward after;
    auto asked =
        plan::prove(server, start, with_table("t"), with_table("t"), {}, {}, {}, {}, &after);
    CHECK_FALSE(asked.ok());
}
