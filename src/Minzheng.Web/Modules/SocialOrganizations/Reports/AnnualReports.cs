using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports;

/// <summary>One organisation's report for one year as the form and the review show it (the row is null until first saved).</summary>
public sealed record ReportView(SocialOrganization Organization, int Year, ReportDue Due, AnnualReport? Report)
{
    public bool NeedsPreReview => Due.ReviewBy is not null && Organization.Profile.SupervisingUnit is not null;
    public bool Filed => Report?.SubmittedOn is not null;
}

/// <summary>One organisation's line in the officer's list for a year.</summary>
public sealed record ReportListRow(Guid OrganizationId, string Name, string? CreditCode, OrganizationKind Kind, RegistrationLevel Level, string DivisionCode,
    ReportDue Due, AnnualReportStatus? Status, DateOnly? SubmittedOn, InspectionConclusion? Conclusion, DateOnly? ConcludedOn, bool Overdue, string Sanctions);

/// <summary>The review's conclusion as the officer posts it.</summary>
public sealed class ConcludeInput
{
    public int? Version { get; set; }

    /// <summary>qualified / basically-qualified / unqualified.</summary>
    public string? Conclusion { get; set; }

    public string? Reasons { get; set; }
    public List<string>? Sanctions { get; set; }
    public string? SanctionDocument { get; set; }
}

/// <summary>
/// Annual reports and inspection (issue 14 item 2): the organisation's own account drafts and submits its report for a year;
/// the registration authority returns it for correction or concludes 合格 / 基本合格 / 不合格 with sanctions, recording credit
/// events through the one <see cref="CreditLedger"/>; the daily sweep lists the organisations that missed the deadline.
/// Deadlines are the figure book's per kind (<see cref="SocialOrganizationFigures.ReportDeadlines"/>).
/// </summary>
public sealed class AnnualReports(AppDbContext db, RegistrationAuthority authority, CreditLedger ledger, FigureBook figures, BusinessClock clock, ICurrentUser user)
{
    public const string Source = "reports";

    public static string OverdueKey(int year) => $"report-overdue-{year}";

    public static string FulfilledKey(int year) => $"report-fulfilled-{year}";

    public static string OverdueGround(int year) => $"未按规定报送{year}年度工作报告";

    private readonly Dictionary<(OrganizationKind, string, int), ReportDeadlineFigures> _deadlines = [];

    /// <summary>The deadlines of a kind for a report year, as in force at the start of the year after (cached per request).</summary>
    public ReportDeadlineFigures Deadlines(OrganizationKind kind, string authorityDivision, int year)
    {
        if (!_deadlines.TryGetValue((kind, authorityDivision, year), out var f))
            _deadlines[(kind, authorityDivision, year)] = f = SocialOrganizationFigures.ReportDeadlines(figures, kind, authorityDivision, new DateOnly(year + 1, 1, 1));
        return f;
    }

    /// <summary>What the organisation owes for a year; an organisation without a registration date is treated as registered long before.</summary>
    public ReportDue Due(SocialOrganizationProfile p, DateOnly? registeredOn, int year) =>
        ReportDeadlines.For(year, registeredOn ?? DateOnly.MinValue, Deadlines(p.Kind, p.AuthorityDivisionCode, year));

    /// <summary>The latest report year whose submission day has passed for this kind on <paramref name="today"/> (the one the sweep looks at).</summary>
    public int LatestClosedYear(SocialOrganizationProfile p, DateOnly today)
    {
        var last = today.Year - 1;
        var by = Deadlines(p.Kind, p.AuthorityDivisionCode, last).Submission;
        return today > new DateOnly(today.Year, by.Month, by.Day) ? last : last - 1;
    }

    /// <summary>The years an organisation's own list shows: from its registration (at most three back) to last year; older reports are on the panel.</summary>
    public static IReadOnlyList<int> YearsOf(DateOnly? registeredOn, DateOnly today)
    {
        var from = Math.Max(registeredOn?.Year ?? today.Year - 3, today.Year - 3);
        return [.. Enumerable.Range(from, Math.Max(0, today.Year - from)).Reverse()];
    }

    public async Task<ReportView> LoadAsync(Guid organizationId, int year, CancellationToken ct)
    {
        var o = await authority.LoadAsync(organizationId, ct);
        if (year < 1990 || year >= clock.Today.Year) throw AppProblem.Field("year", $"年度须为 1990 到 {clock.Today.Year - 1} 之间已结束的年度");
        var row = await db.Set<AnnualReport>().FirstOrDefaultAsync(r => r.OrganizationId == organizationId && r.Year == year, ct);
        return new(o, year, Due(o.Profile, o.Organization.RegisteredOn, year), row);
    }

    /// <summary>Saves the draft (the organisation's own account only); a stale version answers 409, bad fields 400 with nothing saved.</summary>
    public async Task<AnnualReport> SaveDraftAsync(Guid organizationId, int year, ReportInput input, CancellationToken ct)
    {
        var v = await LoadAsync(organizationId, year, ct);
        RequireOwn(v);
        var row = v.Report;
        if (row is not null && row.Status is not (AnnualReportStatus.Draft or AnnualReportStatus.PreReviewed or AnnualReportStatus.Returned))
            throw new AppProblem(409, "socorg_report_not_editable", "年度工作报告已报送登记管理机关，不能再修改；如需更正请等待退回补正");
        var errors = ReportForm.Check(input, v.Organization.Profile.Kind, year, clock.Today, submitting: false);
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        if (row is null)
        {
            if (input.Version is > 0) throw AppProblem.Stale();
            row = new AnnualReport { OrganizationId = organizationId, DivisionCode = v.Organization.Profile.DivisionCode, Year = year };
            db.Add(row);
        }
        else
        {
            if (input.Version is not { } version) throw AppProblem.Field("version", "请提供所修改报告的版本号");
            db.ExpectVersion(row, version);
        }
        Apply(row, input);
        if (row.Status != AnnualReportStatus.Returned)
            row.Status = row.PreReviewPassed == true && v.NeedsPreReview ? AnnualReportStatus.PreReviewed : AnnualReportStatus.Draft;
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>
    /// Submits the saved report to the registration authority: complete for the kind, with the supervising unit's consent where
    /// the kind needs it. A report filed after it was listed as overdue records the fulfilment (ADR 037: removal within 5 working days).
    /// </summary>
    public async Task<AnnualReport> SubmitAsync(Guid organizationId, int year, int? version, CancellationToken ct)
    {
        var v = await LoadAsync(organizationId, year, ct);
        RequireOwn(v);
        var row = v.Report ?? throw new AppProblem(409, "socorg_report_wrong_status", "请先保存年度工作报告再提交");
        if (version is not { } expected) throw AppProblem.Field("version", "请提供所提交报告的版本号");
        db.ExpectVersion(row, expected);
        if (row.Status is not (AnnualReportStatus.Draft or AnnualReportStatus.PreReviewed or AnnualReportStatus.Returned))
            throw new AppProblem(409, "socorg_report_wrong_status", "该年度工作报告已报送，不能重复提交");
        var errors = ReportForm.Check(ToInput(row), v.Organization.Profile.Kind, year, clock.Today, submitting: true);
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        if (v.NeedsPreReview && row.PreReviewPassed != true)
        {
            throw AppProblem.Field("preReviewPassed", $"须先经业务主管单位（{v.Organization.Profile.SupervisingUnit}）初审同意，填写初审意见后再报送", "socorg_report_prereview_missing");
        }
        var today = clock.Today;
        row.Status = AnnualReportStatus.Submitted;
        // the first submission is the filing date the deadline is judged by; a resubmission after a return keeps it
        row.SubmittedOn ??= today;
        if (row.PartyOrganization != PartyOrganizationStatus.Unknown && v.Organization.Profile.PartyOrganization != row.PartyOrganization)
            v.Organization.Profile.PartyOrganization = row.PartyOrganization;
        var overdueKey = OverdueKey(year);
        if (await db.Set<CreditEventRecord>().AnyAsync(e => e.OrganizationId == organizationId && e.SourceKey == overdueKey, ct))
            await RecordFulfilledAsync(v.Organization, year, row.SubmittedOn.Value, ct);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>
    /// The page's one button "报送": saves the form and submits it in one transaction, so a refused submission leaves the
    /// report as it was before the click (nothing half-done), and the form shows again with what was typed.
    /// </summary>
    public async Task<AnnualReport> SaveAndSubmitAsync(Guid organizationId, int year, ReportInput input, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var row = await SaveDraftAsync(organizationId, year, input, ct);
            await SubmitAsync(organizationId, year, row.Version, ct);
            await tx.CommitAsync(ct);
            return row;
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            // the rolled-back rows stay tracked with their new values; the page reloads from the database
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>退回补正: the registration authority sends a submitted report back with what to correct.</summary>
    public async Task<AnnualReport> ReturnAsync(Guid organizationId, int year, int? version, string? reason, CancellationToken ct)
    {
        var (_, row) = await ForReviewAsync(organizationId, year, version, ct);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason)) errors["reason"] = ["请写明需要补正的内容"];
        else if (reason.Length > ReportForm.MaxOpinion) errors["reason"] = [$"最多 {ReportForm.MaxOpinion} 个字"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        row.Status = AnnualReportStatus.Returned;
        row.ReturnedOn = clock.Today;
        row.ReturnReason = reason!.Trim();
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>
    /// The inspection conclusion with its reasons and sanctions. A 警告 is a 60号令 entry ground (WarningOrSmallFine) and a
    /// 限期停止活动 a direct 失信 ground (Suspension): both go to the credit ledger, dated the conclusion, once per report year.
    /// </summary>
    public async Task<AnnualReport> ConcludeAsync(Guid organizationId, int year, ConcludeInput input, CancellationToken ct)
    {
        var (v, row) = await ForReviewAsync(organizationId, year, input.Version, ct);
        var errors = new Dictionary<string, string[]>();
        var conclusion = ReportLabels.ParseConclusion(input.Conclusion);
        if (conclusion is null) errors["conclusion"] = ["请选择年检结论：合格、基本合格或不合格"];
        var reasons = input.Reasons?.Trim();
        if (conclusion is InspectionConclusion.BasicallyQualified or InspectionConclusion.Unqualified && string.IsNullOrEmpty(reasons))
            errors["reasons"] = ["基本合格、不合格须写明理由"];
        else if (reasons is { Length: > ReportForm.MaxOpinion }) errors["reasons"] = [$"最多 {ReportForm.MaxOpinion} 个字"];
        var sanctions = (input.Sanctions ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
        if (sanctions.Any(s => ReportSanctions.Name(s) is null)) errors["sanctions"] = ["未知的处理类型"];
        else if (sanctions.Distinct().Count() != sanctions.Count) errors["sanctions"] = ["同一处理只能选一次"];
        else if (sanctions.Count > 0 && conclusion == InspectionConclusion.Qualified) errors["sanctions"] = ["年检合格的不能同时作出处理"];
        var document = input.SanctionDocument?.Trim();
        if (sanctions.Count > 0 && string.IsNullOrEmpty(document)) errors["sanctionDocument"] = ["作出处理的须填写处罚（处理）决定书文号"];
        else if (document is { Length: > 100 }) errors["sanctionDocument"] = ["最多 100 个字"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);

        var today = clock.Today;
        row.Status = AnnualReportStatus.Concluded;
        row.Conclusion = conclusion;
        row.ConcludedOn = today;
        row.ConclusionReasons = string.IsNullOrEmpty(reasons) ? null : reasons;
        row.Sanctions = string.Join(',', sanctions);
        row.SanctionDocument = sanctions.Count > 0 ? document : null;
        row.ConcludedBy = user.UserName;
        if (sanctions.Contains(ReportSanctions.Warning))
        {
            await ledger.RecordAsync(v.Organization, new CreditEntry(organizationId, today, CreditEventKind.WarningOrSmallFine,
                Clip($"{year}年度检查中受到警告：{reasons}"), Source, document, $"report-warning-{year}"), ct);
        }
        if (sanctions.Contains(ReportSanctions.Suspend))
        {
            await ledger.RecordAsync(v.Organization, new CreditEntry(organizationId, today, CreditEventKind.Suspension,
                Clip($"{year}年度检查中被责令限期停止活动：{reasons}"), Source, document, $"report-suspension-{year}"), ct);
        }
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>
    /// The daily sweep (as the system): for each active organisation, the latest report year whose submission day has passed for
    /// its kind; a due report not filed by then is listed (ReportOverdue, dated the day after the deadline), once however often
    /// this runs; one filed late is also marked fulfilled on its filing date. Returns how many were newly listed.
    /// </summary>
    public async Task<int> SweepOverdueAsync(DateOnly today, CancellationToken ct)
    {
        var orgs = await db.Set<SocialOrganizationProfile>()
            .Join(db.Set<Organization>(), p => p.OrganizationId, o => o.Id, (p, o) => new { p, o })
            .Where(x => x.o.Status == OrganizationStatus.Active)
            .OrderBy(x => x.o.Id).ToListAsync(ct);
        var years = orgs.Select(x => LatestClosedYear(x.p, today)).Distinct().ToList();
        var filed = await db.Set<AnnualReport>().AsNoTracking().Where(r => years.Contains(r.Year) && r.SubmittedOn != null)
            .Select(r => new { r.OrganizationId, r.Year, r.SubmittedOn }).ToListAsync(ct);
        var filedOn = filed.ToDictionary(r => (r.OrganizationId!.Value, r.Year), r => r.SubmittedOn);
        var listed = 0;
        foreach (var x in orgs)
        {
            var year = LatestClosedYear(x.p, today);
            var due = Due(x.p, x.o.RegisteredOn, year);
            var on = filedOn.GetValueOrDefault((x.o.Id, year));
            if (!ReportDeadlines.IsOverdue(due, on, today)) continue;
            var o = new SocialOrganization(x.o, x.p);
            var entry = await ledger.RecordAsync(o, new CreditEntry(x.o.Id, due.SubmitBy!.Value.AddDays(1), CreditEventKind.ReportOverdue,
                OverdueGround(year), Source, SourceKey: OverdueKey(year)), ct);
            if (entry is not null) listed++;
            if (on is { } late) await RecordFulfilledAsync(o, year, late, ct);
        }
        await db.SaveChangesAsync(ct);
        return listed;
    }

    /// <summary>The officer's list for a year: every organisation in scope with what it owes and where its report stands.</summary>
    public async Task<List<ReportListRow>> ListAsync(int year, CancellationToken ct)
    {
        var orgs = await db.Set<SocialOrganizationProfile>().AsNoTracking()
            .Join(db.Set<Organization>(), p => p.OrganizationId, o => o.Id, (p, o) => new { p, o })
            .Where(x => x.o.Status == OrganizationStatus.Active)
            .OrderBy(x => x.p.DivisionCode).ThenBy(x => x.o.Name).ThenBy(x => x.o.Id).ToListAsync(ct);
        var reports = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.Year == year).ToListAsync(ct);
        var byOrg = reports.ToDictionary(r => r.OrganizationId!.Value);
        var today = clock.Today;
        return [.. orgs.Select(x =>
        {
            var due = Due(x.p, x.o.RegisteredOn, year);
            var r = byOrg.GetValueOrDefault(x.o.Id);
            // overdue in this list: due, the day passed and still not filed (a late filing shows as filed, its listing is the ledger's)
            var overdue = !due.Exempt && due.SubmitBy is { } by && today > by && r?.SubmittedOn is null;
            return new ReportListRow(x.o.Id, x.o.Name, x.o.CreditCode, x.p.Kind, x.p.Level, x.p.DivisionCode, due, r?.Status, r?.SubmittedOn, r?.Conclusion, r?.ConcludedOn, overdue, r?.Sanctions ?? "");
        })];
    }

    /// <summary>Filters of the officer's list: all, due (owed and not filed), overdue, submitted (awaiting review), concluded, exempt.</summary>
    public static IEnumerable<ReportListRow> Filter(IEnumerable<ReportListRow> rows, string? status) => status switch
    {
        "due" => rows.Where(r => !r.Due.Exempt && r.SubmittedOn is null),
        "overdue" => rows.Where(r => r.Overdue),
        "submitted" => rows.Where(r => r.Status is AnnualReportStatus.Submitted),
        "filed" => rows.Where(r => r.SubmittedOn is not null),
        "concluded" => rows.Where(r => r.Status is AnnualReportStatus.Concluded),
        "exempt" => rows.Where(r => r.Due.Exempt),
        null or "" or "all" => rows,
        _ => throw AppProblem.Field("status", "状态须为 all、due、overdue、submitted、filed、concluded 或 exempt"),
    };

    public bool CanAct(ReportView v) => authority.CanAct(v.Organization.Profile) && user.HasPermission(ReportsPermissions.Review);

    public bool IsOwn(ReportView v) => user.OrganizationId == v.Organization.Id && user.HasPermission(ReportsPermissions.File);

    private void RequireOwn(ReportView v)
    {
        if (!IsOwn(v)) throw new AppProblem(403, "socorg_report_not_own", "年度工作报告由社会组织本身的账号填报和提交，登记管理机关在报送后审查");
        if (v.Due.Exempt)
            throw new AppProblem(409, "socorg_report_exempt", $"该组织于 {v.Organization.Organization.RegisteredOn:yyyy-MM-dd} 登记，在 {v.Year} 年末前规定月数内，免于报送 {v.Year} 年度工作报告");
    }

    private async Task<(ReportView View, AnnualReport Row)> ForReviewAsync(Guid organizationId, int year, int? version, CancellationToken ct)
    {
        var v = await LoadAsync(organizationId, year, ct);
        authority.RequireAct(v.Organization.Profile);
        if (!user.HasPermission(ReportsPermissions.Review)) throw AppProblem.Forbidden("需要审查社会组织年度工作报告的权限");
        var row = v.Report ?? throw new AppProblem(409, "socorg_report_wrong_status", "该组织尚未报送该年度工作报告");
        if (version is not { } expected) throw AppProblem.Field("version", "请提供所审查报告的版本号");
        db.ExpectVersion(row, expected);
        if (row.Status != AnnualReportStatus.Submitted)
            throw new AppProblem(409, "socorg_report_wrong_status", $"年度工作报告当前为“{ReportLabels.Name(row.Status)}”，只有已报送待审查的报告可以退回或作出结论");
        return (v, row);
    }

    private Task<CreditEventRecord?> RecordFulfilledAsync(SocialOrganization o, int year, DateOnly on, CancellationToken ct) =>
        ledger.RecordAsync(o, new CreditEntry(o.Id, on, CreditEventKind.Fulfilled, $"已报送{year}年度工作报告", Source,
            SourceKey: FulfilledKey(year), FulfilsKind: CreditEventKind.ReportOverdue), ct);

    private static string Clip(string s) => s.Length <= 500 ? s : s[..500];

    private static Money? Fen(decimal? yuan) => yuan is { } y ? Money.FromYuan(y) : null;

    private static decimal? Yuan(Money? m) => m?.Yuan;

    private static void Apply(AnnualReport r, ReportInput i)
    {
        r.Members = i.Members;
        r.CouncilMeetings = i.CouncilMeetings;
        r.AddressConfirmed = i.AddressConfirmed;
        r.MainActivities = i.MainActivities?.Trim() ?? "";
        r.EventsHeld = i.EventsHeld;
        r.Services = i.Services?.Trim() ?? "";
        r.IncomeDonations = Fen(i.IncomeDonations);
        r.IncomeGovernment = Fen(i.IncomeGovernment);
        r.IncomeServices = Fen(i.IncomeServices);
        r.IncomeDues = Fen(i.IncomeDues);
        r.IncomeOther = Fen(i.IncomeOther);
        r.Expenditure = Fen(i.Expenditure);
        r.NetAssets = Fen(i.NetAssets);
        r.PublicWelfareSpending = Fen(i.PublicWelfareSpending);
        r.ManagementCosts = Fen(i.ManagementCosts);
        r.PartyOrganization = ReportLabels.ParseParty(i.PartyOrganization) ?? PartyOrganizationStatus.Unknown;
        r.FullTimeStaff = i.FullTimeStaff;
        r.PartTimeStaff = i.PartTimeStaff;
        r.SocialWorkers = i.SocialWorkers;
        r.PreReviewPassed = i.PreReviewPassed;
        r.PreReviewedOn = i.PreReviewedOn;
        r.PreReviewOpinion = string.IsNullOrWhiteSpace(i.PreReviewOpinion) ? null : i.PreReviewOpinion.Trim();
    }

    /// <summary>The saved report as the form shows it again.</summary>
    public static ReportInput ToInput(AnnualReport r) => new()
    {
        Version = r.Version,
        Members = r.Members,
        CouncilMeetings = r.CouncilMeetings,
        AddressConfirmed = r.AddressConfirmed,
        MainActivities = r.MainActivities,
        EventsHeld = r.EventsHeld,
        Services = r.Services,
        IncomeDonations = Yuan(r.IncomeDonations),
        IncomeGovernment = Yuan(r.IncomeGovernment),
        IncomeServices = Yuan(r.IncomeServices),
        IncomeDues = Yuan(r.IncomeDues),
        IncomeOther = Yuan(r.IncomeOther),
        Expenditure = Yuan(r.Expenditure),
        NetAssets = Yuan(r.NetAssets),
        PublicWelfareSpending = Yuan(r.PublicWelfareSpending),
        ManagementCosts = Yuan(r.ManagementCosts),
        PartyOrganization = r.PartyOrganization == PartyOrganizationStatus.Unknown ? null : ReportLabels.Code(r.PartyOrganization),
        FullTimeStaff = r.FullTimeStaff,
        PartTimeStaff = r.PartTimeStaff,
        SocialWorkers = r.SocialWorkers,
        PreReviewPassed = r.PreReviewPassed,
        PreReviewedOn = r.PreReviewedOn,
        PreReviewOpinion = r.PreReviewOpinion,
    };
}
