using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.Registration;

public sealed record SelfRegistrationInput(bool? Consent, bool? PublishConsent, string? Skills, string? Availability, IReadOnlyList<Guid>? TeamIds);

/// <summary>The guardian fields are needed only for a person under 18 (条例 第十五条: the guardian's consent, recorded).</summary>
public sealed record OrganizationRegistrationInput(string? IdNumber, string? Name, bool? WrittenConsent, string? Skills, string? Availability,
    string? GuardianName = null, string? GuardianRelationship = null, bool? GuardianConsent = null, DateOnly? GuardianConsentOn = null);

public sealed record ProfileInput(string? Skills, string? Availability, bool? PublishConsent, int Version);

public sealed record VersionInput(int Version);

public sealed record MembershipInput(Guid? TeamId);

public sealed record TeamRef(Guid Id, string Name);

public sealed record VolunteerView(Guid Id, string Number, string Name, string IdNumberMasked, decimal VerifiedHours, int StarLevel, decimal? HoursToNextStar,
    VolunteerStatus Status, string Skills, string Availability, bool PublishConsent, DateOnly RegisteredOn, IReadOnlyList<TeamRef> Teams, int Version);

public sealed record VolunteerFilter(string? Name, int? Star, string? Skill);

/// <summary>A team of the public directory a citizen may join: name, kind and the township only.</summary>
public sealed record TeamDirectoryEntry(Guid Id, string Name, VolunteerTeamKind Kind, string DivisionCode);

/// <summary>
/// 志愿者注册 (志愿服务条例 第七条; 民政部令第67号): a citizen registers themself on the phone with the account's verified
/// registry person, or an organisation registers a person whose ID number and name it checked against the registry and
/// whose written consent it holds. Either way the consent is recorded (条例 第二十条: the volunteer's data is shared only
/// with the organisations they serve with — the memberships), and the number comes from the kernel's case numbers.
/// </summary>
public sealed class VolunteerRegistrations(AppDbContext db, ICurrentUser user, VolunteerIdentity identity, IdentifierProtector protector,
    CaseNumbers numbers, FigureBook figures, BusinessClock clock, AuditLog audit)
{
    /// <summary>The version of <see cref="ConsentText"/>; a new text gets a new version, and each volunteer keeps the one they accepted.</summary>
    public const string ConsentVersion = "volunteer-consent-2026-12";

    public const string ConsentText =
        "本人自愿注册为志愿者。本人同意：平台按照《志愿服务条例》和《志愿服务记录与证明出具办法》（民政部令第67号）记录本人的身份信息、" +
        "服务技能、服务时间意向和志愿服务记录；上述信息只提供给本人参与服务的志愿服务组织，未经本人同意不公开、不向其他单位提供（条例第二十条）。" +
        "本人可随时注销注册，注销后不再向任何组织提供本人信息，已形成的服务记录依法保存。";

    /// <summary>The skills offered for choosing on the page; free text may add others (≤200 characters in all).</summary>
    public static readonly IReadOnlyList<string> SkillChoices = ["助老陪护", "助残服务", "儿童关爱", "心理疏导", "医疗护理", "法律咨询", "文体活动", "应急救援", "环境保护", "文明劝导"];

    public const int AdultAge = 18;

    private const int TextMax = 200;

    // ---- self-service (citizen accounts) -------------------------------------------------------------------------------

    public async Task<Volunteer> RegisterSelfAsync(SelfRegistrationInput input, CancellationToken ct = default)
    {
        var personId = await identity.PersonIdAsync(ct);
        var errors = new ValidationErrors();
        if (input.Consent != true) errors.Add("consent", "请阅读并同意志愿者信息记录与共享的告知内容", "volunteer_consent_required");
        var skills = Text(input.Skills, "skills", "技能特长", errors);
        var availability = Text(input.Availability, "availability", "服务时间意向", errors);
        var teamIds = (input.TeamIds ?? []).Distinct().ToList();
        var teams = await ActiveTeamsAsync(teamIds, ct);
        if (teams.Count != teamIds.Count) errors.Add("teamIds", "所选志愿服务组织不存在或已停用");
        // the citizen's own registry person, read by the id the account is bound to (a citizen's scope is their village)
        var person = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstAsync(p => p.Id == personId, ct);
        if (person.AgeOn(clock.Today) < AdultAge)
        {
            errors.Add("consent", "未满18周岁的，须在监护人同意下由志愿服务组织协助注册（条例第十四条）", "volunteer_minor_needs_guardian");
        }
        errors.ThrowIfAny();

        var existing = await identity.FindAsync(ct);
        if (existing is { Status: not VolunteerStatus.Withdrawn }) throw AppProblem.Conflict("volunteer_already_registered", $"您已注册为志愿者（编号 {existing.Number}）");
        var volunteer = existing ?? await NewVolunteerAsync(person, VolunteerRegistrationChannel.Self, null, ct);
        Consent(volunteer, VolunteerRegistrationChannel.Self, null);
        volunteer.PublishConsent = input.PublishConsent == true;
        volunteer.Skills = skills;
        volunteer.Availability = availability;
        db.PermitOutOfScopeWrite(volunteer, "本人注册志愿者（群众账号绑定的户籍人员本人）");
        foreach (var team in teams) Join(volunteer, team, "本人自愿加入所选志愿服务组织");
        await db.SaveChangesAsync(ct);
        return volunteer;
    }

    public async Task<VolunteerView> MineAsync(CancellationToken ct = default) => await OwnViewAsync(await identity.RequireAsync(ct), ct);

    public async Task<VolunteerView> UpdateMineAsync(ProfileInput input, CancellationToken ct = default)
    {
        var volunteer = await identity.RequireAsync(ct);
        Apply(volunteer, input);
        db.PermitOutOfScopeWrite(volunteer, "本人修改自己的志愿者信息");
        await db.SaveChangesAsync(ct);
        return await OwnViewAsync(volunteer, ct);
    }

    /// <summary>撤回同意、注销: the registration ends, every membership ends (no organisation sees the volunteer any more); the service records stay.</summary>
    public async Task<VolunteerView> WithdrawMineAsync(VersionInput input, CancellationToken ct = default)
    {
        var volunteer = await identity.RequireAsync(ct);
        if (input.Version != volunteer.Version) throw AppProblem.Stale();
        if (volunteer.Status == VolunteerStatus.Withdrawn) throw AppProblem.Conflict("volunteer_withdrawn", "您已注销志愿者注册");
        var memberships = await db.Set<VolunteerMembership>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(m => m.VolunteerId == volunteer.Id).ToListAsync(ct);
        foreach (var m in memberships)
        {
            db.PermitOutOfScopeWrite(m, "志愿者本人注销，结束其在各组织的服务关系");
            db.Remove(m);
        }
        volunteer.Status = VolunteerStatus.Withdrawn;
        volunteer.PublishConsent = false;
        db.PermitOutOfScopeWrite(volunteer, "志愿者本人注销");
        await db.SaveChangesAsync(ct);
        return await OwnViewAsync(volunteer, ct);
    }

    public async Task<VolunteerView> JoinMineAsync(MembershipInput input, CancellationToken ct = default)
    {
        var volunteer = await identity.RequireAsync(ct);
        if (volunteer.Status != VolunteerStatus.Active) throw AppProblem.Conflict("volunteer_not_active", "志愿者注册已暂停或注销，不能加入组织");
        var team = (input.TeamId is { } id ? (await ActiveTeamsAsync([id], ct)).FirstOrDefault() : null)
            ?? throw AppProblem.Field("teamId", "所选志愿服务组织不存在或已停用");
        if (await db.Set<VolunteerMembership>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(m => m.VolunteerId == volunteer.Id && m.TeamId == team.Id, ct))
        {
            throw AppProblem.Conflict("volunteer_already_member", "您已是该组织的志愿者");
        }
        Join(volunteer, team, "本人自愿加入志愿服务组织");
        await db.SaveChangesAsync(ct);
        return await OwnViewAsync(volunteer, ct);
    }

    public async Task<VolunteerView> LeaveMineAsync(Guid teamId, CancellationToken ct = default)
    {
        var volunteer = await identity.RequireAsync(ct);
        var membership = await db.Set<VolunteerMembership>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(m => m.VolunteerId == volunteer.Id && m.TeamId == teamId, ct)
            ?? throw AppProblem.NotFound("服务关系");
        db.PermitOutOfScopeWrite(membership, "志愿者本人退出志愿服务组织");
        db.Remove(membership);
        await db.SaveChangesAsync(ct);
        return await OwnViewAsync(volunteer, ct);
    }

    // ---- organisations ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// 组织代为注册: the ID number and name must match a living registry person (one answer for unknown and mismatched — no
    /// probing), the organisation holds the person's written consent; an existing volunteer only gains the membership.
    /// </summary>
    public async Task<VolunteerView> RegisterByOrganizationAsync(OrganizationRegistrationInput input, CancellationToken ct = default)
    {
        var team = await OwnTeamAsync(ct);
        var errors = new ValidationErrors();
        var id = IdNumber.TryParse(input.IdNumber, out var idError);
        if (id is null) errors.Add("idNumber", idError!, "id_number_invalid");
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写姓名");
        if (input.WrittenConsent != true) errors.Add("writtenConsent", "须已取得本人书面同意（未满18周岁的还须监护人同意）", "volunteer_consent_required");
        var skills = Text(input.Skills, "skills", "技能特长", errors);
        var availability = Text(input.Availability, "availability", "服务时间意向", errors);
        errors.ThrowIfAny();

        var hash = protector.Hash(id!.Value.Value, ProtectedKind.IdNumber);
        // the registry is outside an organisation's scope: matched by the ID number's hash, answered the same for unknown and mismatched
        var person = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(p => p.IdNumberHash == hash, ct);
        if (person is null || person.Name != input.Name!.Trim() || person.LifeStatus != LifeStatus.Alive)
        {
            throw AppProblem.Field("idNumber", "身份证号与姓名未能在户籍登记中核实，请核对后重新填写", "volunteer_person_not_verified");
        }
        var age = person.AgeOn(clock.Today);
        var minor = age < AdultAge;
        if (minor) CheckGuardian(input, age, person.DivisionCode);

        var volunteer = await db.Set<Volunteer>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Include(v => v.Memberships)
            .FirstOrDefaultAsync(v => v.PersonId == person.Id, ct);
        if (volunteer is null)
        {
            volunteer = await NewVolunteerAsync(person, VolunteerRegistrationChannel.Organization, team.OrganizationId, ct);
            Consent(volunteer, VolunteerRegistrationChannel.Organization, team.OrganizationId);
            volunteer.Skills = skills;
            volunteer.Availability = availability;
        }
        if (minor)
        {
            // the guardian's consent is recorded on the volunteer (and audited with the save): who, how related, when, by whom
            volunteer.GuardianName = input.GuardianName!.Trim();
            volunteer.GuardianRelationship = input.GuardianRelationship!.Trim();
            volunteer.GuardianConsentOn = input.GuardianConsentOn ?? clock.Today;
            volunteer.GuardianConsentRecordedBy = user.UserName;
        }
        else
        {
            if (volunteer.Memberships.Any(m => m.TeamId == team.Id)) throw AppProblem.Conflict("volunteer_already_member", $"该志愿者（编号 {volunteer.Number}）已在本组织");
            if (volunteer.Status == VolunteerStatus.Withdrawn)
            {
                // a new registration of a person who withdrew: the organisation's written consent is the new consent
                volunteer.Status = VolunteerStatus.Active;
                Consent(volunteer, VolunteerRegistrationChannel.Organization, team.OrganizationId);
            }
            // an existing volunteer keeps their own skills and availability: the organisation only adds its membership
        }
        db.PermitOutOfScopeWrite(volunteer, "志愿服务组织凭本人书面同意代为注册或加入本组织（身份已与户籍登记核实）");
        Join(volunteer, team, "志愿服务组织凭本人书面同意将其纳入本组织");
        await db.SaveChangesAsync(ct);
        return await GetAsync(volunteer.Id, ct);
    }

    /// <summary>
    /// A minor (under 18) is registered only with the guardian's recorded consent (条例 第十五条) and, where the local figure
    /// sets one, from the minimum age; the activities' own age limits still decide each sign-up.
    /// </summary>
    private void CheckGuardian(OrganizationRegistrationInput input, int age, string divisionCode)
    {
        if (figures.Find(VolunteerFigures.MinorMinAge, divisionCode, clock.Today)?.Row.Number is { } min && age < min)
        {
            throw AppProblem.Conflict("volunteer_minor_too_young", $"未满{min}周岁的未成年人不能注册为志愿者（该人员现年{age}周岁）");
        }
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.GuardianName)) errors.Add("guardianName", "未满18周岁的，请填写监护人姓名", "volunteer_minor_needs_guardian");
        else if (input.GuardianName.Trim().Length > 50) errors.Add("guardianName", "监护人姓名不超过50字");
        if (string.IsNullOrWhiteSpace(input.GuardianRelationship)) errors.Add("guardianRelationship", "请填写监护人与本人的关系（如父亲、母亲）", "volunteer_minor_needs_guardian");
        else if (input.GuardianRelationship.Trim().Length > 20) errors.Add("guardianRelationship", "关系不超过20字");
        if (input.GuardianConsent != true) errors.Add("guardianConsent", "须已取得监护人同意（条例第十五条）", "volunteer_minor_needs_guardian");
        if (input.GuardianConsentOn is { } on && (on > clock.Today || on < clock.Today.AddYears(-1))) errors.Add("guardianConsentOn", "监护人同意日期应在近一年内且不晚于今天");
        errors.ThrowIfAny();
    }

    /// <summary>技能、服务时间 by the organisation the volunteer serves with (read in scope: another organisation gets 404).</summary>
    public async Task<VolunteerView> UpdateAsync(Guid id, ProfileInput input, CancellationToken ct = default)
    {
        var volunteer = await db.Set<Volunteer>().FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw AppProblem.NotFound("志愿者");
        if (user.OrganizationId is null) throw AppProblem.Forbidden("志愿者信息由其服务的志愿服务组织或本人修改");
        if (input.PublishConsent is not null && input.PublishConsent != volunteer.PublishConsent)
        {
            throw AppProblem.Field("publishConsent", "是否同意公开只能由志愿者本人选择");
        }
        Apply(volunteer, input);
        // read through the membership scope above: the volunteer serves with this organisation
        db.PermitOutOfScopeWrite(volunteer, "志愿者所在组织修改其技能和服务时间");
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>The organisation ends a volunteer's membership with its own team; the volunteer's records stay.</summary>
    public async Task RemoveMembershipAsync(Guid id, CancellationToken ct = default)
    {
        var team = await OwnTeamAsync(ct, activeOnly: false);
        var membership = await db.Set<VolunteerMembership>().FirstOrDefaultAsync(m => m.VolunteerId == id && m.TeamId == team.Id, ct)
            ?? throw AppProblem.NotFound("志愿者");
        db.Remove(membership);
        await db.SaveChangesAsync(ct);
    }

    // ---- reads -----------------------------------------------------------------------------------------------------------

    public async Task<VolunteerView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var volunteer = await db.Set<Volunteer>().AsNoTracking().Include(v => v.Memberships).FirstOrDefaultAsync(v => v.Id == id, ct)
            ?? throw AppProblem.NotFound("志愿者");
        return (await ViewsAsync([volunteer], ownTeams: null, ct))[0];
    }

    /// <summary>The volunteers in the caller's scope (an organisation: its own), filtered by name, star and skill, by number.</summary>
    public async Task<Paged<VolunteerView>> ListAsync(VolunteerFilter filter, PageRequest page, CancellationToken ct = default)
    {
        // a name filter needs the registry's names, read per row past the scope: only then is the list built in memory
        if (!string.IsNullOrWhiteSpace(filter.Name)) return (await AllAsync(filter, ct)).ToPaged(page);
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(v => v.Number).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<VolunteerView>(await ViewsAsync(rows, ownTeams: null, ct), total, page.Page, page.PageSize);
    }

    private IQueryable<Volunteer> Filtered(VolunteerFilter filter)
    {
        var query = db.Set<Volunteer>().AsNoTracking().Include(v => v.Memberships).Where(v => v.Status != VolunteerStatus.Withdrawn);
        if (filter.Star is { } star) query = query.Where(v => v.StarLevel == star);
        if (!string.IsNullOrWhiteSpace(filter.Skill)) query = query.Where(v => v.Skills.Contains(filter.Skill.Trim()));
        return query;
    }

    public async Task<List<VolunteerView>> AllAsync(VolunteerFilter filter, CancellationToken ct = default)
    {
        var list = await Filtered(filter).OrderBy(v => v.Number).ToListAsync(ct);
        var views = await ViewsAsync(list, ownTeams: null, ct);
        // names live in the registry, which an organisation cannot query: filtered here, on the names read for the rows in scope
        return string.IsNullOrWhiteSpace(filter.Name) ? views : views.Where(v => v.Name.Contains(filter.Name.Trim(), StringComparison.Ordinal)).ToList();
    }

    /// <summary>The list as xlsx, the same rows as on screen (ID numbers masked); the export is audited.</summary>
    public async Task<Stream> ExportAsync(VolunteerFilter filter, CancellationToken ct = default)
    {
        await audit.RecordAsync("export", "volunteer_profile", null, filter, ct: ct);
        var rows = (await AllAsync(filter, ct)).Select(v => new Dictionary<string, object?>
        {
            ["志愿者编号"] = v.Number,
            ["姓名"] = v.Name,
            ["身份证号（脱敏）"] = v.IdNumberMasked,
            ["星级"] = v.StarLevel,
            ["累计核实服务时长（小时）"] = v.VerifiedHours,
            ["技能特长"] = v.Skills,
            ["服务时间意向"] = v.Availability,
            ["所在组织"] = string.Join("、", v.Teams.Select(t => t.Name)),
        });
        var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, rows, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>The public directory of active teams a citizen may join: name, kind and township, city-wide.</summary>
    public Task<List<TeamDirectoryEntry>> DirectoryAsync(CancellationToken ct = default) =>
        // a directory of organisations (no personal data): every citizen of the city may choose among them
        db.Set<VolunteerTeam>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(t => t.Active)
            .OrderBy(t => t.DivisionCode).ThenBy(t => t.Name).Select(t => new TeamDirectoryEntry(t.Id, t.Name, t.Kind, t.DivisionCode)).ToListAsync(ct);

    // ---- helpers ---------------------------------------------------------------------------------------------------------

    private async Task<VolunteerView> OwnViewAsync(Volunteer volunteer, CancellationToken ct)
    {
        // the citizen's own memberships and teams, read by the volunteer id of their own registration
        var memberships = await db.Set<VolunteerMembership>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(m => m.VolunteerId == volunteer.Id).Select(m => m.TeamId).ToListAsync(ct);
        var teams = await db.Set<VolunteerTeam>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(t => memberships.Contains(t.Id)).OrderBy(t => t.Name).Select(t => new TeamRef(t.Id, t.Name)).ToListAsync(ct);
        return (await ViewsAsync([volunteer], teams, ct))[0];
    }

    private async Task<List<VolunteerView>> ViewsAsync(List<Volunteer> volunteers, List<TeamRef>? ownTeams, CancellationToken ct)
    {
        var personIds = volunteers.Select(v => v.PersonId).Distinct().ToList();
        // names and masked ID numbers past the scope (an organisation account sees no registry person), for the volunteers read in scope
        var persons = new Dictionary<Guid, (string Name, string Masked)>();
        foreach (var chunk in personIds.Chunk(500))
        {
            foreach (var p in await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(p => chunk.Contains(p.Id))
                         .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.PlatformNumber }).ToListAsync(ct))
            {
                persons[p.Id] = (p.Name, p.IdNumberMasked ?? p.PlatformNumber ?? "");
            }
        }
        // teams through the memberships the caller can see (the include above is filtered by the scope)
        var teamIds = volunteers.SelectMany(v => v.Memberships).Select(m => m.TeamId).Distinct().ToList();
        var teamNames = ownTeams is null
            ? await db.Set<VolunteerTeam>().AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct)
            : [];
        var today = clock.Today;
        return volunteers.Select(v =>
        {
            var (name, masked) = persons.GetValueOrDefault(v.PersonId, ("", ""));
            var thresholds = StarThresholds.On(figures, v.DivisionCode, today);
            var teams = ownTeams ?? v.Memberships.Where(m => teamNames.ContainsKey(m.TeamId)).Select(m => new TeamRef(m.TeamId, teamNames[m.TeamId])).OrderBy(t => t.Name).ToList();
            return new VolunteerView(v.Id, v.Number, name, masked, v.VerifiedHours, v.StarLevel, thresholds?.HoursToNext(v.VerifiedMinutes), v.Status,
                v.Skills, v.Availability, v.PublishConsent, v.RegisteredOn, teams, v.Version);
        }).ToList();
    }

    private async Task<Volunteer> NewVolunteerAsync(Person person, VolunteerRegistrationChannel channel, Guid? organizationId, CancellationToken ct)
    {
        var today = clock.Today;
        var volunteer = new Volunteer
        {
            PersonId = person.Id,
            Number = await numbers.NextVolunteerAsync(db, person.DivisionCode, today.Year, ct),
            DivisionCode = person.DivisionCode,
            Channel = channel,
            RegisteredByOrganizationId = organizationId,
            RegisteredOn = today,
            ConsentVersion = ConsentVersion,
        };
        db.Add(volunteer);
        return volunteer;
    }

    private void Consent(Volunteer volunteer, VolunteerRegistrationChannel channel, Guid? organizationId)
    {
        volunteer.Channel = channel;
        volunteer.RegisteredByOrganizationId = organizationId;
        volunteer.ConsentedAt = clock.UtcNow;
        volunteer.ConsentVersion = ConsentVersion;
    }

    private void Join(Volunteer volunteer, VolunteerTeam team, string reason)
    {
        var membership = new VolunteerMembership
        {
            VolunteerId = volunteer.Id,
            TeamId = team.Id,
            OrganizationId = team.OrganizationId,
            DivisionCode = team.DivisionCode,
            JoinedOn = clock.Today,
            CreatedAt = clock.UtcNow,
        };
        db.PermitOutOfScopeWrite(membership, reason);
        db.Add(membership);
    }

    private static void Apply(Volunteer volunteer, ProfileInput input)
    {
        if (input.Version != volunteer.Version) throw AppProblem.Stale();
        var errors = new ValidationErrors();
        var skills = Text(input.Skills, "skills", "技能特长", errors);
        var availability = Text(input.Availability, "availability", "服务时间意向", errors);
        errors.ThrowIfAny();
        if (volunteer.Status == VolunteerStatus.Withdrawn) throw AppProblem.Conflict("volunteer_withdrawn", "该志愿者已注销，信息不能再修改");
        volunteer.Skills = skills;
        volunteer.Availability = availability;
        if (input.PublishConsent is { } publish) volunteer.PublishConsent = publish;
    }

    private async Task<List<VolunteerTeam>> ActiveTeamsAsync(List<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] :
        // the public directory's teams (no personal data), chosen by a citizen whose scope is their village
        await db.Set<VolunteerTeam>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(t => ids.Contains(t.Id) && t.Active).ToListAsync(ct);

    /// <summary>The team of the signed-in organisation account: 403 for other accounts, 409 when the team was deactivated.</summary>
    private async Task<VolunteerTeam> OwnTeamAsync(CancellationToken ct, bool activeOnly = true)
    {
        if (user.OrganizationId is not { } org) throw AppProblem.Forbidden("志愿者由志愿服务组织的账号代为注册");
        var team = await db.Set<VolunteerTeam>().FirstOrDefaultAsync(t => t.OrganizationId == org, ct)
            ?? throw AppProblem.Forbidden("本组织尚未登记为志愿服务组织，请联系乡镇（街道）或县级民政部门");
        if (activeOnly && !team.Active) throw AppProblem.Conflict("volunteer_team_inactive", "本组织的志愿服务组织登记已停用");
        return team;
    }

    /// <summary>A free-text field of at most 200 characters, trimmed, with "，" and "," read as the list separator "、".</summary>
    public static string Text(string? value, string field, string label, ValidationErrors errors)
    {
        var text = string.Join("、", (value ?? "").Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (text.Length > TextMax) errors.Add(field, $"{label}不能超过{TextMax}个字");
        return text;
    }
}
