using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Registry.Organizations;

/// <summary>
/// The one check of who buys a service and whom it pays (政府购买服务 contracts, supplier catalogues): the purchaser is the city
/// or a county within the user's scope, and the payee an active organisation registered inside the purchaser's division —
/// payrolls run per county over the payees' divisions, so an organisation registered elsewhere could not be paid by it.
/// Errors go on the caller's fields, collected with the rest of its input.
/// </summary>
public sealed class OrganizationPayees(AppDbContext db, ICurrentUser user, DivisionDirectory divisions)
{
    /// <summary>The purchasing division (the user's own when not given), or null with the error on <paramref name="field"/>.</summary>
    public string? Purchaser(string? divisionCode, ValidationErrors errors, string field = "divisionCode")
    {
        var division = string.IsNullOrWhiteSpace(divisionCode) ? user.DivisionCode : divisionCode.Trim();
        if (divisions.Find(division) is not { } d || d.Level is not (DivisionLevel.County or DivisionLevel.City)) errors.Add(field, "购买方须为市或县（市、区）");
        else if (!user.IsSystem && !user.Scope.Contains(division)) errors.Add(field, "购买方不在您的管辖范围内");
        else return division;
        return null;
    }

    /// <summary>
    /// The organisation to be paid (<paramref name="what"/>: 服务机构, 供应商), checked as active and registered inside
    /// <paramref name="payerDivision"/> when that is known; null with the error on <paramref name="field"/> otherwise.
    /// </summary>
    public async Task<Organization?> PayeeAsync(Guid? organizationId, string? payerDivision, ValidationErrors errors, string field, string what, CancellationToken ct = default)
    {
        if (organizationId is not { } id)
        {
            errors.Add(field, $"请选择{what}（已在组织登记中登记）");
            return null;
        }
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) errors.Add(field, $"{what}未登记或不在您的管辖范围内");
        else if (org.Status != OrganizationStatus.Active) errors.Add(field, "该组织已注销或撤销登记");
        else if (payerDivision is not null && !org.DivisionCode.StartsWith(DivisionCodes.ScopePrefix(payerDivision), StringComparison.Ordinal))
        {
            errors.Add(field, $"{what}的登记地不在{divisions.NameOf(payerDivision)}辖区内（款项经{divisions.NameOf(payerDivision)}发放）");
        }
        else return org;
        return null;
    }
}
