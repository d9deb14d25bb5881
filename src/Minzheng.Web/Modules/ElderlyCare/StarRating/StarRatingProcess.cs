using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.ElderlyCare.StarRating;

/// <summary>
/// 养老机构星级评定 as data for the workflow kernel (ADR 035): 受理申请 (with the home's self-assessment) → 专家评分 (the level is
/// computed by <see cref="StarRules"/> from the section scores) → 评定决定 (published on the public list with its validity), or
/// 不予评定 / 退回重新评分 with a written opinion. Step limits are local practice (UNCONFIRMED). Expiry needs no step: the public
/// list shows a published rating only while it is valid.
/// </summary>
public static class StarRatingProcess
{
    public const string Code = "elderly-star-rating";
    public const string SubjectType = "elderly-star-rating";

    public const string Applied = "applied";
    public const string Scored = "scored";
    public const string Published = "published";
    public const string Refused = "refused";

    public const string Score = "score";
    public const string Publish = "publish";
    public const string Return = "return";
    public const string Refuse = "refuse";

    public static readonly ProcessModel Model = new(
        Code: Code,
        Name: "养老机构星级评定",
        InitialState: Applied,
        States:
        [
            new(Applied, "待专家评分", DeadlineWorkingDays: 30), // local practice, UNCONFIRMED
            new(Scored, "待评定决定", DeadlineWorkingDays: 10),  // local practice, UNCONFIRMED
            new(Published, "已公布", Terminal: true),
            new(Refused, "不予评定", Terminal: true),
        ],
        Transitions:
        [
            new(Applied, Score, "专家评分", Scored, StarRatingPermissions.Rate),
            new(Applied, Refuse, "不予评定", Refused, StarRatingPermissions.Rate, RequiresOpinion: true),
            new(Scored, Publish, "评定决定，公布", Published, StarRatingPermissions.Rate),
            new(Scored, Return, "退回重新评分", Applied, StarRatingPermissions.Rate, RequiresOpinion: true),
            new(Scored, Refuse, "不予评定", Refused, StarRatingPermissions.Rate, RequiresOpinion: true),
        ]);

    public static StarRatingState StateOf(string state) => state switch
    {
        Applied => StarRatingState.Applied,
        Scored => StarRatingState.Scored,
        Published => StarRatingState.Published,
        Refused => StarRatingState.Refused,
        _ => throw new InvalidOperationException($"星级评定流程没有状态 {state}"),
    };
}
