using Microsoft.EntityFrameworkCore.Migrations;

namespace Minzheng.Web.Platform.Workflow;

/// <summary>
/// The data step of the K11Process migration (ADR 019): every disability subsidy application and every child allowance case
/// gets its workflow case (the case's id is the application's id; version 1 of its process, which the kernel stores at the
/// first start after the upgrade) and a timeline with the original dates, users and opinions, in their order:
/// <list type="bullet">
/// <item>disability: the start (created_at, applied_by), then one event per line of the old JSON <c>opinions</c> column
/// ("村级核实（2026-11-30 张三）：同意，属实" → action village-check, 2026-11-30 in China time, 张三, opinion "属实");</item>
/// <item>child allowances: the start, the township's review (reviewed_on, reviewed_by, review_opinion), the county's decision
/// (confirmed_on, confirmed_by; a refusal carries refusal_reason);</item>
/// <item>both: where the old record had no line for the step that brought the case to its current state (the county's own
/// 停发, an application closed by a death, an allowance ended by age), one closing event at the row's last change with the
/// reason the row kept (end_note, refusal_reason) and the actor "（原记录未载）".</item>
/// </list>
/// Old lines carry a date only: an event is placed at the later of the row's creation and that day's start in China time,
/// one second apart in the old order, so the timeline keeps the order and shows the original date. Migrated open cases get
/// no step deadline (the old rows had none); the next step sets one. Hand-written and kept out of the generated migration
/// so that a regenerated migration only has to call it again before the old columns are dropped. The kernel names no module:
/// the table names, process codes and state codes below are frozen values, as a migration's must be.
/// </summary>
public static class ProcessUpgrade
{
    public const string Unrecorded = "（原记录未载）";

    /// <summary>Call before disability_subsidy.opinions and child_allowance_case's review/confirm columns are dropped.</summary>
    public static void MoveTimelines(MigrationBuilder migrationBuilder)
    {
        var d = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? Dialect.Postgres : Dialect.Sqlite;
        foreach (var sql in Statements(d)) migrationBuilder.Sql(sql);
    }

    internal sealed record Dialect(string NewId, string Pos, string DisabilityLines, Func<string, string> DayStart, Func<string, string, string> PlusSeconds, Func<string, string, string> Later)
    {
        public static readonly Dialect Sqlite = new(
            "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-A' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))",
            "instr",
            "SELECT a.id, a.status, a.created_at, CAST(j.key AS INTEGER) + 1 AS n, j.value AS line FROM disability_subsidy a, json_each(a.opinions) j",
            day => $"strftime('%Y-%m-%d %H:%M:%f', {day}, '-8 hours')",
            (at, n) => $"strftime('%Y-%m-%d %H:%M:%f', {at}, '+' || ({n}) || ' seconds')",
            (a, b) => $"max(strftime('%Y-%m-%d %H:%M:%f', {a}), strftime('%Y-%m-%d %H:%M:%f', {b}))");

        public static readonly Dialect Postgres = new(
            "gen_random_uuid()",
            "strpos",
            "SELECT a.id, a.status, a.created_at, j.n, j.line FROM disability_subsidy a, jsonb_array_elements_text(a.opinions::jsonb) WITH ORDINALITY AS j(line, n)",
            day => $"((CAST({day} AS date))::timestamp AT TIME ZONE 'Asia/Shanghai')",
            (at, n) => $"({at} + ({n}) * interval '1 second')",
            (a, b) => $"GREATEST({a}, {b})");
    }

    private const string Steps = "('村级核实', '乡镇审核', '县残联审核', '县民政审批')";

    internal static IEnumerable<string> Statements(Dialect d)
    {
        // ---- disability subsidies ----
        yield return """
            INSERT INTO workflow_case (id, process_code, process_version, subject_type, subject_id, title, division_code, state, state_entered_at,
                step_due_date, clock_started_on, case_due_date, extension_reason, closed_at, version, created_at, updated_at)
            SELECT id, 'disability-subsidy', 1, 'disability-subsidy', id,
                CASE subsidy WHEN 1 THEN '困难残疾人生活补贴' ELSE '重度残疾人护理补贴' END || ' ' || number, division_code,
                CASE status WHEN 1 THEN 'applied' WHEN 2 THEN 'village_checked' WHEN 3 THEN 'township_reviewed' WHEN 4 THEN 'verified'
                    WHEN 5 THEN 'approved' WHEN 6 THEN 'refused' WHEN 7 THEN 'terminated' ELSE 'suspended' END,
                updated_at, NULL, NULL, NULL, NULL, CASE WHEN status IN (6, 7) THEN updated_at END, 0, created_at, updated_at
            FROM disability_subsidy;
            """;
        yield return StartEvents("disability_subsidy", d);
        var p = d.Pos;
        yield return $"""
            INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
            WITH lines AS ({d.DisabilityLines}),
            parts AS (
                SELECT id, status, created_at, n,
                    substr(line, 1, {p}(line, '（') - 1) AS head,
                    substr(line, {p}(line, '（') + 1, 10) AS day,
                    substr(line, {p}(line, '（') + 12, {p}(line, '）：') - {p}(line, '（') - 12) AS actor,
                    substr(line, {p}(line, '）：') + 2) AS rest
                FROM lines WHERE {p}(line, '（') > 0 AND {p}(line, '）：') > 0),
            mapped AS (
                SELECT id, created_at, n, day, actor, head, rest,
                    CASE WHEN head IN {Steps} AND rest LIKE '不同意，%' THEN 'refuse'
                        WHEN head = '村级核实' THEN 'village-check' WHEN head = '乡镇审核' THEN 'township-review'
                        WHEN head = '县残联审核' THEN 'verify' WHEN head = '县民政审批' THEN 'approve'
                        WHEN head = '停发' THEN 'terminate' WHEN head = '暂停发放' THEN 'suspend' WHEN head = '恢复发放' THEN 'resume'
                        WHEN head LIKE '撤销%死亡登记' THEN 'reopen' ELSE 'note' END AS action,
                    CASE WHEN head IN {Steps} AND rest LIKE '不同意，%' THEN head || '不同意' ELSE head END AS action_name,
                    CASE WHEN head IN {Steps} AND rest LIKE '不同意，%' THEN 'refused'
                        WHEN head = '村级核实' THEN 'village_checked' WHEN head = '乡镇审核' THEN 'township_reviewed'
                        WHEN head = '县残联审核' THEN 'verified' WHEN head = '县民政审批' THEN 'approved'
                        WHEN head = '停发' THEN 'terminated' WHEN head = '暂停发放' THEN 'suspended' WHEN head = '恢复发放' THEN 'approved'
                        WHEN head LIKE '撤销%死亡登记' AND rest LIKE '恢复为暂停发放%' THEN 'suspended'
                        WHEN head LIKE '撤销%死亡登记' THEN 'approved'
                        ELSE CASE status WHEN 1 THEN 'applied' WHEN 2 THEN 'village_checked' WHEN 3 THEN 'township_reviewed' WHEN 4 THEN 'verified'
                            WHEN 5 THEN 'approved' WHEN 6 THEN 'refused' WHEN 7 THEN 'terminated' ELSE 'suspended' END END AS to_state,
                    CASE WHEN head IN {Steps} AND rest LIKE '不同意，%' THEN substr(rest, 5)
                        WHEN head IN {Steps} AND rest LIKE '同意，%' THEN substr(rest, 4) ELSE rest END AS opinion
                FROM parts)
            SELECT {d.NewId}, id, {d.PlusSeconds(d.Later("created_at", d.DayStart("day")), "n")},
                NULL, actor, action, action_name, LAG(to_state, 1, 'applied') OVER (PARTITION BY id ORDER BY n), to_state, opinion
            FROM mapped;
            """;
        yield return ClosingEvents("disability_subsidy", d, """
                CASE WHEN s.status = 7 THEN 'terminate' WHEN s.status = 8 THEN 'suspend'
                    WHEN s.status = 6 AND s.refusal_reason LIKE '%死亡，终止办理' THEN 'close-on-death' WHEN s.status = 6 THEN 'refuse' ELSE 'note' END
            """, """
                CASE WHEN s.status = 7 THEN '停发' WHEN s.status = 8 THEN '暂停发放'
                    WHEN s.status = 6 AND s.refusal_reason LIKE '%死亡，终止办理' THEN '申请人死亡，终止办理' WHEN s.status = 6 THEN '不同意' ELSE '迁移时的状态' END
            """, "CASE WHEN s.status = 6 THEN s.refusal_reason ELSE s.end_note END");

        // ---- child allowances ----
        yield return """
            INSERT INTO workflow_case (id, process_code, process_version, subject_type, subject_id, title, division_code, state, state_entered_at,
                step_due_date, clock_started_on, case_due_date, extension_reason, closed_at, version, created_at, updated_at)
            SELECT id, 'child-allowance', 1, 'child-allowance', id,
                CASE kind WHEN 1 THEN '孤儿' ELSE '事实无人抚养儿童' END || ' ' || number, division_code,
                CASE status WHEN 1 THEN 'applied' WHEN 2 THEN 'township_reviewed' WHEN 3 THEN 'confirmed' WHEN 4 THEN 'refused' ELSE 'ended' END,
                updated_at, NULL, NULL, NULL, NULL, CASE WHEN status IN (4, 5) THEN updated_at END, 0, created_at, updated_at
            FROM child_allowance_case;
            """;
        yield return StartEvents("child_allowance_case", d);
        // the township refused when the refusal reason is its own opinion and the county never decided
        yield return $"""
            INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
            SELECT {d.NewId}, id, {d.PlusSeconds(d.Later("created_at", d.DayStart("reviewed_on")), "1")}, NULL, coalesce(reviewed_by, '{Unrecorded}'),
                CASE WHEN status = 4 AND confirmed_on IS NULL AND refusal_reason = review_opinion THEN 'refuse-review' ELSE 'review' END,
                CASE WHEN status = 4 AND confirmed_on IS NULL AND refusal_reason = review_opinion THEN '乡镇审核不同意' ELSE '乡镇审核同意' END,
                'applied',
                CASE WHEN status = 4 AND confirmed_on IS NULL AND refusal_reason = review_opinion THEN 'refused' ELSE 'township_reviewed' END,
                review_opinion
            FROM child_allowance_case WHERE reviewed_on IS NOT NULL;
            """;
        yield return $"""
            INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
            SELECT {d.NewId}, id, {d.PlusSeconds(d.Later("created_at", d.DayStart("confirmed_on")), "2")}, NULL, coalesce(confirmed_by, '{Unrecorded}'),
                CASE WHEN status = 4 THEN 'refuse-confirm' ELSE 'confirm' END,
                CASE WHEN status = 4 THEN '县级不予认定' ELSE '县级认定' END,
                'township_reviewed',
                CASE WHEN status = 4 THEN 'refused' ELSE 'confirmed' END,
                CASE WHEN status = 4 THEN refusal_reason END
            FROM child_allowance_case WHERE confirmed_on IS NOT NULL;
            """;
        yield return ClosingEvents("child_allowance_case", d, """
                CASE WHEN s.status = 5 THEN 'end' WHEN s.status = 4 AND s.refusal_reason LIKE '%死亡，终止办理' THEN 'close-on-death' WHEN s.status = 4 THEN 'refuse-review' ELSE 'note' END
            """, """
                CASE WHEN s.status = 5 THEN '停发' WHEN s.status = 4 AND s.refusal_reason LIKE '%死亡，终止办理' THEN '儿童死亡，终止办理' WHEN s.status = 4 THEN '不予认定' ELSE '迁移时的状态' END
            """, "CASE WHEN s.status = 4 THEN s.refusal_reason ELSE s.end_note END");
    }

    private static string StartEvents(string table, Dialect d) => $"""
        INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
        SELECT {d.NewId}, id, created_at, NULL, applied_by, 'start', '创建', NULL, 'applied', NULL FROM {table};
        """;

    /// <summary>Where the timeline does not end in the case's state, the step that brought it there, at the row's last change.</summary>
    private static string ClosingEvents(string table, Dialect d, string action, string actionName, string opinion) => $"""
        INSERT INTO workflow_case_event (id, case_id, at, actor_id, actor_name, action, action_name, from_state, to_state, opinion)
        SELECT {d.NewId}, s.id, {d.Later("s.updated_at", d.PlusSeconds("(SELECT max(e.at) FROM workflow_case_event e WHERE e.case_id = s.id)", "1"))}, NULL, '{Unrecorded}',
            {action.Trim()}, {actionName.Trim()},
            (SELECT e.to_state FROM workflow_case_event e WHERE e.case_id = s.id ORDER BY e.at DESC LIMIT 1), w.state, {opinion}
        FROM {table} s JOIN workflow_case w ON w.id = s.id
        WHERE w.state <> (SELECT e.to_state FROM workflow_case_event e WHERE e.case_id = s.id ORDER BY e.at DESC LIMIT 1);
        """;
}
