using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Modules.Disability.Rehab;

/// <summary>
/// The enrolment list as a workbook, one person a row. Restricted as the list is: without the roll it has no rows at all, and
/// the diagnosis column exists only for users with the diagnosis permission (absent, not blank). Every export is audited.
/// </summary>
public sealed class RehabExport(RehabEnrolments enrolments, DivisionDirectory divisions, AuditLog audit)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<byte[]> ExcelAsync(RehabEnrolmentFilter filter, CancellationToken ct)
    {
        // the roll is small (a county's few hundred people at most): one query, then the views
        var rows = await enrolments.Visible(filter).OrderBy(e => e.DivisionCode).ThenBy(e => e.EnrolledOn).ThenBy(e => e.Id).ToListAsync(ct);
        var views = await enrolments.ViewsAsync(rows, ct);
        var diagnosis = enrolments.CanSeeDiagnosis;
        var sheet = views.Select((v, i) =>
        {
            var row = new Dictionary<string, object?>
            {
                ["序号"] = i + 1,
                ["编号"] = v.Number,
                ["姓名"] = v.PersonName,
                ["证件号码"] = v.PersonNumber,
                ["所在地"] = divisions.FullName(v.DivisionCode),
                ["服务机构"] = v.ProviderName,
                ["合同"] = v.ContractNumber,
                ["纳入日期"] = v.EnrolledOn.ToString("yyyy-MM-dd"),
            };
            if (diagnosis) row["诊断类别"] = v.DiagnosisName;
            row["康复目标"] = v.Goals;
            row["服务频次（次/月）"] = v.SessionsPerMonth;
            row["服务次数"] = v.Sessions;
            row["入组评分"] = v.EntryScore is { } s ? $"{s.Score}（{s.ScaleName}）" : null;
            row["最近复评"] = v.LatestReview is { } r ? $"{r.Score}（{r.ScoredOn:yyyy-MM-dd}）" : null;
            row["变化"] = v.ScoreChange is { } c ? $"{c:+0;-0;0}（{v.ChangeNote}）" : v.ChangeNote;
            row["退出日期"] = v.ExitedOn?.ToString("yyyy-MM-dd");
            row["退出原因"] = v.ExitReasonName;
            return row;
        }).ToList();
        await audit.RecordAsync("export", RehabEnrolments.EntityType, null, new { rows = sheet.Count, diagnosis }, ct: ct);
        using var stream = new MemoryStream();
        if (sheet.Count == 0) sheet.Add(new Dictionary<string, object?> { ["序号"] = null, ["编号"] = null, ["姓名"] = null });
        await stream.SaveAsAsync(sheet, sheetName: "精神障碍社区康复服务对象", cancellationToken: ct);
        return stream.ToArray();
    }
}
