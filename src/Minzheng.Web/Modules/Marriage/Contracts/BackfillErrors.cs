using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Marriage.Contracts;

/// <summary>The error codes of the historical backfill.</summary>
public static class BackfillErrors
{
    public static readonly ErrorCode SameClerk = new("marriage_backfill_same_clerk", 409, "档案由本人录入，须由另一名工作人员校核");
    public static readonly ErrorCode AlreadyChecked = new("marriage_backfill_checked", 409, "档案已校核");

    public static readonly IReadOnlyList<ErrorCode> All = [SameClerk, AlreadyChecked];
}
