using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Incubation;

/// <summary>资助项目库: a foundation's funding programme (the field it funds, the amount range per project, the period).</summary>
public sealed class FundingProgramme : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FunderOrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Title { get; set; }
    public required string Field { get; set; }
    public Money MinAmount { get; set; }
    public Money MaxAmount { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>需求项目库: a project an organisation seeks support for.</summary>
public sealed class SupportProject : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Title { get; set; }
    public required string Field { get; set; }
    public Money Budget { get; set; }
    public int Beneficiaries { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>专家库: an expert the incubation centre calls on; the phone is protected like a person's and shown masked.</summary>
public sealed class IncubationExpert : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    public required string Field { get; set; }
    public string Title { get; set; } = "";
    public byte[]? PhoneCipher { get; set; }
    public string? PhoneMasked { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class IncubationConfiguration : IEntityTypeConfiguration<FundingProgramme>, IEntityTypeConfiguration<SupportProject>, IEntityTypeConfiguration<IncubationExpert>
{
    public void Configure(EntityTypeBuilder<FundingProgramme> b)
    {
        b.ToTable("socorg_funding_programme");
        b.HasKey(p => p.Id);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Field).HasMaxLength(20);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.Field, p.EndsOn });
        b.HasIndex(p => p.DivisionCode);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.FunderOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SupportProject> b)
    {
        b.ToTable("socorg_support_project");
        b.HasKey(p => p.Id);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Field).HasMaxLength(20);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.Field, p.DivisionCode });
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<IncubationExpert> b)
    {
        b.ToTable("socorg_expert");
        b.HasKey(e => e.Id);
        b.Property(e => e.DivisionCode).HasMaxLength(12);
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.Field).HasMaxLength(20);
        b.Property(e => e.Title).HasMaxLength(100);
        b.Property(e => e.PhoneMasked).HasMaxLength(20);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.Field, e.DivisionCode });
    }
}

/// <summary>Why a project fits a programme, or why not (the match is a pure rule, table-tested).</summary>
public static class IncubationMatching
{
    /// <summary>The reasons a project does not fit a programme on a date (none: it matches).</summary>
    public static IReadOnlyList<string> Mismatches(string programmeField, Money min, Money max, DateOnly startsOn, DateOnly endsOn, string projectField, Money budget, DateOnly on)
    {
        var reasons = new List<string>();
        if (programmeField != projectField) reasons.Add("领域不同");
        if (budget < min) reasons.Add("预算低于资助下限");
        if (budget > max) reasons.Add("预算高于资助上限");
        if (on > endsOn) reasons.Add("资助项目已截止");
        else if (on < startsOn) reasons.Add("资助项目尚未开始");
        return reasons;
    }
}

public sealed record ProgrammeInput(Guid? FunderOrganizationId, string? Title, string? Field, decimal? MinAmount, decimal? MaxAmount, DateOnly? StartsOn, DateOnly? EndsOn, int? Version);

public sealed record ProjectInput(Guid? OrganizationId, string? Title, string? Field, decimal? Budget, int? Beneficiaries, int? Version);

public sealed record ExpertInput(string? Name, string? Field, string? Title, string? Phone);

public sealed record ProgrammeDto(Guid Id, Guid FunderOrganizationId, string FunderName, string Title, string Field, string FieldName, decimal MinAmount, decimal MaxAmount, DateOnly StartsOn, DateOnly EndsOn, int Version);

public sealed record ProjectDto(Guid Id, Guid OrganizationId, string OrganizationName, string Title, string Field, string FieldName, decimal Budget, int Beneficiaries, int Version);

public sealed record ExpertDto(Guid Id, string Name, string Field, string FieldName, string Title, string? PhoneMasked);

public sealed record MatchDto(ProjectDto Project, ProgrammeDto Programme);

/// <summary>
/// 孵化中心 libraries (issue 14 item 10): funding programmes of foundations, projects seeking support, experts, and the
/// matching list (same field, budget inside the programme's range, programme open today). The libraries are shared work of
/// the civil-affairs officers in scope; a funder or applicant must be a social organisation the user may see.
/// </summary>
public sealed class IncubationLibraries(AppDbContext db, RegistrationAuthority authority, IdentifierProtector protector, BusinessClock clock, ICurrentUser user)
{
    public async Task<ProgrammeDto> SaveProgrammeAsync(Guid? id, ProgrammeInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (input.FunderOrganizationId is null) errors.Add("funderOrganizationId", "请选择出资的基金会");
        var title = Text(input.Title, "title", "项目名称", 200, errors);
        Field(input.Field, errors);
        var min = Amount(input.MinAmount, "minAmount", "资助下限", errors);
        var max = Amount(input.MaxAmount, "maxAmount", "资助上限", errors);
        if (min is { } a && max is { } b && a > b) errors.Add("maxAmount", "资助上限不能低于下限");
        if (input.StartsOn is null) errors.Add("startsOn", "请填写开始日期");
        if (input.EndsOn is null) errors.Add("endsOn", "请填写截止日期");
        else if (input.StartsOn is { } s && input.EndsOn < s) errors.Add("endsOn", "截止日期不能早于开始日期");
        if (id is not null && input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        errors.ThrowIfAny();
        var funder = await authority.LoadAsync(input.FunderOrganizationId!.Value, ct);
        if (funder.Profile.Kind != OrganizationKind.Foundation) throw AppProblem.Field("funderOrganizationId", "出资方应为基金会");
        FundingProgramme row;
        if (id is { } existing)
        {
            row = await db.Set<FundingProgramme>().FirstOrDefaultAsync(p => p.Id == existing, ct) ?? throw AppProblem.NotFound("资助项目");
            db.ExpectVersion(row, input.Version!.Value);
        }
        else
        {
            row = new FundingProgramme { DivisionCode = funder.Profile.DivisionCode, Title = "", Field = "" };
            db.Add(row);
        }
        row.FunderOrganizationId = funder.Id;
        row.DivisionCode = funder.Profile.DivisionCode;
        row.Title = title!;
        row.Field = input.Field!;
        row.MinAmount = min!.Value;
        row.MaxAmount = max!.Value;
        row.StartsOn = input.StartsOn!.Value;
        row.EndsOn = input.EndsOn!.Value;
        await db.SaveChangesAsync(ct);
        return ToDto(row, funder.Organization.Name);
    }

    public async Task<ProjectDto> SaveProjectAsync(Guid? id, ProjectInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (input.OrganizationId is null) errors.Add("organizationId", "请选择申请支持的社会组织");
        var title = Text(input.Title, "title", "项目名称", 200, errors);
        Field(input.Field, errors);
        var budget = Amount(input.Budget, "budget", "项目预算", errors);
        if (input.Beneficiaries is not { } n || n < 0 || n > 10_000_000) errors.Add("beneficiaries", "受益人数应为 0 至 10000000");
        if (id is not null && input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        errors.ThrowIfAny();
        var o = await authority.LoadAsync(input.OrganizationId!.Value, ct);
        SupportProject row;
        if (id is { } existing)
        {
            row = await db.Set<SupportProject>().FirstOrDefaultAsync(p => p.Id == existing, ct) ?? throw AppProblem.NotFound("需求项目");
            db.ExpectVersion(row, input.Version!.Value);
        }
        else
        {
            row = new SupportProject { DivisionCode = o.Profile.DivisionCode, Title = "", Field = "" };
            db.Add(row);
        }
        row.OrganizationId = o.Id;
        row.DivisionCode = o.Profile.DivisionCode;
        row.Title = title!;
        row.Field = input.Field!;
        row.Budget = budget!.Value;
        row.Beneficiaries = input.Beneficiaries!.Value;
        await db.SaveChangesAsync(ct);
        return ToDto(row, o.Organization.Name);
    }

    public async Task<ExpertDto> AddExpertAsync(ExpertInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var name = Text(input.Name, "name", "姓名", 50, errors);
        Field(input.Field, errors);
        var title = input.Title?.Trim() ?? "";
        if (title.Length > 100) errors.Add("title", "职称或专长不能超过 100 字");
        var phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        if (phone is not null && !(phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit))) errors.Add("phone", "手机号码应为 11 位数字");
        if (user.DivisionCode is not { Length: 12 }) errors.Add("name", "您的账号没有所属行政区划，不能录入专家");
        errors.ThrowIfAny();
        var row = new IncubationExpert
        {
            DivisionCode = user.DivisionCode!,
            Name = name!,
            Field = input.Field!,
            Title = title,
            PhoneCipher = phone is null ? null : protector.Encrypt(phone, ProtectedKind.Phone),
            PhoneMasked = phone is null ? null : Person.MaskPhone(phone),
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return ToDto(row);
    }

    public async Task<Paged<ProgrammeDto>> ProgrammesAsync(string? field, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<FundingProgramme>().AsNoTracking();
        if (field is not null) q = q.Where(p => p.Field == field);
        var rows = await q.OrderByDescending(p => p.EndsOn).ThenBy(p => p.Id).ToPagedAsync(page, ct);
        var names = await NamesAsync(rows.Items.Select(p => p.FunderOrganizationId), ct);
        return rows.Select(p => ToDto(p, names.GetValueOrDefault(p.FunderOrganizationId, "")));
    }

    public async Task<Paged<ProjectDto>> ProjectsAsync(string? field, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<SupportProject>().AsNoTracking();
        if (field is not null) q = q.Where(p => p.Field == field);
        var rows = await q.OrderBy(p => p.Title).ThenBy(p => p.Id).ToPagedAsync(page, ct);
        var names = await NamesAsync(rows.Items.Select(p => p.OrganizationId!.Value), ct);
        return rows.Select(p => ToDto(p, names.GetValueOrDefault(p.OrganizationId!.Value, "")));
    }

    public async Task<Paged<ExpertDto>> ExpertsAsync(string? field, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<IncubationExpert>().AsNoTracking();
        if (field is not null) q = q.Where(e => e.Field == field);
        return (await q.OrderBy(e => e.Name).ThenBy(e => e.Id).ToPagedAsync(page, ct)).Select(ToDto);
    }

    /// <summary>Every project with every open programme it fits (by field and amount), projects in title order.</summary>
    public async Task<Paged<MatchDto>> MatchesAsync(string? field, PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today;
        var programmes = await db.Set<FundingProgramme>().AsNoTracking().Where(p => p.EndsOn >= today && p.StartsOn <= today && (field == null || p.Field == field)).ToListAsync(ct);
        var fields = programmes.Select(p => p.Field).Distinct().ToList();
        var projects = await db.Set<SupportProject>().AsNoTracking().Where(p => fields.Contains(p.Field)).OrderBy(p => p.Title).ThenBy(p => p.Id).ToListAsync(ct);
        var names = await NamesAsync(programmes.Select(p => p.FunderOrganizationId).Concat(projects.Select(p => p.OrganizationId!.Value)), ct);
        var matches = (from project in projects
                       from programme in programmes.OrderBy(p => p.EndsOn)
                       where IncubationMatching.Mismatches(programme.Field, programme.MinAmount, programme.MaxAmount, programme.StartsOn, programme.EndsOn, project.Field, project.Budget, today).Count == 0
                       select new MatchDto(ToDto(project, names.GetValueOrDefault(project.OrganizationId!.Value, "")), ToDto(programme, names.GetValueOrDefault(programme.FunderOrganizationId, "")))).ToList();
        return matches.ToPaged(page);
    }

    public static bool IsField(string? code) => SocialOrganizationCategories.IsKnown(code);

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        // names of organisations a programme or project names (a city foundation funds a county project): public registry facts
        return await db.Set<Organization>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static void Field(string? field, ValidationErrors errors)
    {
        if (!IsField(field)) errors.Add("field", "请选择领域（社会组织行业分类）");
    }

    private static string? Text(string? value, string field, string label, int max, ValidationErrors errors)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) errors.Add(field, $"请填写{label}");
        else if (v.Length > max) errors.Add(field, $"{label}不能超过 {max} 字");
        return v;
    }

    private static Money? Amount(decimal? yuan, string field, string label, ValidationErrors errors)
    {
        if (yuan is not { } y) { errors.Add(field, $"请填写{label}"); return null; }
        if (y < 0 || y > Money.MaxYuan || decimal.Round(y, 2) != y) { errors.Add(field, $"{label}应为不小于 0 的金额（元，至多两位小数）"); return null; }
        return Money.FromYuan(y, field);
    }

    private static ProgrammeDto ToDto(FundingProgramme p, string funder) => new(p.Id, p.FunderOrganizationId, funder, p.Title, p.Field, SocialOrganizationCategories.Name(p.Field),
        p.MinAmount.Yuan, p.MaxAmount.Yuan, p.StartsOn, p.EndsOn, p.Version);

    private static ProjectDto ToDto(SupportProject p, string name) => new(p.Id, p.OrganizationId!.Value, name, p.Title, p.Field, SocialOrganizationCategories.Name(p.Field), p.Budget.Yuan, p.Beneficiaries, p.Version);

    private static ExpertDto ToDto(IncubationExpert e) => new(e.Id, e.Name, e.Field, SocialOrganizationCategories.Name(e.Field), e.Title, e.PhoneMasked);
}
