using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.Registration;

public sealed record TeamInput(string? OrganizationNumber, VolunteerTeamKind? Kind, string? ContactName, string? ContactPhone);

public sealed record TeamActiveInput(bool Active, int Version);

public sealed record TeamRow(Guid Id, Guid? OrganizationId, string Name, VolunteerTeamKind Kind, string DivisionCode, string ContactName, string ContactPhone,
    DateOnly RegisteredOn, bool Active, int Volunteers, int Version);

/// <summary>
/// 志愿服务组织登记: the township or county 民政 registers an organisation of the shared registry in its scope (a social
/// organisation, a 村(居)委会, a social-work station) as a volunteer organisation, and stops it. Its staff sign in with
/// organisation accounts bound to it (the administrator creates them in 用户管理, like every account bound to an organisation).
/// </summary>
public sealed class VolunteerTeams(AppDbContext db, BusinessClock clock)
{
    public static string KindName(VolunteerTeamKind kind) => kind switch
    {
        VolunteerTeamKind.SocialOrganization => "社会组织",
        VolunteerTeamKind.ResidentsCommittee => "村（居）民委员会",
        VolunteerTeamKind.SocialWorkStation => "社会工作站",
        VolunteerTeamKind.PublicInstitution => "事业单位",
        _ => "其他",
    };

    /// <summary>The teams in scope (an organisation account: its own), with how many volunteers serve with each.</summary>
    public async Task<Paged<TeamRow>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        var teams = db.Set<VolunteerTeam>().AsNoTracking();
        var total = await teams.CountAsync(ct);
        var rows = await teams.OrderBy(t => t.DivisionCode).ThenBy(t => t.Name).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var ids = rows.Select(t => t.Id).ToList();
        // counted in one grouped query for the page (memberships carry the team's division: in scope with the team)
        var counts = await db.Set<VolunteerMembership>().AsNoTracking().Where(m => ids.Contains(m.TeamId))
            .GroupBy(m => m.TeamId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new Paged<TeamRow>(rows.Select(t => new TeamRow(t.Id, t.OrganizationId, t.Name, t.Kind, t.DivisionCode, t.ContactName, t.ContactPhone,
            t.RegisteredOn, t.Active, counts.GetValueOrDefault(t.Id), t.Version)).ToList(), total, page.Page, page.PageSize);
    }

    /// <summary>Registers an organisation in the user's scope, found by its 统一社会信用代码 or platform number, as a volunteer team.</summary>
    public async Task<VolunteerTeam> RegisterAsync(TeamInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var number = input.OrganizationNumber?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(number)) errors.Add("organizationNumber", "请填写组织的统一社会信用代码或平台编号");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "请选择组织类型");
        if (input.ContactName is { Length: > 50 }) errors.Add("contactName", "联系人不超过50字");
        if (input.ContactPhone is { Length: > 30 }) errors.Add("contactPhone", "联系电话不超过30字");
        errors.ThrowIfAny();
        // read in scope: an organisation of another county is "not found", as every out-of-scope record
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.CreditCode == number || o.PlatformNumber == number, ct)
            ?? throw AppProblem.Field("organizationNumber", "组织库中没有该编号的组织，或不在您的管辖范围内（请先在组织库登记）");
        if (organization.Status != OrganizationStatus.Active) throw AppProblem.Field("organizationNumber", "该组织已注销或被撤销登记");
        if (await db.Set<VolunteerTeam>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(t => t.OrganizationId == organization.Id, ct))
        {
            throw AppProblem.Conflict("volunteer_team_exists", $"“{organization.Name}”已登记为志愿服务组织");
        }
        var team = new VolunteerTeam
        {
            OrganizationId = organization.Id,
            DivisionCode = organization.DivisionCode,
            Name = organization.Name,
            Kind = input.Kind!.Value,
            ContactName = input.ContactName?.Trim() ?? "",
            ContactPhone = input.ContactPhone?.Trim() ?? "",
            RegisteredOn = clock.Today,
        };
        db.Add(team);
        await db.SaveChangesAsync(ct);
        return team;
    }

    /// <summary>停用 or 恢复: a stopped team takes no new volunteers or sign-ups; its records and proofs stay.</summary>
    public async Task<VolunteerTeam> SetActiveAsync(Guid id, TeamActiveInput input, CancellationToken ct = default)
    {
        var team = await db.Set<VolunteerTeam>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw AppProblem.NotFound("志愿服务组织");
        db.ExpectVersion(team, input.Version);
        team.Active = input.Active;
        await db.SaveChangesAsync(ct);
        return team;
    }
}
