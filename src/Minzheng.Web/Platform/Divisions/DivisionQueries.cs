using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Divisions;

/// <summary>A list's "区划" filter, one way for every list (the user's own scope is AppDbContext's and applies anyway).</summary>
public static class DivisionQueries
{
    /// <summary>
    /// The rows lying in <paramref name="code"/>'s subtree (a county, a township or a village); a blank code filters nothing,
    /// a malformed one is a 400 beside <paramref name="field"/>.
    /// </summary>
    public static IQueryable<T> Within<T>(this IQueryable<T> q, string? code, string field = "divisionCode") where T : class, IDivisionScoped
    {
        if (string.IsNullOrWhiteSpace(code)) return q;
        code = code.Trim();
        if (!DivisionCodes.IsWellFormed(code)) throw AppProblem.Field(field, "区划代码应为12位数字");
        var prefix = DivisionCodes.ScopePrefix(code);
        return q.Where(x => x.DivisionCode.StartsWith(prefix));
    }
}
