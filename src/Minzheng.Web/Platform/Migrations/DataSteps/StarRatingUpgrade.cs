using Microsoft.EntityFrameworkCore.Migrations;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Platform.Migrations.DataSteps;

/// <summary>
/// The star-rating data step of the K13Processes migration (ADR 035): every rating recorded before 星级评定 moved onto the
/// workflow kernel gets its case (id = the rating's id; version 1 of <c>StarRatingProcess</c>): an open application
/// waits for the experts' scores; a rated one (then published at once) is closed as 已公布, its timeline the application
/// (created_at, applied_by), the experts' scores and the decision on rated_on by （原记录未载）. Hand-written and kept out of the
/// generated migration; the codes below are frozen values, as a migration's must be.
/// </summary>
public static class StarRatingUpgrade
{
    public static void MoveToWorkflow(MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        foreach (var sql in Statements(postgres)) migrationBuilder.Sql(sql);
    }

    internal static IEnumerable<string> Statements(bool postgres)
    {
        var d = postgres ? ProcessUpgrade.Dialect.Postgres : ProcessUpgrade.Dialect.Sqlite;
        const string Unrecorded = ProcessUpgrade.Unrecorded;
        var rated = d.Later("created_at", d.DayStart("coalesce(rated_on, applied_on)"));
        yield return """
            INSERT INTO workflow_case (id, process_code, process_version, subject_type, subject_id, title, division_code, state, state_entered_at,
                step_due_date, clock_started_on, case_due_date, extension_reason, closed_at, version, created_at, updated_at)
            SELECT id, 'elderly-star-rating', 1, 'elderly-star-rating', id, '星级评定 ' || number || ' ' || home_name, division_code,
                CASE state WHEN 1 THEN 'applied' ELSE 'published' END,
                updated_at, NULL, NULL, NULL, NULL, CASE WHEN state <> 1 THEN updated_at END, 0, created_at, updated_at
            FROM elderly_star_rating;
            """;
        yield return $"""
            INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
            SELECT {d.NewId}, id, created_at, NULL, applied_by, 'start', '创建', NULL, 'applied', NULL FROM elderly_star_rating;
            """;
        yield return $"""
            INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
            SELECT {d.NewId}, id, {d.PlusSeconds(rated, "1")}, NULL, '{Unrecorded}', 'score', '专家评分', 'applied', 'scored', experts
            FROM elderly_star_rating WHERE state <> 1;
            """;
        yield return $"""
            INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
            SELECT {d.NewId}, id, {d.PlusSeconds(rated, "2")}, NULL, '{Unrecorded}', 'publish', '评定决定，公布', 'scored', 'published', NULL
            FROM elderly_star_rating WHERE state <> 1;
            """;
    }
}
