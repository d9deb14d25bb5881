using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Registration;

public sealed record BookAppointmentInput(Guid? OfficeId, DateOnly? Day, string? Purpose, string? MaleName, string? FemaleName, string? Note);

public sealed record CancelAppointmentInput(int? Version, string? Reason);

/// <summary>
/// Appointments at a 婚姻登记处: booked on working days of the kernel calendar (the registry does not register on rest days
/// and holidays), up to the office's daily capacity, cancelled with a reason, listed per day for the counter.
/// </summary>
public sealed class MarriageAppointments(AppDbContext db, WorkingCalendar calendar, BusinessClock clock, ICurrentUser user, AuditLog audit)
{
    /// <summary>How far ahead a couple may book: the office plans its counter a season ahead, no further.</summary>
    public const int BookAheadDays = 90;

    public static AppointmentPurpose? ParsePurpose(string? s) => s switch
    {
        "marriage" => AppointmentPurpose.Marriage,
        "divorce" => AppointmentPurpose.Divorce,
        "reissue" => AppointmentPurpose.Reissue,
        _ => null,
    };

    public static string PurposeCode(AppointmentPurpose p) => p switch { AppointmentPurpose.Divorce => "divorce", AppointmentPurpose.Reissue => "reissue", _ => "marriage" };

    public static string PurposeName(AppointmentPurpose p) => p switch { AppointmentPurpose.Divorce => "离婚登记", AppointmentPurpose.Reissue => "补领证书", _ => "结婚登记" };

    public static string StatusName(AppointmentStatus s) => s switch { AppointmentStatus.Cancelled => "已取消", AppointmentStatus.Attended => "已办理", _ => "已预约" };

    /// <summary>The offices the user may work at (scope filter); the first when only one.</summary>
    public Task<List<MarriageOffice>> OfficesAsync(CancellationToken ct) => db.Set<MarriageOffice>().AsNoTracking().OrderBy(o => o.DivisionCode).ToListAsync(ct);

    /// <summary>The office named, or the user's only office: 404 outside the scope.</summary>
    public async Task<MarriageOffice> OfficeAsync(Guid? officeId, CancellationToken ct)
    {
        if (officeId is { } id) return await db.Set<MarriageOffice>().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw AppProblem.NotFound("婚姻登记处");
        var offices = await db.Set<MarriageOffice>().Take(2).ToListAsync(ct);
        return offices.Count == 1 ? offices[0] : throw AppProblem.Field("officeId", offices.Count == 0 ? "您的辖区没有婚姻登记处" : "请选择婚姻登记处");
    }

    /// <summary>One appointment in the user's scope, or null.</summary>
    public Task<MarriageAppointment?> FindAsync(Guid id, CancellationToken ct) => db.Set<MarriageAppointment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);

    public async Task<MarriageAppointment> BookAsync(BookAppointmentInput input, CancellationToken ct)
    {
        var office = await OfficeAsync(input.OfficeId, ct);
        var errors = new ValidationErrors();
        var purpose = ParsePurpose(input.Purpose);
        if (purpose is null) errors.Add("purpose", "预约事项须为 marriage、divorce 或 reissue");
        var male = (input.MaleName ?? "").Trim();
        var female = (input.FemaleName ?? "").Trim();
        if (male.Length is 0 or > 50) errors.Add("maleName", "请填写男方姓名（50字以内）");
        if (female.Length is 0 or > 50) errors.Add("femaleName", "请填写女方姓名（50字以内）");
        if (input.Note is { Length: > 200 }) errors.Add("note", "备注不超过200字");
        if (input.Day is not { } day) errors.Add("day", "请选择预约日期");
        else if (day < clock.Today || day > clock.Today.AddDays(BookAheadDays)) errors.Add("day", $"预约日期须在今天至{BookAheadDays}天之内");
        errors.ThrowIfAny();
        if (!calendar.IsWorkingDay(input.Day!.Value))
            throw AppProblem.Field("day", $"{input.Day:yyyy年M月d日}不是工作日（按官方日历），婚姻登记处不办理", "marriage_appointment_not_working_day");

        var taken = await db.Set<MarriageAppointment>().Where(a => a.OfficeId == office.Id && a.Day == input.Day).Select(a => new { a.Slot, a.Status }).ToListAsync(ct);
        if (taken.Count(a => a.Status != AppointmentStatus.Cancelled) >= office.DailyCapacity)
            throw AppProblem.Conflict("marriage_appointment_day_full", $"{office.Name} {input.Day:yyyy年M月d日}的{office.DailyCapacity}个预约名额已满，请选择其他工作日");
        var appointment = new MarriageAppointment
        {
            OfficeId = office.Id,
            DivisionCode = office.DivisionCode,
            Day = input.Day.Value,
            Slot = taken.Count == 0 ? 1 : taken.Max(a => a.Slot) + 1,
            Purpose = purpose!.Value,
            MaleName = male,
            FemaleName = female,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            BookedBy = user.UserName,
            BookedAt = clock.UtcNow,
        };
        db.Add(appointment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            // another clerk took the same slot number at the same moment: the unique index kept the day within its capacity
            throw AppProblem.Conflict("marriage_appointment_busy", "同一时刻有其他预约占用了该日名额，请重试");
        }
        return appointment;
    }

    public async Task<MarriageAppointment> CancelAsync(Guid id, CancelAppointmentInput input, CancellationToken ct)
    {
        var a = await db.Set<MarriageAppointment>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("预约");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var reason = (input.Reason ?? "").Trim();
        if (reason.Length is 0 or > 200) throw AppProblem.Field("reason", "请填写取消原因（200字以内）");
        db.ExpectVersion(a, version);
        if (a.Status != AppointmentStatus.Booked) throw AppProblem.Conflict("marriage_appointment_closed", "该预约已取消或已办理，不能再取消");
        a.Status = AppointmentStatus.Cancelled;
        a.CancelReason = reason;
        audit.Add("marriage-appointment-cancel", nameof(MarriageAppointment), a.Id.ToString(), new { a.Day, reason }, a.DivisionCode);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>One office's appointments of a day, in slot order (paged: a full day is the office's capacity).</summary>
    public async Task<Paged<MarriageAppointment>> DayAsync(Guid? officeId, DateOnly day, PageRequest page, CancellationToken ct)
    {
        var office = await OfficeAsync(officeId, ct);
        return await db.Set<MarriageAppointment>().AsNoTracking().Where(a => a.OfficeId == office.Id && a.Day == day).OrderBy(a => a.Slot).ToPagedAsync(page, ct);
    }
}
