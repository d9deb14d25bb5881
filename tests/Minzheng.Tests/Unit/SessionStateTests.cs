using System.Text.RegularExpressions;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Unit;

/// <summary>
/// ADR 080: PostgreSQL connections go back to the pool without a reset (<c>No Reset On Close</c>), so the application must keep
/// no session state on them: a setting is <c>SET LOCAL</c> (it ends with its transaction), never a session <c>SET</c>, <c>RESET</c>
/// or <c>set_config(…, false)</c>. A session setting would follow the connection into the next request — another user's.
/// </summary>
public sealed partial class SessionStateTests
{
    [Fact]
    public void No_statement_in_the_application_changes_a_setting_for_the_whole_session()
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(ErrorCatalogueTests.SourceRoot(), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            found.AddRange(SessionSetting(text).Select(m => $"{Path.GetFileName(file)}: {m.Value.Trim()}"));
        }
        Assert.Empty(found);
    }

    [Theory]
    [InlineData("ExecuteSqlRawAsync(\"SET enable_nestloop = off\")", true)]
    [InlineData("ExecuteSqlRawAsync(\"SET SESSION statement_timeout = 0\")", true)]
    [InlineData("\"BEGIN; SET work_mem TO '1GB'\"", true)]
    [InlineData("\"RESET ALL\"", true)]
    [InlineData("SELECT set_config('app.user', @u, false)", true)]
    [InlineData("ExecuteSqlRawAsync(\"SET LOCAL enable_nestloop = off\")", false)]
    [InlineData("SELECT set_config('app.user', @u, true)", false)]
    [InlineData("\"\"\"\n    UPDATE payments_line\n    SET status = 2\n\"\"\"", false)]
    public void The_check_tells_a_session_setting_from_a_transaction_one(string source, bool session) =>
        Assert.Equal(session, SessionSetting(source).Count > 0);

    [Fact]
    public void The_production_connection_string_prepares_statements_and_keeps_what_the_operator_set()
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(DbContextSetup.WithPreparedStatements("Host=db;Database=minzheng"));
        Assert.Equal(64, b.MaxAutoPrepare);
        Assert.Equal(2, b.AutoPrepareMinUsages);
        Assert.True(b.NoResetOnClose);
        var kept = new Npgsql.NpgsqlConnectionStringBuilder(DbContextSetup.WithPreparedStatements("Host=db;Max Auto Prepare=0;No Reset On Close=false"));
        Assert.Equal(0, kept.MaxAutoPrepare);
        Assert.False(kept.NoResetOnClose);
    }

    private static MatchCollection SessionSetting(string source) => SessionSettingPattern().Matches(source);

    // SET / RESET at the start of a statement (after a quote or a semicolon), not SET LOCAL; set_config with is_local false
    [GeneratedRegex("""(?<=["';]\s*)(SET\s+(?!LOCAL\b)(SESSION\s+)?[a-z_.]+\s*(=|TO\b)|RESET\s+[A-Za-z_]+)|set_config\([^)]*,\s*false\s*\)""")]
    private static partial Regex SessionSettingPattern();
}
