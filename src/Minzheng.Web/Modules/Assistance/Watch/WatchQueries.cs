using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Assistance.Watch;

public sealed record WatchEntry(Guid HouseholdId, string HouseholdNumber, string HeadName, string DivisionCode, string DivisionName, IReadOnlyList<string> Grounds,
    DateOnly? LastVisit, RiskLevel? LastRisk, bool VisitDue);

public sealed record LedgerEntry(Guid HouseholdId, string HouseholdNumber, string HeadName, string DivisionName, string Address, int Members,
    IReadOnlyList<string> Help, Money MonthlyTotal, Money OneOffTotal);

public sealed record FollowUpInput(DateOnly? VisitedOn, [Text(50)] string? Visitor, RiskLevel? Risk, [Text(500)] string? Note);

/// <summary>
/// 返贫监测 watch list: marginal households (refused or ended with income below the marginal multiple),
/// households that left dibao within the configured months, and households with large expense-driven
/// temporary assistance; each with follow-up visits. The 城镇困难群众脱困解困台账 lists urban households in
/// difficulty with every help they receive.
/// </summary>
public sealed class WatchQueries(AppDbContext db, DivisionDirectory divisions, BusinessClock clock, FigureBook book, ICurrentUser user, AuditLog audit)
{
    public async Task<List<WatchEntry>> WatchListAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var cases = await db.Set<AssistanceCase>().AsNoTracking()
            .Where(c => c.Marginal || c.State == AssistanceProcesses.Terminated || (c.Program == AssistanceProgram.Temporary && c.TemporaryType == TemporaryType.Expense && c.State == AssistanceProcesses.Granted))
            .Select(c => new { c.HouseholdId, c.DivisionCode, c.Program, c.State, c.Marginal, c.EndedOn, c.ApprovedAmount, c.Number })
            .ToListAsync(ct);
        var onDibao = (await db.Set<AssistanceCase>().AsNoTracking().Where(c => c.Program == AssistanceProgram.Dibao && (c.State == AssistanceProcesses.Active || c.State == AssistanceProcesses.Suspended))
            .Select(c => c.HouseholdId).ToListAsync(ct)).ToHashSet();
        var grounds = new Dictionary<Guid, (string Division, List<string> Grounds)>();
        void Add(Guid household, string division, string ground)
        {
            if (!grounds.TryGetValue(household, out var g)) grounds[household] = g = (division, []);
            g.Grounds.Add(ground);
        }
        foreach (var c in cases)
        {
            if (c.Marginal && !onDibao.Contains(c.HouseholdId)) Add(c.HouseholdId, c.DivisionCode, $"低保边缘家庭（{c.Number}）");
            if (c.Program == AssistanceProgram.Dibao && c.State == AssistanceProcesses.Terminated && c.EndedOn is { } ended && !onDibao.Contains(c.HouseholdId))
            {
                var months = book.Find(StandardKinds.WatchLeftMonths, c.DivisionCode, Area.All, today)?.Number ?? 12;
                if (ended >= today.AddMonths(-months)) Add(c.HouseholdId, c.DivisionCode, $"{ended:yyyy-MM-dd} 退出低保（{months}个月内）");
            }
            if (c.Program == AssistanceProgram.Temporary)
            {
                var threshold = book.Find(StandardKinds.WatchTemporaryThreshold, c.DivisionCode, Area.All, today)?.Amount ?? Money.Zero;
                if (c.ApprovedAmount >= threshold) Add(c.HouseholdId, c.DivisionCode, $"支出型临时救助 {c.ApprovedAmount} 元（{c.Number}）");
            }
        }
        var ids = grounds.Keys.ToList();
        var households = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).Select(h => new { h.Id, h.Number, Head = h.HeadPerson!.Name }).ToDictionaryAsync(h => h.Id, ct);
        var visits = (await db.Set<WatchFollowUp>().AsNoTracking().Where(v => ids.Contains(v.HouseholdId)).ToListAsync(ct))
            .GroupBy(v => v.HouseholdId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.VisitedOn)!);
        return grounds.Where(g => households.ContainsKey(g.Key)).Select(g =>
        {
            var h = households[g.Key];
            var last = visits.GetValueOrDefault(g.Key);
            return new WatchEntry(g.Key, h.Number, h.Head ?? "", g.Value.Division, divisions.FullName(g.Value.Division), g.Value.Grounds, last?.VisitedOn, last?.Risk,
                last is null || last.VisitedOn < today.AddMonths(-3));
        }).OrderByDescending(e => e.VisitDue).ThenBy(e => e.DivisionCode).ToList();
    }

    public async Task<WatchFollowUp> AddFollowUpAsync(Guid householdId, FollowUpInput input, CancellationToken ct = default)
    {
        if (!user.HasPermission(AssistancePermissions.Accept) && !user.HasPermission(AssistancePermissions.Apply)) throw AppProblem.Forbidden("您没有登记走访的权限");
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct) ?? throw AppProblem.NotFound("家庭");
        var errors = new ValidationErrors();
        if (input.VisitedOn is null || input.VisitedOn > clock.Today) errors.Add("visitedOn", "请填写走访日期（不晚于今天）");
        if (string.IsNullOrWhiteSpace(input.Visitor)) errors.Add("visitor", "请填写走访人");
        if (input.Risk is null) errors.Add("risk", "请选择返贫风险");
        if (string.IsNullOrWhiteSpace(input.Note)) errors.Add("note", "请填写走访情况");
        errors.ThrowIfAny();
        var visit = new WatchFollowUp { HouseholdId = householdId, DivisionCode = household.DivisionCode, VisitedOn = input.VisitedOn!.Value, Visitor = input.Visitor!.Trim(), Risk = input.Risk!.Value, Note = input.Note!.Trim() };
        db.Set<WatchFollowUp>().Add(visit);
        await db.SaveChangesAsync(ct);
        return visit;
    }

    /// <summary>Urban households with any assistance (running, granted or marginal) and every help they received.</summary>
    public async Task<List<LedgerEntry>> LedgerAsync(CancellationToken ct = default)
    {
        var cases = await db.Set<AssistanceCase>().AsNoTracking()
            .Where(c => c.Area == Area.Urban && (c.State == AssistanceProcesses.Active || c.State == AssistanceProcesses.Suspended || c.State == AssistanceProcesses.Granted || c.Marginal))
            .OrderBy(c => c.AppliedOn)
            .Select(c => new { c.HouseholdId, c.Program, c.State, c.Number, c.MonthlyAmount, c.ApprovedAmount, c.Marginal, c.PaymentStartMonth, c.DecidedOn })
            .ToListAsync(ct);
        var ids = cases.Select(c => c.HouseholdId).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.Number, h.DivisionCode, h.Address, Head = h.HeadPerson!.Name, Members = h.Members.Count(m => m.LeftOn == null) })
            .ToDictionaryAsync(h => h.Id, ct);
        return cases.GroupBy(c => c.HouseholdId).Where(g => households.ContainsKey(g.Key)).Select(g =>
        {
            var h = households[g.Key];
            var help = g.Select(c => c.Program switch
            {
                AssistanceProgram.Temporary => $"临时救助 {c.ApprovedAmount} 元（{c.DecidedOn:yyyy-MM-dd}）",
                _ when c.Marginal && c.State is not (AssistanceProcesses.Active or AssistanceProcesses.Suspended) => $"低保边缘家庭（{c.Number}）",
                _ => $"{AssistanceProcesses.ProgramName(c.Program)} 每月 {c.MonthlyAmount} 元（{c.PaymentStartMonth:yyyy-MM} 起{(c.State == AssistanceProcesses.Suspended ? "，暂停中" : "")}）",
            }).ToList();
            var monthly = new Money(g.Where(c => c.State == AssistanceProcesses.Active).Sum(c => c.MonthlyAmount.Fen));
            var oneOff = new Money(g.Where(c => c.Program == AssistanceProgram.Temporary).Sum(c => c.ApprovedAmount.Fen));
            return new LedgerEntry(g.Key, h.Number, h.Head ?? "", divisions.FullName(h.DivisionCode), h.Address, h.Members, help, monthly, oneOff);
        }).OrderBy(e => e.HouseholdNumber).ToList();
    }

    public async Task<Stream> LedgerExcelAsync(CancellationToken ct = default)
    {
        await audit.RecordAsync("export", "assistance_ledger", null, new { list = "城镇困难群众脱困解困台账" }, ct: ct);
        var rows = (await LedgerAsync(ct)).Select(e => new Dictionary<string, object?>
        {
            ["户编号"] = e.HouseholdNumber,
            ["户主"] = e.HeadName,
            ["所在地"] = e.DivisionName,
            ["地址"] = e.Address,
            ["人数"] = e.Members,
            ["享受的帮扶"] = string.Join("；", e.Help),
            ["每月救助合计（元）"] = e.MonthlyTotal.Yuan,
            ["临时救助合计（元）"] = e.OneOffTotal.Yuan,
        });
        var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, rows, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }
}

public static class WatchApi
{
    public static void MapWatchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/assistance").WithTags("Assistance");
        api.MapGet("/watch", async (int? page, int? pageSize, WatchQueries watch, CancellationToken ct) =>
                TypedResults.Ok((await watch.WatchListAsync(ct)).ToPaged(PageRequest.From(page, pageSize, 50))))
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Read))
            .WithSummary("返贫监测名单（低保边缘、退保12个月内、大额支出型临时救助），分页 { items, total }");
        api.MapPost("/watch/{householdId:guid}/follow-ups", async (Guid householdId, FollowUpInput input, WatchQueries watch, CancellationToken ct) =>
            {
                var v = await watch.AddFollowUpAsync(householdId, input, ct);
                return TypedResults.Created($"/api/v1/assistance/watch/{householdId}", new { v.Id, v.VisitedOn, risk = v.Risk });
            })
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Read))
            .WithSummary("登记监测走访");
        api.MapGet("/ledger", async (int? page, int? pageSize, WatchQueries watch, CancellationToken ct) =>
                TypedResults.Ok((await watch.LedgerAsync(ct)).ToPaged(PageRequest.From(page, pageSize, 50))))
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Read))
            .WithSummary("城镇困难群众脱困解困台账，分页 { items, total }");
        app.MapGet("/assistance/ledger.xlsx", async (WatchQueries watch, CancellationToken ct) =>
                TypedResults.File(await watch.LedgerExcelAsync(ct), Platform.Registry.RegistryApi.XlsxContentType, $"城镇困难群众脱困解困台账-{DateTime.Now:yyyyMMdd}.xlsx"))
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Read))
            .ExcludeFromDescription();
    }
}
