using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.HomeCare.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare;

public sealed record ContractInput(Guid? ProviderId, [Text(12)] string? DivisionCode, [Within(2000, 2100)] int? Year, [Amount(0, 100_000_000)] decimal? Budget, [Text(200)] string? Document);

/// <summary>A contract as lists show it, with what has been settled against its budget and whether the alert line is reached.</summary>
public sealed record ContractRow(Guid Id, string Number, Guid? ProviderId, string ProviderName, string DivisionCode, string DivisionName, int Year, DateOnly ValidFrom, DateOnly ValidTo,
    decimal Budget, decimal Settled, decimal ConsumedPercent, decimal AlertPercent, bool Alert, string Document, bool IsDemo, int Version);

/// <summary>Registers purchase contracts and reports their budget consumption.</summary>
public sealed class HomeCareContracts(AppDbContext db, ICurrentUser user, FigureBook figures, DivisionDirectory divisions, OrganizationPayees payees, CaseNumbers numbers, AuditLog audit, BusinessClock clock)
{
    public async Task<HomeCareContract> CreateAsync(ContractInput input, bool isDemo = false, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        var division = payees.Purchaser(input.DivisionCode, errors);
        var provider = await payees.PayeeAsync(input.ProviderId, division, errors, "providerId", "服务机构", ct);
        if (input.Year is null) errors.Add("year", "请填写合同年度");
        if (input.Budget is not > 0) errors.Add("budget", "年度预算须大于 0");
        if (string.IsNullOrWhiteSpace(input.Document)) errors.Add("document", "请填写合同编号或文号");
        errors.ThrowIfAny();
        var year = input.Year!.Value;
        var contract = new HomeCareContract
        {
            Number = await numbers.NextAsync(new NumberSeries("JJHT", year, 4), db.Set<HomeCareContract>().IgnoreQueryFilters().Select(c => (string?)c.Number), ct),
            OrganizationId = provider!.Id,
            ProviderName = provider.Name,
            DivisionCode = division!,
            Year = year,
            ValidFrom = new DateOnly(year, 1, 1),
            ValidTo = new DateOnly(year, 12, 31),
            Budget = Money.FromYuan(input.Budget!.Value, "budget"),
            Document = input.Document!.Trim(),
            IsDemo = isDemo,
        };
        db.Add(contract);
        audit.Add("create", "elderly_homecare_contract", contract.Id.ToString(), new { contract.Number, provider.Name, budget = contract.Budget.Yuan }, contract.DivisionCode);
        await db.SaveChangesAsync(ct);
        return contract;
    }

    /// <summary>
    /// A contract the user may place orders under: in scope, or signed by the county or city above the user's division (a
    /// county buys the service, its townships order under it). Read past the division filter on purpose: the filter shows only
    /// records at or below the user's division, which hides the county's contract from its township clerks; the check here is
    /// the narrower rule (the purchaser is exactly the user's county or city), and an organisation account gets nothing beyond its own.
    /// </summary>
    public async Task<HomeCareContract?> FindOrderableAsync(Guid id, CancellationToken ct)
    {
        var own = await db.Set<HomeCareContract>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (own is not null || user.OrganizationId is not null || user.DivisionCode is not { } division) return own;
        var above = Above(division);
        return await db.Set<HomeCareContract>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(c => c.Id == id && above.Contains(c.DivisionCode), ct);
    }

    /// <summary>The contracts in force on <paramref name="on"/> the user may order under (see <see cref="FindOrderableAsync"/>).</summary>
    public async Task<List<HomeCareContract>> OrderableAsync(DateOnly on, CancellationToken ct)
    {
        var list = await db.Set<HomeCareContract>().AsNoTracking().Where(c => c.ValidTo >= on).ToListAsync(ct);
        if (user.OrganizationId is null && user.DivisionCode is { } division)
        {
            var above = Above(division);
            list.AddRange(await db.Set<HomeCareContract>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                .Where(c => c.ValidTo >= on && above.Contains(c.DivisionCode)).ToListAsync(ct));
        }
        return [.. list.DistinctBy(c => c.Id).OrderBy(c => c.Number)];
    }

    /// <summary>The city and county codes above a division (its purchasers).</summary>
    private static string[] Above(string division) => [division[..4].PadRight(12, '0'), division[..6].PadRight(12, '0')];

    public async Task<HomeCareContract> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<HomeCareContract>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppProblem.NotFound("居家养老服务合同");

    /// <summary>The contracts in scope, newest year first, with their settled totals (one grouped query).</summary>
    public async Task<Paged<ContractRow>> ListAsync(PageRequest paging, CancellationToken ct)
    {
        var page = await db.Set<HomeCareContract>().AsNoTracking().OrderByDescending(c => c.Year).ThenBy(c => c.Number).ToPagedAsync(paging, ct);
        var ids = page.Items.Select(c => c.Id).ToList();
        var settled = (await db.Set<HomeCareSettlement>().AsNoTracking().Where(s => ids.Contains(s.ContractId)).Select(s => new { s.ContractId, s.Amount }).ToListAsync(ct))
            .GroupBy(s => s.ContractId).ToDictionary(g => g.Key, g => new Money(g.Sum(s => s.Amount.Fen)));
        return page.Select(c => ToRow(c, settled.GetValueOrDefault(c.Id)));
    }

    public async Task<ContractRow> RowAsync(Guid id, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        return ToRow(c, await SettledAsync(id, ct));
    }

    /// <summary>What has been settled under the contract (at most one settlement a month: read and summed here).</summary>
    public async Task<Money> SettledAsync(Guid contractId, CancellationToken ct) =>
        new((await db.Set<HomeCareSettlement>().Where(s => s.ContractId == contractId).Select(s => s.Amount).ToListAsync(ct)).Sum(a => a.Fen));

    /// <summary>The alert line in force for the contract's purchaser (figure), 80 % where none is entered.</summary>
    public decimal AlertPercent(HomeCareContract c) =>
        figures.Find(HomeCareFigures.BudgetAlert, c.DivisionCode, clock.Today < c.ValidTo ? clock.Today : c.ValidTo)?.Row.Percent ?? DefaultAlertPercent;

    /// <summary>The line (issue 13 item 5: "alert at 80 %"), used only when the book has no figure.</summary>
    public const decimal DefaultAlertPercent = 80m;

    private ContractRow ToRow(HomeCareContract c, Money settled)
    {
        var alertLine = AlertPercent(c);
        var (percent, alert) = HomeCareRules.Consumption(c.Budget, settled, alertLine);
        return new ContractRow(c.Id, c.Number, c.OrganizationId, c.ProviderName, c.DivisionCode, divisions.FullName(c.DivisionCode), c.Year, c.ValidFrom, c.ValidTo,
            c.Budget.Yuan, settled.Yuan, percent, alertLine, alert, c.Document, c.IsDemo, c.Version);
    }
}
