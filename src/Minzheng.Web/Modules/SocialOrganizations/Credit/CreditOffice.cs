using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Credit;

/// <summary>One credit event as the officer's and the organisation's pages show it.</summary>
public sealed record CreditEventView(Guid Id, DateOnly OccurredOn, CreditEventKind Kind, string KindCode, string KindName, string Fact,
    string? DocumentNumber, Money? Fine, string? FulfilsName, Guid? CorrectsId, bool Struck, string Source, string RecordedBy, DateTime RecordedAt)
{
    /// <summary>An entry ground (异常名录 or 失信名单) the organisation may object to.</summary>
    public bool IsGround => CreditRules.IsAbnormalGround(Kind) || CreditRules.IsDishonestGround(Kind);
}

/// <summary>An organisation's credit as its page shows it: the derived status beside the events it comes from.</summary>
public sealed record CreditView(SocialOrganization Organization, CreditStatus Status, IReadOnlyList<CreditEventView> Events,
    IReadOnlyList<CreditObjection> Objections, IReadOnlyList<CreditPublication> Publications, bool CanAct, bool IsOwnOrganization);

/// <summary>One organisation on a current list (the officers' list page and its export).</summary>
public sealed record CreditListRow(Guid OrganizationId, string Name, string? CreditCode, string AuthorityDivisionCode, CreditStatus Status);

/// <summary>
/// The officers' credit ledger (issue 14 item 3): the registration authority records entry decisions, verified fulfilment and
/// removals; the organisation objects to an event and the authority decides. Every event goes through
/// <see cref="CreditLedger.RecordAsync"/> and is never edited; the status is always derived (<see cref="CreditLedger.StatusAsync"/>).
/// </summary>
public sealed class CreditOffice(AppDbContext db, RegistrationAuthority authority, CreditLedger ledger, FigureBook figures,
    WorkingCalendar calendar, BusinessClock clock, ICurrentUser user)
{
    /// <summary>民政部令第60号: a fine under 50,000 元 is an 活动异常名录 ground, 50,000 元 or more a 严重违法失信名单 ground (rules.md §6.2, CONFIRMED-S).</summary>

    public sealed record RecordInput(string? Kind, string? Date, string? Fact, string? DocumentNumber, decimal? FineYuan, string? Fulfils);

    public sealed record ObjectionInput(Guid? EventId, string? Reason, string? Evidence);

    public sealed record DecisionInput(string? Decision, string? Reason, int? Version);

    /// <summary>The kinds an officer records here (deregistration is the registration part's, corrections come from objections).</summary>
    public static bool OfficerKind(CreditEventKind k) =>
        CreditRules.IsAbnormalGround(k) || CreditRules.IsDishonestGround(k) || k is CreditEventKind.Fulfilled or CreditEventKind.Removed;

    public async Task<CreditView> ViewAsync(Guid organizationId, CancellationToken ct = default)
    {
        var o = await authority.LoadAsync(organizationId, ct);
        var records = await db.Set<CreditEventRecord>().AsNoTracking().Where(e => e.OrganizationId == o.Id)
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ToListAsync(ct);
        var status = ledger.Status(records, o.Profile.AuthorityDivisionCode, clock.Today);
        var objections = await db.Set<CreditObjection>().AsNoTracking().Where(x => x.OrganizationId == o.Id).OrderByDescending(x => x.FiledOn).ThenByDescending(x => x.Id).ToListAsync(ct);
        var publications = await db.Set<CreditPublication>().AsNoTracking().Where(p => p.OrganizationId == o.Id).OrderByDescending(p => p.EffectiveOn).ThenByDescending(p => p.RecordedAt).ToListAsync(ct);
        return new(o, status, Views(records), objections, publications, authority.CanAct(o.Profile), user.OrganizationId == o.Id);
    }

    public static List<CreditEventView> Views(IReadOnlyList<CreditEventRecord> records)
    {
        var struck = records.Where(r => r.Kind == CreditEventKind.Corrected && r.CorrectsId is not null).Select(r => r.CorrectsId!.Value).ToHashSet();
        return [.. records.Select(r => new CreditEventView(r.Id, r.OccurredOn, r.Kind, CreditRules.Code(r.Kind), CreditLabels.Name(CreditRules.Code(r.Kind)), r.Ground,
            r.DocumentNumber, r.Fine, r.FulfilsKind is { } f ? CreditLabels.Name(CreditRules.Code(f)) : null, r.CorrectsId, struck.Contains(r.Id), r.Source, r.RecordedBy, r.RecordedAt))];
    }

    /// <summary>Records an officer's event: an entry decision, a verified fulfilment or a removal (registration authority only).</summary>
    public async Task<CreditEventRecord> RecordAsync(Guid organizationId, RecordInput input, CancellationToken ct = default)
    {
        var o = await authority.LoadForActionAsync(organizationId, ct);
        var today = clock.Today;
        var errors = new ValidationErrors();
        var kind = CreditLabels.Parse(input.Kind?.Trim());
        if (kind is not { } k || !OfficerKind(k)) errors.Add("kind", "请选择列入情形、履行义务核实或移出决定");
        DateOnly date = default;
        if (!DateOnly.TryParseExact(input.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) errors.Add("date", "日期须为 YYYY-MM-DD 格式的日期");
        else if (date > today) errors.Add("date", "日期不能晚于今天");
        else if (o.Organization.RegisteredOn is { } registered && date < registered) errors.Add("date", $"日期不能早于成立登记日期 {registered:yyyy-MM-dd}");
        var fact = input.Fact?.Trim() ?? "";
        if (fact.Length == 0) errors.Add("fact", "请写明具体事实（如“未按时报送2025年度工作报告”）");
        else if (fact.Length > 500) errors.Add("fact", "具体事实最多 500 字");
        var document = string.IsNullOrWhiteSpace(input.DocumentNumber) ? null : input.DocumentNumber.Trim();
        if (document is { Length: > 100 }) errors.Add("documentNumber", "文书编号最多 100 字");
        if (document is null && kind is { } dk && dk != CreditEventKind.Fulfilled) errors.Add("documentNumber", "请填写决定书文号（列入、处罚或移出决定书）");
        Money? fine = null;
        if (input.FineYuan is { } yuan)
        {
            if (kind is not (CreditEventKind.WarningOrSmallFine or CreditEventKind.LargeFine)) errors.Add("fineYuan", "只有罚款处罚填写罚款金额");
            else if (yuan <= 0 || decimal.Round(yuan, 2) != yuan || yuan > 100_000_000m) errors.Add("fineYuan", "罚款金额须为大于 0 的金额（元，最多两位小数）");
            else
            {
                fine = Money.FromYuan(yuan, "fineYuan");
                // the 5万元 line of 60号令 is a figure (effective-dated), read for the registration authority on today's date
                var largeFineFrom = figures.Require(CreditFigures.LargeFineFrom, o.Profile.AuthorityDivisionCode, today).Amount;
                if (kind == CreditEventKind.WarningOrSmallFine && fine >= largeFineFrom)
                    errors.Add("fineYuan", "罚款 5 万元以上的，按民政部令第60号列入严重违法失信名单，请选择“受到5万元以上罚款处罚”");
                if (kind == CreditEventKind.LargeFine && fine < largeFineFrom)
                    errors.Add("fineYuan", "不满 5 万元的罚款，按民政部令第60号列入活动异常名录，请选择“受到警告或者不满5万元罚款处罚”");
            }
        }
        else if (kind == CreditEventKind.LargeFine) errors.Add("fineYuan", "请填写罚款金额（5 万元以上）");
        CreditEventKind? fulfils = null;
        if (!string.IsNullOrWhiteSpace(input.Fulfils))
        {
            if (kind != CreditEventKind.Fulfilled) errors.Add("fulfils", "只有履行义务核实时选择所履行的列入情形");
            else if (CreditLabels.Parse(input.Fulfils.Trim()) is not { } g || !CreditRules.IsAbnormalGround(g) || !CreditRules.NeedsRectification(g))
                errors.Add("fulfils", "所履行的须为需要整改的活动异常名录列入情形");
            else fulfils = g;
        }
        errors.ThrowIfAny();

        // fulfilment and removal act on the status of that day: nothing to fulfil or remove is a conflict, not a new fact
        if (kind is CreditEventKind.Fulfilled or CreditEventKind.Removed)
        {
            var status = await ledger.StatusAsync(o, date, ct);
            if (kind == CreditEventKind.Fulfilled)
            {
                var open = status.List == CreditList.None ? [] : status.Grounds.Where(g => CreditLabels.Parse(g.Kind) is { } gk && CreditRules.NeedsRectification(gk) && (fulfils is null || gk == fulfils)).ToList();
                if (open.Count == 0)
                    throw new AppProblem(409, "socorg_credit_nothing_to_fulfil", $"{date:yyyy-MM-dd} 该社会组织没有需要履行义务或整改的列入情形{(fulfils is { } fk ? "“" + CreditLabels.Name(CreditRules.Code(fk)) + "”" : "")}");
            }
            else if (status.List != CreditList.Abnormal || status.RemovableFrom is not { } from || from > date)
            {
                throw new AppProblem(409, "socorg_credit_not_removable", status.List switch
                {
                    CreditList.None => $"{date:yyyy-MM-dd} 该社会组织未被列入名录，无需移出",
                    CreditList.Dishonest => "严重违法失信名单满2年且无新情形的，经申请自动移出；注销登记的随注销移出，不由此登记移出决定",
                    _ => status.RemovableFrom is { } f2 ? $"最早可于 {f2:yyyy-MM-dd} 移出（履行义务核实之日或列入满6个月）" : "尚有需要履行义务或整改的列入情形未经核实，不能移出",
                });
            }
        }

        var row = await ledger.RecordAsync(o, new CreditEntry(o.Id, date, kind!.Value, fact, "officer", document, FulfilsKind: fulfils, Fine: fine), ct);
        await db.SaveChangesAsync(ct);
        return row!;
    }

    /// <summary>The organisation's own account objects to one of its events (another organisation's account gets 404 from the scope).</summary>
    public async Task<CreditObjection> ObjectAsync(Guid organizationId, ObjectionInput input, CancellationToken ct = default)
    {
        var o = await authority.LoadAsync(organizationId, ct);
        if (user.OrganizationId != o.Id) throw AppProblem.Forbidden("异议由社会组织本单位账号提出");
        var errors = new ValidationErrors();
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0) errors.Add("reason", "请写明异议理由");
        else if (reason.Length > 1000) errors.Add("reason", "异议理由最多 1000 字");
        var evidence = input.Evidence?.Trim() ?? "";
        if (evidence.Length > 2000) errors.Add("evidence", "证明材料说明最多 2000 字");
        CreditEventRecord? target = null;
        if (input.EventId is not { } eventId) errors.Add("eventId", "请选择提出异议的信用事件");
        else
        {
            target = await db.Set<CreditEventRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId && e.OrganizationId == o.Id, ct);
            if (target is null) errors.Add("eventId", "该信用事件不属于本组织");
            else if (!CreditRules.IsAbnormalGround(target.Kind) && !CreditRules.IsDishonestGround(target.Kind)) errors.Add("eventId", "只能对列入情形提出异议");
        }
        errors.ThrowIfAny();
        if (await db.Set<CreditEventRecord>().AnyAsync(e => e.OrganizationId == o.Id && e.Kind == CreditEventKind.Corrected && e.CorrectsId == target!.Id, ct))
            throw new AppProblem(409, "socorg_credit_event_struck", "该信用事件已因异议成立被更正，无需再提异议");
        if (await db.Set<CreditObjection>().AnyAsync(x => x.OrganizationId == o.Id && x.EventId == target!.Id && x.Status == CreditObjectionStatus.Pending, ct))
            throw new AppProblem(409, "socorg_credit_objection_pending", "对该信用事件的异议正在核实中，请等待登记管理机关处理");
        var today = clock.Today;
        var days = figures.Find(CreditFigures.ObjectionWorkingDays, o.Profile.AuthorityDivisionCode, today)?.Row.Number;
        var objection = new CreditObjection
        {
            OrganizationId = o.Id,
            DivisionCode = o.Profile.DivisionCode,
            EventId = target!.Id,
            Reason = reason,
            Evidence = evidence,
            FiledOn = today,
            FiledBy = user.UserName,
            DueOn = days is { } n and > 0 ? calendar.AddWorkingDays(today, n) : null,
        };
        db.Add(objection);
        await db.SaveChangesAsync(ct);
        return objection;
    }

    /// <summary>The registration authority decides: upheld strikes the event by a correction event; rejected keeps it with the written reason.</summary>
    public async Task<CreditObjection> DecideAsync(Guid objectionId, DecisionInput input, CancellationToken ct = default)
    {
        var objection = await db.Set<CreditObjection>().FirstOrDefaultAsync(x => x.Id == objectionId, ct) ?? throw AppProblem.NotFound("异议");
        var o = await authority.LoadForActionAsync(objection.OrganizationId!.Value, ct);
        var errors = new ValidationErrors();
        var upheld = input.Decision?.Trim() switch { "upheld" => true, "rejected" => false, _ => (bool?)null };
        if (upheld is null) errors.Add("decision", "请选择异议成立或不成立");
        var reason = input.Reason?.Trim() ?? "";
        if (upheld == false && reason.Length == 0) errors.Add("reason", "异议不成立的，须书面说明理由");
        if (reason.Length > 1000) errors.Add("reason", "处理意见最多 1000 字");
        if (input.Version is null) errors.Add("version", "缺少版本号，请刷新页面后重试");
        errors.ThrowIfAny();
        if (objection.Status != CreditObjectionStatus.Pending) throw new AppProblem(409, "socorg_credit_objection_decided", "该异议已处理");
        if (input.Version != objection.Version) throw AppProblem.Stale();
        var today = clock.Today;
        objection.Status = upheld == true ? CreditObjectionStatus.Upheld : CreditObjectionStatus.Rejected;
        objection.DecidedOn = today;
        objection.DecidedBy = user.UserName;
        objection.DecisionReason = reason.Length == 0 ? null : reason;
        if (upheld == true)
        {
            var target = await db.Set<CreditEventRecord>().AsNoTracking().FirstAsync(e => e.Id == objection.EventId, ct);
            var correction = await ledger.RecordAsync(o, new CreditEntry(o.Id, today, CreditEventKind.Corrected,
                $"异议成立，更正 {target.OccurredOn:yyyy-MM-dd}“{target.Ground}”" + (reason.Length > 0 ? "：" + reason : ""), "objection",
                SourceKey: $"objection:{objection.Id}", CorrectsId: objection.EventId), ct);
            objection.CorrectionEventId = correction?.Id;
        }
        await db.SaveChangesAsync(ct);
        return objection;
    }

    /// <summary>The objections in the user's scope, pending first.</summary>
    public async Task<Paged<(CreditObjection Objection, string Name)>> ObjectionsAsync(CreditObjectionStatus? status, PageRequest paging, CancellationToken ct = default)
    {
        var q = db.Set<CreditObjection>().AsNoTracking().Where(x => status == null || x.Status == status);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(x => x.Status).ThenBy(x => x.FiledOn).ThenBy(x => x.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.OrganizationId).Distinct().ToList();
        var names = await db.Set<Organization>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return new([.. rows.Select(r => (r, names.GetValueOrDefault(r.OrganizationId!.Value, "")))], total, paging.Page, paging.PageSize);
    }

    /// <summary>
    /// The organisations in the user's scope on a list today (or on the named list), derived from their events; every list of a
    /// few thousand organisations with a handful of events each is evaluated in memory.
    /// </summary>
    public async Task<List<CreditListRow>> CurrentListsAsync(CreditList? list, CancellationToken ct = default)
    {
        var today = clock.Today;
        var events = await db.Set<CreditEventRecord>().AsNoTracking().OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ToListAsync(ct);
        var ids = events.Select(e => e.OrganizationId!.Value).Distinct().ToList();
        var profiles = await db.Set<SocialOrganizationProfile>().AsNoTracking().Where(p => ids.Contains(p.OrganizationId!.Value)).ToDictionaryAsync(p => p.OrganizationId!.Value, ct);
        var orgs = await db.Set<Organization>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var rows = new List<CreditListRow>();
        foreach (var g in events.GroupBy(e => e.OrganizationId!.Value))
        {
            if (!profiles.TryGetValue(g.Key, out var p) || !orgs.TryGetValue(g.Key, out var org)) continue;
            var s = ledger.Status([.. g], p.AuthorityDivisionCode, today);
            if (s.List == CreditList.None || (list is { } l && s.List != l)) continue;
            rows.Add(new(g.Key, org.Name, org.CreditCode, p.AuthorityDivisionCode, s));
        }
        return [.. rows.OrderBy(r => r.Status.List).ThenByDescending(r => r.Status.Since).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }
}
