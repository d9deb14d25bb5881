using Microsoft.EntityFrameworkCore.Migrations;

namespace Minzheng.Web.Platform.Figures;

/// <summary>
/// The data step of the K11Figures migration (ADR 013): every row of <c>assistance_standard</c> and <c>child_standard</c> moves
/// into <c>platform_figure</c> with its id, value, area, category, dates, document, note, demo flag and stamps, before the two
/// tables are dropped. Hand-written and kept out of the generated migration so that a regenerated migration only has to call
/// it again between adding the columns and dropping the tables. The same SQL runs on SQLite and PostgreSQL.
/// </summary>
public static class FigureBookUpgrade
{
    // Frozen values, as a migration must be: the program codes were already the values of assistance_standard.program, and
    // child welfare's figure kinds are filed under the module code it declared when this migration was written.
    private const string ChildWelfareModule = "child-welfare";

    public const string MoveAssistanceStandards = """
        INSERT INTO platform_figure (id, module, kind, division_code, area, category, amount_fen, factor, "percent", number, choice,
            valid_from, valid_to, document, note, is_demo, created_by, created_at, updated_at)
        SELECT id, program, kind, division_code, area, category, amount_fen, factor, "percent", number, choice,
            valid_from, valid_to, document, note, is_demo, created_by, created_at, updated_at
        FROM assistance_standard;
        """;

    public const string MoveChildStandards = $"""
        INSERT INTO platform_figure (id, module, kind, division_code, area, category, amount_fen, factor, "percent", number, choice,
            valid_from, valid_to, document, note, is_demo, created_by, created_at, updated_at)
        SELECT id, '{ChildWelfareModule}', kind, division_code, 0, category, amount_fen, NULL, NULL, number, choice,
            valid_from, valid_to, document, NULL, is_demo, created_by, created_at, updated_at
        FROM child_standard;
        """;

    /// <summary>Call after the new platform_figure columns exist and before assistance_standard and child_standard are dropped.</summary>
    public static void MoveStandards(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(MoveAssistanceStandards);
        migrationBuilder.Sql(MoveChildStandards);
    }
}
