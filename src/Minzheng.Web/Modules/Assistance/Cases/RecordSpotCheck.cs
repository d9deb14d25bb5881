using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>抽查: the county checks cases a township decided under delegation.</summary>
public sealed class RecordSpotCheck(AppDbContext db, ICurrentUser user, BusinessClock clock)
{
    public async Task RunAsync(Guid id, string? result, CancellationToken ct = default)
    {
        if (!user.HasPermission(AssistancePermissions.Confirm)) throw AppProblem.Forbidden("抽查由县级民政部门进行");
        var c = await AssistanceCases.LoadAsync(db, id, ct);
        if (c.DecisionLevel != ApprovalLevel.Township || c.DecidedOn is null) throw new AppProblem(409, "spot_check_not_applicable", "只抽查乡镇审批确认的业务");
        if (string.IsNullOrWhiteSpace(result)) throw AppProblem.Field("result", "请填写抽查结果");
        c.SpotCheckedOn = clock.Today;
        c.SpotCheckResult = result.Trim();
        await db.SaveChangesAsync(ct);
    }
}
