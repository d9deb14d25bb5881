using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Contracts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Charity.Funds;

public sealed record PlanInput(Guid? OrganizationId, string? Title, string? Purpose, DateOnly? StartsOn, DateOnly? EndsOn, string? Channel, string? Platform,
    string? Place, decimal? Target);

public sealed record DonationInput(string? DonorName, decimal? Amount, DateOnly? ReceivedOn, int? Version);

public sealed record SpendingInput(string? Purpose, decimal? Amount, DateOnly? SpentOn, int? Version);

public sealed record DisclosureInput(DateOnly? On, bool Final, int? Version);

public sealed record PlanDto(Guid Id, string Number, Guid OrganizationId, string OrganizationName, string Title, string Purpose, DateOnly StartsOn, DateOnly EndsOn,
    string Channel, string ChannelName, string? Platform, string? PlatformName, string? Place, decimal Target, decimal Raised, decimal Spent, decimal Balance,
    DateOnly FiledOn, DateOnly? LastDisclosedOn, DateOnly? FinalDisclosedOn, IReadOnlyList<DisclosureDue> Overdue, int Version);

public sealed record EntryDto(Guid Id, string Kind, DateOnly On, decimal Amount, string Text);

/// <summary>
/// 募捐方案备案 and the funds of each plan (issue 16 item 6): the charity (or its registering 民政 on its behalf) files a plan
/// before it starts, books the gifts received and the money spent to it, and discloses; the balance of a plan never goes
/// below zero, checked against the plan's version so concurrent entries cannot overspend.
/// </summary>
public sealed class CharityFunds(AppDbContext db, CharityOrganizations organizations, FigureBook figures, CaseNumbers numbers, BusinessClock clock, ICurrentUser user,
    ICharityQualificationsInForce qualifications)
{
    private static readonly NumberSeries Series = new("MJ", null, 5);

    public async Task<PlanDto> FileAsync(PlanInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var today = clock.Today;
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add("title", "请填写募捐方案名称");
        else if (title.Length > 100) errors.Add("title", "名称不能超过 100 字");
        var purpose = input.Purpose?.Trim() ?? "";
        if (purpose.Length == 0) errors.Add("purpose", "请填写募捐目的和募得款物用途");
        else if (purpose.Length > 1000) errors.Add("purpose", "募捐目的不能超过 1000 字");
        // 慈善法 第二十四条: the plan is filed before the fundraising starts
        if (input.StartsOn is not { } starts) errors.Add("startsOn", "请填写募捐起始日期");
        else if (starts < today) errors.Add("startsOn", "募捐方案应在开展募捐活动前备案，起始日期不能早于今天");
        if (input.EndsOn is not { } ends) errors.Add("endsOn", "请填写募捐终止日期");
        else if (input.StartsOn is { } s2 && ends < s2) errors.Add("endsOn", "终止日期不能早于起始日期");
        var channel = input.Channel switch { "on-site" => FundraisingChannel.OnSite, "online" => (FundraisingChannel?)FundraisingChannel.Online, _ => null };
        if (channel is null) errors.Add("channel", "请选择募捐方式：现场募捐（on-site）或互联网募捐（online）");
        var platform = string.IsNullOrWhiteSpace(input.Platform) ? null : input.Platform.Trim();
        var place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim();
        if (place?.Length > 200) errors.Add("place", "地点不能超过 200 字");
        if (channel == FundraisingChannel.OnSite && place is null) errors.Add("place", "现场募捐请填写募捐地域或地点");
        var target = Amount(input.Target, "target", "请填写募捐目标金额", errors);
        var o = await organizations.ForActionAsync(input.OrganizationId, errors, ct);
        if (channel == FundraisingChannel.Online)
        {
            // 慈善法 2023 第二十七条: only on a platform 民政部 has designated (the list is a figure, by date)
            if (platform is null) errors.Add("platform", "互联网募捐请选择民政部指定的互联网公开募捐信息平台");
            else if (input.StartsOn is { } on && figures.Find(CharityFigures.DesignatedPlatform, o.DivisionCode, on, platform) is not { Row.Number: 1 })
                errors.Add("platform", "该平台不在募捐起始日有效的民政部指定平台名单中");
        }
        else platform = null;
        errors.ThrowIfAny();
        // 慈善法 第二十二条: only a charity holding the 公开募捐资格 may raise funds publicly; the one in force on the plan's first day
        var startsOn = input.StartsOn!.Value;
        if (!(await qualifications.OfAsync(o.Id, startsOn, ct)).Any(q => q.Kind == CharityQualificationKinds.PublicFundraising))
            throw new AppProblem(409, "charity_no_public_fundraising", $"{o.Name}在募捐起始日（{startsOn:yyyy-MM-dd}）不具有有效的公开募捐资格，不能备案募捐方案");

        var plan = new FundraisingPlan
        {
            Number = await numbers.NextAsync(Series with { Year = today.Year }, db.Set<FundraisingPlan>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(p => (string?)p.Number), ct),
            OrganizationId = o.Id,
            DivisionCode = o.DivisionCode,
            Title = title,
            Purpose = purpose,
            StartsOn = input.StartsOn!.Value,
            EndsOn = input.EndsOn!.Value,
            Channel = channel!.Value,
            Platform = platform,
            Place = place,
            Target = target!.Value,
            FiledOn = today,
            FiledBy = user.UserName,
        };
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return Dto(plan, o.Name);
    }

    public async Task<Paged<PlanDto>> ListAsync(Guid? organizationId, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<FundraisingPlan>().AsNoTracking();
        if (organizationId is { } oid) q = q.Where(p => p.OrganizationId == oid);
        var rows = await q.OrderByDescending(p => p.StartsOn).ThenByDescending(p => p.Id).ToPagedAsync(page, ct);
        var names = await NamesAsync(rows.Items.Select(p => p.OrganizationId!.Value), ct);
        return rows.Select(p => Dto(p, names.GetValueOrDefault(p.OrganizationId!.Value, "")));
    }

    public async Task<PlanDto> OneAsync(Guid id, CancellationToken ct = default)
    {
        var p = await db.Set<FundraisingPlan>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("募捐方案");
        return Dto(p, (await NamesAsync([p.OrganizationId!.Value], ct)).GetValueOrDefault(p.OrganizationId!.Value, ""));
    }

    /// <summary>The plan's gifts and spending, newest first (the donor's name only to those who may read the plan).</summary>
    public async Task<Paged<EntryDto>> EntriesAsync(Guid id, PageRequest page, CancellationToken ct = default)
    {
        _ = await db.Set<FundraisingPlan>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("募捐方案");
        var gifts = await db.Set<CharityDonation>().AsNoTracking().Where(d => d.PlanId == id)
            .Select(d => new { d.Id, d.ReceivedOn, d.Amount, d.DonorName }).ToListAsync(ct);
        var spent = await db.Set<CharitySpending>().AsNoTracking().Where(s => s.PlanId == id)
            .Select(s => new { s.Id, s.SpentOn, s.Amount, s.Purpose }).ToListAsync(ct);
        var all = gifts.Select(g => new EntryDto(g.Id, "donation", g.ReceivedOn, g.Amount.Yuan, g.DonorName ?? "匿名"))
            .Concat(spent.Select(s => new EntryDto(s.Id, "spending", s.SpentOn, s.Amount.Yuan, s.Purpose)))
            .OrderByDescending(e => e.On).ThenByDescending(e => e.Id).ToList();
        return new Paged<EntryDto>([.. all.Skip(page.Skip).Take(page.PageSize)], all.Count, page.Page, page.PageSize);
    }

    public async Task<PlanDto> DonateAsync(Guid id, DonationInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var donor = string.IsNullOrWhiteSpace(input.DonorName) ? null : input.DonorName.Trim();
        if (donor?.Length > 100) errors.Add("donorName", "捐赠人名称不能超过 100 字");
        var amount = Amount(input.Amount, "amount", "请填写捐赠金额", errors);
        if (input.ReceivedOn is not { } on) errors.Add("receivedOn", "请填写收到捐赠的日期");
        else if (on > clock.Today) errors.Add("receivedOn", "收到日期不能晚于今天");
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        var plan = await PlanForActionAsync(id, ct);
        errors.ThrowIfAny();
        db.ExpectVersion(plan, input.Version!.Value);
        if (input.ReceivedOn!.Value < plan.StartsOn) throw AppProblem.Field("receivedOn", $"募捐方案自 {plan.StartsOn:yyyy-MM-dd} 起开展，收到日期不能早于此日");
        db.Add(new CharityDonation
        {
            PlanId = plan.Id,
            OrganizationId = plan.OrganizationId,
            DivisionCode = plan.DivisionCode,
            DonorName = donor,
            Amount = amount!.Value,
            ReceivedOn = input.ReceivedOn!.Value,
            RecordedBy = user.UserName,
        });
        plan.Raised += amount!.Value;
        await db.SaveChangesAsync(ct);
        return Dto(plan, (await NamesAsync([plan.OrganizationId!.Value], ct)).GetValueOrDefault(plan.OrganizationId!.Value, ""));
    }

    public async Task<PlanDto> SpendAsync(Guid id, SpendingInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var purpose = input.Purpose?.Trim() ?? "";
        if (purpose.Length == 0) errors.Add("purpose", "请填写支出用途");
        else if (purpose.Length > 500) errors.Add("purpose", "支出用途不能超过 500 字");
        var amount = Amount(input.Amount, "amount", "请填写支出金额", errors);
        if (input.SpentOn is not { } on) errors.Add("spentOn", "请填写支出日期");
        else if (on > clock.Today) errors.Add("spentOn", "支出日期不能晚于今天");
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        var plan = await PlanForActionAsync(id, ct);
        errors.ThrowIfAny();
        db.ExpectVersion(plan, input.Version!.Value);
        var balance = plan.Raised - plan.Spent;
        if (amount!.Value > balance)
            throw new AppProblem(409, "charity_insufficient_funds", $"支出 {amount.Value.Yuan:N2} 元超过该项目可用余额 {balance.Yuan:N2} 元");
        db.Add(new CharitySpending
        {
            PlanId = plan.Id,
            OrganizationId = plan.OrganizationId,
            DivisionCode = plan.DivisionCode,
            Purpose = purpose,
            Amount = amount.Value,
            SpentOn = input.SpentOn!.Value,
            RecordedBy = user.UserName,
        });
        plan.Spent += amount.Value;
        await db.SaveChangesAsync(ct);
        return Dto(plan, (await NamesAsync([plan.OrganizationId!.Value], ct)).GetValueOrDefault(plan.OrganizationId!.Value, ""));
    }

    /// <summary>Records a periodic or the final disclosure (公开) of the plan.</summary>
    public async Task<PlanDto> DiscloseAsync(Guid id, DisclosureInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (input.On is not { } on) errors.Add("on", "请填写公开日期");
        else if (on > clock.Today) errors.Add("on", "公开日期不能晚于今天");
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        var plan = await PlanForActionAsync(id, ct);
        errors.ThrowIfAny();
        db.ExpectVersion(plan, input.Version!.Value);
        if (input.On!.Value < plan.StartsOn) throw AppProblem.Field("on", "公开日期不能早于募捐起始日期");
        if (input.Final)
        {
            if (input.On.Value < plan.EndsOn) throw AppProblem.Field("on", "全面公开应在募捐活动结束后");
            plan.FinalDisclosedOn = input.On;
        }
        else plan.LastDisclosedOn = input.On;
        await db.SaveChangesAsync(ct);
        return Dto(plan, (await NamesAsync([plan.OrganizationId!.Value], ct)).GetValueOrDefault(plan.OrganizationId!.Value, ""));
    }

    /// <summary>Plans with an overdue disclosure (an alert list), within the scope.</summary>
    public async Task<IReadOnlyList<PlanDto>> OverdueAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var open = await db.Set<FundraisingPlan>().AsNoTracking().Where(p => p.FinalDisclosedOn == null && p.StartsOn < today).OrderBy(p => p.EndsOn).ToListAsync(ct);
        var names = await NamesAsync(open.Select(p => p.OrganizationId!.Value), ct);
        return [.. open.Select(p => Dto(p, names.GetValueOrDefault(p.OrganizationId!.Value, ""))).Where(d => d.Overdue.Count > 0)];
    }

    private async Task<FundraisingPlan> PlanForActionAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.Set<FundraisingPlan>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw AppProblem.NotFound("募捐方案");
        organizations.Authorize(plan.OrganizationId);
        return plan;
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Organizations.AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static Money? Amount(decimal? yuan, string field, string missing, ValidationErrors errors)
    {
        if (yuan is not { } y) { errors.Add(field, missing); return null; }
        if (y <= 0) { errors.Add(field, "金额应大于零"); return null; }
        if (decimal.Round(y, 2) != y || y > Money.MaxYuan) { errors.Add(field, "金额应为元，至多两位小数"); return null; }
        return Money.FromYuan(y, field);
    }

    public PlanDto Dto(FundraisingPlan p, string organizationName)
    {
        var code = p.DivisionCode;
        int Months(string category, int fallback) => figures.Find(CharityFigures.DisclosureMonths, code, p.StartsOn, category)?.Row.Number ?? fallback;
        // without the figures the rule cannot say what is due: no alert rather than a guessed one
        var configured = figures.Find(CharityFigures.DisclosureMonths, code, p.StartsOn, DisclosureRule.Interval) is not null;
        var overdue = configured
            ? DisclosureRule.Overdue(p.StartsOn, p.EndsOn, p.LastDisclosedOn, p.FinalDisclosedOn, clock.Today, Months(DisclosureRule.LongPlan, 6), Months(DisclosureRule.Interval, 3), Months(DisclosureRule.Final, 3))
            : [];
        return new(p.Id, p.Number, p.OrganizationId!.Value, organizationName, p.Title, p.Purpose, p.StartsOn, p.EndsOn,
            p.Channel == FundraisingChannel.Online ? "online" : "on-site", p.Channel == FundraisingChannel.Online ? "互联网募捐" : "现场募捐",
            p.Platform, p.Platform is null ? null : CharityFigures.DesignatedPlatform.CategoryName(p.Platform), p.Place,
            p.Target.Yuan, p.Raised.Yuan, p.Spent.Yuan, (p.Raised - p.Spent).Yuan, p.FiledOn, p.LastDisclosedOn, p.FinalDisclosedOn, overdue, p.Version);
    }
}
