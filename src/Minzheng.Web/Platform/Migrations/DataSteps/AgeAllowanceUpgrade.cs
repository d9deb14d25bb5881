using Microsoft.EntityFrameworkCore.Migrations;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Platform.Migrations.DataSteps;

/// <summary>
/// The data step of the K13Processes migration (ADR 035): every 高龄津贴 row found before the allowance moved onto the workflow
/// kernel gets its workflow case (the case's id is the row's id; version 1 of <c>AgeAllowanceProcess</c>, which the
/// kernel stores at the first start after the upgrade) in the state its status column held, and a timeline:
/// <list type="bullet">
/// <item>the start at the row's creation (who ran the month's list was not recorded);</item>
/// <item>the township's confirmation or refusal on decided_on, by decided_by, a refusal with its reason;</item>
/// <item>a candidate the death handler closed (its reason ends "死亡（人员登记记载），不予确认") and an allowance stopped on a
/// death: that step at the row's last change, the actor "（原记录未载）".</item>
/// </list>
/// Hand-written and kept out of the generated migration so that a regenerated migration only has to call it again. The table,
/// process and state codes below are frozen values, as a migration's must be.
/// </summary>
public static class AgeAllowanceUpgrade
{
    public static void MoveToWorkflow(MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        foreach (var sql in Statements(postgres)) migrationBuilder.Sql(sql);
    }

    internal static IEnumerable<string> Statements(bool postgres)
    {
        var d = postgres ? ProcessUpgrade.Dialect.Postgres : ProcessUpgrade.Dialect.Sqlite;
        // "2026年11月" from a month column
        string MonthText(string column) => postgres
            ? $"(CAST(EXTRACT(YEAR FROM {column}) AS integer) || '年' || CAST(EXTRACT(MONTH FROM {column}) AS integer) || '月')"
            : $"(CAST(strftime('%Y', {column}) AS INTEGER) || '年' || CAST(strftime('%m', {column}) AS INTEGER) || '月')";
        const string Unrecorded = ProcessUpgrade.Unrecorded;
        const string DiedCandidate = "'%死亡（人员登记记载），不予确认'";
        // the township's decision: its day in China time, after the row's creation
        var decided = d.PlusSeconds(d.Later("created_at", d.DayStart("coalesce(decided_on, found_month)")), "1");

        yield return $"""
            INSERT INTO workflow_case (id, process_code, process_version, subject_type, subject_id, title, division_code, state, state_entered_at,
                step_due_date, clock_started_on, case_due_date, extension_reason, closed_at, version, created_at, updated_at)
            SELECT id, 'elderly-age-allowance', 1, 'elderly-age-allowance', id, '高龄津贴 ' || number || ' ' || person_name, division_code,
                CASE status WHEN 1 THEN 'candidate' WHEN 2 THEN 'granted' WHEN 3 THEN 'refused' ELSE 'stopped' END,
                updated_at, NULL, NULL, NULL, NULL, CASE WHEN status IN (3, 4) THEN updated_at END, 0, created_at, updated_at
            FROM elderly_age_allowance;
            """;
        yield return $"""
            INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
            SELECT {d.NewId}, id, created_at, NULL, '{Unrecorded}', 'start', '创建', NULL, 'candidate', {MonthText("found_month")} || '名单筛选'
            FROM elderly_age_allowance;
            """;
        yield return $"""
            INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
            SELECT {d.NewId}, id, {decided}, NULL, coalesce(decided_by, '{Unrecorded}'), 'confirm', '乡镇确认', 'candidate', 'granted', NULL
            FROM elderly_age_allowance WHERE status IN (2, 4);
            """;
        yield return $"""
            INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
            SELECT {d.NewId}, id, {decided}, NULL, coalesce(decided_by, '{Unrecorded}'), 'refuse', '乡镇不予享受', 'candidate', 'refused', refusal_reason
            FROM elderly_age_allowance WHERE status = 3 AND (refusal_reason IS NULL OR refusal_reason NOT LIKE {DiedCandidate});
            """;
        yield return $"""
            INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
            SELECT {d.NewId}, id, {d.PlusSeconds(d.Later("updated_at", "created_at"), "1")}, NULL, '{Unrecorded}', 'close-on-death', '老人死亡，不予确认', 'candidate', 'refused', refusal_reason
            FROM elderly_age_allowance WHERE status = 3 AND refusal_reason LIKE {DiedCandidate};
            """;
        yield return $"""
            INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
            SELECT {d.NewId}, id, {d.PlusSeconds(d.Later("updated_at", decided), "1")}, NULL, '{Unrecorded}', 'stop-on-death', '老人死亡，停发', 'granted', 'stopped',
                CASE WHEN last_month IS NULL THEN '死亡停发' ELSE '发放至 ' || {MonthText("last_month")} END
            FROM elderly_age_allowance WHERE status = 4;
            """;
    }
}
