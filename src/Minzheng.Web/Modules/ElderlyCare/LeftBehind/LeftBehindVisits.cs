using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind;

/// <param name="Version">The elder row's version as the form showed it: a visit recorded meanwhile by someone else answers 409.</param>
public sealed record VisitInput(
    VisitMode? Mode, DateOnly? VisitedOn, [Text(500)] string? Health, [Text(500)] string? Safety, [Text(500)] string? LivingCondition,
    [Text(500)] string? Mental, [Text(500)] string? Needs, [NoNullItems] List<string>? Referrals, int? Version);

/// <summary>
/// A visit (定期巡访, by phone or at home) recorded by the village worker or the township: the findings, needs and referrals; the
/// elder's next visit falls due the risk level's interval (figure) after the latest visit.
/// </summary>
public sealed class LeftBehindVisits(AppDbContext db, ICurrentUser user, FigureBook figures, BusinessClock clock, AuditLog audit)
{
    public async Task<(LeftBehindVisit Visit, LeftBehindElder Elder)> RecordAsync(Guid elderId, VisitInput input, CancellationToken ct = default)
    {
        if (!user.HasPermission(LeftBehindPermissions.Write)) throw AppProblem.Forbidden("您没有登记巡访的权限");
        InputRules.ThrowIfInvalid(input);
        var elder = await db.Set<LeftBehindElder>().FirstOrDefaultAsync(e => e.Id == elderId, ct) ?? throw AppProblem.NotFound("留守老年人");
        var today = clock.Today;
        var errors = new ValidationErrors();
        if (input.Mode is not { } mode || !Enum.IsDefined(mode)) errors.Add("mode", "请选择巡访方式（电话或入户）");
        if (input.VisitedOn is not { } on || on > today || on < elder.RegisteredOn) errors.Add("visitedOn", $"请填写巡访日期（{elder.RegisteredOn:yyyy-MM-dd} 登记之后，不晚于今天）");
        if (new[] { input.Health, input.Safety, input.LivingCondition, input.Mental }.All(string.IsNullOrWhiteSpace))
            errors.Add("health", "请至少填写一项巡访发现（身体健康、安全、生活、精神状况）");
        var referrals = (input.Referrals ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct().ToList();
        foreach (var r in referrals.Where(r => LeftBehindReferrals.All.All(x => x.Code != r))) errors.Add("referrals", $"未知的转介服务：{r}");
        if (referrals.Count > 0 && string.IsNullOrWhiteSpace(input.Needs)) errors.Add("needs", "转介服务时请写明老人的需求");
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        errors.ThrowIfAny();
        db.ExpectVersion(elder, input.Version!.Value);
        LeftBehindRegister.RequireOpen(elder);

        var visitedOn = input.VisitedOn!.Value;
        var visit = new LeftBehindVisit
        {
            ElderId = elder.Id,
            DivisionCode = elder.DivisionCode,
            Mode = input.Mode!.Value,
            VisitedOn = visitedOn,
            VisitorUserId = user.UserId,
            VisitorName = user.DisplayName is { Length: > 0 } display ? display : user.UserName,
            Health = Clean(input.Health),
            Safety = Clean(input.Safety),
            LivingCondition = Clean(input.LivingCondition),
            Mental = Clean(input.Mental),
            Needs = Clean(input.Needs),
            Referrals = string.Join(',', referrals),
            DueOn = elder.NextVisitDue,
            OnTime = visitedOn <= elder.NextVisitDue,
        };
        db.Add(visit);
        // a visit entered late for an earlier day does not move the cycle back: the latest visit counts
        if (elder.LastVisitOn is null || visitedOn > elder.LastVisitOn) elder.LastVisitOn = visitedOn;
        var (f, _) = LeftBehindFigureKinds.Load(figures, elder.DivisionCode, today);
        elder.NextVisitDue = LeftBehindRules.NextDue(elder.LastVisitOn.Value, elder.Risk, f);
        // the elder row changes with every visit, so a second worker's form on the same elder is stale (409), not a double visit
        elder.UpdatedAt = clock.UtcNow;
        audit.Add("visit", nameof(LeftBehindElder), elder.Id.ToString(), new { visitedOn, visit.Mode, visit.OnTime, referrals, elder.NextVisitDue }, elder.DivisionCode);
        await db.SaveChangesAsync(ct);
        return (visit, elder);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
