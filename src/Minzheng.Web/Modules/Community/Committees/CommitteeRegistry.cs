using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Community.Committees;

public sealed record CommitteeFactsInput
{
    public int? Version { get; init; }
    [Within(0, 100000)] public int? Households { get; init; }
    [Text(100)] public string? MinorityGroups { get; init; }
    public bool? MonthlyFinance { get; init; }
}

public sealed record MemberInput
{
    /// <summary>The registry person: by id (chosen on a page) or by ID number; or neither, with the name, sex and ethnicity typed.</summary>
    public Guid? PersonId { get; init; }
    [Text(18)] public string? IdNumber { get; init; }
    [Text(50)] public string? Name { get; init; }
    public Sex? Sex { get; init; }
    [Text(20)] public string? Ethnicity { get; init; }
    public CommitteePost? Post { get; init; }
    [Text(50)] public string? Detail { get; init; }
    public DateOnly? TermFrom { get; init; }
}

public sealed record MemberEndInput
{
    public int? Version { get; init; }
    public DateOnly? EndedOn { get; init; }
    [Text(200)] public string? Reason { get; init; }
}

public sealed record ReviewInput
{
    [Within(2000, 2100)] public int? Year { get; init; }
    public ReviewResult? Result { get; init; }
    public DateOnly? ReviewedOn { get; init; }
    [Text(500)] public string? Note { get; init; }
}

public sealed record AuditInput
{
    public AuditKind? Kind { get; init; }
    public Guid? MemberId { get; init; }
    [Text(100)] public string? Subject { get; init; }
    public DateOnly? PeriodFrom { get; init; }
    public DateOnly? PeriodUntil { get; init; }
    public DateOnly? AuditedOn { get; init; }
    [Text(100)] public string? Auditor { get; init; }
    [Text(2000)] public string? Findings { get; init; }
    public DateOnly? PublishedOn { get; init; }
}

public sealed record CommitteeFilter(string? DivisionCode, CommitteeKind? Kind, string? Q);

public sealed record CommitteeRow(Guid Id, string Name, string DivisionCode, string TownshipName, string CountyName, CommitteeKind Kind, string KindName, int Households,
    int Members, int Women, int Representatives, DateOnly? TermFrom, DateOnly? TermUntil, int Warnings);

public sealed record MemberView(Guid Id, Guid? PersonId, string Name, Sex Sex, string SexName, string Ethnicity, CommitteePost Post, string PostName, string Detail,
    DateOnly TermFrom, DateOnly? TermUntil, DateOnly? EndedOn, string EndReason, IReadOnlyList<ReviewView> Reviews, int Version);

public sealed record ReviewView(int Year, ReviewResult Result, string ResultName, DateOnly ReviewedOn, string Note);

public sealed record AuditView(Guid Id, AuditKind Kind, string KindName, string Subject, DateOnly PeriodFrom, DateOnly PeriodUntil, DateOnly AuditedOn, string Auditor,
    string Findings, DateOnly? PublishedOn, int Version);

public sealed record CommitteeDto(Guid Id, Guid OrganizationId, string Name, string DivisionCode, string DivisionName, CommitteeKind Kind, string KindName, int Households,
    string MinorityGroups, bool MonthlyFinance, DateOnly? TermFrom, DateOnly? TermUntil, DateOnly? ClosedOn, IReadOnlyList<MemberView> Members,
    IReadOnlyList<MemberView> FormerMembers, IReadOnlyList<CompositionWarning> Warnings, IReadOnlyList<AuditView> Audits, int Version);

/// <summary>
/// Committees' use cases (issue 18 item 1): the facts the checks need, members by post and term, departures, the yearly 民主评议
/// (the second consecutive 不称职 ends the office, 第三十三条) and the term and departure audits (第三十五条). Every query is the
/// user's division subtree (AppDbContext); every write is audited.
/// </summary>
public sealed class CommitteeRegistry(AppDbContext db, ICurrentUser user, DivisionDirectory divisions, FigureBook figures, IdentifierProtector protector, BusinessClock clock, AuditLog audit)
{
    public IQueryable<Committee> Query(CommitteeFilter f)
    {
        var q = db.Set<Committee>().AsNoTracking().Where(c => c.ClosedOn == null).Within(f.DivisionCode);
        if (f.Kind is { } kind) q = q.Where(c => c.Kind == kind);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(c => c.Name.Contains(f.Q.Trim()));
        return q.OrderBy(c => c.DivisionCode);
    }

    public async Task<Paged<CommitteeRow>> ListAsync(CommitteeFilter f, PageRequest page, CancellationToken ct = default)
    {
        var paged = await Query(f).ToPagedAsync(page, ct);
        var ids = paged.Items.Select(c => c.Id).ToList();
        var members = await db.Set<CommitteeMember>().AsNoTracking().Where(m => ids.Contains(m.CommitteeId) && m.EndedOn == null)
            .Select(m => new { m.CommitteeId, m.Post, m.Sex, m.Ethnicity }).ToListAsync(ct);
        var byCommittee = members.ToLookup(m => m.CommitteeId, m => new MemberFact(m.Post, m.Sex, m.Ethnicity));
        var today = clock.Today;
        return paged.Select(c =>
        {
            var facts = byCommittee[c.Id].ToList();
            var committee = facts.Where(m => m.Post is CommitteePost.Director or CommitteePost.DeputyDirector or CommitteePost.Member).ToList();
            return new CommitteeRow(c.Id, c.Name, c.DivisionCode, TownshipOf(c.DivisionCode), CountyOf(c.DivisionCode), c.Kind, KindName(c.Kind), c.Households,
                committee.Count, committee.Count(m => m.Sex == Sex.Female), facts.Count(m => m.Post == CommitteePost.Representative), c.TermFrom, c.TermUntil,
                CommitteeRules.Check(c.Kind, c.Households, c.MinorityGroups, facts, Limits(c, today)).Count);
        });
    }

    public async Task<Committee> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<Committee>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppProblem.NotFound("村（居）民委员会");

    public async Task<Committee?> ForVillageAsync(string villageCode, CancellationToken ct = default) =>
        await db.Set<Committee>().FirstOrDefaultAsync(c => c.DivisionCode == villageCode && c.ClosedOn == null, ct);

    /// <summary>
    /// The committee a form names, or — left out — the village worker's own; one outside the scope or closed by a division
    /// change is said beside the <c>committeeId</c> field (<paramref name="doing"/> says what a closed committee can no longer do).
    /// </summary>
    public async Task<Committee?> ResolveAsync(Guid? committeeId, ValidationErrors errors, string doing, CancellationToken ct = default)
    {
        Committee? c = null;
        if (committeeId is { } id) c = await db.Set<Committee>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        else if (divisions.Find(user.DivisionCode) is { Level: DivisionLevel.Village } own)
            c = await db.Set<Committee>().AsNoTracking().FirstOrDefaultAsync(x => x.DivisionCode == own.Code && x.ClosedOn == null, ct);
        if (c is null)
        {
            errors.Add("committeeId", committeeId is null ? "请选择村（居）民委员会" : "村（居）民委员会不存在或不在您的管辖范围内");
            return null;
        }
        if (c.ClosedOn is not null)
        {
            errors.Add("committeeId", $"{c.Name}已于{c.ClosedOn:yyyy-MM-dd}撤销（区划调整），不能再{doing}");
            return null;
        }
        return c;
    }

    public async Task<CommitteeDto> DtoAsync(Guid id, CancellationToken ct = default)
    {
        var c = await LoadAsync(id, ct);
        // the post is stored as text: order by the law's order of posts in memory, not alphabetically in the database
        var members = (await db.Set<CommitteeMember>().AsNoTracking().Where(m => m.CommitteeId == id).ToListAsync(ct))
            .OrderBy(m => m.Post).ThenBy(m => m.Detail, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        var reviews = (await db.Set<MemberReview>().AsNoTracking().Where(r => r.CommitteeId == id).ToListAsync(ct)).ToLookup(r => r.MemberId);
        var audits = await db.Set<CommitteeAudit>().AsNoTracking().Where(a => a.CommitteeId == id).OrderByDescending(a => a.AuditedOn).ToListAsync(ct);
        MemberView View(CommitteeMember m) => new(m.Id, m.PersonId, m.Name, m.Sex, SexName(m.Sex), m.Ethnicity, m.Post, PostName(m.Post, c.Kind), m.Detail, m.TermFrom, m.TermUntil,
            m.EndedOn, m.EndReason, [.. reviews[m.Id].OrderByDescending(r => r.Year).Select(r => new ReviewView(r.Year, r.Result, ResultName(r.Result), r.ReviewedOn, r.Note))], m.Version);
        var current = members.Where(m => m.EndedOn == null).ToList();
        var warnings = CommitteeRules.Check(c.Kind, c.Households, c.MinorityGroups, [.. current.Select(m => new MemberFact(m.Post, m.Sex, m.Ethnicity))], Limits(c, clock.Today));
        return new(c.Id, c.OrganizationId, c.Name, c.DivisionCode, divisions.FullName(c.DivisionCode), c.Kind, KindName(c.Kind), c.Households, c.MinorityGroups, c.MonthlyFinance,
            c.TermFrom, c.TermUntil, c.ClosedOn, [.. current.Select(View)], [.. members.Where(m => m.EndedOn != null).OrderByDescending(m => m.EndedOn).Select(View)], warnings,
            [.. audits.Select(a => new AuditView(a.Id, a.Kind, AuditKindName(a.Kind), a.Subject, a.PeriodFrom, a.PeriodUntil, a.AuditedOn, a.Auditor, a.Findings, a.PublishedOn, a.Version))],
            c.Version);
    }

    /// <summary>The figures in force for the committee today (the county's rows first, then the city's).</summary>
    public CompositionLimits Limits(Committee c, DateOnly on)
    {
        var category = CommitteeRules.Category(c.Kind);
        int? N(FigureKind k, string cat = "") => figures.Find(k, c.DivisionCode, on, cat)?.Row.Number;
        return new(N(CommitteeFigures.MinMembers, category), N(CommitteeFigures.MaxMembers, category), N(CommitteeFigures.HouseholdsPerRepresentativeMin),
            N(CommitteeFigures.HouseholdsPerRepresentativeMax), N(CommitteeFigures.WomenRepresentativeFraction));
    }

    public async Task<Committee> UpdateFactsAsync(Guid id, CommitteeFactsInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var c = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        db.ExpectVersion(c, version);
        if (input.Households is { } h) c.Households = h;
        if (input.MinorityGroups is not null) c.MinorityGroups = string.Join("、", CommitteeRules.SplitGroups(input.MinorityGroups));
        if (input.MonthlyFinance is { } monthly) c.MonthlyFinance = monthly;
        audit.Add("committee-facts", "com_committee", c.Id.ToString(), new { c.Households, c.MinorityGroups, c.MonthlyFinance }, c.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<CommitteeMember> AddMemberAsync(Guid committeeId, MemberInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var c = await LoadAsync(committeeId, ct);
        var errors = new ValidationErrors();
        if (input.Post is not { } post || !Enum.IsDefined(post)) errors.Add("post", "请选择职务");
        var today = clock.Today;
        if (input.TermFrom is not { } from) errors.Add("termFrom", "请填写任职日期");
        else if (from > today) errors.Add("termFrom", "任职日期不能晚于今天");
        else if (from.Year < 1980) errors.Add("termFrom", "任职日期不合理");
        var named = input.PersonId is not null || !string.IsNullOrWhiteSpace(input.IdNumber);
        var person = await PersonLookup.FindAsync(db, protector, input.PersonId, input.IdNumber, "idNumber", "人员", errors, ct);
        if (!named)
        {
            if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写姓名或身份证号");
            if (input.Sex is not { } sex || !Enum.IsDefined(sex)) errors.Add("sex", "请选择性别");
        }
        errors.ThrowIfAny();
        if (person is { LifeStatus: not LifeStatus.Alive }) throw AppProblem.Field("idNumber", $"{person.Name} 已登记死亡或失踪，不能任职");
        var current = await db.Set<CommitteeMember>().Where(m => m.CommitteeId == c.Id && m.EndedOn == null).ToListAsync(ct);
        var name = person?.Name ?? input.Name!.Trim();
        var same = current.FirstOrDefault(m => m.Post == input.Post && (person is not null ? m.PersonId == person.Id : m.Name == name) && m.Detail == (input.Detail?.Trim() ?? ""));
        if (same is not null) throw AppProblem.Conflict("com_member_exists", $"{name} 已在任{PostName(same.Post, c.Kind)}");
        // 村务监督委员会: 村民委员会成员及其近亲属不得担任 (第三十二条) — the member himself is refused; relatives the township checks
        if (input.Post == CommitteePost.Supervisor && current.Any(m => m.IsCommitteeMember && (person is not null ? m.PersonId == person.Id : m.Name == name)))
            throw AppProblem.Field("post", $"{name} 是村民委员会成员，不得担任村务监督委员会成员（《村民委员会组织法》第三十二条）");
        var years = figures.Find(CommitteeFigures.TermYears, c.DivisionCode, input.TermFrom!.Value)?.Row.Number;
        var m = new CommitteeMember
        {
            CommitteeId = c.Id,
            DivisionCode = c.DivisionCode,
            PersonId = person?.Id,
            Name = name,
            Sex = person?.Sex ?? input.Sex!.Value,
            Ethnicity = person?.Ethnicity ?? (string.IsNullOrWhiteSpace(input.Ethnicity) ? "汉族" : input.Ethnicity.Trim()),
            Post = input.Post!.Value,
            Detail = input.Detail?.Trim() ?? "",
            TermFrom = input.TermFrom.Value,
            TermUntil = c.TermUntil ?? (years is { } y ? CommitteeRules.TermUntil(input.TermFrom.Value, y) : null),
        };
        db.Add(m);
        audit.Add("committee-member-add", "com_member", m.Id.ToString(), new { committee = c.Name, m.Name, m.Post, m.Detail, m.TermFrom }, c.DivisionCode);
        await db.SaveChangesAsync(ct);
        return m;
    }

    public async Task<CommitteeMember> EndMemberAsync(Guid memberId, MemberEndInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var m = await db.Set<CommitteeMember>().FirstOrDefaultAsync(x => x.Id == memberId, ct) ?? throw AppProblem.NotFound("成员");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        db.ExpectVersion(m, version);
        if (m.EndedOn is not null) throw AppProblem.Conflict("com_member_ended", $"{m.Name} 已于{m.EndedOn:yyyy年M月d日}离任");
        var errors = new ValidationErrors();
        if (input.EndedOn is not { } on) errors.Add("endedOn", "请填写离任日期");
        else if (on > clock.Today || on < m.TermFrom) errors.Add("endedOn", "离任日期须在任职日期和今天之间");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写离任原因（辞职、罢免、职务终止、任期届满等）");
        errors.ThrowIfAny();
        m.EndedOn = input.EndedOn;
        m.EndReason = input.Reason!.Trim();
        audit.Add("committee-member-end", "com_member", m.Id.ToString(), new { m.Name, m.Post, m.EndedOn, m.EndReason }, m.DivisionCode);
        await db.SaveChangesAsync(ct);
        return m;
    }

    /// <summary>Records a yearly review; for a village committee's member the second consecutive 不称职 ends the office (第三十三条).</summary>
    public async Task<(MemberReview Review, bool Ended)> ReviewAsync(Guid memberId, ReviewInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var m = await db.Set<CommitteeMember>().FirstOrDefaultAsync(x => x.Id == memberId, ct) ?? throw AppProblem.NotFound("成员");
        var c = await LoadAsync(m.CommitteeId, ct);
        var errors = new ValidationErrors();
        if (input.Year is not { } year) errors.Add("year", "请填写评议年度");
        if (input.Result is not { } result || !Enum.IsDefined(result)) errors.Add("result", "请选择评议结果");
        if (input.ReviewedOn is not { } on) errors.Add("reviewedOn", "请填写评议日期");
        else if (on > clock.Today) errors.Add("reviewedOn", "评议日期不能晚于今天");
        else if (input.Year is { } y && on.Year < y) errors.Add("reviewedOn", "评议日期不能早于评议年度");
        errors.ThrowIfAny();
        if (m.EndedOn is not null) throw AppProblem.Conflict("com_member_ended", $"{m.Name} 已于{m.EndedOn:yyyy年M月d日}离任，不再评议");
        if (await db.Set<MemberReview>().AnyAsync(r => r.MemberId == m.Id && r.Year == input.Year, ct))
            throw AppProblem.Conflict("com_review_exists", $"{m.Name} {input.Year}年度已有民主评议结果");
        var previous = await db.Set<MemberReview>().Where(r => r.MemberId == m.Id && r.Year == input.Year - 1).Select(r => (ReviewResult?)r.Result).FirstOrDefaultAsync(ct);
        var review = new MemberReview
        {
            MemberId = m.Id,
            CommitteeId = m.CommitteeId,
            DivisionCode = m.DivisionCode,
            Year = input.Year!.Value,
            Result = input.Result!.Value,
            ReviewedOn = input.ReviewedOn!.Value,
            Note = input.Note?.Trim() ?? "",
        };
        db.Add(review);
        var ended = c.Kind == CommitteeKind.Village && m.IsCommitteeMember && CommitteeRules.EndsOffice(review.Result, previous);
        if (ended)
        {
            m.EndedOn = review.ReviewedOn;
            m.EndReason = $"连续两次民主评议不称职（{review.Year - 1}、{review.Year}年度），职务终止（《村民委员会组织法》第三十三条）";
        }
        audit.Add("committee-review", "com_member_review", review.Id.ToString(), new { m.Name, review.Year, review.Result, ended }, m.DivisionCode);
        await db.SaveChangesAsync(ct);
        return (review, ended);
    }

    public async Task<CommitteeAudit> AddAuditAsync(Guid committeeId, AuditInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var c = await LoadAsync(committeeId, ct);
        var today = clock.Today;
        var errors = new ValidationErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "请选择审计类别");
        CommitteeMember? member = null;
        if (input.MemberId is { } mid && (member = await db.Set<CommitteeMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == mid && m.CommitteeId == c.Id, ct)) is null)
            errors.Add("memberId", "该成员不属于本委员会");
        if (input.Kind == AuditKind.Departure && member is null) errors.Add("memberId", "离任审计须选择离任成员");
        var subject = member?.Name ?? input.Subject?.Trim();
        if (string.IsNullOrWhiteSpace(subject)) errors.Add("subject", "请填写审计对象");
        if (input.PeriodFrom is not { } pf) errors.Add("periodFrom", "请填写审计期间");
        if (input.PeriodUntil is not { } pu) errors.Add("periodUntil", "请填写审计期间");
        else if (input.PeriodFrom is { } f0 && pu < f0) errors.Add("periodUntil", "审计期间的结束日不能早于开始日");
        if (input.AuditedOn is not { } ao) errors.Add("auditedOn", "请填写审计日期");
        else if (ao > today) errors.Add("auditedOn", "审计日期不能晚于今天");
        if (string.IsNullOrWhiteSpace(input.Auditor)) errors.Add("auditor", "请填写审计机构");
        if (input.PublishedOn is { } po && (po > today || (input.AuditedOn is { } a0 && po < a0))) errors.Add("publishedOn", "公布日期须在审计日期和今天之间");
        errors.ThrowIfAny();
        var row = new CommitteeAudit
        {
            CommitteeId = c.Id,
            DivisionCode = c.DivisionCode,
            Kind = input.Kind!.Value,
            MemberId = member?.Id,
            Subject = subject!,
            PeriodFrom = input.PeriodFrom!.Value,
            PeriodUntil = input.PeriodUntil!.Value,
            AuditedOn = input.AuditedOn!.Value,
            Auditor = input.Auditor!.Trim(),
            Findings = input.Findings?.Trim() ?? "",
            PublishedOn = input.PublishedOn,
        };
        db.Add(row);
        audit.Add("committee-audit", "com_audit", row.Id.ToString(), new { committee = c.Name, row.Kind, row.Subject, row.AuditedOn, row.PublishedOn }, c.DivisionCode);
        await db.SaveChangesAsync(ct);
        return row;
    }

    public string TownshipOf(string code) => code.Length == 12 ? divisions.NameOf(code[..9] + "000") : "";

    public string CountyOf(string code) => code.Length == 12 ? divisions.NameOf(code[..6] + "000000") : "";

    public static string KindName(CommitteeKind k) => k == CommitteeKind.Village ? "村民委员会" : "居民委员会";

    public static string SexName(Sex s) => s == Sex.Female ? "女" : "男";

    public static string ResultName(ReviewResult r) => r switch { ReviewResult.Competent => "称职", ReviewResult.BasicallyCompetent => "基本称职", _ => "不称职" };

    public static string AuditKindName(AuditKind k) => k == AuditKind.Departure ? "离任经济责任审计" : "任期经济责任审计";

    public static string PostName(CommitteePost p, CommitteeKind k) => p switch
    {
        CommitteePost.Director => "主任",
        CommitteePost.DeputyDirector => "副主任",
        CommitteePost.Member => "委员",
        CommitteePost.Supervisor => k == CommitteeKind.Village ? "村务监督委员会成员" : "居务监督委员会成员",
        CommitteePost.SubCommittee => "下属委员会成员",
        CommitteePost.GroupLeader => k == CommitteeKind.Village ? "村民小组长" : "居民小组长",
        _ => k == CommitteeKind.Village ? "村民代表" : "居民代表",
    };
}
