using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.ElderlyCare.StarRating;

/// <summary>The star-rating part's permissions: county civil affairs rate homes (experts' scores are entered by them).</summary>
public static class StarRatingPermissions
{
    public const string Rate = "elderly.star-rating.rate";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Rate, "养老机构星级评定（受理申请、录入自评和专家评分）"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Rate],
        [Roles.CityOfficer] = [Rate],
    };
}
