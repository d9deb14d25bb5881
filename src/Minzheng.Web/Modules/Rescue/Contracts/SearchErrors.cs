using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Rescue.Contracts;

/// <summary>The error codes of family search (notices, DNA requests, family inquiries).</summary>
public static class SearchErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("rescue_identity_known", 409, "该受助人员身份已查明，无需发布寻亲公告"),
        new("rescue_notice_withdrawn", 409, "寻亲公告已撤下，不能再修改"),
        new("rescue_notice_published", 409, "寻亲公告已发布"),
        new("rescue_search_closed", 409, "该受助人员身份已查明或已离站，寻亲已结束"),
        new("rescue_photo_too_large", 400, "寻亲公告照片超过大小上限"),
        new("rescue_inquiry_closed", 409, "该寻人登记已确认或已结束"),
    ];
}
