using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Funeral.Contracts;

/// <summary>The error codes only funeral management returns (registered through its module declaration).</summary>
public static class FuneralErrors
{
    private static readonly IReadOnlyList<ErrorCode> Deaths =
    [
        new("death_recorded", 409, "该人员的死亡信息已登记"),
    ];

    private static readonly IReadOnlyList<ErrorCode> Facilities =
    [
        new("funeral_plot_oversize", 400, "墓穴占地面积或使用年限超过标准（提示中写明标准及其文号）"),
        new("funeral_certificate_required", 400, "出售墓穴须查验死亡、火化或迁葬证明"),
        new("funeral_not_cemetery", 409, "该殡葬设施不是公墓或骨灰堂，不设墓穴"),
        new("funeral_plot_exists", 409, "同一位置的墓穴已登记"),
        new("funeral_plot_taken", 409, "墓穴已售出或已安葬"),
    ];

    private static readonly IReadOnlyList<ErrorCode> Cremations =
    [
        new("funeral_cremation_recorded", 409, "该逝者的火化已登记"),
    ];

    private static readonly IReadOnlyList<ErrorCode> Benefits =
    [
        new("funeral_waiver_not_eligible", 400, "不在当日有效的惠民殡葬减免对象或项目范围内"),
        new("funeral_waiver_recorded", 409, "该逝者的这项免费服务已登记"),
        new("funeral_waiver_settled", 409, "该殡仪馆该月已结算"),
        new("funeral_waiver_nothing_to_settle", 409, "该月没有可结算的免费服务"),
        new("funeral_award_exists", 409, "该逝者已申请节地生态安葬奖补（每位逝者一次）"),
        new("funeral_award_decided", 409, "该申请已审批"),
    ];

    private static readonly IReadOnlyList<ErrorCode> Rectification =
    [
        new("funeral_grave_rectified", 409, "该违规墓地已整改"),
        new("funeral_grave_not_ordered", 409, "尚未责令整改或已整改"),
    ];

    // each part adds its own list here, one line each
    public static readonly IReadOnlyList<ErrorCode> All = [.. Deaths, .. Facilities, .. Cremations, .. Benefits, .. Rectification];
}
