using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.Activities;

public sealed record ProjectInput(string? Title, string? Category, DateOnly? StartsOn, DateOnly? EndsOn, string? Description, int? Version);

/// <summary>The recruitment facts of an activity (条例 第十二、十五条); times are China local time.</summary>
public sealed record ActivityInput(Guid? ProjectId, string? Title, string? Description, string? Category, string? Place,
    DateTime? StartsAt, DateTime? EndsAt, string? RiskDisclosure, int? MinAge, int? MaxAge, string? AbilityRequirements, int? Capacity, int? Version);

/// <summary>
/// 项目与活动 of the signed-in organisation's team: create and edit, then publish (the risks must be disclosed first), close
/// the recruitment, finish or cancel. Reads and writes go through the organisation scope, so another organisation's
/// activity is 404.
/// </summary>
public sealed class ActivityPlans(AppDbContext db, ICurrentUser user, CaseNumbers numbers, BusinessClock clock)
{
    public static readonly IReadOnlyDictionary<string, ServiceCategory> Categories = Enum.GetValues<ServiceCategory>()
        .ToDictionary(c => c.ToString().ToLowerInvariant(), c => c);

    public static string CategoryName(ServiceCategory c) => c switch
    {
        ServiceCategory.ElderlyCare => "助老（养老服务）",
        ServiceCategory.Disability => "助残",
        ServiceCategory.Children => "关爱儿童",
        ServiceCategory.Community => "社区服务",
        ServiceCategory.PovertyRelief => "扶贫济困",
        ServiceCategory.Emergency => "应急救援",
        ServiceCategory.Education => "文化教育",
        ServiceCategory.Environment => "环境保护",
        ServiceCategory.Health => "医疗卫生",
        _ => "其他",
    };

    public static string StatusName(ActivityStatus s) => s switch
    {
        ActivityStatus.Draft => "草稿",
        ActivityStatus.Recruiting => "招募中",
        ActivityStatus.Closed => "招募结束",
        ActivityStatus.Finished => "已结束",
        _ => "已取消",
    };

    /// <summary>The team of the signed-in organisation account, or 403.</summary>
    public async Task<VolunteerTeam> OwnTeamAsync(CancellationToken ct)
    {
        if (user.OrganizationId is not { } own) throw AppProblem.Forbidden("志愿服务活动由志愿服务组织发布，请使用组织账号");
        return await db.Set<VolunteerTeam>().FirstOrDefaultAsync(t => t.OrganizationId == own && t.Active, ct)
            ?? throw AppProblem.Forbidden("本组织尚未登记为志愿服务组织");
    }

    public async Task<VolunteerProject> SaveProjectAsync(Guid? id, ProjectInput input, CancellationToken ct)
    {
        var team = await OwnTeamAsync(ct);
        var errors = new ValidationErrors();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors.Add("title", "请填写项目名称");
        else if (title.Length > 100) errors.Add("title", "项目名称不超过100字");
        var category = ParseCategory(input.Category, errors);
        if (input.StartsOn is null) errors.Add("startsOn", "请填写项目开始日期");
        if (input.EndsOn is null) errors.Add("endsOn", "请填写项目结束日期");
        else if (input.StartsOn is { } s && input.EndsOn < s) errors.Add("endsOn", "结束日期不能早于开始日期");
        if (input.Description is { Length: > 2000 }) errors.Add("description", "项目说明不超过2000字");
        errors.ThrowIfAny();
        VolunteerProject project;
        if (id is { } existing)
        {
            project = await db.Set<VolunteerProject>().FirstOrDefaultAsync(p => p.Id == existing && p.OrganizationId == team.OrganizationId, ct) ?? throw AppProblem.NotFound("志愿服务项目");
            db.ExpectVersion(project, input.Version ?? throw AppProblem.Field("version", "缺少版本号"));
            project.Title = title!;
        }
        else
        {
            project = new VolunteerProject { TeamId = team.Id, OrganizationId = team.OrganizationId, DivisionCode = team.DivisionCode, Title = title! };
            db.Add(project);
        }
        project.Category = category;
        project.StartsOn = input.StartsOn!.Value;
        project.EndsOn = input.EndsOn!.Value;
        project.Description = input.Description?.Trim() ?? "";
        await db.SaveChangesAsync(ct);
        return project;
    }

    public async Task<VolunteerActivity> SaveAsync(Guid? id, ActivityInput input, CancellationToken ct)
    {
        var team = await OwnTeamAsync(ct);
        var errors = new ValidationErrors();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors.Add("title", "请填写活动名称");
        else if (title.Length > 100) errors.Add("title", "活动名称不超过100字");
        var category = ParseCategory(input.Category, errors);
        Text(errors, "description", input.Description, 2000, "服务内容");
        Text(errors, "place", input.Place, 200, "服务地点");
        Text(errors, "riskDisclosure", input.RiskDisclosure, 1000, "风险提示");
        Text(errors, "abilityRequirements", input.AbilityRequirements, 500, "能力要求");
        if (input.StartsAt is null) errors.Add("startsAt", "请填写开始时间");
        if (input.EndsAt is null) errors.Add("endsAt", "请填写结束时间");
        else if (input.StartsAt is { } s && input.EndsAt <= s) errors.Add("endsAt", "结束时间应晚于开始时间");
        else if (input.StartsAt is { } s2 && (input.EndsAt.Value - s2).TotalDays > 7) errors.Add("endsAt", "一次活动不超过7天，更长的服务请分为多次活动");
        if (input.MinAge is < 0 or > 120) errors.Add("minAge", "最低年龄应在0至120岁之间");
        if (input.MaxAge is < 0 or > 120) errors.Add("maxAge", "最高年龄应在0至120岁之间");
        else if (input.MinAge is { } min && input.MaxAge is { } max && max < min) errors.Add("maxAge", "最高年龄不能低于最低年龄");
        if (input.Capacity is null or < 1 or > 10000) errors.Add("capacity", "招募人数应在1至10000之间");
        Guid? projectId = null;
        if (input.ProjectId is { } pid)
        {
            if (!await db.Set<VolunteerProject>().AnyAsync(p => p.Id == pid && p.OrganizationId == team.OrganizationId, ct)) errors.Add("projectId", "项目不存在");
            else projectId = pid;
        }
        errors.ThrowIfAny();
        VolunteerActivity activity;
        if (id is { } existing)
        {
            activity = await OwnAsync(existing, ct);
            db.ExpectVersion(activity, input.Version ?? throw AppProblem.Field("version", "缺少版本号"));
            if (activity.Status is ActivityStatus.Finished or ActivityStatus.Cancelled) throw AppProblem.Conflict("volunteer_activity_state", "已结束或已取消的活动不能修改");
            activity.Title = title!;
        }
        else
        {
            var startsLocal = input.StartsAt!.Value;
            activity = new VolunteerActivity
            {
                Number = await numbers.NextActivityAsync(db, team.DivisionCode, startsLocal.Year, ct),
                TeamId = team.Id,
                OrganizationId = team.OrganizationId,
                DivisionCode = team.DivisionCode,
                Title = title!,
            };
            db.Add(activity);
        }
        activity.ProjectId = projectId;
        activity.Category = category;
        activity.Description = input.Description?.Trim() ?? "";
        activity.Place = input.Place?.Trim() ?? "";
        activity.StartsAt = BusinessClock.FromChina(input.StartsAt!.Value);
        activity.EndsAt = BusinessClock.FromChina(input.EndsAt!.Value);
        activity.RiskDisclosure = input.RiskDisclosure?.Trim() ?? "";
        activity.MinAge = input.MinAge;
        activity.MaxAge = input.MaxAge;
        activity.AbilityRequirements = input.AbilityRequirements?.Trim() ?? "";
        activity.Capacity = input.Capacity!.Value;
        if (activity.Status == ActivityStatus.Recruiting && activity.RiskDisclosure.Length == 0)
        {
            throw AppProblem.Field("riskDisclosure", "招募中的活动必须如实告知风险（志愿服务条例第十二条）");
        }
        await db.SaveChangesAsync(ct);
        return activity;
    }

    /// <summary>publish / close / finish / cancel, each from the states it may follow.</summary>
    public async Task<VolunteerActivity> TransitionAsync(Guid id, string action, int? version, CancellationToken ct)
    {
        var activity = await OwnAsync(id, ct);
        db.ExpectVersion(activity, version ?? throw AppProblem.Field("version", "缺少版本号"));
        (ActivityStatus[] from, ActivityStatus to) = action switch
        {
            "publish" => (new[] { ActivityStatus.Draft, ActivityStatus.Closed }, ActivityStatus.Recruiting),
            "close" => (new[] { ActivityStatus.Recruiting }, ActivityStatus.Closed),
            "finish" => (new[] { ActivityStatus.Recruiting, ActivityStatus.Closed }, ActivityStatus.Finished),
            "cancel" => (new[] { ActivityStatus.Draft, ActivityStatus.Recruiting, ActivityStatus.Closed }, ActivityStatus.Cancelled),
            _ => throw AppProblem.Field("action", "操作应为 publish、close、finish 或 cancel"),
        };
        if (!from.Contains(activity.Status)) throw AppProblem.Conflict("volunteer_activity_state", $"活动{StatusName(activity.Status)}，不能{ActionName(action)}");
        if (to == ActivityStatus.Recruiting)
        {
            // 条例 第十二条: true information and the risks before anyone signs up
            if (activity.RiskDisclosure.Trim().Length == 0) throw AppProblem.Field("riskDisclosure", "发布招募前必须如实告知服务中可能发生的风险（志愿服务条例第十二条）");
            if (activity.Description.Trim().Length == 0) throw AppProblem.Field("description", "发布招募前必须如实说明服务内容");
            if (activity.EndsAt <= clock.UtcNow) throw AppProblem.Field("endsAt", "活动已经结束，不能再发布招募");
        }
        if (to == ActivityStatus.Finished && activity.StartsAt > clock.UtcNow) throw AppProblem.Conflict("volunteer_activity_state", "活动尚未开始，不能结束（不再举办请取消）");
        activity.Status = to;
        await db.SaveChangesAsync(ct);
        return activity;
    }

    public static string ActionName(string action) => action switch
    {
        "publish" => "发布招募",
        "close" => "结束招募",
        "finish" => "结束活动",
        "cancel" => "取消",
        _ => action,
    };

    /// <summary>An activity of the signed-in organisation (another organisation's is 404 through the scope and this check).</summary>
    public async Task<VolunteerActivity> OwnAsync(Guid id, CancellationToken ct)
    {
        if (user.OrganizationId is not { } own) throw AppProblem.Forbidden("志愿服务活动由志愿服务组织办理，请使用组织账号");
        return await db.Set<VolunteerActivity>().FirstOrDefaultAsync(a => a.Id == id && a.OrganizationId == own, ct) ?? throw AppProblem.NotFound("志愿服务活动");
    }

    private static ServiceCategory ParseCategory(string? value, ValidationErrors errors)
    {
        if (value is not null && Categories.TryGetValue(value.Trim().ToLowerInvariant(), out var c)) return c;
        errors.Add("category", "请选择服务类别");
        return ServiceCategory.Other;
    }

    private static void Text(ValidationErrors errors, string field, string? value, int max, string label)
    {
        if (value is { } v && v.Trim().Length > max) errors.Add(field, $"{label}不超过{max}字");
    }
}
