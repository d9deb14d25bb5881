using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Modules.Disability.Contracts;
using Minzheng.Web.Modules.ElderlyCare.HomeCare.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare;

/// <param name="PersonId">The elder (registry person); or <paramref name="IdNumber"/> where the clerk types the ID number.</param>
/// <param name="MonthlyHours">Hours granted a month; at most the figure in force (its value when left out).</param>
public sealed record OrderInput(Guid? PersonId, [Text(18)] string? IdNumber, Guid? ContractId, [NoNullItems] List<string>? Services, [Within(1, 744)] int? MonthlyHours, DateOnly? FromDate);

/// <summary>Checks an elder against the configured criteria and places the service order with the contracted provider.</summary>
public sealed class HomeCareOrders(AppDbContext db, ICurrentUser user, FigureBook figures, Entitlements entitlements, IdentifierProtector protector, CaseNumbers numbers,
    AuditLog audit, BusinessClock clock, IServiceProvider services, HomeCareContracts contracts)
{
    /// <summary>The criteria configured for <paramref name="divisionCode"/> on <paramref name="on"/>; a criterion without a figure is off.</summary>
    public EligibilityConfig ConfigFor(string divisionCode, DateOnly on)
    {
        bool Yes(FigureKind k) => figures.Find(k, divisionCode, on)?.Yes ?? false;
        int Number(FigureKind k, int fallback) => figures.Find(k, divisionCode, on)?.Row.Number ?? fallback;
        return new EligibilityConfig(Yes(HomeCareFigures.ExtremePoverty), Yes(HomeCareFigures.DibaoElder), Yes(HomeCareFigures.Disabled), Yes(HomeCareFigures.Aged),
            Number(HomeCareFigures.AgedFrom, 80), Number(HomeCareFigures.ElderFrom, 60), Yes(HomeCareFigures.Ability) && services.GetService<IAbilityLevelSource>() is not null,
            Number(HomeCareFigures.AbilityFrom, 2));
    }

    /// <summary>Whether the ability-level criterion can be applied at all (an assessment source is registered).</summary>
    public bool AbilityAvailable => services.GetService<IAbilityLevelSource>() is not null;

    /// <summary>What the platform knows of the elder on <paramref name="on"/>: age from the registry, assistance and disability through the published entitlements.</summary>
    public async Task<EligibilityFacts> FactsAsync(Person person, DateOnly on, CancellationToken ct)
    {
        var month = Entitlements.MonthOf(on);
        var extreme = await entitlements.RunningForPersonAsync(AssistancePrograms.ExtremePoverty, person.Id, month, ct) is not null;
        var dibao = await entitlements.RunningForPersonAsync(AssistancePrograms.Dibao, person.Id, month, ct) is not null;
        if (!dibao)
        {
            var households = await db.HouseholdMembers.Where(m => m.PersonId == person.Id && m.LeftOn == null).Select(m => m.HouseholdId).ToListAsync(ct);
            foreach (var h in households) dibao |= await entitlements.RunningForHouseholdAsync(AssistancePrograms.Dibao, h, month, ct) is not null;
        }
        var disabled = await entitlements.RunningForPersonAsync(DisabilityPrograms.Living, person.Id, month, ct) is not null
                       || await entitlements.RunningForPersonAsync(DisabilityPrograms.Care, person.Id, month, ct) is not null;
        int? level = services.GetService<IAbilityLevelSource>() is { } source ? await source.LevelOfAsync(person.Id, on, ct) : null;
        return new EligibilityFacts(person.AgeOn(on), extreme, dibao, disabled, level);
    }

    public async Task<HomeCareOrder> CreateAsync(OrderInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        var today = clock.Today;
        var from = input.FromDate ?? today;
        Person? person = null;
        if (input.PersonId is { } pid) person = await db.Persons.FirstOrDefaultAsync(p => p.Id == pid, ct);
        else if (!string.IsNullOrWhiteSpace(input.IdNumber))
        {
            var id = await PersonLookup.RequireAsync(db, protector, input.IdNumber, "idNumber", "老人", ct);
            person = await db.Persons.FirstAsync(p => p.Id == id, ct);
        }
        if (person is null) errors.Add(input.IdNumber is null ? "personId" : "idNumber", "请选择服务对象（已在人员登记中登记、在您的管辖范围内）");
        else if (person.LifeStatus != LifeStatus.Alive) errors.Add("personId", "该老人已登记死亡或失踪");

        HomeCareContract? contract = null;
        if (input.ContractId is not { } cid) errors.Add("contractId", "请选择服务合同（服务机构）");
        else
        {
            contract = await contracts.FindOrderableAsync(cid, ct);
            if (contract is null) errors.Add("contractId", "服务合同不存在或不在您的管辖范围内");
            else if (from < contract.ValidFrom || from > contract.ValidTo) errors.Add("fromDate", $"服务开始日期须在合同期内（{contract.ValidFrom:yyyy-MM-dd} 至 {contract.ValidTo:yyyy-MM-dd}）");
            else if (person is not null && !person.DivisionCode.StartsWith(DivisionCodes.ScopePrefix(contract.DivisionCode), StringComparison.Ordinal))
                errors.Add("contractId", "该合同的购买方不是老人户籍所在地");
        }
        if (from < Entitlements.MonthOf(today).AddMonths(-1)) errors.Add("fromDate", "服务开始日期不得早于上月 1 日");

        var chosen = (input.Services ?? []).Select(s => s.Trim()).Distinct().ToList();
        if (chosen.Count == 0) errors.Add("services", "请至少选择一项服务");
        foreach (var s in chosen.Where(s => HomeCareFigures.Services.All(x => x.Code != s))) errors.Add("services", $"未知的服务项目：{s}");
        if (contract is not null)
        {
            foreach (var s in chosen.Where(s => HomeCareFigures.Services.Any(x => x.Code == s) && figures.Find(HomeCareFigures.UnitPrice, contract.DivisionCode, from, s) is null))
            {
                errors.Add("services", $"{HomeCareFigures.ServiceName(s)} 没有生效的服务单价，请先在标准中录入");
            }
        }
        errors.ThrowIfAny();

        var hoursFigure = figures.Require(HomeCareFigures.MonthlyHours, person!.DivisionCode, from);
        var hours = input.MonthlyHours ?? hoursFigure.Number;
        if (hours > hoursFigure.Number) throw AppProblem.Field("monthlyHours", $"每月服务时长不得超过 {hoursFigure.Number} 小时（{hoursFigure.Row.Document}）");

        var config = ConfigFor(person.DivisionCode, from);
        var matched = HomeCareRules.Matches(await FactsAsync(person, from, ct), config);
        if (matched.Count == 0)
        {
            throw AppProblem.Conflict("home_care_not_eligible",
                $"{person.Name}（{person.AgeOn(from)} 岁）不符合当前配置的服务对象条件：{Describe(config)}{(AbilityAvailable ? "" : "（能力评估尚未接入，失能条件暂不适用）")}");
        }
        if (await db.Set<HomeCareOrder>().AnyAsync(o => o.PersonId == person.Id && o.Status == HomeCareOrderStatus.Active, ct))
        {
            throw AppProblem.Conflict("home_care_order_exists", $"{person.Name} 已有正在执行的居家养老服务订单");
        }

        var order = new HomeCareOrder
        {
            Number = await numbers.NextAsync(new NumberSeries("JJFW", from.Year, 5), db.Set<HomeCareOrder>().IgnoreQueryFilters().Select(o => (string?)o.Number), ct),
            ContractId = contract!.Id,
            OrganizationId = contract.OrganizationId,
            PersonId = person.Id,
            ElderName = person.Name,
            Address = string.IsNullOrWhiteSpace(person.Address) ? "" : person.Address,
            DivisionCode = person.DivisionCode,
            Services = string.Join(',', HomeCareFigures.Services.Select(s => s.Code).Where(chosen.Contains)),
            MonthlyHours = hours,
            Eligibility = JsonSerializer.Serialize(matched, AuditRecorder.Json),
            FromDate = from,
            ConfirmationCode = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
            CreatedBy = user.UserName,
        };
        db.Add(order);
        audit.Add("create", "elderly_homecare_order", order.Id.ToString(), new { order.Number, order.ElderName, contract.ProviderName, order.Services, order.MonthlyHours, matched }, order.DivisionCode);
        await db.SaveChangesAsync(ct);
        return order;
    }

    /// <summary>Ends an order from a date (the elder moved, died, or declined); records after it are refused at check-in.</summary>
    public async Task<HomeCareOrder> EndAsync(Guid id, DateOnly? toDate, int? version, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        if (user.OrganizationId is not null) throw AppProblem.Forbidden("服务机构不能终止订单");
        if (toDate is not { } to) throw AppProblem.Field("toDate", "请填写终止日期");
        if (to < order.FromDate) throw AppProblem.Field("toDate", "终止日期不得早于服务开始日期");
        if (version is { } v) db.ExpectVersion(order, v);
        if (order.Status != HomeCareOrderStatus.Active) throw AppProblem.Conflict("home_care_order_inactive", "订单已终止");
        order.Status = HomeCareOrderStatus.Ended;
        order.ToDate = to;
        audit.Add("end", "elderly_homecare_order", order.Id.ToString(), new { order.Number, to }, order.DivisionCode);
        await db.SaveChangesAsync(ct);
        return order;
    }

    public async Task<HomeCareOrder> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<HomeCareOrder>().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw AppProblem.NotFound("居家养老服务订单");

    public static string Describe(EligibilityConfig c)
    {
        var on = new List<string>();
        if (c.ExtremePoverty) on.Add("特困人员");
        if (c.DibaoElder) on.Add("低保家庭老年人");
        if (c.Disabled) on.Add("享受残疾人两项补贴");
        if (c.Aged) on.Add($"{c.AgedFrom} 周岁及以上");
        if (c.Ability) on.Add($"能力等级 {c.AbilityFrom} 级及以上");
        return on.Count == 0 ? "（未配置任何服务对象条件）" : $"{c.ElderFrom} 周岁及以上且属于：{string.Join("、", on)}";
    }
}
