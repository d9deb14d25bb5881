using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Marriage.Contracts;

/// <summary>The error codes of marriage registration's counter work: appointments, registration, refusal, revocation.</summary>
public static class RegistrationErrors
{
    public static readonly ErrorCode DayFull = new("marriage_appointment_day_full", 409, "该登记处当日预约已满，请选择其他工作日");
    public static readonly ErrorCode NotWorkingDay = new("marriage_appointment_not_working_day", 400, "预约日期须为工作日（按官方日历，法定节假日和休息日不办理）");
    public static readonly ErrorCode AppointmentBusy = new("marriage_appointment_busy", 409, "同一时刻有其他预约占用了该日名额，请重试");
    public static readonly ErrorCode AppointmentClosed = new("marriage_appointment_closed", 409, "该预约已取消或已办理，不能再变更");
    public static readonly ErrorCode NotInForce = new("marriage_not_in_force", 409, "该婚姻登记已不在有效状态（已离婚、撤销或终止）");
    public static readonly ErrorCode RevocationCourtOnly = new("marriage_revocation_court_only", 422, "申请日适用的法律不允许婚姻登记机关撤销受胁迫的婚姻，请告知当事人向人民法院请求撤销（民法典第一千零五十二条）");
    public static readonly ErrorCode NothingToRefuse = new("marriage_refusal_without_grounds", 400, "不予登记须逐项写明理由：审查没有发现不予登记的情形时，请填写书面理由");

    public static readonly IReadOnlyList<ErrorCode> All = [DayFull, NotWorkingDay, AppointmentBusy, AppointmentClosed, NotInForce, RevocationCourtOnly, NothingToRefuse];
}
