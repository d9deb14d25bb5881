using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Access;

/// <summary>
/// How an account is named where staff look (timelines, user list, audit log). A citizen signs in with their mobile number;
/// staff see the citizen's name with the number masked (139****0001), never the number in clear. The records themselves keep
/// the account id (and the audit its login name, under its hash chain).
/// </summary>
public static partial class AccountLabels
{
    // an 11-digit mainland mobile number standing alone (not part of an ID number, a division code or another longer number)
    [GeneratedRegex(@"(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])")]
    private static partial Regex Mobile();

    public static bool IsMobile(string? userName) => userName is { Length: 11 } && Mobile().IsMatch(userName);

    /// <summary>Every mobile number in <paramref name="text"/> masked to its first three and last four digits.</summary>
    public static string MaskPhones(string? text) => string.IsNullOrEmpty(text) ? text ?? "" : Mobile().Replace(text, "$1****$2");

    /// <summary>A staff account by its login name; a citizen (mobile-number login) as "姓名（139****0001）".</summary>
    public static string Label(string? userName, string? displayName) =>
        IsMobile(userName) ? $"{(string.IsNullOrWhiteSpace(displayName) ? "群众" : displayName.Trim())}（{MaskPhones(userName)}）" : MaskPhones(userName);

    /// <summary>The acting user's label, as a timeline or a record's "by" records it.</summary>
    public static string Of(ICurrentUser user) => Label(user.UserName, user.DisplayName);

    /// <summary>Labels of the given accounts (for lists that hold account ids), read in one query.</summary>
    public static async Task<Dictionary<Guid, string>> OfAccountsAsync(AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return [];
        var rows = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => Label(r.UserName, r.DisplayName));
    }
}
