using Microsoft.Data.Sqlite;
using Minzheng.Web.Platform.Http;
using Npgsql;

namespace Minzheng.Web.Platform.Data;

/// <summary>
/// The one place that recognises a unique-constraint violation on either provider. A use case that can say more (the
/// same ID number registered twice) catches it and answers its own code; anything else reaching the problem handler
/// becomes 409 <c>duplicate</c>, never a 500: two people submitting the same thing at once is a conflict, not a fault.
/// </summary>
public static class UniqueViolation
{
    public const string Code = "duplicate";

    // SQLITE_CONSTRAINT (19) with SQLITE_CONSTRAINT_UNIQUE (2067) or SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    private const int SqliteConstraint = 19;
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    /// <summary>Whether <paramref name="exception"/> (a DbUpdateException or a raw provider exception) or any inner exception is a unique violation.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException s when s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey:
                case PostgresException p when p.SqlState == PostgresErrorCodes.UniqueViolation:
                    return true;
            }
        }
        return false;
    }

    public static AppProblem Problem() =>
        AppProblem.Conflict(Code, "提交的内容与已有记录重复（可能有人同时提交了相同的内容），未保存；请刷新后核对");
}
