using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare;

/// <param name="Latitude">From the phone's browser where it gives a position; else <paramref name="Address"/> is required.</param>
public sealed record CheckInInput(Guid? OrderId, [Text(20)] string? Service, [Within(-90, 90)] decimal? Latitude, [Within(-180, 180)] decimal? Longitude, [Text(200)] string? Address);

/// <param name="ConfirmationCode">The code on the elder's service card, given by the elder; left empty the record stays unconfirmed (not payable).</param>
public sealed record CheckOutInput([Within(-90, 90)] decimal? Latitude, [Within(-180, 180)] decimal? Longitude, [Text(200)] string? Address, [Text(12)] string? ConfirmationCode, [Text(500)] string? Note, int? Version);

/// <summary>
/// A caregiver's check-in and check-out (electronic visit verification): only staff of the order's provider record visits;
/// times are the server's, never typed; place is the browser's position or an address; the elder confirms with the card's code.
/// </summary>
public sealed class HomeCareVisits(AppDbContext db, ICurrentUser user, BusinessClock clock)
{
    public async Task<HomeCareVisit> CheckInAsync(CheckInInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        if (input.OrderId is not { } orderId) throw AppProblem.Field("orderId", "请选择服务订单");
        var order = await db.Set<HomeCareOrder>().FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw AppProblem.NotFound("居家养老服务订单");
        RequireProviderStaff(order.OrganizationId);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Service) || !order.ServiceList.Contains(input.Service)) errors.Add("service", "请选择订单中的服务项目");
        CheckPlace(input.Latitude, input.Longitude, input.Address, errors);
        errors.ThrowIfAny();
        var today = clock.Today;
        if (order.Status != HomeCareOrderStatus.Active || today < order.FromDate || (order.ToDate is { } to && today > to))
        {
            throw AppProblem.Conflict("home_care_order_inactive", $"订单 {order.Number} 不在服务期内或已终止");
        }
        if (await db.Set<HomeCareVisit>().AnyAsync(v => v.OrderId == order.Id && v.CheckOutAt == null, ct))
        {
            throw AppProblem.Conflict("home_care_visit_open", $"{order.ElderName} 有尚未签退的服务记录，请先签退");
        }
        var visit = new HomeCareVisit
        {
            OrderId = order.Id,
            ContractId = order.ContractId,
            OrganizationId = order.OrganizationId,
            DivisionCode = order.DivisionCode,
            PersonId = order.PersonId,
            ElderName = order.ElderName,
            ServiceCode = input.Service!,
            CaregiverUserId = user.UserId,
            CaregiverName = user.DisplayName ?? user.UserName,
            ServiceDate = today,
            CheckInAt = clock.UtcNow,
            CheckInLatitude = input.Latitude,
            CheckInLongitude = input.Longitude,
            CheckInAddress = Clean(input.Address),
        };
        db.Add(visit);
        await db.SaveChangesAsync(ct);
        return visit;
    }

    public async Task<HomeCareVisit> CheckOutAsync(Guid id, CheckOutInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var visit = await LoadAsync(id, ct);
        RequireProviderStaff(visit.OrganizationId);
        var errors = new ValidationErrors();
        CheckPlace(input.Latitude, input.Longitude, input.Address, errors);
        var code = input.ConfirmationCode?.Trim();
        if (!string.IsNullOrEmpty(code))
        {
            var expected = await db.Set<HomeCareOrder>().Where(o => o.Id == visit.OrderId).Select(o => o.ConfirmationCode).FirstAsync(ct);
            if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(code), System.Text.Encoding.ASCII.GetBytes(expected)))
            {
                errors.Add("confirmationCode", "服务对象确认码不正确，请向老人核对服务卡上的确认码");
            }
        }
        errors.ThrowIfAny();
        if (input.Version is { } version) db.ExpectVersion(visit, version);
        if (visit.CheckOutAt is not null) throw AppProblem.Conflict("home_care_visit_closed", "该服务记录已签退");
        var now = clock.UtcNow;
        visit.CheckOutAt = now;
        visit.CheckOutLatitude = input.Latitude;
        visit.CheckOutLongitude = input.Longitude;
        visit.CheckOutAddress = Clean(input.Address);
        visit.ConfirmedBy = string.IsNullOrEmpty(code) ? null : "code";
        visit.Minutes = (int)Math.Max(0, Math.Floor((now - visit.CheckInAt).TotalMinutes));
        visit.Note = Clean(input.Note);
        await db.SaveChangesAsync(ct);
        return visit;
    }

    public async Task<HomeCareVisit> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<HomeCareVisit>().FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw AppProblem.NotFound("服务记录");

    /// <summary>Only the provider's own staff record visits: a civil-affairs officer who can read the order still cannot check in for the caregiver.</summary>
    private void RequireProviderStaff(Guid? provider)
    {
        if (user.OrganizationId is null || user.OrganizationId != provider)
        {
            throw new AppProblem(403, "home_care_provider_only", "只有承接该订单的服务机构人员可以签到、签退");
        }
    }

    private static void CheckPlace(decimal? latitude, decimal? longitude, string? address, ValidationErrors errors)
    {
        if ((latitude is null) != (longitude is null)) errors.Add("latitude", "经纬度须同时提供");
        else if (latitude is null && string.IsNullOrWhiteSpace(address)) errors.Add("address", "未取得定位，请填写服务地址");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
