using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Charity;

/// <summary>An organisation the form may pick: a social organisation in the account's scope.</summary>
public sealed record CharityPick(Guid Id, string Name);

/// <summary>
/// What the charity forms share: the text a field was typed as is read here (a date or an amount that cannot be read is an
/// error beside the field, and the form keeps what was typed), and the organisations the account may pick, read through the
/// scope filter (an organisation account sees only its own).
/// </summary>
public sealed class CharityForms(AppDbContext db, ICurrentUser user)
{
    public bool MayWrite => user.HasPermission(CharityPermissions.Write) || user.HasPermission(CharityPermissions.Own) && user.OrganizationId is not null;

    public async Task<IReadOnlyList<CharityPick>> OrganizationsAsync(CancellationToken ct)
    {
        OrganizationKind[] kinds = [OrganizationKind.SocialGroup, OrganizationKind.SocialServiceAgency, OrganizationKind.Foundation];
        var q = db.Organizations.AsNoTracking().Where(o => kinds.Contains(o.Kind));
        if (!user.HasPermission(CharityPermissions.Write)) q = q.Where(o => o.Id == user.OrganizationId);
        return await q.OrderBy(o => o.Name).Take(500).Select(o => new CharityPick(o.Id, o.Name)).ToListAsync(ct);
    }

    public static DateOnly? Date(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(field, "日期格式应为 年-月-日（如 2026-01-31）");
        return null;
    }

    public static decimal? Amount(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Trim().Length <= 20 && decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var d))
            return d;
        errors.Add(field, "金额应为数字，单位元，至多两位小数");
        return null;
    }

    public static int? Number(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(field, "应为整数");
        return null;
    }

    public static Guid? Id(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Guid.TryParse(text.Trim(), out var id)) return id;
        errors.Add(field, "请从列表中选择");
        return null;
    }
}
