using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialWork;

public sealed record ReferralInput
{
    public Guid? StationId { get; init; }
    public Guid? PersonId { get; init; }
    [Text(20)] public string? Direction { get; init; }
    [Text(30)] public string? Line { get; init; }
    [Text(500)] public string? Reason { get; init; }
    public DateOnly? SentOn { get; init; }
}

public sealed record ReferralStepInput
{
    [Text(500)] public string? Note { get; init; }
    public int? Version { get; init; }
}

/// <summary>
/// Referrals (转介, issue 16 item 5.4) between a station and 低保/特困/临时救助, child welfare or elderly care. Linked to the other
/// line by the person only: nothing is written into the other modules' tables. The steps follow a fixed table (sent → received
/// → handled → closed); receiving and handling are the receiving side's (the township and county for a referral out of the
/// station, the station's own account or another division user for a referral into it).
/// </summary>
public sealed class Referrals(AppDbContext db, BusinessClock clock, ICurrentUser user)
{
    public enum Step { Receive, Handle, Close }

    /// <summary>The one transition table: (from, step) → to.</summary>
    public static readonly IReadOnlyDictionary<(ReferralStatus From, Step Step), ReferralStatus> Transitions = new Dictionary<(ReferralStatus, Step), ReferralStatus>
    {
        [(ReferralStatus.Sent, Step.Receive)] = ReferralStatus.Received,
        [(ReferralStatus.Received, Step.Handle)] = ReferralStatus.Handled,
        [(ReferralStatus.Handled, Step.Close)] = ReferralStatus.Closed,
    };

    public static string LineCode(ReferralLine l) => l switch
    {
        ReferralLine.Dibao => "dibao",
        ReferralLine.ExtremePoverty => "extreme-poverty",
        ReferralLine.TemporaryAssistance => "temporary",
        ReferralLine.ChildWelfare => "child-welfare",
        _ => "elderly-care",
    };

    public static string LineName(ReferralLine l) => l switch
    {
        ReferralLine.Dibao => "最低生活保障",
        ReferralLine.ExtremePoverty => "特困人员救助供养",
        ReferralLine.TemporaryAssistance => "临时救助",
        ReferralLine.ChildWelfare => "儿童福利",
        _ => "养老服务",
    };

    public static string StatusCode(ReferralStatus s) => s switch
    {
        ReferralStatus.Sent => "sent",
        ReferralStatus.Received => "received",
        ReferralStatus.Handled => "handled",
        _ => "closed",
    };

    public static string StatusName(ReferralStatus s) => s switch
    {
        ReferralStatus.Sent => "已转出",
        ReferralStatus.Received => "已接收",
        ReferralStatus.Handled => "已办理",
        _ => "已结束",
    };

    public static string DirectionCode(ReferralDirection d) => d == ReferralDirection.FromStation ? "from-station" : "to-station";

    public static string DirectionName(ReferralDirection d) => d == ReferralDirection.FromStation ? "社工站转出" : "转入社工站";

    private static ReferralLine? ParseLine(string? s) => Enum.GetValues<ReferralLine>().Where(l => LineCode(l) == s?.Trim()).Select(l => (ReferralLine?)l).FirstOrDefault();

    private static ReferralDirection? ParseDirection(string? s) => s?.Trim() switch
    {
        "from-station" => ReferralDirection.FromStation,
        "to-station" => ReferralDirection.ToStation,
        _ => null,
    };

    public static ReferralStatus? ParseStatus(string? s) => Enum.GetValues<ReferralStatus>().Where(x => StatusCode(x) == s?.Trim()).Select(x => (ReferralStatus?)x).FirstOrDefault();

    public async Task<SocialWorkReferral> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<SocialWorkReferral>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AppProblem.NotFound("转介记录");

    public async Task<SocialWorkReferral> SendAsync(ReferralInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        SocialWorkStation? station = null;
        if (input.StationId is not { } sid) errors.Add("stationId", "请选择社工站");
        else if ((station = await db.Set<SocialWorkStation>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct)) is null)
            errors.Add("stationId", "社工站不存在或不在您的管辖范围内");
        var direction = ParseDirection(input.Direction);
        if (direction is null) errors.Add("direction", "方向只能是 from-station（社工站转出）或 to-station（转入社工站）");
        // a station's organisation account refers its own people out; only the division's lines refer people into the station
        else if (direction == ReferralDirection.ToStation && user.OrganizationId is not null) errors.Add("direction", "机构账号只能办理社工站转出的转介");
        var line = ParseLine(input.Line);
        if (line is null) errors.Add("line", "请选择转介的业务：dibao、extreme-poverty、temporary、child-welfare 或 elderly-care");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写转介原因");
        if (input.SentOn is { } on && on > clock.Today) errors.Add("sentOn", "转介日期不能晚于今天");
        // the person: one the user sees in the registry, or (for the station's own account, which sees no registry) the
        // beneficiary of one of the station's own cases
        if (input.PersonId is not { } pid) errors.Add("personId", "请选择转介的人员");
        else if (!await db.Persons.AnyAsync(p => p.Id == pid, ct)
                 && !(station is not null && await db.Set<SocialWorkService>().AnyAsync(s => s.StationId == station.Id && s.BeneficiaryPersonId == pid, ct)))
            errors.Add("personId", "人口库中没有该人员，或不在您的管辖范围内");
        errors.ThrowIfAny();
        if (station!.Status == StationStatus.Closed) throw AppProblem.Conflict("socialwork_station_closed", "社工站已撤销，不能再办理转介");
        var referral = new SocialWorkReferral
        {
            StationId = station.Id,
            DivisionCode = station.DivisionCode,
            OrganizationId = station.OrganizationId,
            PersonId = input.PersonId!.Value,
            Direction = direction!.Value,
            Line = line!.Value,
            Reason = input.Reason!.Trim(),
            SentOn = input.SentOn ?? clock.Today,
            SentBy = user.UserName,
        };
        db.Add(referral);
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>Whether the user is the receiving side of <paramref name="r"/> (guards receive and handle).</summary>
    public bool IsReceiver(SocialWorkReferral r) => r.Direction == ReferralDirection.FromStation
        ? user.OrganizationId is null && r.SentBy != user.UserName
        : user.OrganizationId == r.OrganizationId || (user.OrganizationId is null && r.SentBy != user.UserName);

    public async Task<SocialWorkReferral> StepAsync(Guid id, Step step, ReferralStepInput input, CancellationToken ct = default)
    {
        var r = await GetAsync(id, ct);
        InputRules.ThrowIfInvalid(input);
        if (input.Version is null) throw AppProblem.Field("version", "缺少版本号");
        if (step == Step.Handle && string.IsNullOrWhiteSpace(input.Note)) throw AppProblem.Field("note", "请填写办理情况");
        // guard before effect: the step must be allowed from the current status and by the receiving side
        db.ExpectVersion(r, input.Version.Value);
        if (!Transitions.TryGetValue((r.Status, step), out var to))
            throw AppProblem.Conflict("socialwork_referral_step", $"转介当前为“{StatusName(r.Status)}”，不能办理此操作");
        if (step != Step.Close && !IsReceiver(r)) throw new AppProblem(403, "socialwork_referral_side", "只有接收方可以接收、办理转介");
        switch (step)
        {
            case Step.Receive:
                r.ReceivedAt = clock.UtcNow;
                r.ReceivedBy = user.UserName;
                break;
            case Step.Handle:
                r.HandledAt = clock.UtcNow;
                r.HandledBy = user.UserName;
                r.HandlingNote = input.Note!.Trim();
                break;
            default:
                r.ClosedAt = clock.UtcNow;
                break;
        }
        r.Status = to;
        await db.SaveChangesAsync(ct);
        return r;
    }

    public Task<Paged<SocialWorkReferral>> ListAsync(Guid? stationId, string? status, string? direction, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<SocialWorkReferral>().AsNoTracking();
        if (stationId is { } s) q = q.Where(r => r.StationId == s);
        if (ParseStatus(status) is { } st) q = q.Where(r => r.Status == st);
        if (ParseDirection(direction) is { } d) q = q.Where(r => r.Direction == d);
        return q.OrderByDescending(r => r.SentOn).ThenByDescending(r => r.Id).ToPagedAsync(page, ct);
    }
}
