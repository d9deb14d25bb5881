using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// Issues the notices and decisions of a case (受理通知书, 不予受理告知书, 公示名单, 确认通知书, 不予确认告知书 …):
/// numbered, frozen with the facts as they stand when issued, printable at /assistance/documents/{id}.
/// No paper is needed; the stored document is the record.
/// </summary>
public sealed class CaseDocuments(AppDbContext db, ProgramPolicies policies, ICurrentUser user, BusinessClock clock, DivisionDirectory divisions, CaseNumbers numbers)
{
    public sealed record Content(
        string CaseNumber, string Program, string ApplicantName, string Division, string HouseholdSize, string Date,
        string? Opinion, string? Amount, string? PaymentStart, IReadOnlyList<Platform.Money.AmountLine>? Lines, string? Reasons,
        string? NoticeFrom, string? NoticeTo, string Issuer, object? Extra);

    public async Task<AssistanceDocument> IssueAsync(AssistanceCase c, string title, string? opinion, object? extra, CancellationToken ct)
    {
        // 文书编号: the case number, a dash, the document's sequence within the case.
        var number = await numbers.NextAsync(new NumberSeries(c.Number + "-", null, 2), db.Set<AssistanceDocument>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(d => (string?)d.Number), ct);
        var town = divisions.Find(divisions.Find(c.DivisionCode)?.ParentCode);
        var county = divisions.Find(town?.ParentCode);
        var countyLevel = title.Contains("确认", StringComparison.Ordinal) && c.DecisionLevel == Rules.ApprovalLevel.County;
        var content = new Content(
            c.Number,
            AssistanceProcesses.ProgramName(c.Program),
            c.ApplicantName,
            divisions.FullName(c.DivisionCode),
            $"{c.MemberCount} 人",
            clock.Today.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
            opinion,
            policies.For(c.Program).DocumentAmount(c),
            c.PaymentStartMonth?.ToString("yyyy年M月", CultureInfo.InvariantCulture),
            c.AmountExplanation is null ? null : JsonSerializer.Deserialize<List<Platform.Money.AmountLine>>(c.AmountExplanation, AssistanceCases.Json),
            c.RefusalReasons ?? c.EndReason,
            c.NoticeFrom?.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
            c.NoticeTo?.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
            countyLevel ? $"{county?.Name}民政局" : $"{town?.Name}人民政府",
            extra);
        var doc = new AssistanceDocument
        {
            CaseId = c.Id,
            Kind = title,
            Number = number,
            Title = title,
            IssuedAt = clock.UtcNow,
            IssuedBy = user.UserName,
            Content = JsonSerializer.Serialize(content, AssistanceCases.Json),
        };
        db.Set<AssistanceDocument>().Add(doc);
        return doc;
    }
}
