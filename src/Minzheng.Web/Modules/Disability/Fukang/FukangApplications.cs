using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Disability.Fukang;

public sealed record FukangAssessInput(Guid? PersonId, Guid? DeviceId, string? Note, DateOnly? AssessedOn);

/// <summary>One action's body: the version always; the fields of the step taken (fitting, confirmation, follow-up), the opinion for a refusal.</summary>
public sealed record FukangActionInput(int? Version, string? Opinion = null, DateOnly? FittedOn = null, string? FittingNote = null, DateOnly? ConfirmedOn = null,
    string? SignedBy = null, string? SignerName = null, DateOnly? VisitedOn = null, bool? InUse = null, string? Note = null);

/// <summary>
/// The 福康工程 process: the township's needs assessment (eligibility from the shared facts, the replacement rule, one open
/// application per device type), the county's approval within the remaining yearly budget, the fitting, the person's
/// confirmation — which publishes the device fee to the supplier as a one-off entitlement, so the county's payroll for
/// <see cref="Program"/> pays it — and the follow-up visit. Every step through the workflow kernel (guard before effect).
/// </summary>
public sealed class FukangApplications(AppDbContext db, ICurrentUser user, BusinessClock clock, FukangCatalogue catalogue, FukangEligibilityQuery eligibility,
    Entitlements entitlements, CaseNumbers numbers, AuditLog audit, WorkflowEngine workflow, DivisionDirectory divisions)
{
    /// <summary>The code under which device fees are published to payments.</summary>
    public const string Program = "fukang";

    /// <summary>The states in which an application is still under way before its fitting (a second one for the same type is refused).</summary>
    private static readonly FukangStatus[] Open = [FukangStatus.Assessed, FukangStatus.Approved];

    /// <summary>The states after a fitting: the device was received, and the replacement period runs from its fitting.</summary>
    public static readonly FukangStatus[] Received = [FukangStatus.Fitted, FukangStatus.Confirmed, FukangStatus.FollowedUp];

    /// <summary>The states whose amount is committed against the county's budget.</summary>
    public static readonly FukangStatus[] Committed = [FukangStatus.Approved, FukangStatus.Fitted, FukangStatus.Confirmed, FukangStatus.FollowedUp];

    public async Task<FukangApplication> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<FukangApplication>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("福康工程申请");

    public async Task<FukangApplication> AssessAsync(FukangAssessInput input, bool isDemo = false, CancellationToken ct = default)
    {
        if (!user.HasPermission(FukangPermissions.Assess)) throw AppProblem.Forbidden("您没有福康工程需求评估的权限");
        var today = clock.Today;
        var errors = new ValidationErrors();
        Person? person = null;
        if (input.PersonId is not { } pid) errors.Add("personId", "请选择残疾人");
        else if ((person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct)) is null) errors.Add("personId", "残疾人不在人员登记中或不在您的管辖范围内");
        var assessedOn = input.AssessedOn ?? today;
        if (assessedOn > today) errors.Add("assessedOn", "评估日期不能晚于今天");
        else if (assessedOn < today.AddYears(-1)) errors.Add("assessedOn", "评估日期不能早于一年前");
        if (string.IsNullOrWhiteSpace(input.Note)) errors.Add("note", "请填写评估意见（需求、适配理由）");
        else if (input.Note.Trim().Length > 500) errors.Add("note", "不能超过 500 个字");
        FukangDevice? device = null;
        var county = person is null ? null : DivisionCodes.CountyPart(person.DivisionCode).PadRight(DivisionCodes.Length, '0');
        if (input.DeviceId is not { } did) errors.Add("deviceId", "请从县级辅具目录中选择辅具");
        else if (county is not null)
        {
            device = await catalogue.DeviceForCountyAsync(did, county, ct);
            if (device is null) errors.Add("deviceId", "所选辅具不在本县福康工程目录中");
            else if (device.Year != assessedOn.Year) errors.Add("deviceId", $"所选目录项是 {device.Year} 年度的，请选择 {assessedOn.Year} 年度目录中的辅具");
        }
        errors.ThrowIfAny();

        var outcome = await eligibility.OfPersonAsync(person!.Id, ct);
        if (!outcome.Eligible) throw AppProblem.Conflict("disability_fukang_not_eligible", $"{person.Name}不属于福康工程救助对象：{outcome.Reason}");
        var sameType = await db.Set<FukangApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(a => a.PersonId == person.Id && a.DeviceCode == device!.Code).Select(a => new { a.Number, a.Status, a.FittedOn }).ToListAsync(ct);
        if (sameType.FirstOrDefault(a => Open.Contains(a.Status)) is { } open)
        {
            throw AppProblem.Conflict("disability_fukang_open_application", $"{person.Name}已有正在办理的{device!.Name}申请 {open.Number}（{FukangProcess.StatusName(open.Status)}），不能重复申请");
        }
        // 更换周期: the same device type again only after the current catalogue's period since the last fitting
        if (sameType.Where(a => Received.Contains(a.Status) && a.FittedOn is not null).Max(a => a.FittedOn) is { } last
            && FukangRules.WithinReplacementPeriod(last, device!.ReplacementMonths, assessedOn))
        {
            throw AppProblem.Conflict("disability_fukang_replacement_period", FukangRules.ReplacementDetail(device.Name, last, device.ReplacementMonths));
        }

        var a = new FukangApplication
        {
            Number = await numbers.NextAsync(new NumberSeries("FK" + county![..6], assessedOn.Year, 5),
                db.Set<FukangApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(x => (string?)x.Number), ct),
            PersonId = person.Id,
            HouseholdId = await db.HouseholdMembers.Where(m => m.PersonId == person.Id && m.LeftOn == null).Select(m => (Guid?)m.HouseholdId).FirstOrDefaultAsync(ct),
            DivisionCode = person.DivisionCode,
            CountyCode = county,
            DeviceId = device!.Id,
            DeviceCode = device.Code,
            DeviceName = device.Name,
            CatalogueYear = device.Year,
            UnitPrice = device.UnitPrice,
            ReplacementMonths = device.ReplacementMonths,
            SupplierOrganizationId = device.SupplierOrganizationId,
            SupplierName = device.SupplierName,
            CatalogueDocument = device.Document,
            EligibleGroups = outcome.GroupNames,
            AssessedOn = assessedOn,
            AssessmentNote = input.Note!.Trim(),
            CreatedBy = user.UserName,
            IsDemo = isDemo,
        };
        db.Add(a);
        await workflow.StartAsync(FukangProcess.Code, FukangProcess.SubjectType, a.Id, $"福康工程 {a.DeviceName} {a.Number}", a.DivisionCode, a.AssessmentNote, ct);
        audit.Add("assess", "disability_fukang_application", a.Id.ToString(), new { a.Number, a.DeviceCode, unitPrice = a.UnitPrice.Yuan, a.EligibleGroups }, a.DivisionCode);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>What the county has committed (approved and later) in a year, and its budget.</summary>
    public async Task<(Money Budget, Money Committed, bool HasBudget)> BudgetUseAsync(string countyCode, int year, CancellationToken ct = default)
    {
        var budget = await catalogue.BudgetForCountyAsync(countyCode, year, ct);
        // a county's applications of a year are a few hundred: read and summed here (a sum over the Money conversion does not translate)
        var committed = (await db.Set<FukangApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(a => a.CountyCode == countyCode && a.CatalogueYear == year && Committed.Contains(a.Status)).Select(a => a.UnitPrice).ToListAsync(ct)).Sum(m => m.Fen);
        return (budget?.Amount ?? Money.Zero, new Money(committed), budget is not null);
    }

    private async Task<WorkflowCase> CaseOfAsync(FukangApplication a, CancellationToken ct) =>
        await db.WorkflowCases.IgnoreQueryFilters([AppDbContext.ScopeFilter]) // the application itself was loaded through the scope filter
            .FirstOrDefaultAsync(w => w.SubjectType == FukangProcess.SubjectType && w.SubjectId == a.Id, ct)
        ?? throw new InvalidOperationException($"福康工程申请 {a.Number} 没有业务流程");

    /// <summary>The application's timeline, oldest first (call after loading the application through the scope filter).</summary>
    public async Task<List<WorkflowCaseEvent>> TimelineAsync(Guid id, CancellationToken ct = default)
    {
        var caseId = await db.WorkflowCases.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(w => w.SubjectType == FukangProcess.SubjectType && w.SubjectId == id).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct);
        return caseId is not { } cid ? [] : await db.WorkflowCaseEvents.AsNoTracking().Where(e => e.CaseId == cid).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
    }

    /// <summary>The actions the current user may take on the application now (for the page's buttons).</summary>
    public async Task<IReadOnlyList<TransitionModel>> AvailableAsync(FukangApplication a, CancellationToken ct = default)
    {
        var wf = await CaseOfAsync(a, ct);
        return workflow.AvailableActions(wf, await workflow.ModelOfAsync(wf, ct)).ToList();
    }

    /// <summary>One step of <see cref="FukangProcess"/>: approve, refuse, fit, confirm, follow-up.</summary>
    public async Task<FukangApplication> PerformAsync(Guid id, string action, FukangActionInput input, CancellationToken ct = default)
    {
        var a = await LoadAsync(id, ct);
        var wf = await CaseOfAsync(a, ct);
        var today = clock.Today;
        // the engine guards first (version, state, permission, opinion); the step's own checks follow, before anything is saved
        var e = await workflow.PerformAsync(wf, new TransitionRequest(action, input.Opinion) { Subject = a, Version = input.Version }, _ => EffectAsync(a, action, input, today, ct), ct);
        a.Status = FukangProcess.StatusOf(wf.State);
        if (action == FukangProcess.Confirm)
        {
            e.Opinion = $"{(a.SignedBy == FukangSigner.Self ? "本人" : "监护人" + a.SignerName)}签收；辅具费 {a.UnitPrice} 元列入 {a.SettledMonth:yyyy年M月}资金发放，支付给{a.SupplierName}";
        }
        audit.Add(action, "disability_fukang_application", a.Id.ToString(), new { a.Number, step = e.ActionName, a.Status }, a.DivisionCode);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>The step's own checks and effects, run by the engine once it has allowed the action (nothing is saved when they refuse).</summary>
    private async Task EffectAsync(FukangApplication a, string action, FukangActionInput input, DateOnly today, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        switch (action)
        {
            case FukangProcess.Approve:
                {
                    var (budget, committed, hasBudget) = await BudgetUseAsync(a.CountyCode, a.CatalogueYear, ct);
                    if (!hasBudget) throw AppProblem.Conflict("disability_fukang_no_budget", $"{divisions.NameOf(a.CountyCode)} {a.CatalogueYear} 年度没有福康工程预算，请先登记预算");
                    var remaining = budget - committed;
                    if (a.UnitPrice > remaining)
                    {
                        throw AppProblem.Conflict("disability_fukang_over_budget",
                            $"本次审批 {a.DeviceName} {a.UnitPrice.ToYuanString()} 超出{divisions.NameOf(a.CountyCode)} {a.CatalogueYear} 年度福康工程剩余预算 {remaining.ToYuanString()}（预算 {budget.ToYuanString()}，已审批 {committed.ToYuanString()}）");
                    }
                    a.ApprovedOn = today;
                    break;
                }
            case FukangProcess.Refuse:
                a.RefusalReason = input.Opinion!.Trim();
                break;
            case FukangProcess.Fit:
                {
                    if (input.FittedOn is not { } on) errors.Add("fittedOn", "请填写适配日期");
                    else if (on > today) errors.Add("fittedOn", "适配日期不能晚于今天");
                    else if (on < a.AssessedOn) errors.Add("fittedOn", "适配日期不能早于评估日期");
                    if (string.IsNullOrWhiteSpace(input.FittingNote)) errors.Add("fittingNote", "请填写辅具型号、规格或编号");
                    else if (input.FittingNote.Trim().Length > 500) errors.Add("fittingNote", "不能超过 500 个字");
                    errors.ThrowIfAny();
                    a.FittedOn = input.FittedOn;
                    a.FittingNote = input.FittingNote!.Trim();
                    break;
                }
            case FukangProcess.Confirm:
                {
                    if (input.ConfirmedOn is not { } on) errors.Add("confirmedOn", "请填写确认日期");
                    else if (on > today) errors.Add("confirmedOn", "确认日期不能晚于今天");
                    else if (on < a.FittedOn) errors.Add("confirmedOn", "确认日期不能早于适配日期");
                    FukangSigner? signer = input.SignedBy?.Trim().ToLowerInvariant() switch { "self" or "本人" => FukangSigner.Self, "guardian" or "监护人" => FukangSigner.Guardian, _ => null };
                    if (signer is null) errors.Add("signedBy", "请选择签收人：本人或监护人");
                    if (signer == FukangSigner.Guardian && string.IsNullOrWhiteSpace(input.SignerName)) errors.Add("signerName", "监护人签收须填写监护人姓名");
                    else if (input.SignerName?.Trim().Length > 50) errors.Add("signerName", "不能超过 50 个字");
                    errors.ThrowIfAny();
                    a.ConfirmedOn = input.ConfirmedOn;
                    a.SignedBy = signer;
                    a.SignerName = string.IsNullOrWhiteSpace(input.SignerName) ? null : input.SignerName.Trim();
                    await SettleAsync(a, ct);
                    break;
                }
            case FukangProcess.FollowUp:
                {
                    if (input.VisitedOn is not { } on) errors.Add("visitedOn", "请填写回访日期");
                    else if (on > today) errors.Add("visitedOn", "回访日期不能晚于今天");
                    else if (on < a.ConfirmedOn) errors.Add("visitedOn", "回访日期不能早于确认日期");
                    if (input.InUse is null) errors.Add("inUse", "请选择辅具是否正常使用");
                    if (input.InUse == false && string.IsNullOrWhiteSpace(input.Note)) errors.Add("note", "辅具未正常使用的，请写明问题");
                    else if (input.Note?.Trim().Length > 500) errors.Add("note", "不能超过 500 个字");
                    errors.ThrowIfAny();
                    a.VisitedOn = input.VisitedOn;
                    a.InUse = input.InUse;
                    a.FollowUpNote = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
                    break;
                }
        }
    }

    /// <summary>
    /// The supplier's settlement, once per application (the confirmation happens once; the source is the application): the
    /// device fee as a one-off entitlement to the supplier in this month, with the catalogue's basis and the person masked.
    /// </summary>
    private async Task SettleAsync(FukangApplication a, CancellationToken ct)
    {
        if (a.SettledMonth is not null) return;
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == a.PersonId).Select(p => new { p.Name, p.IdNumberMasked, p.PlatformNumber }).FirstAsync(ct);
        var supplierDivision = await db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(o => o.Id == a.SupplierOrganizationId).Select(o => o.DivisionCode).FirstAsync(ct);
        var month = Entitlements.MonthOf(clock.Today);
        List<AmountLine> lines =
        [
            new($"{a.DeviceName} 1 件（{PersonNames.Mask(person.Name)} {person.IdNumberMasked ?? person.PlatformNumber}，{a.Number}）", a.UnitPrice.Yuan,
                $"{divisions.NameOf(a.CountyCode)} {a.CatalogueYear} 年度福康工程辅具目录单价（{a.CatalogueDocument}）"),
        ];
        var explanation = JsonSerializer.Serialize(lines, AuditRecorder.Json);
        entitlements.OneOff(Entitlements.Payee.ForOrganization(Program, a.Id, a.Number, a.SupplierOrganizationId, supplierDivision), month, a.UnitPrice, explanation,
            $"福康工程辅具费结算 {a.Number}");
        // the township records the person's confirmation; the fee goes to the county's supplier, which may be registered in another township
        foreach (var entry in db.ChangeTracker.Entries<EntitlementPeriod>().Where(x => x.State == EntityState.Added && x.Entity.SourceId == a.Id))
        {
            db.PermitOutOfScopeWrite(entry.Entity, "福康工程：本人确认后向县级目录中的供应商结算辅具费");
        }
        a.SettledMonth = month;
        audit.Add("settle", "disability_fukang_application", a.Id.ToString(), new { a.Number, amount = a.UnitPrice.Yuan, supplier = a.SupplierName, month }, a.CountyCode);
    }

    public static object ToDto(FukangApplication a, IReadOnlyList<WorkflowCaseEvent>? timeline = null) => new
    {
        a.Id,
        a.Number,
        a.PersonId,
        a.DivisionCode,
        a.CountyCode,
        a.DeviceId,
        a.DeviceCode,
        a.DeviceName,
        a.CatalogueYear,
        unitPrice = a.UnitPrice.Yuan,
        a.ReplacementMonths,
        supplierId = a.SupplierOrganizationId,
        a.SupplierName,
        a.CatalogueDocument,
        a.EligibleGroups,
        a.Status,
        statusName = FukangProcess.StatusName(a.Status),
        a.AssessedOn,
        a.AssessmentNote,
        a.ApprovedOn,
        a.RefusalReason,
        a.FittedOn,
        a.FittingNote,
        a.ConfirmedOn,
        a.SignedBy,
        a.SignerName,
        a.VisitedOn,
        a.InUse,
        a.FollowUpNote,
        a.SettledMonth,
        nextPossible = a.FittedOn is { } f ? FukangRules.NextPossible(f, a.ReplacementMonths) : (DateOnly?)null,
        timeline = timeline?.Select(e => new { e.At, e.ActorName, e.Action, e.ActionName, e.FromState, e.ToState, e.Opinion }),
        a.IsDemo,
        a.Version,
    };
}
