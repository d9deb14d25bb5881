using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports;

/// <summary>
/// The annual-report deadlines of one kind, as figures (month-day within the reporting year's following year):
/// <paramref name="Review"/> is the 业务主管单位's preliminary review (null where the kind has none, e.g. an organisation
/// registered directly without a 业务主管单位), <paramref name="Submission"/> the report to the 登记管理机关;
/// <paramref name="ExemptMonths"/> exempts an organisation registered that many months or less before 31 December.
/// </summary>
public sealed record ReportDeadlineFigures(DateOnly? Review, DateOnly Submission, int ExemptMonths);

/// <summary>What an organisation owes for one reporting year.</summary>
/// <param name="Exempt">Registered within the exemption period before the year end: no report for that year.</param>
public sealed record ReportDue(int Year, bool Exempt, DateOnly? ReviewBy, DateOnly? SubmitBy);

/// <summary>
/// 年检/年报 deadlines (rules.md §6.1): 社会团体登记管理条例 art. 28 and 民办非企业单位登记管理暂行条例 art. 23 — to the 业务主管单位
/// by 31 March, to the 登记管理机关 by 31 May; 基金会管理条例 art. 36 — to the 登记管理机关 by 31 March; 民政部令第27号 — an
/// organisation registered 6 months or less before 31 December of the reporting year skips that year. The dates come in as
/// figures per kind (the caller reads them from the figure book), the rule only places them in the year after the report year.
/// </summary>
public static class ReportDeadlines
{
    /// <summary>The statutory deadlines per kind (month and day; the year part is ignored): the figure book's first rows.</summary>
    public static ReportDeadlineFigures Statutory(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Foundation => new(null, new DateOnly(2000, 3, 31), 6),
        _ => new(new DateOnly(2000, 3, 31), new DateOnly(2000, 5, 31), 6),
    };

    public static ReportDue For(int reportYear, DateOnly registeredOn, ReportDeadlineFigures f)
    {
        var yearEnd = new DateOnly(reportYear, 12, 31);
        if (registeredOn > yearEnd) return new(reportYear, true, null, null);
        // "6 months or less before 31 December": from 30 June (exactly 6 months before) on
        if (registeredOn >= yearEnd.AddMonths(-f.ExemptMonths)) return new(reportYear, true, null, null);
        var next = reportYear + 1;
        DateOnly? review = f.Review is { } r ? new DateOnly(next, r.Month, r.Day) : null;
        return new(reportYear, false, review, new DateOnly(next, f.Submission.Month, f.Submission.Day));
    }

    /// <summary>Late on <paramref name="on"/> when the report is due, not filed by then, and the submission day has passed.</summary>
    public static bool IsOverdue(ReportDue due, DateOnly? filedOn, DateOnly on) =>
        !due.Exempt && due.SubmitBy is { } by && on > by && (filedOn is null || filedOn > by);
}
